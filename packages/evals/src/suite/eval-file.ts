import path from 'node:path';
import { isUserError, loadYaml, resolveInWorkspace, toWorkspacePath } from '@llmops/core';
import type { ChatMessage } from '@llmops/llm';
import { isMap, isSeq, type Node } from 'yaml';
import { loadPromptFile } from '../prompt-file/load';
import { parseAssertion } from './assertions';
import { toChatParams, toResponseFormat } from './params';
import { fillMessages, missingVariables } from './prompt-suite';
import type { Assertion, EvalCase, SuiteProblem } from './types';

/** Reads workspace-relative files: the checkout, or a git ref for the baseline. */
export interface SuiteReader {
  workspace: string;
  read(file: string): Promise<string | undefined>;
}

const SUITE_KEYS = new Set([
  'name',
  'description',
  'prompt',
  'messages',
  'modelParameters',
  'responseFormat',
  'cases',
]);
const CASE_KEYS = new Set(['name', 'vars', 'messages', 'expected', 'weight', 'assert']);

type Problem = (node: Node | null | undefined, message: string) => void;

function messagesOf(raw: unknown, where: Node | undefined, problem: Problem): ChatMessage[] | undefined {
  if (raw === undefined) return undefined;
  if (!Array.isArray(raw) || raw.length === 0) {
    problem(where, "'messages' must be a non-empty list of {role, content}");
    return undefined;
  }
  const out: ChatMessage[] = [];
  for (const m of raw as Array<Record<string, unknown>>) {
    const role = String(m?.role ?? '').toLowerCase();
    if (!['system', 'user', 'assistant'].includes(role) || typeof m?.content !== 'string') {
      problem(
        where,
        `a message needs role system|user|assistant and text content, got ${JSON.stringify(m).slice(0, 80)}`,
      );
      return undefined;
    }
    out.push({ role: role as ChatMessage['role'], content: m.content });
  }
  return out;
}

/**
 * An eval suite file (`*.eval.yml`): cases of vars or messages, each with a list of assertions,
 * optionally taking messages and parameters from a prompt file. Every problem is returned with
 * its line; a suite with problems sends no request.
 */
