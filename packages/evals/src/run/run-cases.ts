import type { ChatResult, LlmClient } from '@llmops/llm';
import { checkAssertion, JUDGED_KINDS, type AssertionOutcome } from '../assert/check';
import { defaultDetectors, type Detectors } from '../assert/detectors';
import { judgeOutcome, judgeRequest, type JudgeInput } from '../assert/judge';
import type { CaseRecord, CaseStatus } from '../score/types';
import type { Assertion, EvalCase } from '../suite/types';

export interface RunOptions {
  target: LlmClient;
  /** Grades judge, similar and gh-models built-in assertions; defaults to the target. */
  judge?: LlmClient;
  /** The judge of one assertion when it differs from `judge` (an `llm:` evaluator's modelId). */
  judgeFor?: (a: Assertion) => LlmClient | undefined;
  repeat: number;
  detectors?: Detectors;
  /** Called after each case finishes (progress lines). */
  onCase?: (record: CaseRecord, done: number, total: number) => void;
}

interface Sample {
  status: CaseStatus;
  output: string;
  reasons: string[];
  result: ChatResult;
  /** Judge requests this sample needed. */
  judged: ChatResult[];
}

/** Tokens the endpoint spent on these results: cached ones cost nothing this run. */
function spent(results: readonly ChatResult[]): { prompt: number; completion: number } {
  let prompt = 0;
  let completion = 0;
  for (const r of results) {
    if (r.cached || r.error || !r.usage) continue;
    prompt += r.usage.promptTokens;
    completion += r.usage.completionTokens;
  }
  return { prompt, completion };
}

const OUTPUT_MAX = 2000;

function judgeInput(c: EvalCase, answer: string): JudgeInput {
  // gh-models' built-ins read the row's `input`; a case without one is asked its last user message.
  const question =
    typeof c.vars.input === 'string'
      ? c.vars.input
      : ([...c.messages].reverse().find((m) => m.role === 'user')?.content ?? '');
  const context =
    c.expected ??
    (typeof c.vars.context === 'string'
      ? c.vars.context
      : c.messages.find((m) => m.role === 'system')?.content);
  return {
    question,
    expected: c.expected,
    context,
    answer,
    vars: { ...c.vars, ...(c.expected !== undefined ? { expected: c.expected } : {}) },
  };
}

async function runSample(c: EvalCase, sample: number, options: RunOptions): Promise<Sample> {
  const result = await options.target.complete({ messages: c.messages, params: c.params, sample });
  if (result.error)
    return {
      status: 'error',
      output: '',
      reasons: [`request failed: ${result.error.message}`],
      result,
      judged: [],
    };
  const text = c.trimOutput ? result.text.trim() : result.text;
  if (result.finishReason === 'content_filter' && !text.trim()) {
    // The provider's filter blocked the answer: a refusal, not an empty text that would pass
    // `not-contains` or `max-words`. Only a case that asks for a refusal passes.
    const wantsRefusal = c.assertions.every((a) => a.kind === 'refusal' && !a.not);
    return {
      status: wantsRefusal ? 'pass' : 'fail',
      output: '',
      reasons: wantsRefusal
        ? []
        : ['the answer was blocked by the content filter (finish_reason content_filter)'],
      result,
      judged: [],
    };
  }
  const request = c.messages.findLast((m) => m.role === 'user')?.content;
  const obs = { text, request, ttftMs: result.ttftMs, latencyMs: result.latencyMs };
  const detectors = options.detectors ?? defaultDetectors;
  const judged: ChatResult[] = [];
  const outcomes = await Promise.all(
    c.assertions.map(async (a): Promise<AssertionOutcome> => {
      if (!JUDGED_KINDS.has(a.kind)) return checkAssertion(a, obs, detectors);
      const judge = options.judgeFor?.(a) ?? options.judge ?? options.target;
      const verdict = await judge.complete(judgeRequest(a, judgeInput(c, text)));
      judged.push(verdict);
      return judgeOutcome(a, verdict);
    }),
  );
  const reasons: string[] = [];
  let status: CaseStatus = 'pass';
  outcomes.forEach((o, i) => {
    const label = c.assertions[i]!.label;
    if (o.error) {
      status = 'error';
      reasons.push(`${label}: ${o.error}`);
    } else if (!o.pass) {
      if (status === 'pass') status = 'fail';
      reasons.push(`${label}: ${o.detail ?? 'failed'}`);
    }
  });
  return { status, output: text, reasons, result, judged };
}

function toRecord(c: EvalCase, samples: Sample[]): CaseRecord {
  const passes = samples.filter((s) => s.status === 'pass').length;
  const errors = samples.filter((s) => s.status === 'error').length;
  const shown = samples.find((s) => s.status !== 'pass') ?? samples.at(-1)!;
  const answered = samples.filter((s) => !s.result.error);
  const target = spent(samples.map((s) => s.result));
  const judge = spent(samples.flatMap((s) => s.judged));
  // A cached answer's timings were measured in another run, maybe on another day: not this one's.
  const timed = answered.filter((s) => !s.result.cached);
  const nums = (pick: (r: ChatResult) => number | undefined) =>
    timed
      .map((s) => pick(s.result))
      .filter((v): v is number => v !== undefined)
      .map((v) => Math.round(v * 10) / 10);
  return {
    id: c.id,
    suite: c.suite,
    file: c.file,
    line: c.line,
    name: c.name,
    weight: c.weight,
    status: errors > 0 ? 'error' : passes === samples.length ? 'pass' : 'fail',
    samples: samples.length,
    passes,
    errors,
    passRate: samples.length ? passes / samples.length : 0,
    input: [...c.messages].reverse().find((m) => m.role === 'user')?.content ?? '',
    expected: c.expected,
    output: shown.output.length > OUTPUT_MAX ? `${shown.output.slice(0, OUTPUT_MAX - 1)}…` : shown.output,
    reasons: [...new Set(samples.flatMap((s) => s.reasons))].slice(0, 10),
    ttftMs: nums((r) => r.ttftMs),
    tpotMs: nums((r) => r.tpotMs),
    latencyMs: nums((r) => r.latencyMs),
    promptTokens: target.prompt,
    completionTokens: target.completion,
    judgePromptTokens: judge.prompt,
    judgeCompletionTokens: judge.completion,
    cached: samples.filter((s) => s.result.cached).length,
  };
}

/** One case's record, and each sample's answer (undefined where its request failed), in sample order. */
export interface CaseRun {
  record: CaseRecord;
  answers: Array<string | undefined>;
}

/** Ask the model one case `repeat` times (the samples at once) and judge each answer. */
export async function runCase(c: EvalCase, options: RunOptions): Promise<CaseRun> {
  const samples = await Promise.all(
    Array.from({ length: options.repeat }, (_, k) => runSample(c, k, options)),
  );
  return {
    record: toRecord(c, samples),
    answers: samples.map((s) => (s.result.error ? undefined : s.output)),
  };
}

/**
 * Ask the model every case `repeat` times and judge each answer. All samples are queued at
 * once; the clients' limiters decide how many are in flight. Results keep the cases' order.
 */
export async function runCases(cases: readonly EvalCase[], options: RunOptions): Promise<CaseRecord[]> {
  let done = 0;
  return Promise.all(
    cases.map(async (c) => {
      const { record } = await runCase(c, options);
      options.onCase?.(record, ++done, cases.length);
      return record;
    }),
  );
}
