import path from 'node:path';
import {
  changedFilesSince,
  gitTopLevel,
  readFileAtRef,
  resolveBaseRef,
  readWorkspaceFile,
  type Finding,
} from '@llmops/core';
import { loadPromptFile } from '../../prompt-file/load';
import { fillTemplate } from '../../prompt-file/template';
import type { PromptFile } from '../../prompt-file/types';
import { checkPrompt, loadSchemaCompiler } from '../checks';
import { findModel, openAiEncoding, type ModelInfo, type ModelTable } from '../models';
import { countTokensWithServer } from '../tokenize-server';
import { countChatTokens, type TokenCount } from '../tokens';
import { isVersionRaised, promptFingerprint } from '../version-bump';
import type { ValidateOptions, ValidatePlan } from './plan';

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

/** What a validation found: every finding, and each valid prompt measured. */
export interface ValidateResult {
  prompts: PromptFile[];
  measured: PromptSummary[];
  /** Prompt files changed since the base ref. */
  changed: string[];
  findings: Finding[];
}

/** A shared display name is a warning that reports will be harder to read, never an error. */
function duplicateNames(prompts: readonly PromptFile[]): Finding[] {
  // A prompt is known by its file path (suites, cases and baselines key on it); the display name
  // is only a label, and real projects share one across files (prompty's own examples do).
  const findings: Finding[] = [];
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
  return findings;
}

/** Lint every planned file, count tokens (exactly with tokenize-url) and compare with the base ref. */
export async function runValidation(plan: ValidatePlan): Promise<ValidateResult> {
  const findings: Finding[] = [];
  const prompts: PromptFile[] = [];
  for (const file of plan.files) {
    const loaded = loadPromptFile(
      file,
      readWorkspaceFile(plan.workspace, file, { input: 'paths' }).text,
      plan.workspace,
    );
    for (const f of loaded.findings) findings.push(f);
    if (!loaded.findings.some((f) => f.level === 'error')) prompts.push(loaded.prompt);
  }
  const ajv = prompts.some((p) => p.jsonSchema) ? await loadSchemaCompiler() : undefined;
  for (const prompt of prompts) for (const f of checkPrompt(prompt, ajv)) findings.push(f);
  for (const f of duplicateNames(prompts)) findings.push(f);
  const measured = await mapLimit(prompts, plan.tokenizeUrl ? 8 : 1, (p) =>
    measurePrompt(p, plan.models, plan, findings),
  );
  const summaries = new Map(measured.map((s) => [s.file, s]));
  const changed = plan.baseRef ? await compareWithBase(prompts, summaries, plan, findings) : [];
  return { prompts, measured, changed, findings };
}
