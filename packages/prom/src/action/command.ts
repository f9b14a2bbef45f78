import { defineCommand } from '@llmops/core';
import { PromClient } from '../client';
import { realClock } from '../clock';
import { metricGateInputs } from './inputs';
import { planMetricGate } from './plan';
import { buildReport } from './report';
import { runMetricGate } from './run';

export const metricGateCommand = defineCommand({
  name: 'metric-gate',
  inputs: metricGateInputs,
  secretInputs: ['prometheus-token', 'github-token'],
  plan: planMetricGate,
  run: (plan, context) =>
    runMetricGate(plan, {
      prom: new PromClient(plan.prometheus),
      clock: realClock,
      log: context.log,
      signal: context.signal,
    }),
  report: buildReport,
});
