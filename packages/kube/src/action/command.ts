import { defineCommand, type Report } from '@llmops/core';
import { canaryStepInputs, canaryStepPostInputs, SECRET_INPUTS } from './inputs';
import { planCanaryStep, type CanaryStepPlan } from './plan';
import { buildReport } from './report';
import { runCanaryStepAction, runCanaryStepCleanup } from './run';

export const canaryStepCommand = defineCommand({
  name: 'canary-step',
  inputs: canaryStepInputs,
  secretInputs: SECRET_INPUTS,
  plan: (inputs, context) => planCanaryStep(inputs, context),
  run: runCanaryStepAction,
  report: buildReport,
});

/** The post step has nothing to do after a manual action or a dry run. */
type PostPlan = CanaryStepPlan | { nothing: string };

/** The `post:` entry: rolls back a rollout this job left unfinished (failed or cancelled). */
export const canaryStepPostCommand = defineCommand({
  name: 'canary-step-post',
  inputs: canaryStepPostInputs,
  secretInputs: SECRET_INPUTS,
  plan(inputs, context): PostPlan {
    if (inputs.action !== 'rollout')
      return { nothing: `post: nothing to clean up after 'action: ${inputs.action}'` };
    if (inputs['dry-run']) return { nothing: 'post: dry run, nothing to clean up' };
    return planCanaryStep({ ...inputs, 'report-path': undefined, comment: false }, context, 'post');
  },
  run: async (plan, context) => ('nothing' in plan ? plan : runCanaryStepCleanup(plan, context)),
  report(result): Report {
    if ('nothing' in result)
      return {
        action: 'canary-step-post',
        verdict: 'pass',
        headline: result.nothing,
        reasons: [],
        metrics: [],
        tables: [],
        findings: [],
        outputs: {},
      };
    return { ...buildReport(result), action: 'canary-step-post' };
  },
});
