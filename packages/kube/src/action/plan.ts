import { InputError, type PlanContext } from '@llmops/core';
import { loadChecks, promConnection, type Check, type PromClientOptions } from '@llmops/prom';
import type { KubeConfig } from '@kubernetes/client-node';
import { loadKubeConfig, namespaceOf } from '../client';
import type { AnalysisSettings } from '../analysis';
import type { RolloutConfig } from '../rollout';
import { parseSteps, type Step } from '../steps';
import type { CanaryStepInputs } from './inputs';

/** The route object and what it splits traffic between, as the inputs name them. */
export type RoutePlan =
  | { router: 'istio' | 'gateway-api'; name: string; stableBackend: string; canaryBackend: string }
  | { router: 'kserve'; name: string }
  /** Blue-green: the Service's selector switches from the stable Deployment's pods to the canary's. */
  | { router: 'service'; name: string; stableDeployment: string; canaryDeployment: string };

export type AnalysisPlan = AnalysisSettings;

/** Everything a canary-step run does, settled before the cluster or Prometheus is asked anything. */
export interface CanaryStepPlan {
  config: RolloutConfig;
  route: RoutePlan;
  /** Rollouts with checks to measure; absent: steps only bake. */
  analysis?: AnalysisPlan;
  prometheus?: PromClientOptions;
  kube: { config: KubeConfig; namespace: string };
  dryRun: boolean;
  timeoutMs: number;
  /** A GitHub deployment to record the run in (an `environment` and a token, on a real run). */
  deployment?: { environment: string; token: string };
}

function need(inputs: CanaryStepInputs, name: keyof CanaryStepInputs, why: string): string {
  const value = inputs[name];
  if (typeof value !== 'string' || !value) throw new InputError(`input '${name}' is required ${why}`);
  return value;
}

function planRoute(inputs: CanaryStepInputs): RoutePlan {
  const { router } = inputs;
  if (router === 'istio' || router === 'gateway-api') {
    const why = `with router '${router}'`;
    return {
      router,
      name: need(inputs, 'route', `${why} (the ${router === 'istio' ? 'VirtualService' : 'HTTPRoute'})`),
      stableBackend: need(inputs, 'stable-backend', why),
      canaryBackend: need(inputs, 'canary-backend', why),
    };
  }
  if (router === 'kserve') {
    const name = inputs['inference-service'] ?? inputs.route;
    if (!name) throw new InputError("input 'inference-service' is required with router 'kserve'");
    return { router, name };
  }
  const name = inputs.service ?? inputs.route;
  if (!name) throw new InputError("input 'service' is required with router 'service'");
  return {
    router,
    name,
    stableDeployment: need(inputs, 'stable-deployment', "with router 'service'"),
    canaryDeployment: need(inputs, 'canary-deployment', "with router 'service'"),
  };
}

/** The checks of a rollout, read and parsed; undefined when no step measures anything. */
function planAnalysis(
  inputs: CanaryStepInputs,
  steps: Step[],
  context: PlanContext,
): AnalysisPlan | undefined {
  const bare = steps.findIndex((s) => s.kind === 'analysis' && !s.override.checks);
  if (!inputs.checks && bare >= 0)
    throw new InputError(
      `input 'steps': step ${bare + 1} is an analysis with no checks: give 'checks', or checks on the step (\`- analysis: {checks: ...}\`)`,
    );
  const analysisSteps = steps.flatMap((s) => (s.kind === 'analysis' ? [s.override] : []));
  if (!inputs.checks && analysisSteps.length === 0) {
    context.log("no 'checks' given: each step bakes, then moves on without metric analysis");
    return undefined;
  }
  if (!inputs['prometheus-url'])
    throw new InputError("input 'prometheus-url' is required when 'checks' are given");
  const selectors = { selector: inputs['canary-selector'], baselineSelector: inputs['baseline-selector'] };
  const load = (text: string) => loadChecks(text, context.workspace, selectors);
  const stepChecks = new Map<string, Check[]>();
  for (const { checks } of analysisSteps)
    if (checks && !stepChecks.has(checks)) stepChecks.set(checks, load(checks));
  if (!inputs.checks)
    context.log(
      "no 'checks' given: only analysis steps with their own checks measure; other steps bake, then move on",
    );
  return {
    checks: inputs.checks?.trim() ? load(inputs.checks) : [],
    stepChecks,
    count: inputs.count,
    intervalMs: inputs.interval,
    limits: {
      failureLimit: inputs['failure-limit'],
      inconclusiveLimit: inputs['inconclusive-limit'],
      errorLimit: inputs['error-limit'],
    },
    noData: inputs['no-data'],
  };
}

