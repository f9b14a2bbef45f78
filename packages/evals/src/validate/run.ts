import path from 'node:path';
import {
  changedFilesSince,
  countFindings,
  gitTopLevel,
  findWorkspaceFiles,
  readFileAtRef,
  resolveBaseRef,
  readWorkspaceFile,
  UserError,
  type Finding,
  type Report,
  type Table,
} from '@llmops/core';
import { loadPromptFile } from '../prompt-file/load';
import { fillTemplate } from '../prompt-file/template';
import type { PromptFile } from '../prompt-file/types';
import { checkPrompt, loadSchemaCompiler } from './checks';
import { findModel, loadModelTable, openAiEncoding, type ModelInfo, type ModelTable } from './models';
import { countTokensWithServer } from './tokenize-server';
import { countChatTokens, type TokenCount } from './tokens';
import { isVersionRaised, promptFingerprint } from './version-bump';

export interface ValidateOptions {
  workspace: string;
  paths: string[];
  modelsFile?: string;
  maxPromptTokens: number;
  baseRef?: string;
  requireVersionBump: boolean;
  tokenizeUrl?: string;
  failOn: 'error' | 'warning';
  log?: (line: string) => void;
}

export interface PromptSummary {
  file: string;
  name?: string;
  model?: string;
  version?: string;
  tokens?: number;
  tokenMethod?: TokenCount['method'];
  maxTokens?: number;
  contextWindow?: number;
  costPer1kCallsUsd?: number;
  changed?: 'new' | 'modified';
}

// Output tokens assumed for cost when a prompt sets no maxTokens.
const DEFAULT_OUTPUT_TOKENS = 256;

async function findFiles(workspace: string, patterns: string[]): Promise<string[]> {
  if (patterns.length === 0) throw new UserError("input 'paths' is empty: give at least one glob");
  // A symlink out of the workspace would let a PR read (and echo into the comment) files elsewhere.
  const files = await findWorkspaceFiles(workspace, patterns, { input: 'paths' });
  if (files.length === 0) {
    throw new UserError(`input 'paths' matched no files in ${workspace}: ${patterns.join(', ')}`);
  }
  return files.sort();
}

/** The messages as the model sees them for the longest testData row (worst case for tokens). */
function longestFill(prompt: PromptFile) {
  let best = prompt.testData[0]?.values ?? {};
  let bestLength = -1;
  for (const row of prompt.testData) {
    const length = Object.values(row.values).reduce<number>((n, v) => n + String(v).length, 0);
    if (length > bestLength) [best, bestLength] = [row.values, length];
  }
  return prompt.messages.map((m) => ({ role: m.role.toLowerCase(), content: fillTemplate(m.content, best) }));
}

async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

async function measurePrompt(
  prompt: PromptFile,
  models: ModelTable,
  options: ValidateOptions,
  findings: Finding[],
): Promise<PromptSummary> {
  const info: ModelInfo | undefined = findModel(models, prompt.model);
  const at = prompt.values.model ?? { line: 1, column: 1 };
  const emit = (ruleId: string, level: Finding['level'], message: string) =>
    findings.push({ ruleId, level, message, file: prompt.file, line: at.line, column: at.column });
  const messages = longestFill(prompt);
  let count: TokenCount & { contextWindow?: number };
  if (options.tokenizeUrl) count = await countTokensWithServer(options.tokenizeUrl, prompt.model, messages);
  else count = await countChatTokens(messages, info?.encoding ?? openAiEncoding(prompt.model));
  // The serving engine knows its configured max_model_len better than a table does.
  const contextWindow = count.contextWindow ?? info?.contextWindow;
  if (prompt.model && !info && !count.contextWindow) {
    emit(
      'prompt/unknown-model',
      'warning',
      `unknown model '${prompt.model}': add it to models-file for context and cost checks`,
    );
  }
  const maxTokens = prompt.modelParameters.maxTokens;
  const approx = count.exact ? '' : ' (approximate)';
  if (contextWindow !== undefined && count.tokens + (maxTokens ?? 0) > contextWindow) {
    emit(
      'prompt/context-overflow',
      'error',
      `${count.tokens} prompt tokens${approx} + ${maxTokens ?? 0} max tokens exceed the ${contextWindow}-token context of '${prompt.model}'`,
    );
  }
  if (options.maxPromptTokens > 0 && count.tokens > options.maxPromptTokens) {
    emit(
      'prompt/too-many-tokens',
      'error',
      `${count.tokens} prompt tokens${approx} exceed max-prompt-tokens ${options.maxPromptTokens}`,
    );
  }
  const cost =
    info?.inputPerMTok !== undefined && info.outputPerMTok !== undefined
      ? ((count.tokens * info.inputPerMTok + (maxTokens ?? DEFAULT_OUTPUT_TOKENS) * info.outputPerMTok) /
          1e6) *
        1000
      : undefined;
  return {
    file: prompt.file,
    name: prompt.name,
    model: prompt.model,
    version: prompt.version,
    tokens: count.tokens,
    tokenMethod: count.method,
    maxTokens,
    contextWindow,
    costPer1kCallsUsd: cost,
  };
}

