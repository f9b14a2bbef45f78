import { Ajv, type ValidateFunction } from 'ajv';
import type { Assertion } from '../suite/types';
import type { Detectors } from './detectors';

/** What an answer is judged on: its text and timings. */
export interface Observation {
  text: string;
  /** The last user message: the refusal detector judges an answer against what was asked. */
  request?: string;
  ttftMs?: number;
  latencyMs?: number;
}

export interface AssertionOutcome {
  pass: boolean;
  /** 0–1; judges give partial scores. */
  score: number;
  /** The assertion could not be decided (judge failed, timing not measured): never a pass. */
  error?: string;
  /** Why it failed, one line. */
  detail?: string;
}

let ajv: Ajv | undefined;

/** Compile a `json-schema` assertion's schema once, when the suite loads; a problem message if invalid. */
export function compileJsonSchema(schema: Record<string, unknown>): ValidateFunction | string {
  ajv ??= new Ajv({ strict: false, allErrors: false });
  try {
    return ajv.compile(schema);
  } catch (error) {
    return `invalid JSON Schema: ${(error as Error).message.split('\n')[0]}`;
  }
}

function words(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  // Models wrap JSON in a ```json fence often enough that failing on it would only measure style.
  const fenced = /^```(?:json)?\s*([\s\S]*?)\s*```$/.exec(text.trim());
  try {
    return { ok: true, value: JSON.parse(fenced ? fenced[1]! : text) };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}

function raw(a: Assertion, obs: Observation, detectors: Detectors): AssertionOutcome {
  const fold = (s: string) => (a.caseSensitive ? s : s.toLowerCase());
  const text = obs.text;
  const value = typeof a.value === 'string' ? a.value : '';
  const limit = typeof a.value === 'number' ? a.value : 0;
  const result = (pass: boolean, detail?: string): AssertionOutcome => ({
    pass,
    score: pass ? 1 : 0,
    detail: pass ? undefined : detail,
  });
  switch (a.kind) {
    case 'equals':
      return result(fold(text) === fold(value), 'answer is not equal to the expected text');
    case 'contains':
      return result(fold(text).includes(fold(value)), `answer does not contain "${value}"`);
    case 'not-contains':
      return result(!fold(text).includes(fold(value)), `answer contains "${value}"`);
    case 'starts-with':
      return result(fold(text).startsWith(fold(value)), `answer does not start with "${value}"`);
    case 'ends-with':
      return result(fold(text).endsWith(fold(value)), `answer does not end with "${value}"`);
    case 'regex':
      return result(a.pattern!.test(text), `answer does not match /${value}/`);
    case 'is-json': {
      const parsed = parseJson(text);
      return result(parsed.ok, parsed.ok ? undefined : `answer is not JSON (${parsed.message})`);
    }
    case 'json-schema': {
      const parsed = parseJson(text);
      if (!parsed.ok) return result(false, `answer is not JSON (${parsed.message})`);
      const validate = a.validate!;
      const ok = validate(parsed.value);
      const e = validate.errors?.[0];
      return result(
        ok,
        e ? `JSON ${e.instancePath || '(root)'} ${e.message}` : 'JSON does not match the schema',
      );
    }
    case 'max-words':
      return result(words(text) <= limit, `${words(text)} words > ${limit}`);
    case 'max-chars':
      return result(text.length <= limit, `${text.length} characters > ${limit}`);
    case 'latency-ms':
      if (obs.latencyMs === undefined) return { pass: false, score: 0, error: 'latency was not measured' };
      return result(obs.latencyMs <= limit, `latency ${Math.round(obs.latencyMs)} ms > ${limit} ms`);
    case 'ttft-ms':
      if (obs.ttftMs === undefined)
        return { pass: false, score: 0, error: 'time to first token needs streaming (stream: true)' };
      return result(obs.ttftMs <= limit, `time to first token ${Math.round(obs.ttftMs)} ms > ${limit} ms`);
    case 'refusal': {
      const r = detectors.detectRefusal(text, { request: obs.request });
      // An empty answer is neither a refusal nor an answer.
      return result(r.refused && !r.empty, r.empty ? 'answer is empty' : 'answer is not a refusal');
    }
    case 'not-refusal': {
      const r = detectors.detectRefusal(text, { request: obs.request });
      return result(!r.refused && !r.empty, r.empty ? 'answer is empty' : `answer refuses (${r.reason})`);
    }
    case 'no-pii': {
      const found = detectors.findPii(text);
      return result(
        found.length === 0,
        `answer contains PII: ${[...new Set(found.map((p) => p.kind))].join(', ')}`,
      );
    }
    default:
      return { pass: false, score: 0, error: `assertion '${a.kind}' needs a judge` };
  }
}

/** Apply `not`: a decided outcome flips, an undecided one stays an error. */
export function applyNot(a: Assertion, outcome: AssertionOutcome): AssertionOutcome {
  if (!a.not || outcome.error) return outcome;
  const pass = !outcome.pass;
  return {
    pass,
    score: pass ? 1 : 0,
    detail: pass ? undefined : `expected not: ${a.label.replace(/^not /, '')}`,
  };
}

export const JUDGED_KINDS = new Set(['judge', 'similar', 'builtin', 'llm-choices']);

/** Decide an assertion that needs no model. */
export function checkAssertion(a: Assertion, obs: Observation, detectors: Detectors): AssertionOutcome {
  return applyNot(a, raw(a, obs, detectors));
}
