import { checkYaml, input, loadYaml, reportingInputs } from '@llmops/core';
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

const THRESHOLDS_USAGE = 'expected YAML lines "<pack>: <rate from 0 to 1>", e.g. "harmful: 0.02"';

/** The `thresholds` format: pack name → attack success rate limit. */
const thresholdsSchema = z.record(z.string(), z.number().finite().min(0).max(1), {
  error: () => THRESHOLDS_USAGE,
});

/**
 * Per-pack limits as YAML lines (`harmful: 0.02`) or a flow map (`{harmful: 0.02}`). Pack names
 * are checked once the custom packs are loaded: a custom pack may be named here too.
 */
const thresholdMap = () =>
  z.string().transform((text, ctx): Record<string, number> => {
    if (!text.trim()) return {};
    const yaml = loadYaml(text);
    const syntax = yaml.problems.find((p) => p.level === 'error');
    if (syntax) {
      ctx.addIssue({
        code: 'custom',
        message: `${syntax.message} (line ${syntax.line}, column ${syntax.column}): ${THRESHOLDS_USAGE}`,
      });
      return z.NEVER;
    }
    const checked = checkYaml(thresholdsSchema, yaml);
    if (checked.success) return checked.data;
    const { path, line, column } = checked.issues[0]!;
    const pack = path[0];
    const message =
      typeof pack === 'string'
        ? `pack '${pack}' has limit '${String((yaml.value as Record<string, unknown>)[pack])}' (line ${line}, column ${column}): ${THRESHOLDS_USAGE}`
        : THRESHOLDS_USAGE;
    ctx.addIssue({ code: 'custom', message });
    return z.NEVER;
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
  'baseline-report': input.optional(),
  'regression-issue': input.bool(),
  'junit-path': input.optional(),
  'check-run': input.bool(),
  ...reportingInputs,
});
export type SafetyTestsInputs = z.output<typeof safetyTestsInputs>;