/** Compare with the base ref: which prompts changed, and whether their version was raised. */
async function compareWithBase(
  prompts: PromptFile[],
  summaries: Map<string, PromptSummary>,
  options: ValidateOptions,
  findings: Finding[],
): Promise<string[]> {
  let base: string;
  try {
    base = await resolveBaseRef(options.workspace, options.baseRef!);
  } catch (error) {
    // Without required bumps, the changed-prompts list is a nicety: a shallow clone must not fail the run.
    if (options.requireVersionBump) throw error;
    options.log?.(`warning: ${(error as Error).message}; changed prompts are not listed`);
    return [];
  }
  const changed = await changedFilesSince(options.workspace, base);
  const top = await gitTopLevel(options.workspace);
  const out: string[] = [];
  for (const prompt of prompts) {
    if (!changed.has(prompt.file)) continue;
    const repoPath = path.relative(top, prompt.path).split(path.sep).join('/');
    const old = await readFileAtRef(options.workspace, base, repoPath);
    const summary = summaries.get(prompt.file)!;
    if (old === undefined) {
      summary.changed = 'new';
      out.push(prompt.file);
      continue;
    }
    const previous = loadPromptFile(prompt.path, old, options.workspace).prompt;
    if (promptFingerprint(previous) === promptFingerprint(prompt)) continue;
    summary.changed = 'modified';
    out.push(prompt.file);
    if (options.requireVersionBump && !isVersionRaised(previous.version, prompt.version)) {
      const at = prompt.values.version ?? { line: 1, column: 1 };
      findings.push({
        ruleId: 'prompt/version-bump',
        level: 'error',
        file: prompt.file,
        line: at.line,
        column: at.column,
        message: `messages, model or parameters changed since ${options.baseRef} but version ${
          prompt.version === undefined
            ? 'is missing'
            : `'${prompt.version}' is not above '${previous.version ?? 'none'}'`
        }`,
      });
    }
  }
  return out;
}

