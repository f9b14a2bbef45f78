import { input, numberProblem, reportingInputs } from '@llmops/core';
import { z } from 'zod';

/** A number within bounds, or undefined when empty (a gate that is off). */
const optionalNumber = (bounds: Parameters<typeof numberProblem>[1]) =>
  input.optional().transform((value, ctx) => {
    if (value === undefined) return undefined;
    const problem = numberProblem(value, bounds);
    if (problem === undefined) return Number(value);
    ctx.addIssue({ code: 'custom', message: problem });
    return z.NEVER;
  });

/** Comparison mode: the production endpoint (compare-*) and the gates on the candidate against it. */
const compareInputs = {
  'compare-base-url': input.url(),
  'compare-api-key': input.optional(),
  'compare-model': input.optional(),
  'min-agreement': input.number({ min: 0, max: 1 }),
  'max-score-drop': input.number({ min: 0, max: 1 }),
  'max-ttft-increase': optionalNumber({ min: 0, max: 100 }),
  'max-latency-increase': optionalNumber({ min: 0, max: 100 }),
};

export const qualityGateInputs = z.object({
  suites: input.list(),
  'base-url': input.url(),
  'api-key': input.optional(),
  model: input.optional(),
  'judge-base-url': input.url(),
  'judge-api-key': input.optional(),
  'judge-model': input.optional(),
  concurrency: input.integer({ min: 1, max: 1000 }),
  repeat: input.integer({ min: 1, max: 100 }),
  'timeout-ms': input.integer({ min: 1 }),
  'max-retries': input.integer({ min: 0, max: 20 }),
  stream: input.bool(),
  cache: input.bool(),
  'cache-dir': input.optional(),
  // Optional at the schema level too, so a CLI or root action.yml generated before it existed still runs.
  'cache-salt': input.optional().optional(),
  'min-score': input.number({ min: 0, max: 1 }),
  baseline: input.text(),
  'base-ref': input.optional(),
  'max-regression': input.number({ min: 0, max: 1 }),
  'slo-ttft-ms': input.integer({ min: 0 }),
  'slo-latency-ms': input.integer({ min: 0 }),
  'max-error-rate': input.number({ min: 0, max: 1 }),
  shard: input.optional(),
  'merge-reports': input.list(),
  'junit-path': input.optional(),
  'check-run': input.bool(),
  ...compareInputs,
  ...reportingInputs,
});
export type QualityGateInputs = z.output<typeof qualityGateInputs>;
