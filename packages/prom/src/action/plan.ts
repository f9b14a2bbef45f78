import { formatDuration, type PlanContext } from '@llmops/core';
import { loadChecks, type Check, type NoDataPolicy } from '../checks';
import { requestUrl, type PromClientOptions } from '../client';
import type { Limits } from '../measure';
import { promConnection, type MetricGateInputs } from './inputs';

/** What a metric-gate run measures, settled before Prometheus is asked anything. */
export interface MetricGatePlan {
  checks: Check[];
  prometheus: PromClientOptions;
  /** Where requests go, for the log and the report (no credentials). */
  prometheusUrl: string;
  count: number;
  intervalMs: number;
  noData: NoDataPolicy;
  limits: Limits;
}

/** The checks (inline or a workspace file) and the connection settings; a bad one fails here. */
export function planMetricGate(inputs: MetricGateInputs, context: PlanContext): MetricGatePlan {
  const checks = loadChecks(inputs.checks, context.workspace);
  const prometheus = promConnection(inputs);
  const plan: MetricGatePlan = {
    checks,
    prometheus,
    prometheusUrl: requestUrl(prometheus.url),
    count: inputs.count,
    intervalMs: inputs.interval,
    noData: inputs['no-data'],
    limits: {
      failureLimit: inputs['failure-limit'],
      inconclusiveLimit: inputs['inconclusive-limit'],
      errorLimit: inputs['error-limit'],
    },
  };
  context.log(
    `metric-gate: ${checks.length} check(s) against ${plan.prometheusUrl}, ${plan.count} measurement(s) ${formatDuration(plan.intervalMs)} apart`,
  );
  for (const check of checks) {
    const queries =
      check.test === 'proportion' ? [check.counts!.success, check.counts!.total] : [check.query!];
    context.log(`  ${check.name} (${check.test}): ${queries.join(' | ')}`);
    for (const warning of check.warnings ?? []) context.log(`  warning: ${check.name}: ${warning}`);
  }
  return plan;
}