export async function validatePrompts(
  options: ValidateOptions,
): Promise<Report<{ prompts: PromptSummary[] }>> {
  const models = await loadModelTable(options.workspace, options.modelsFile);
  if (options.requireVersionBump && !options.baseRef) {
    throw new UserError(
      "input 'require-version-bump' is true but there is no base ref: set 'base-ref' or run on a pull_request event",
    );
  }
  const files = await findFiles(options.workspace, options.paths);
  const findings: Finding[] = [];
  const prompts: PromptFile[] = [];
  for (const file of files) {
    const loaded = loadPromptFile(
      file,
      readWorkspaceFile(options.workspace, file, { input: 'paths' }).text,
      options.workspace,
    );
    for (const f of loaded.findings) findings.push(f);
    if (!loaded.findings.some((f) => f.level === 'error')) prompts.push(loaded.prompt);
  }
  const ajv = prompts.some((p) => p.jsonSchema) ? await loadSchemaCompiler() : undefined;
  for (const prompt of prompts) for (const f of checkPrompt(prompt, ajv)) findings.push(f);
  // A prompt is known by its file path (suites, cases and baselines key on it); the display name
  // is only a label, and real projects share one across files (prompty's own examples do). So a
  // shared name is a warning that reports will be harder to read, never an error.
  const seen = new Map<string, PromptFile>();
  for (const prompt of prompts) {
    if (!prompt.name) continue;
    const first = seen.get(prompt.name);
    const at = prompt.values.name ?? { line: 1, column: 1 };
    if (first) {
      findings.push({
        ruleId: 'prompt/duplicate-name',
        level: 'warning',
        file: prompt.file,
        line: at.line,
        column: at.column,
        message: `name '${prompt.name}' is also used by ${first.file}; prompts are told apart by path, but reports list them by name`,
      });
    } else seen.set(prompt.name, prompt);
  }
  const measured = await mapLimit(prompts, options.tokenizeUrl ? 8 : 1, (p) =>
    measurePrompt(p, models, options, findings),
  );
  const summaries = new Map(measured.map((s) => [s.file, s]));
  const changed = options.baseRef ? await compareWithBase(prompts, summaries, options, findings) : [];

  findings.sort(
    (a, b) =>
      (a.file ?? '').localeCompare(b.file ?? '') ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0),
  );
  const errors = countFindings(findings, 'error');
  const warnings = countFindings(findings, 'warning');
  const failing = errors + (options.failOn === 'warning' ? warnings : 0);
  const totalTokens = measured.reduce((n, s) => n + (s.tokens ?? 0), 0);
  const cost = measured.reduce((n, s) => n + (s.costPer1kCallsUsd ?? 0), 0);
  const approximate = measured.some((s) => s.tokenMethod === 'estimate');
  const table: Table = {
    title: 'Prompts',
    columns: ['File', 'Name', 'Model', 'Tokens', 'Context use', 'Cost / 1k calls', 'Version', 'Changed'],
    rows: measured.map((s) => [
      s.file,
      s.name,
      s.model,
      s.tokens === undefined ? undefined : `${s.tokenMethod === 'estimate' ? '≈' : ''}${s.tokens}`,
      s.contextWindow
        ? `${((((s.tokens ?? 0) + (s.maxTokens ?? 0)) / s.contextWindow) * 100).toFixed(1)}%`
        : undefined,
      s.costPer1kCallsUsd === undefined ? undefined : `$${s.costPer1kCallsUsd.toFixed(4)}`,
      s.version,
      s.changed,
    ]),
    note: approximate
      ? '≈ approximate count (no tokenizer for the model): set tokenize-url for exact counts.'
      : undefined,
  };
  return {
    action: 'validate-prompts',
    verdict: failing > 0 ? 'fail' : 'pass',
    headline: `${files.length} files, ${prompts.length} prompts: ${errors} errors, ${warnings} warnings`,
    reasons: failing > 0 ? [`${failing} findings at or above '${options.failOn}'`] : [],
    metrics: [
      ['Files', files.length],
      ['Prompts', prompts.length],
      ['Errors', errors],
      ['Warnings', warnings],
      ['Prompt tokens', `${approximate ? '≈' : ''}${totalTokens}`],
      ['Cost / 1k calls', `$${cost.toFixed(4)}`],
      ...(options.baseRef ? ([['Changed', changed.length]] as Array<[string, number]>) : []),
    ],
    tables: [table],
    findings,
    outputs: {
      files: files.length,
      prompts: prompts.length,
      errors,
      warnings,
      'total-tokens': totalTokens,
      'estimated-cost-usd': Number(cost.toFixed(6)),
      'changed-prompts': changed.join(','),
    },
    data: { prompts: measured },
  };
}
