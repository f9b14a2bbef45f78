import { createHash } from 'node:crypto';
import type { ChatMessage } from '@llmops/llm';
import { findPlaceholders, fillTemplate } from '../prompt-file/template';
import type { PromptEvaluator, PromptFile, TestDataRow } from '../prompt-file/types';
import { unsetPlaceholders } from './assertions';
import { toChatParams, toResponseFormat } from './params';
import type { Assertion, EvalCase, SuiteProblem } from './types';

export const BUILTIN_NAMES = ['similarity', 'coherence', 'fluency', 'relevance', 'groundedness'] as const;

const ROLES = new Set(['system', 'user', 'assistant']);

/** Messages of a prompt filled with one row's values, roles lower-cased as gh-models does. */
export function fillMessages(
  messages: ReadonlyArray<{ role: string; content: string }>,
  values: Record<string, unknown>,
): ChatMessage[] {
  return messages.map((m) => ({
    role: m.role.toLowerCase() as ChatMessage['role'],
    content: fillTemplate(m.content, values),
  }));
}

/** Placeholders in messages a row has no value for. */
export function missingVariables(
  messages: ReadonlyArray<{ content: string }>,
  values: Record<string, unknown>,
): string[] {
  const names = new Set<string>();
  for (const m of messages)
    for (const p of findPlaceholders(m.content)) if (!(p.name in values)) names.add(p.name);
  return [...names];
}

function rowId(values: Record<string, unknown>): string {
  return createHash('sha256').update(JSON.stringify(values)).digest('hex').slice(0, 10);
}

function rowName(index: number, values: Record<string, unknown>): string {
  if (typeof values.name === 'string') return values.name;
  const first = Object.entries(values).find(([k, v]) => k !== 'expected' && typeof v === 'string')?.[1] as
    string | undefined;
  const hint = first ? `: ${first.length > 40 ? `${first.slice(0, 39)}…` : first}` : '';
  return `row ${index + 1}${hint}`;
}

/**
 * gh-models evaluators as assertions. `string:` ones decide as `gh models eval` does: `equals`
 * compares the trimmed answer case-sensitively; `contains`, `startsWith`, `endsWith` compare
 * lower-cased; the first non-empty key wins; values are filled from the row. `llm:` ones use
 * gh-models' choice matching and pass rule; `uses: github/*` ones its scale and pass rule with
 * our own rubric wording (see assert/judge.ts), so their scores can differ from gh-models'.
 */
function evaluatorAssertion(e: PromptEvaluator, values: Record<string, unknown>): Assertion | string {
  const base = { caseSensitive: false, not: false, line: e.at.line };
  if (e.string) {
    const s = e.string;
    const pick: Array<[Assertion['kind'], string | undefined, boolean]> = [
      ['equals', s.equals, true],
      ['contains', s.contains, false],
      ['starts-with', s.startsWith, false],
      ['ends-with', s.endsWith, false],
    ];
    const chosen = pick.find(([, v]) => v !== undefined && v !== '');
    if (!chosen) return `evaluator '${e.name}' has no string criterion`;
    const missing = unsetPlaceholders(chosen[1]!, values);
    if (missing) return `evaluator '${e.name}' uses ${missing}, which this testData row does not set`;
    const value = fillTemplate(chosen[1]!, values);
    return {
      ...base,
      kind: chosen[0],
      value,
      caseSensitive: chosen[2],
      label: `${e.name} (${chosen[0]} "${value}")`,
    };
  }
  if (e.uses) {
    const name = e.uses.replace(/^github\//, '');
    if (!e.uses.startsWith('github/') || !(BUILTIN_NAMES as readonly string[]).includes(name)) {
      return `evaluator '${e.name}' uses '${e.uses}'; built-ins are ${BUILTIN_NAMES.map((n) => `github/${n}`).join(', ')}`;
    }
    return { ...base, kind: 'builtin', rubric: name, threshold: 0, label: `${e.name} (${e.uses})` };
  }
  if (e.llm) {
    return {
      ...base,
      kind: 'llm-choices',
      llm: {
        modelId: e.llm.modelId,
        prompt: e.llm.prompt,
        systemPrompt: e.llm.systemPrompt,
        choices: e.llm.choices,
      },
      label: `${e.name} (llm)`,
    };
  }
  return `evaluator '${e.name}' needs one of string, uses or llm`;
}

/** The cases of a `.prompt.yml`: one per testData row, judged by the file's evaluators. */
export function promptFileCases(prompt: PromptFile): { cases: EvalCase[]; problems: SuiteProblem[] } {
  const problems: SuiteProblem[] = [];
  const cases: EvalCase[] = [];
  const problem = (line: number, message: string) => problems.push({ file: prompt.file, line, message });
  for (const m of prompt.messages) {
    if (!ROLES.has(m.role.toLowerCase()))
      problem(m.at.line, `unknown message role '${m.role}' (system, user or assistant)`);
  }
  const { params } = toChatParams(prompt.modelParameters);
  const responseFormat = toResponseFormat(prompt.responseFormat, prompt.jsonSchema);
  if (responseFormat) params.response_format = responseFormat;
  const seen = new Map<string, number>();
  prompt.testData.forEach((row: TestDataRow, index) => {
    const missing = missingVariables(prompt.messages, row.values);
    if (missing.length) {
      problem(
        row.at.line,
        `testData row ${index + 1} has no value for ${missing.map((n) => `{{${n}}}`).join(', ')}`,
      );
      return;
    }
    const assertions: Assertion[] = [];
    for (const e of prompt.evaluators) {
      const a = evaluatorAssertion(e, row.values);
      if (typeof a === 'string') problem(e.at.line, a);
      else assertions.push(a);
    }
    let id = rowId(row.values);
    const n = (seen.get(id) ?? 0) + 1;
    seen.set(id, n);
    if (n > 1) id = `${id}-${n}`;
    cases.push({
      id: `${prompt.file}#${id}`,
      suite: prompt.name ?? prompt.file,
      file: prompt.file,
      line: row.at.line,
      name: rowName(index, row.values),
      messages: fillMessages(prompt.messages, row.values),
      params,
      vars: row.values,
      expected: row.values.expected === undefined ? undefined : String(row.values.expected),
      weight: 1,
      assertions,
      trimOutput: true,
    });
  });
  return { cases, problems };
}
