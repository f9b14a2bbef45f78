import { input, reportingInputs } from '@llmops/core';
import { z } from 'zod';

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
export type ValidatePromptsInputs = z.output<typeof validatePromptsInputs>;
