import { input, reportingInputs, type Command } from '@llmops/core';
import { z } from 'zod';

export const validatePromptsInputs = z.object({
  paths: input.list(),
  'models-file': input.optional(),
  'max-prompt-tokens': input.number({ min: 0, integer: true }),
  'base-ref': input.optional(),
  'require-version-bump': input.bool(),
  'tokenize-url': input.optional(),
  'fail-on': input.choice(['error', 'warning']),
  'sarif-path': input.optional(),
  'check-run': input.bool(),
  ...reportingInputs,
});
export type ValidatePromptsInputs = z.output<typeof validatePromptsInputs>;

export const validatePromptsCommand: Command<typeof validatePromptsInputs> = {
  name: 'validate-prompts',
  inputs: validatePromptsInputs,
  secretInputs: ['github-token'],
  sarifTool: { name: 'llmops-validate-prompts', informationUri: 'https://github.com/llmops/llmops' },
  async run(inputs) {
    return {
      action: 'validate-prompts',
      verdict: 'pass',
      headline: `placeholder ${inputs.paths.length}`,
      reasons: [],
      metrics: [],
      tables: [],
      findings: [],
      outputs: {},
    };
  },
};
