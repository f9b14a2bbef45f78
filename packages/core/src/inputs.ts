import { z } from 'zod';
import { InputError } from './errors';
import { durationProblem, MAX_TIMER_MS, parseDuration, type DurationBounds } from './duration';
import { redactSecrets } from './secrets';
import { parseHttpUrl } from './url';

/**
 * Action inputs arrive as strings (the runner fills in action.yml defaults; the CLI does the
 * same from the generated manifest). Each helper parses one string and says what is allowed.
 */
const raw = () => z.string().transform((value) => value.trim());

function fail(ctx: z.RefinementCtx, message: string): typeof z.NEVER {
  ctx.addIssue({ code: 'custom', message });
  return z.NEVER;
}

export interface NumberBounds {
  min?: number;
  /** Integers: at most MAX_TIMER_MS, whatever is asked. */
  max?: number;
  integer?: boolean;
}

/**
 * What is wrong with a number a user wrote ("expected an integer from 1 to 1000"); undefined when
 * it is fine. The one reading of numeric inputs.
 */
export function numberProblem(value: string, bounds: NumberBounds = {}): string | undefined {
  const n = Number(value.trim());
  const min = bounds.min;
  const max = bounds.integer ? Math.min(bounds.max ?? MAX_TIMER_MS, MAX_TIMER_MS) : bounds.max;
  const kind = bounds.integer ? 'an integer' : 'a number';
  const range =
    min !== undefined && max !== undefined
      ? ` from ${min} to ${max}`
      : min !== undefined
        ? ` >= ${min}`
        : max !== undefined
          ? ` <= ${max}`
          : '';
  const bad =
    value.trim() === '' ||
    !Number.isFinite(n) ||
    (bounds.integer && !Number.isInteger(n)) ||
    (min !== undefined && n < min) ||
    (max !== undefined && n > max);
  return bad ? `expected ${kind}${range}` : undefined;
}

const numberInput = (bounds: NumberBounds) =>
  raw().transform((value, ctx) => {
    const problem = numberProblem(value, bounds);
    return problem === undefined ? Number(value) : fail(ctx, problem);
  });

const TRUE = new Set(['true', 'True', 'TRUE']);
const FALSE = new Set(['false', 'False', 'FALSE']);

export const input = {
  /** Required text. */
  text: () => raw().transform((value, ctx) => (value === '' ? fail(ctx, 'a value is required') : value)),
  /** Optional text: empty means not given. */
  optional: () => raw().transform((value) => (value === '' ? undefined : value)),
  /** The YAML 1.2 core booleans the runner's getBooleanInput accepts. */
  bool: () =>
    raw().transform((value, ctx) => {
      if (TRUE.has(value)) return true;
      if (FALSE.has(value)) return false;
      return fail(ctx, 'expected true or false');
    }),
  /** A number within bounds (rates, scores, thresholds); `integer: true` is `input.integer`. */
  number: (bounds: NumberBounds = {}) => numberInput(bounds),
  /**
   * A whole number within bounds: counts, limits, retries, milliseconds. Never more than
   * MAX_TIMER_MS, so one can feed a timer (a longer setTimeout fires after 1 ms).
   */
  integer: (bounds: Omit<NumberBounds, 'integer'> = {}) => numberInput({ ...bounds, integer: true }),
  choice: <const T extends readonly [string, ...string[]]>(values: T) =>
    raw().transform((value, ctx) =>
      (values as readonly string[]).includes(value)
        ? (value as T[number])
        : fail(ctx, `expected one of ${values.join(', ')}`),
    ),
  /** Newline- or comma-separated list; blanks dropped. */
  list: () =>
    z.string().transform((value) =>
      value
        .split(/[\n,]/)
        .map((item) => item.trim())
        .filter(Boolean),
    ),
  /** An http(s) URL (undefined when empty); credentials in it are registered as secrets (url.ts). */
  url: () =>
    raw().transform((value, ctx) => {
      const { url, problem } = parseHttpUrl(value);
      return problem ? fail(ctx, problem) : url;
    }),
  /** A required http(s) URL. */
  requiredUrl: () =>
    raw().transform((value, ctx) => {
      const { url, problem } = parseHttpUrl(value);
      return problem || !url ? fail(ctx, problem ?? 'a value is required') : url;
    }),
  /** A duration such as 500ms, 30s, 5m, 1h, within bounds (at most MAX_TIMER_MS); returns milliseconds. */
  duration: (bounds: DurationBounds = {}) =>
    raw().transform((value, ctx) => {
      const problem = durationProblem(value, bounds);
      return problem === undefined ? parseDuration(value)! : fail(ctx, problem);
    }),
};

/** Inputs every action shares for its reports. */
export const reportingInputs = {
  'report-path': input.optional(),
  comment: input.bool(),
  'github-token': input.optional(),
  'fail-on-inconclusive': input.bool(),
};

export type InputSource = (name: string) => string | undefined;

/** Parse raw inputs with a schema; the first problem becomes one line naming input, value and what is allowed. */
export function readInputs<S extends z.ZodObject>(
  schema: S,
  source: InputSource,
  secretInputs: readonly string[] = [],
): z.output<S> {
  const values: Record<string, string> = {};
  for (const name of Object.keys(schema.shape)) values[name] = source(name) ?? '';
  const parsed = schema.safeParse(values);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const name = String(issue.path[0] ?? '');
  // Registered secrets (a URL's password) are masked before cutting: the runner masks no prefix.
  const value = redactSecrets(values[name] ?? '');
  // A prefix of a secret is not masked by the runner: never show secret values.
  const shown = secretInputs.includes(name) ? '***' : value.length > 80 ? `${value.slice(0, 77)}...` : value;
  throw new InputError(`input '${name}' has value '${shown}': ${issue.message}`);
}
