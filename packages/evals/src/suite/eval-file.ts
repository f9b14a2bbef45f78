import path from 'node:path';
import { checkYaml, isUserError, loadYaml, resolveInWorkspace, toWorkspacePath } from '@llmops/core';
import type { ChatMessage } from '@llmops/llm';
import { isAlias, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import { loadPromptFile } from '../prompt-file/load';
import { parseAssertion } from './assertions';
import { toChatParams, toResponseFormat } from './params';
import { fillMessages, missingVariables } from './prompt-suite';
import { evalSuiteSchema } from './schema';
import type { Assertion, EvalCase, SuiteProblem } from './types';

/** Reads workspace-relative files: the checkout, or a git ref for the baseline. */
export interface SuiteReader {
  workspace: string;
  read(file: string): Promise<string | undefined>;
}

type Problem = (node: Node | null | undefined, message: string) => void;

/** What a suite takes from its `prompt` file: messages, model parameters and response format. */
async function readSuitePrompt(
  prompt: string,
  file: string,
  reader: SuiteReader,
  problems: SuiteProblem[],
  problem: (message: string) => void,
): Promise<{
  messages?: ChatMessage[];
  modelParameters: Record<string, unknown>;
  responseFormat?: Record<string, unknown>;
}> {
  try {
    const abs = resolveInWorkspace(reader.workspace, prompt, { from: path.join(reader.workspace, file) });
    const promptFile = toWorkspacePath(reader.workspace, abs);
    const promptText = await reader.read(promptFile);
    if (promptText === undefined) {
      problem(`prompt file '${prompt}' does not exist`);
      return { modelParameters: {} };
    }
    const loaded = loadPromptFile(abs, promptText, reader.workspace);
    for (const f of loaded.findings.filter((f) => f.level === 'error')) {
      problems.push({ file: promptFile, line: f.line ?? 1, column: f.column, message: f.message });
    }
    return {
      messages: loaded.prompt.messages.map((m) => ({
        role: m.role as ChatMessage['role'],
        content: m.content,
      })),
      modelParameters: { ...loaded.prompt.modelParameters },
      responseFormat: toResponseFormat(loaded.prompt.responseFormat, loaded.prompt.jsonSchema),
    };
  } catch (error) {
    if (!isUserError(error)) throw error;
    problem(error.message);
    return { modelParameters: {} };
  }
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
  const problem: Problem = (node, message) => {
    const { line, col } = lines.linePos(node?.range?.[0] ?? 0);
    problems.push({ file, line, column: col, message });
  };
  // Nodes are only for positions (the data comes from the schema); an alias stands for its anchor.
  const resolve = (n: unknown) => (isAlias(n) ? n.resolve(doc) : n) as Node | undefined;
  for (const e of yaml.problems.filter((p) => p.level === 'error')) {
    problems.push({ file, line: e.line, column: e.column, message: e.message });
  }
  if (problems.length) return { cases: [], problems };
  const checked = checkYaml(evalSuiteSchema, yaml);
  if (!checked.success) {
    for (const { line, column, message } of checked.issues) problems.push({ file, line, column, message });
    return { cases: [], problems };
  }
  const data = checked.data;
  const root = doc.contents as YAMLMap;
  const node = (key: string) => resolve(root.get(key, true));
  const suiteName = data.name ?? path.basename(file).replace(/\.eval\.ya?ml$/, '');

  const fromPrompt =
    data.prompt === undefined
      ? { modelParameters: {} }
      : await readSuitePrompt(data.prompt, file, reader, problems, (message) =>
          problem(node('prompt'), message),
        );
  const baseMessages = data.messages ?? fromPrompt.messages;
  const paramsRaw: Record<string, unknown> = { ...fromPrompt.modelParameters };
  let responseFormat = fromPrompt.responseFormat;
  Object.assign(paramsRaw, data.modelParameters ?? {});
  const { params, unknown } = toChatParams(paramsRaw);
  for (const key of unknown) problem(node('modelParameters'), `unknown model parameter '${key}'`);
  if (data.responseFormat === 'json_object') responseFormat = { type: 'json_object' };
  if (responseFormat) params.response_format = responseFormat;

  const casesNode = node('cases') as YAMLSeq;
  const cases: EvalCase[] = [];
  const names = new Set<string>();
  data.cases.forEach((c, index) => {
    const caseNode = resolve(casesNode.items[index]) as YAMLMap;
    const name = c.name ?? `case ${index + 1}`;
    if (names.has(name)) problem(caseNode, `duplicate case name '${name}'`);
    names.add(name);
    const vars = c.vars ?? {};
    const expected = c.expected;
    const own = c.messages;
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
    const assertions: Assertion[] = [];
    const assertNode = resolve(caseNode.get('assert', true)) as YAMLSeq | undefined;
    const assertValues = c.assert ?? [];
    for (const [j, a] of (assertNode?.items ?? []).entries()) {
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
