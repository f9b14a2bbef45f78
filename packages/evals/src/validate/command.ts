import { defaultBaseRef, input, reportingInputs, defineCommand, type Report } from '@llmops/core';
import { z } from 'zod';
import { validatePrompts } from './run';

export const validatePromptsInputs = z.object({
  paths: input.list(),
  'models-file': input.optional(),
  'max-prompt-tokens': input.integer({ min: 0 }),
  'base-ref': input.optional(),
  'require-version-bump': input.bool(),
  'tokenize-url': input.url(),
  'fail-on': input.choice(['error', 'warning']),
  'sarif-path': input.optional(),
  'check-run': input.bool(),
  ...reportingInputs,
});

export const validatePromptsCommand = defineCommand({
  // Not split yet: the inputs are the plan, the run builds the report.
  plan: (inputs) => inputs,
  report: (report: Report) => report,
  name: 'validate-prompts',
  inputs: validatePromptsInputs,
  secretInputs: ['github-token'],
  sarifTool: { name: 'llmops-validate-prompts', informationUri: 'https://github.com/llmops/llmops' },
  run: (inputs, context) =>
    validatePrompts({
      workspace: context.workspace,
      paths: inputs.paths,
      modelsFile: inputs['models-file'],
      maxPromptTokens: inputs['max-prompt-tokens'],
      baseRef: inputs['base-ref'] ?? defaultBaseRef(context.env),
      requireVersionBump: inputs['require-version-bump'],
      tokenizeUrl: inputs['tokenize-url'],
      failOn: inputs['fail-on'],
      log: context.log,
    }),
});
