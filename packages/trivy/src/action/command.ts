import { defineCommand } from '@llmops/core';
import { trivyWrapInputs } from './inputs';
import { planTrivyWrap } from './plan';
import { reportTrivyWrap } from './report';
import { runTrivyWrap } from './run';

export const TRIVY_SARIF_TOOL = {
  name: 'llmops-trivy-wrap',
  informationUri: 'https://github.com/llmops/llmops',
};

export const trivyWrapCommand = defineCommand({
  name: 'trivy-wrap',
  inputs: trivyWrapInputs,
  secretInputs: ['github-token'],
  sarifTool: TRIVY_SARIF_TOOL,
  plan: planTrivyWrap,
  run: runTrivyWrap,
  report: reportTrivyWrap,
});
