import type { PromApi } from '../client';
import type { Clock } from '../clock';
import { measureChecks, type GateResult, type Measurement } from '../measure';
import type { MetricGatePlan } from './plan';

export interface MetricGateDeps {
  prom: PromApi;
  clock: Clock;
  log?: (line: string) => void;
  signal?: AbortSignal;
  /** Delay before a failed request is retried (tests shorten it). */
  retryDelayMs?: number;
}

function progress(m: Measurement): string {
  return `${m.check} #${m.index}: ${m.outcome} — ${m.message}`;
}

/** Measure the planned checks `count` times, `interval` apart, and judge them. */
export function runMetricGate(plan: MetricGatePlan, deps: MetricGateDeps): Promise<GateResult> {
  return measureChecks(plan.checks, {
    prom: deps.prom,
    clock: deps.clock,
    count: plan.count,
    intervalMs: plan.intervalMs,
    noData: plan.noData,
    limits: plan.limits,
    retryDelayMs: deps.retryDelayMs,
    signal: deps.signal,
    onMeasurement: (m) => deps.log?.(progress(m)),
  });
}
