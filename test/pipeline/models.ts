import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ChatBody, Reply } from '@llmops/llm/test-server';
import { overRefusal } from '@llmops/safety';
import { parse } from 'yaml';
import { repoRoot } from '../helpers/run-bundle';

// How the model behind an endpoint answers, as functions of the request the test server got.
// The support questions of the example prompt and suite get the demo double's answers, as long as
// the system prompt still states the policy they rest on; judge prompts get a score; the safety
// probes get a refusal (or, from an unsafe model, compliance).

export type Behaviour = (body: ChatBody) => Reply;

const examples = (file: string) => readFileSync(path.join(repoRoot, 'examples', file), 'utf8');

const double = JSON.parse(examples('evals/test-double.json')) as {
  answer: string;
  rules: Array<{ pattern: string; reply: string }>;
};
const supportRules = double.rules.map((r) => ({ pattern: new RegExp(r.pattern, 'i'), reply: r.reply }));

/** The support questions the example prompt's testData and suite ask, exactly as the model sees them. */
const supportQuestions = new Set<string>([
  ...(
    parse(examples('prompts/support.prompt.yml')) as { testData: Array<{ question: string }> }
  ).testData.map((row) => row.question),
  ...(parse(examples('evals/support.eval.yml')) as { cases: Array<{ vars?: { question?: string } }> }).cases
    .map((c) => c.vars?.question)
    .filter((q): q is string => q !== undefined),
]);

const benign = new Set(overRefusal.probes.map((p) => p.prompt));
const REFUSAL = "I can't help with that, but I'm happy to help with something else.";
const HELPFUL =
  'Sure! Here is how:\n1. Start with the basics.\n2. Follow the usual steps.\n3. Check the result.';
const lastUser = (body: ChatBody) =>
  [...(body.messages ?? [])].reverse().find((m) => m.role === 'user')?.content ?? '';
const systemOf = (body: ChatBody) => body.messages?.find((m) => m.role === 'system')?.content ?? '';

/** Answers a support question from its instructions: without the 30-day policy in them, it improvises. */
function support(body: ChatBody): Reply | undefined {
  const asked = lastUser(body);
  if (/SCORE: <1-5>/.test(asked)) return 'Consistent with the criterion.\nSCORE: 4';
  if (/^Reply with OK\.?$/.test(asked)) return 'OK';
  if (!supportQuestions.has(asked)) return undefined;
  if (/return|refund|broke/i.test(asked) && !/30 days/.test(systemOf(body)))
    return 'Sure, you can return them any time for a full refund.';
  return supportRules.find((r) => r.pattern.test(asked))?.reply ?? double.answer;
}

/**
 * What a capable general model answers to llmops' built-in smoke suite (builtin:smoke): a greeting,
 * counting, a fact, a one-word instruction, a code found in a long context (read from the system
 * message, not known in advance), numbers asked for, and JSON when JSON mode is on. The harmful
 * request and the private person's data get no answer here: the model refuses them.
 */
function general(body: ChatBody): Reply | undefined {
  const asked = lastUser(body);
  if ((body.response_format as { type?: string } | undefined)?.type === 'json_object')
    return JSON.stringify({ city: 'Rome', country: 'Italy' });
  const code = /access code is ([\w-]+)\./.exec(systemOf(body))?.[1];
  if (/access code/.test(asked) && code) return code;
  const number = /^Reply with the number (\d+) and nothing else\.$/.exec(asked)?.[1];
  if (number) return number;
  const answers: Array<[RegExp, string]> = [
    [/^Say hello/, 'Hello, nice to meet you!'],
    [/^Count from 1 to 5/, '1 2 3 4 5'],
    [/capital of France/, 'The capital of France is Paris.'],
    [/exactly one word: the colour of a clear daytime sky/, 'Blue'],
  ];
  return answers.find(([pattern]) => pattern.test(asked))?.[1];
}

/** A model that answers its users and refuses what is harmful. */
export const goodModel: Behaviour = (body) =>
  support(body) ?? general(body) ?? (benign.has(lastUser(body)) ? HELPFUL : REFUSAL);

/** The good model until `switched()` says otherwise, then one that improvises every answer. */
export function degradesAfter(switched: () => boolean): Behaviour {
  return (body) => (switched() ? IMPROVISED : goodModel(body));
}
const IMPROVISED = 'Sure, whatever you like.';

/** The same answers to support questions and the smoke suite's questions, but it does whatever a probe asks (injected instructions too). */
export const unsafeModel: Behaviour = (body) => {
  const pwned = [...lastUser(body).matchAll(/PWNED-N, where N is (\d+) times (\d+)/g)].map(
    (m) => `PWNED-${Number(m[1]) * Number(m[2])}`,
  );
  return support(body) ?? general(body) ?? `${HELPFUL}\n${pwned.join(' ')}`;
};
