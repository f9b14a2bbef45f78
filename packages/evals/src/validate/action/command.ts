import { defineCommand } from '@llmops/core';
import { validatePromptsInputs } from './inputs';
import { planValidatePrompts, planValidation, type ValidateOptions } from './plan';
import { buildValidateReport, type ValidateReport } from './report';
import { runValidation } from './run';

export const validatePromptsCommand = defineCommand({
  name: 'validate-prompts',
  inputs: validatePromptsInputs,
  secretInputs: ['github-token'],
  sarifTool: { name: 'llmops-validate-prompts', informationUri: 'https://github.com/llmops/llmops' },
  plan: planValidatePrompts,
  run: runValidation,
  report: buildValidateReport,
});

/** The three stages on settings built by hand (tests, the benchmark). */
export async function validatePrompts(options: ValidateOptions): Promise<ValidateReport> {
  const plan = await planValidation(options);
  return buildValidateReport(await runValidation(plan), plan);
}
