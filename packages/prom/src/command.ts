import {
  formatDuration,
  input,
  reportingInputs,
  totalDurationProblem,
  type Report,
  type RunContext,
  defineCommand,
} from '@llmops/core';
import { z } from 'zod';
import { loadChecks, NO_DATA, type Check } from './checks';
import { PromClient, type PromApi } from './client';
import { realClock, type Clock } from './clock';
import { parseHeaders } from './headers';
import { measureChecks, type Measurement } from './measure';
import { buildReport, type MetricGateData } from './report';

/** How often checks are measured and how many bad measurements a run tolerates (canary-step takes them too). */
/** Measurements per check: the `count` input, and an analysis step's own `count`. */
export const MEASUREMENT_COUNT = { min: 1, max: 10_000 } as const;

export const measurementInputs = {
  interval: input.duration(),
  count: input.integer(MEASUREMENT_COUNT),
  'failure-limit': input.integer({ min: 0 }),
  'inconclusive-limit': input.integer({ min: 0 }),
  'error-limit': input.integer({ min: 0 }),
  'no-data': input.choice(NO_DATA),
};

/**
 * `count` measurements `interval` apart must fit in what a timer holds, as each interval does: a
 * run of weeks is a mistake, not a gate. Added to every schema that spreads `measurementInputs`.
 */
export function checkRunLength(inputs: { interval: number; count: number }, ctx: z.RefinementCtx): void {
  const problem = runLengthProblem(inputs.count, inputs.interval);
  if (problem) ctx.addIssue({ code: 'custom', path: ['count'], message: problem });
}

/** The one line on a run of `count` measurements `intervalMs` apart that is too long; undefined if fine. */
export function runLengthProblem(count: number, intervalMs: number): string | undefined {
  return totalDurationProblem(
    (count - 1) * intervalMs,
    `${count} measurements ${formatDuration(intervalMs)} apart (interval)`,
  );
}

export const metricGateInputs = z
  .object({
    'prometheus-url': input.requiredUrl(),
    'prometheus-token': input.optional(),
    'prometheus-headers': input.optional(),
    checks: input.text(),
    ...measurementInputs,
    ...reportingInputs,
  })
  .superRefine(checkRunLength);
export type MetricGateInputs = z.output<typeof metricGateInputs>;

export interface MetricGateDeps {
  prom: PromApi;
  clock: Clock;
  /** Where requests go, for the report (no credentials). */
  prometheusUrl: string;
  workspace: string;
  log?: (line: string) => void;
  signal?: AbortSignal;
  /** Delay before a failed request is retried (tests shorten it). */
  retryDelayMs?: number;
}

/** Prometheus client from the action's inputs: token, basic auth in the URL and extra headers, all masked. */
export function promClientFromInputs(
  inputs: Pick<MetricGateInputs, 'prometheus-url' | 'prometheus-token' | 'prometheus-headers'>,
): PromClient {
  return new PromClient({
    url: inputs['prometheus-url'],
    token: inputs['prometheus-token'],
    headers: parseHeaders(inputs['prometheus-headers']),
  });
}

function progress(m: Measurement): string {
  return `${m.check} #${m.index}: ${m.outcome} — ${m.message}`;
}

/** The whole of metric-gate over plain objects: load the checks, measure them, build the report. */
export async function runMetricGate(
  inputs: MetricGateInputs,
  deps: MetricGateDeps,
): Promise<Report<MetricGateData>> {
  const checks: Check[] = loadChecks(inputs.checks, deps.workspace);
  deps.log?.(
    `metric-gate: ${checks.length} check(s) against ${deps.prometheusUrl}, ${inputs.count} measurement(s) ${formatDuration(inputs.interval)} apart`,
  );
  for (const check of checks) {
    const queries =
      check.test === 'proportion' ? [check.counts!.success, check.counts!.total] : [check.query!];
    deps.log?.(`  ${check.name} (${check.test}): ${queries.join(' | ')}`);
    for (const warning of check.warnings ?? []) deps.log?.(`  warning: ${check.name}: ${warning}`);
  }
  const result = await measureChecks(checks, {
    prom: deps.prom,
    clock: deps.clock,
    count: inputs.count,
    intervalMs: inputs.interval,
    noData: inputs['no-data'],
    limits: {
      failureLimit: inputs['failure-limit'],
      inconclusiveLimit: inputs['inconclusive-limit'],
      errorLimit: inputs['error-limit'],
    },
    retryDelayMs: deps.retryDelayMs,
    signal: deps.signal,
    onMeasurement: (m) => deps.log?.(progress(m)),
  });
  return buildReport(result, { prometheusUrl: deps.prometheusUrl, intervalMs: inputs.interval });
}

export const metricGateCommand = defineCommand({
  // Not split yet: the inputs are the plan, the run builds the report.
  plan: (inputs) => inputs,
  report: (report: Report) => report,
  name: 'metric-gate',
  inputs: metricGateInputs,
  secretInputs: ['prometheus-token', 'github-token'],
  async run(inputs, context: RunContext) {
    const prom = promClientFromInputs(inputs);
    return runMetricGate(inputs, {
      prom,
      clock: realClock,
      prometheusUrl: prom.displayUrl,
      workspace: context.workspace,
      log: context.log,
      signal: context.signal,
    });
  },
});
