import { defineCommand } from '@llmops/core';
import { qualityGateInputs } from './inputs';
import { planQualityGate } from './plan';
import { buildGateReport } from './report';
import { runQualityGate } from './run';

export const qualityGateCommand = defineCommand({
  name: 'llm-quality-gate',
  inputs: qualityGateInputs,
  secretInputs: ['api-key', 'judge-api-key', 'compare-api-key', 'github-token'],
  plan: planQualityGate,
  run: runQualityGate,
  report: buildGateReport,
});
