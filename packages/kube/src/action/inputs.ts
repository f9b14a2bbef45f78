import { input, reportingInputs } from '@llmops/core';
import { checkRunLength, measurementInputs } from '@llmops/prom';
import { z } from 'zod';
import { ACTIONS } from '../rollout';
import { ROUTERS } from '../steps';

const canaryStepFields = z.object({
  router: input.choice(ROUTERS),
  namespace: input.optional(),
  route: input.optional(),
  'stable-backend': input.optional(),
  'canary-backend': input.optional(),
  'inference-service': input.optional(),
  service: input.optional(),
  'stable-deployment': input.optional(),
  'canary-deployment': input.optional(),
  image: input.optional(),
  steps: input.optional(),
  'bake-time': input.duration(),
  checks: input.optional(),
  'canary-selector': input.optional(),
  'baseline-selector': input.optional(),
  'prometheus-url': input.url(),
  'prometheus-token': input.optional(),
  'prometheus-headers': input.optional(),
  ...measurementInputs,
  'on-failure': input.choice(['rollback', 'pause'] as const),
  'scale-down-delay': input.duration(),
  prepull: input.optional(),
  action: input.choice(ACTIONS),
  'dry-run': input.bool(),
  kubeconfig: input.optional(),
  context: input.optional(),
  timeout: input.duration({ min: 1000 }),
  environment: input.optional(),
  ...reportingInputs,
});
export const canaryStepInputs = canaryStepFields.superRefine(checkRunLength);
export type CanaryStepInputs = z.output<typeof canaryStepInputs>;

/** The `post:` entry reads the same inputs but writes no report file and no comment of its own. */
export const canaryStepPostInputs = canaryStepFields
  .omit({ 'report-path': true, comment: true })
  .superRefine(checkRunLength);

// The kubeconfig is not listed: secret inputs are split into words, and a kubeconfig's words are
// ordinary. loadKubeConfig masks it whole (unsplit) before parsing it, then each credential in it.
export const SECRET_INPUTS = ['prometheus-token', 'prometheus-headers', 'github-token'] as const;
