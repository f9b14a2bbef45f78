import { formatDuration, input, reportingInputs, totalDurationProblem } from '@llmops/core';
import { z } from 'zod';
import { NO_DATA } from '../checks';
import type { PromClientOptions } from '../client';
import { parseHeaders } from '../headers';

/** Measurements per check: the `count` input, and an analysis step's own `count`. */
export const MEASUREMENT_COUNT = { min: 1, max: 10_000 } as const;

/** How often checks are measured and how many bad measurements a run tolerates (canary-step takes them too). */
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

/**
 * How to reach Prometheus, from the three inputs metric-gate and canary-step share (token, extra
 * headers, basic auth in the URL): checked here, with no request; the client masks every credential.
 */
export function promConnection(inputs: {
  'prometheus-url': string;
  'prometheus-token'?: string;
  'prometheus-headers'?: string;
}): PromClientOptions {
  return {
    url: inputs['prometheus-url'],
    token: inputs['prometheus-token'],
    headers: parseHeaders(inputs['prometheus-headers']),
  };
}
