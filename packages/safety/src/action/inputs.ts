import { input, loadYaml, reportingInputs } from '@llmops/core';
import { z } from 'zod';
import { transformNames, type TransformName } from '../probe';

/** `all`, `none`, or names of transforms; unknown names fail with the allowed list. */
const transformList = () =>
  input.list().transform((names, ctx): TransformName[] => {
    if (names.length === 1 && names[0] === 'none') return [];
    if (names.includes('all')) return [...transformNames];
    const unknown = names.find((n) => !(transformNames as readonly string[]).includes(n));
    if (unknown !== undefined) {
      ctx.addIssue({
        code: 'custom',
        message: `unknown transform '${unknown}': expected all, none or any of ${transformNames.join(', ')}`,
      });
      return z.NEVER;
    }
    return [...new Set(names)] as TransformName[];
  });

/**
 * Per-pack limits as YAML lines (`harmful: 0.02`) or a flow map (`{harmful: 0.02}`). Pack names
 * are checked once the custom packs are loaded: a custom pack may be named here too.
 */
const thresholdMap = () =>
  z.string().transform((text, ctx): Record<string, number> => {
    if (!text.trim()) return {};
    const usage = 'expected YAML lines "<pack>: <rate from 0 to 1>", e.g. "harmful: 0.02"';
    const yaml = loadYaml(text);
    const value = yaml.value;
    if (yaml.problems.some((p) => p.level === 'error')) {
      ctx.addIssue({ code: 'custom', message: usage });
      return z.NEVER;
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      ctx.addIssue({ code: 'custom', message: usage });
      return z.NEVER;
    }
    const out: Record<string, number> = {};
    for (const [pack, rate] of Object.entries(value)) {
      if (typeof rate !== 'number' || !Number.isFinite(rate) || rate < 0 || rate > 1) {
        ctx.addIssue({ code: 'custom', message: `pack '${pack}' has limit '${String(rate)}': ${usage}` });
        return z.NEVER;
      }
      out[pack] = rate;
    }
    return out;
  });

export const safetyTestsInputs = z.object({
  'base-url': input.url(),
  'api-key': input.optional(),
  model: input.optional(),
  'system-prompt': input.optional(),
  'system-prompt-file': input.optional(),
  packs: input.list(),
  'custom-packs': input.list(),
  transforms: transformList(),
  'max-attack-success-rate': input.number({ min: 0, max: 1 }),
  thresholds: thresholdMap(),
  'max-over-refusal-rate': input.number({ min: 0, max: 1 }),
  'max-error-rate': input.number({ min: 0, max: 1 }),
  'judge-base-url': input.url(),
  'judge-api-key': input.optional(),
  'judge-model': input.optional(),
  concurrency: input.integer({ min: 1, max: 1000 }),
  repeat: input.integer({ min: 1, max: 100 }),
  'max-tokens': input.integer({ min: 1 }),
  'timeout-ms': input.integer({ min: 1 }),
  'max-retries': input.integer({ min: 0, max: 20 }),
  'junit-path': input.optional(),
  'check-run': input.bool(),
  ...reportingInputs,
});
export type SafetyTestsInputs = z.output<typeof safetyTestsInputs>;