function runId(env: NodeJS.ProcessEnv): string | undefined {
  return env.GITHUB_RUN_ID ? `${env.GITHUB_RUN_ID}/${env.GITHUB_RUN_ATTEMPT ?? '1'}` : undefined;
}

/**
 * Steps, route settings, checks, Prometheus settings and the kubeconfig, all checked: a bad one is
 * an input error before any cluster read. `post` plans the clean-up, which measures nothing.
 */
export function planCanaryStep(
  inputs: CanaryStepInputs,
  context: PlanContext,
  mode: 'main' | 'post' = 'main',
): CanaryStepPlan {
  const { router } = inputs;
  // (the default steps of blue-green have an analysis only when there are checks to run)
  const steps = parseSteps(inputs.steps ?? '', router, !!inputs.checks, {
    count: inputs.count,
    intervalMs: inputs.interval,
  });
  const route = planRoute(inputs);
  if (inputs.action === 'undo' && router === 'kserve')
    throw new InputError(
      "input 'action': 'undo' restores the image a stable Deployment ran before the last promotion, and router 'kserve' has no stable Deployment: roll out the previous storage URI or image instead (allowed with kserve: rollout, promote, rollback, status)",
    );
  if (router === 'istio' || router === 'gateway-api') {
    // The stable Deployment takes the new image on promotion; the canary serves it until then.
    need(inputs, 'stable-deployment', `with router '${router}'`);
    need(inputs, 'canary-deployment', `with router '${router}'`);
  }
  if (inputs.prepull && inputs.image && /^[a-z][a-z0-9+.-]*:\/\//i.test(inputs.image))
    throw new InputError(
      `input 'prepull': the DaemonSet pre-pulls a container image, and 'image' is the storage URI ${inputs.image}: remove 'prepull' (a storage URI is not pulled by nodes)`,
    );
  const analysis =
    mode === 'main' && inputs.action === 'rollout' ? planAnalysis(inputs, steps, context) : undefined;
  const kubeConfig = loadKubeConfig({ kubeconfig: inputs.kubeconfig, context: inputs.context });
  const token = inputs['github-token'];
  const tracked = inputs.environment && token && !inputs['dry-run'] && inputs.action !== 'status';
  return {
    config: {
      action: inputs.action,
      router,
      image: inputs.image,
      stableDeployment: inputs['stable-deployment'],
      canaryDeployment: inputs['canary-deployment'],
      steps,
      bakeMs: inputs['bake-time'],
      onFailure: inputs['on-failure'],
      scaleDownDelayMs: inputs['scale-down-delay'],
      ...(inputs.prepull ? { prepull: inputs.prepull } : {}),
      // only a rollout this workflow run left unfinished is the post step's to roll back
      run: runId(context.env),
    },
    route,
    ...(analysis ? { analysis } : {}),
    ...(inputs['prometheus-url']
      ? { prometheus: promConnection({ ...inputs, 'prometheus-url': inputs['prometheus-url'] }) }
      : {}),
    kube: { config: kubeConfig, namespace: namespaceOf(kubeConfig, inputs.namespace) },
    dryRun: inputs['dry-run'],
    timeoutMs: inputs.timeout,
    ...(tracked ? { deployment: { environment: inputs.environment!, token: token! } } : {}),
  };
}
