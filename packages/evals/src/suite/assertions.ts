import { compileJsonSchema } from '../assert/check';
import { fillTemplate, findPlaceholders } from '../prompt-file/template';
import { ASSERTION_KINDS, type Assertion, type AssertionKind } from './types';

const MODIFIERS = new Set(['case-sensitive', 'weight', 'not', 'threshold']);
const TEXT_KINDS = new Set<AssertionKind>(['equals', 'contains', 'not-contains', 'starts-with', 'ends-with']);
const LIMIT_KINDS = new Set<AssertionKind>(['max-words', 'max-chars', 'latency-ms', 'ttft-ms']);
const FLAG_KINDS = new Set<AssertionKind>(['is-json', 'refusal', 'not-refusal', 'no-pii']);

const show = (v: unknown) =>
  typeof v === 'string' ? JSON.stringify(v.length > 40 ? `${v.slice(0, 39)}…` : v) : String(v);

/** `{{name}}` placeholders in text that values has no entry for, as a list for a message. */
export function unsetPlaceholders(text: string, values: Record<string, unknown>): string | undefined {
  const names = [...new Set(findPlaceholders(text).map((p) => p.name))].filter((n) => !(n in values));
  return names.length ? names.map((n) => `{{${n}}}`).join(', ') : undefined;
}

/**
 * One `assert:` item of an eval suite: a mapping with exactly one assertion kind plus optional
 * `case-sensitive`, `not` and (judges) `threshold`. `weight` belongs to the case: a case passes
 * when every assertion passes, so an assertion has nothing to weigh. Returns a problem message instead
 * of throwing, so the loader can report every problem with its line.
 */
export function parseAssertion(
  raw: unknown,
  line: number,
  context: { vars: Record<string, unknown>; expected?: string },
): Assertion | string {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    return `an assertion is a mapping such as '- contains: "30 days"'`;
  }
  const entries = Object.entries(raw as Record<string, unknown>);
  const kinds = entries.filter(([k]) => !MODIFIERS.has(k));
  if (kinds.length !== 1) {
    const unknown = kinds.map(([k]) => k);
    return kinds.length === 0
      ? 'an assertion needs one kind (contains, regex, judge, …)'
      : `an assertion has one kind, found ${unknown.join(', ')}`;
  }
  const [key, value] = kinds[0]!;
  if (!(ASSERTION_KINDS as readonly string[]).includes(key)) {
    return `unknown assertion '${key}'; known: ${ASSERTION_KINDS.join(', ')}`;
  }
  const kind = key as AssertionKind;
  const mods = raw as Record<string, unknown>;
  const caseSensitive = mods['case-sensitive'] ?? true;
  const not = mods.not ?? false;
  if (typeof caseSensitive !== 'boolean') return `'case-sensitive' must be true or false`;
  if (typeof not !== 'boolean') return `'not' must be true or false`;
  if (mods.weight !== undefined)
    return `'weight' is set on the case, not on an assertion: a case passes when every assertion passes`;
  const threshold = mods.threshold;
  if (threshold !== undefined && (typeof threshold !== 'number' || threshold < 0 || threshold > 1)) {
    return `'threshold' must be a number from 0 to 1`;
  }
  if (threshold !== undefined && kind !== 'judge' && kind !== 'similar')
    return `'threshold' applies to judge and similar only`;
  const base = { kind, caseSensitive, not, line, label: `${not ? 'not ' : ''}${kind}` };
  const values = {
    ...context.vars,
    ...(context.expected !== undefined ? { expected: context.expected } : {}),
  };

  if (TEXT_KINDS.has(kind) || kind === 'regex' || kind === 'judge') {
    if (typeof value !== 'string' && typeof value !== 'number') return `'${kind}' needs a text value`;
    // An empty text is in every answer (and an empty pattern matches all): it could never fail.
    if (String(value) === '') return `'${kind}' needs a non-empty text`;
    const missing = unsetPlaceholders(String(value), values);
    if (missing) return `'${kind}' uses ${missing}, which the case does not set (vars or expected)`;
    const text = fillTemplate(String(value), values);
    if (text === '') return `'${kind}' is empty once its placeholders are filled`;
    if (kind === 'regex') {
      let pattern: RegExp;
      try {
        pattern = new RegExp(text, caseSensitive ? '' : 'i');
      } catch (error) {
        return `bad regex ${show(text)}: ${(error as Error).message}`;
      }
      return { ...base, value: text, pattern, label: `${base.label} /${text}/` };
    }
    if (kind === 'judge') {
      return {
        ...base,
        rubric: text,
        threshold: (threshold as number | undefined) ?? 0.5,
        label: `${base.label} ${show(text)}`,
      };
    }
    return { ...base, value: text, label: `${base.label} ${show(text)}` };
  }
  if (LIMIT_KINDS.has(kind)) {
    if (typeof value !== 'number' || !(value >= 0)) return `'${kind}' needs a number >= 0`;
    return { ...base, value, label: `${base.label} ${value}` };
  }
  if (FLAG_KINDS.has(kind)) {
    if (value !== true) return `'${kind}' takes 'true' (use 'not: true' to invert)`;
    return base;
  }
  if (kind === 'json-schema') {
    if (!value || typeof value !== 'object' || Array.isArray(value))
      return `'json-schema' needs a JSON Schema mapping`;
    const schema = value as Record<string, unknown>;
    const validate = compileJsonSchema(schema);
    if (typeof validate === 'string') return validate;
    return { ...base, schema, validate };
  }
  // similar: to the case's `expected`, graded by the judge.
  if (context.expected === undefined)
    return `'similar' compares with the case's 'expected', which is not set`;
  if (value !== true && (typeof value !== 'number' || !(value >= 0 && value <= 1)))
    return `'similar' takes 'true' or a threshold from 0 to 1`;
  const level = typeof value === 'number' ? value : ((threshold as number | undefined) ?? 0.75);
  return { ...base, threshold: level, label: `${base.label} ≥ ${level}` };
}
