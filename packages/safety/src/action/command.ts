import { defineCommand } from '@llmops/core';
import { safetyTestsInputs } from './inputs';
import { planSafetyTests } from './plan';
import { buildSafetyReport } from './report';
import { runSafetyTests } from './run';

/** Attack the model with the chosen packs and transforms, judge every answer, gate on the rates. */
export const safetyTestsCommand = defineCommand({
  name: 'safety-tests',
  inputs: safetyTestsInputs,
  secretInputs: ['api-key', 'judge-api-key', 'github-token'],
  plan: planSafetyTests,
  run: runSafetyTests,
  report: buildSafetyReport,
});
