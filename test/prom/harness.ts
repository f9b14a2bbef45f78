import {
  buildReport,
  planMetricGate,
  runMetricGate,
  type Clock,
  type MetricGateInputs,
  type PromApi,
} from '@llmops/prom';

/** metric-gate's three stages over a given Prometheus client and clock: plan, run, report. */
export async function gate(
  inputs: MetricGateInputs,
  deps: {
    prom: PromApi;
    clock: Clock;
    log?: (line: string) => void;
    signal?: AbortSignal;
    retryDelayMs?: number;
  },
): Promise<ReturnType<typeof buildReport>> {
  const log = deps.log ?? (() => {});
  const plan = planMetricGate(inputs, { workspace: process.cwd(), env: {}, log });
  return buildReport(await runMetricGate(plan, { ...deps, log }), plan);
}
