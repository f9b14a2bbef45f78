import { existsSync } from 'node:fs';
import path from 'node:path';
import {
  findWorkspaceFiles,
  readFileAtRef,
  readWorkspaceFile,
  toWorkspacePath,
  UserError,
} from '@llmops/core';
import { loadPromptFile } from '../prompt-file/load';
import { checkBuiltinSuites, isBuiltinSuite, loadBuiltinSuite } from './builtin';
import { loadEvalSuite, type SuiteReader } from './eval-file';
import { promptFileCases } from './prompt-suite';
import type { EvalCase, SuiteProblem } from './types';

export function isEvalSuiteFile(file: string): boolean {
  return /\.eval\.ya?ml$/.test(file);
}

/** The working tree as a reader. */
export function workspaceReader(workspace: string): SuiteReader {
  return {
    workspace,
    // A missing file is "does not exist"; one that resolves outside the workspace is an error.
    read: async (file) =>
      existsSync(path.join(workspace, file)) ? readWorkspaceFile(workspace, file).text : undefined,
  };
}

/** A git ref as a reader (files as they are at that commit). */
export function refReader(workspace: string, ref: string): SuiteReader {
  return { workspace, read: (file) => readFileAtRef(workspace, ref, file) };
}

/** The built-in suites named (`builtin:smoke`), then workspace-relative suite files matching the globs, sorted. */
export async function findSuiteFiles(workspace: string, patterns: string[]): Promise<string[]> {
  const builtins = patterns.filter(isBuiltinSuite);
  checkBuiltinSuites(builtins);
  const globs = patterns.filter((p) => !isBuiltinSuite(p));
  const files = globs.length ? await findWorkspaceFiles(workspace, globs, { input: 'suites' }) : [];
  return [...new Set(builtins), ...files.map((f) => toWorkspacePath(workspace, f)).sort()];
}

/** Load one suite file (a prompt file or an eval suite) into cases. */
export async function loadSuiteFile(
  file: string,
  reader: SuiteReader,
): Promise<{ cases: EvalCase[]; problems: SuiteProblem[]; exists: boolean }> {
  // Built-in suites are the same on every ref, so a base-ref baseline compares them too.
  if (isBuiltinSuite(file)) return { ...(await loadBuiltinSuite(file, reader)), exists: true };
  const text = await reader.read(file);
  if (text === undefined) return { cases: [], problems: [], exists: false };
  if (isEvalSuiteFile(file)) return { ...(await loadEvalSuite(file, text, reader)), exists: true };
  const loaded = loadPromptFile(path.join(reader.workspace, file), text, reader.workspace);
  const errors = loaded.findings.filter((f) => f.level === 'error');
  if (errors.length) {
    return {
      cases: [],
      problems: errors.map((f) => ({ file, line: f.line ?? 1, column: f.column, message: f.message })),
      exists: true,
    };
  }
  return { ...promptFileCases(loaded.prompt), exists: true };
}

/** Every case of every file, or a UserError naming the first problem's file and line (and how many more). */
export async function loadSuites(files: string[], reader: SuiteReader): Promise<EvalCase[]> {
  const cases: EvalCase[] = [];
  const problems: SuiteProblem[] = [];
  for (const file of files) {
    const loaded = await loadSuiteFile(file, reader);
    for (const c of loaded.cases) cases.push(c);
    for (const p of loaded.problems) problems.push(p);
  }
  if (problems.length) throw suiteError(problems);
  return cases;
}

export function suiteError(problems: SuiteProblem[]): UserError {
  const [first] = problems;
  const more =
    problems.length > 1
      ? ` (and ${problems.length - 1} more: ${problems
          .slice(1, 4)
          .map((p) => `${p.file}:${p.line}`)
          .join(', ')}${problems.length > 4 ? ', …' : ''})`
      : '';
  const error = new UserError(`${first!.message}${more}`, {
    file: first!.file,
    line: first!.line,
    column: first!.column,
  });
  (error as UserError & { problems?: SuiteProblem[] }).problems = problems;
  return error;
}