export async function loadEvalSuite(
  file: string,
  text: string,
  reader: SuiteReader,
): Promise<{ cases: EvalCase[]; problems: SuiteProblem[] }> {
  const problems: SuiteProblem[] = [];
  const yaml = loadYaml(text);
  const { doc, lines } = yaml;
  const lineOf = (node: Node | null | undefined) => lines.linePos(node?.range?.[0] ?? 0).line;
  const problem: Problem = (node, message) => problems.push({ file, line: lineOf(node), message });
  for (const e of yaml.problems.filter((p) => p.level === 'error')) {
    problems.push({ file, line: e.line, column: e.column, message: e.message });
  }
  if (problems.length) return { cases: [], problems };
  const root = doc.contents;
  if (!isMap(root)) {
    problem(root, 'an eval suite is a mapping with name and cases');
    return { cases: [], problems };
  }
  const node = (key: string) => root.get(key, true) as Node | undefined;
  for (const pair of root.items) {
    const key = String((pair.key as { value?: unknown })?.value);
    if (!SUITE_KEYS.has(key))
      problem(pair.key as Node, `unknown key '${key}'; known: ${[...SUITE_KEYS].join(', ')}`);
  }
  // Plain data comes from the one loader (alias limit); nodes are only for positions.
  const data = yaml.value as Record<string, unknown>;
  const suiteName =
    typeof data.name === 'string' ? data.name : path.basename(file).replace(/\.eval\.ya?ml$/, '');

  let baseMessages = messagesOf(data.messages, node('messages'), problem);
  const paramsRaw: Record<string, unknown> = {};
  let responseFormat: Record<string, unknown> | undefined;
  if (data.prompt !== undefined) {
    if (typeof data.prompt !== 'string') problem(node('prompt'), "'prompt' is a path to a .prompt.yml file");
    else {
      try {
        const abs = resolveInWorkspace(reader.workspace, data.prompt, {
          from: path.join(reader.workspace, file),
        });
        const promptFile = toWorkspacePath(reader.workspace, abs);
        const promptText = await reader.read(promptFile);
        if (promptText === undefined) problem(node('prompt'), `prompt file '${data.prompt}' does not exist`);
        else {
          const loaded = loadPromptFile(abs, promptText, reader.workspace);
          for (const f of loaded.findings.filter((f) => f.level === 'error')) {
            problems.push({ file: promptFile, line: f.line ?? 1, column: f.column, message: f.message });
          }
          baseMessages ??= loaded.prompt.messages.map((m) => ({
            role: m.role as ChatMessage['role'],
            content: m.content,
          }));
          Object.assign(paramsRaw, loaded.prompt.modelParameters);
          responseFormat = toResponseFormat(loaded.prompt.responseFormat, loaded.prompt.jsonSchema);
        }
      } catch (error) {
        if (!isUserError(error)) throw error;
        problem(node('prompt'), error.message);
      }
    }
  }
  if (
    data.modelParameters !== undefined &&
    (typeof data.modelParameters !== 'object' || data.modelParameters === null)
  ) {
    problem(node('modelParameters'), "'modelParameters' is a mapping");
  } else Object.assign(paramsRaw, data.modelParameters ?? {});
  const { params, unknown } = toChatParams(paramsRaw);
  for (const key of unknown) problem(node('modelParameters'), `unknown model parameter '${key}'`);
  if (data.responseFormat === 'json_object') responseFormat = { type: 'json_object' };
  if (responseFormat) params.response_format = responseFormat;

  const casesNode = node('cases');
  if (!isSeq(casesNode) || casesNode.items.length === 0) {
    problem(casesNode ?? root, "'cases' must be a non-empty list");
    return { cases: [], problems };
  }
  const cases: EvalCase[] = [];
  const names = new Set<string>();
  casesNode.items.forEach((item, index) => {
    const caseNode = item as Node;
    if (!isMap(caseNode)) return problem(caseNode, 'a case is a mapping with vars or messages and assert');
    for (const pair of caseNode.items) {
      const key = String((pair.key as { value?: unknown })?.value);
      if (!CASE_KEYS.has(key))
        problem(pair.key as Node, `unknown case key '${key}'; known: ${[...CASE_KEYS].join(', ')}`);
    }
    const c = (data.cases as Array<Record<string, unknown>>)[index]!;
    const name = c.name === undefined ? `case ${index + 1}` : String(c.name);
    if (names.has(name)) problem(caseNode, `duplicate case name '${name}'`);
    names.add(name);
    const vars = (c.vars ?? {}) as Record<string, unknown>;
    if (typeof vars !== 'object' || Array.isArray(vars))
      return problem(caseNode.get('vars', true) as Node, "'vars' is a mapping");
    const expected = c.expected === undefined ? undefined : String(c.expected);
    const own = messagesOf(c.messages, caseNode.get('messages', true) as Node, problem);
    const template = own ?? baseMessages;
    if (!template)
      return problem(
        caseNode,
        "the case has no messages: give 'messages', or 'vars' with a suite 'prompt' or 'messages'",
      );
    const values = { ...vars, ...(expected !== undefined ? { expected } : {}) };
    const missing = missingVariables(template, values);
    if (missing.length)
      return problem(
        caseNode,
        `case '${name}' has no value for ${missing.map((n) => `{{${n}}}`).join(', ')}`,
      );
    const weight = c.weight ?? 1;
    if (typeof weight !== 'number' || !(weight >= 0))
      return problem(caseNode.get('weight', true) as Node, "'weight' must be a number >= 0");
    const assertions: Assertion[] = [];
    const assertNode = caseNode.get('assert', true) as Node | undefined;
    if (assertNode !== undefined && !isSeq(assertNode)) return problem(assertNode, "'assert' is a list");
    const assertValues = (Array.isArray(c.assert) ? c.assert : []) as unknown[];
    for (const [j, a] of (isSeq(assertNode) ? assertNode.items : []).entries()) {
      const parsed = parseAssertion(assertValues[j], lineOf(a as Node), { vars, expected });
      if (typeof parsed === 'string') problem(a as Node, parsed);
      else assertions.push(parsed);
    }
    cases.push({
      id: `${file}#${name}`,
      suite: suiteName,
      file,
      line: lineOf(caseNode),
      name,
      messages: fillMessages(template, values),
      params,
      vars,
      expected,
      weight,
      assertions,
      trimOutput: true,
    });
  });
  return { cases, problems };
}
