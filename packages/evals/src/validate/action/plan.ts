import { defaultBaseRef, findWorkspaceFiles, UserError, type PlanContext } from '@llmops/core';
import { loadModelTable, type ModelTable } from '../models';
import type { ValidatePromptsInputs } from './inputs';

/** The settings of a validation, camelCase (what tests and the benchmark build by hand). */
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

/** The settings, the model table and the files to lint, checked before anything is read or sent. */
export interface ValidatePlan extends ValidateOptions {
  models: ModelTable;
  files: string[];
}

async function findFiles(workspace: string, patterns: string[]): Promise<string[]> {
  if (patterns.length === 0) throw new UserError("input 'paths' is empty: give at least one glob");
  // A symlink out of the workspace would let a PR read (and echo into the comment) files elsewhere.
  const files = await findWorkspaceFiles(workspace, patterns, { input: 'paths' });
  if (files.length === 0) {
    throw new UserError(`input 'paths' matched no files in ${workspace}: ${patterns.join(', ')}`);
  }
  return files.sort();
}

/** Check the settings, load the models file and find the prompt files, with no request sent. */
export async function planValidation(options: ValidateOptions): Promise<ValidatePlan> {
  const models = await loadModelTable(options.workspace, options.modelsFile);
  if (options.requireVersionBump && !options.baseRef) {
    throw new UserError(
      "input 'require-version-bump' is true but there is no base ref: set 'base-ref' or run on a pull_request event",
    );
  }
  return { ...options, models, files: await findFiles(options.workspace, options.paths) };
}

export function planValidatePrompts(
  inputs: ValidatePromptsInputs,
  context: PlanContext,
): Promise<ValidatePlan> {
  return planValidation({
    workspace: context.workspace,
    paths: inputs.paths,
    modelsFile: inputs['models-file'],
    maxPromptTokens: inputs['max-prompt-tokens'],
    baseRef: inputs['base-ref'] ?? defaultBaseRef(context.env),
    requireVersionBump: inputs['require-version-bump'],
    tokenizeUrl: inputs['tokenize-url'],
    failOn: inputs['fail-on'],
    log: context.log,
  });
}
