import { checkYaml, loadYaml, readWorkspaceFile, UserError } from '@llmops/core';
import { isMap } from 'yaml';
import { z } from 'zod';

export const ENCODINGS = ['o200k_base', 'cl100k_base'] as const;
export type Encoding = (typeof ENCODINGS)[number];

export interface ModelInfo {
  contextWindow?: number;
  /** USD per million tokens. */
  inputPerMTok?: number;
  outputPerMTok?: number;
  /** Tokenizer for exact counts (OpenAI families). */
  encoding?: Encoding;
}

// Published list prices (USD per million tokens) and context windows, 2025; `models-file`
// overrides or extends them. Self-hosted models have no price unless the file gives one.
const BUILTIN: Record<string, ModelInfo> = {
  'gpt-4o': { contextWindow: 128_000, inputPerMTok: 2.5, outputPerMTok: 10, encoding: 'o200k_base' },
  'gpt-4o-mini': { contextWindow: 128_000, inputPerMTok: 0.15, outputPerMTok: 0.6, encoding: 'o200k_base' },
  'gpt-4.1': { contextWindow: 1_047_576, inputPerMTok: 2, outputPerMTok: 8, encoding: 'o200k_base' },
  'gpt-4.1-mini': { contextWindow: 1_047_576, inputPerMTok: 0.4, outputPerMTok: 1.6, encoding: 'o200k_base' },
  'gpt-4.1-nano': { contextWindow: 1_047_576, inputPerMTok: 0.1, outputPerMTok: 0.4, encoding: 'o200k_base' },
  'o3-mini': { contextWindow: 200_000, inputPerMTok: 1.1, outputPerMTok: 4.4, encoding: 'o200k_base' },
  'o4-mini': { contextWindow: 200_000, inputPerMTok: 1.1, outputPerMTok: 4.4, encoding: 'o200k_base' },
  'gpt-4-turbo': { contextWindow: 128_000, inputPerMTok: 10, outputPerMTok: 30, encoding: 'cl100k_base' },
  'gpt-4': { contextWindow: 8_192, inputPerMTok: 30, outputPerMTok: 60, encoding: 'cl100k_base' },
  'gpt-3.5-turbo': { contextWindow: 16_385, inputPerMTok: 0.5, outputPerMTok: 1.5, encoding: 'cl100k_base' },
  'meta-llama/llama-3.1-8b-instruct': { contextWindow: 131_072 },
  'meta-llama/llama-3.1-70b-instruct': { contextWindow: 131_072 },
  'meta-llama/llama-3.3-70b-instruct': { contextWindow: 131_072 },
  'mistralai/mistral-7b-instruct-v0.3': { contextWindow: 32_768 },
  'qwen/qwen2.5-7b-instruct': { contextWindow: 32_768 },
  'qwen/qwen2.5-72b-instruct': { contextWindow: 32_768 },
};

const modelsFileSchema = z.strictObject({
  models: z.record(
    z.string(),
    z.strictObject({
      'context-window': z.number().int().positive().optional(),
      'input-per-mtok': z.number().min(0).optional(),
      'output-per-mtok': z.number().min(0).optional(),
      encoding: z.enum(ENCODINGS).optional(),
    }),
  ),
});

export type ModelTable = Map<string, ModelInfo>;

export function builtinModels(): ModelTable {
  return new Map(Object.entries(BUILTIN));
}

/**
 * Look a model up by its name as prompt files write it: `openai/gpt-4o`, `gpt-4o`,
 * `azureml/...`: exact first, then without the publisher prefix, case-insensitively.
 */
export function findModel(table: ModelTable, name: string | undefined): ModelInfo | undefined {
  if (!name) return undefined;
  const lower = name.toLowerCase();
  const bare = lower.slice(lower.indexOf('/') + 1);
  // Dated snapshots (`gpt-4o-2024-08-06`) share their family's window and price.
  const candidates = [name, lower, bare, bare.replace(/-\d{4}-\d{2}-\d{2}$/, '')];
  for (const c of candidates) if (table.has(c)) return table.get(c);
  for (const [key, info] of table)
    if (key.toLowerCase() === lower || key.toLowerCase().endsWith(`/${lower}`)) return info;
  return undefined;
}

/**
 * The encoding of an OpenAI model family not in the table (new models, dated snapshots such as
 * `gpt-4o-2024-08-06`): counts stay exact even when context and price are unknown.
 */
export function openAiEncoding(name: string | undefined): Encoding | undefined {
  const model = (name ?? '').toLowerCase().replace(/^(openai|azure-openai|azure)\//, '');
  if (/^(gpt-4o|gpt-4\.1|gpt-4\.5|gpt-5|o\d)/.test(model)) return 'o200k_base';
  if (/^(gpt-4|gpt-3\.5)/.test(model)) return 'cl100k_base';
  return undefined;
}

/** Read `models-file` (YAML: `models: {name: {context-window, input-per-mtok, output-per-mtok, encoding}}`) over the built-ins. */
export async function loadModelTable(workspace: string, value: string | undefined): Promise<ModelTable> {
  const table = builtinModels();
  if (!value) return table;
  const { text, relative: shown } = readWorkspaceFile(workspace, value, { input: 'models-file' });
  const { doc, lines, problems, value: data } = loadYaml(text);
  const yamlError = problems.find((p) => p.level === 'error');
  if (yamlError) {
    throw new UserError(yamlError.message, { file: shown, line: yamlError.line, column: yamlError.column });
  }
  const parsed = checkYaml(modelsFileSchema, { doc, lines, value: isMap(doc.contents) ? data : null });
  if (!parsed.success) {
    const { path, message, line, column } = parsed.issues[0]!;
    throw new UserError(`models file: '${path.join('.') || '(root)'}': ${message}`, {
      file: shown,
      line,
      column,
    });
  }
  for (const [name, spec] of Object.entries(parsed.data.models)) {
    const previous = findModel(table, name) ?? {};
    table.set(name, {
      ...previous,
      ...(spec['context-window'] !== undefined ? { contextWindow: spec['context-window'] } : {}),
      ...(spec['input-per-mtok'] !== undefined ? { inputPerMTok: spec['input-per-mtok'] } : {}),
      ...(spec['output-per-mtok'] !== undefined ? { outputPerMTok: spec['output-per-mtok'] } : {}),
      ...(spec.encoding ? { encoding: spec.encoding } : {}),
    });
  }
  return table;
}
