import type { RunContext } from '@llmops/core';
import { readGitHubRun } from '@llmops/core';
import { PromClient, realClock, type Clock, type PromApi } from '@llmops/prom';
import { promAnalysis, type Analysis } from '../analysis';
import { ClientKube, type KubeApi } from '../client';
import { startDeployment, type DeploymentTracker } from '../github-deployment';
import { Rollout, type RolloutResult } from '../rollout';
import { GatewayApiRouter } from '../routers/gateway-api';
import { IstioRouter } from '../routers/istio';
import { KServeRouter } from '../routers/kserve';
import type { Router } from '../routers/router';
import { prepull } from '../prepull';
import { ServiceRouter } from '../routers/service';
import { canaryLabels, matchLabelsOf, waitInferenceService, Workloads, type WaitOptions } from '../workload';
import { Writer } from '../writer';
import type { CanaryStepPlan, RoutePlan } from './plan';

export interface CanaryStepDeps {
  kube: KubeApi;
  clock: Clock;
  log: (line: string) => void;
  signal?: AbortSignal;
  /** Prometheus client for the planned checks (absent: steps only bake). */
  prom?: PromApi;
  /** Analysis to use instead of the planned checks on `prom` (tests, other metric sources). */
  analysis?: Analysis;
  /** Readiness polling, first interval (doubles up to 5 s). */
  pollMs?: number;
  retryDelayMs?: number;
  /** First delay before a failed route write is retried (doubles, with jitter). */
  writeRetryDelayMs?: number;
}

/** The router for the planned route; blue-green reads the Deployments' selectors from the cluster. */
async function makeRouter(route: RoutePlan, kube: KubeApi): Promise<Router> {
  switch (route.router) {
    case 'istio':
      return new IstioRouter(route.name, route.stableBackend, route.canaryBackend);
    case 'gateway-api':
      return new GatewayApiRouter(route.name, route.stableBackend, route.canaryBackend);
    case 'kserve':
      return new KServeRouter(route.name);
    case 'service': {
      const stable = await kube.get('Deployment', route.stableDeployment);
      const canary = await kube.find('Deployment', route.canaryDeployment);
      const stableSelector = matchLabelsOf(stable);
      const canarySelector = canary
        ? matchLabelsOf(canary)
        : canaryLabels(route.stableDeployment, route.canaryDeployment, stableSelector);
      return new ServiceRouter(route.name, stableSelector, canarySelector);
    }
  }
}

function analysisFor(plan: CanaryStepPlan, deps: CanaryStepDeps): Analysis | undefined {
  if (deps.analysis) return deps.analysis;
  if (!plan.analysis) return undefined;
  const prom = deps.prom ?? (plan.prometheus && new PromClient(plan.prometheus));
  // The plan requires prometheus-url whenever it plans checks.
  if (!prom) throw new Error('planned checks without a Prometheus to measure them');
  return promAnalysis({
    ...plan.analysis,
    prom,
    clock: deps.clock,
    retryDelayMs: deps.retryDelayMs,
    log: deps.log,
  });
}

/** canary-step over plain objects (a Kubernetes API, a Prometheus client): the action asked for, or the post step's clean-up. */
export async function runCanaryStep(
  plan: CanaryStepPlan,
  deps: CanaryStepDeps,
  mode: 'main' | 'post' = 'main',
): Promise<RolloutResult> {
  const router = await makeRouter(plan.route, deps.kube);
  const main = mode === 'main';
  const signal = main ? deps.signal : undefined;
  const writer = new Writer(deps.kube, plan.dryRun, deps.log, {
    signal,
    retryDelayMs: deps.writeRetryDelayMs,
  });
  const wait: WaitOptions = {
    timeoutMs: plan.timeoutMs,
    pollMs: deps.pollMs ?? 500,
    clock: deps.clock,
    log: deps.log,
    signal,
  };
  const rollout = new Rollout(plan.config, {
    writer,
    router,
    workloads: plan.route.router === 'kserve' ? undefined : new Workloads(writer, wait),
    analysis: main && plan.config.action === 'rollout' ? analysisFor(plan, deps) : undefined,
    clock: deps.clock,
    log: deps.log,
    signal,
    waitInferenceService: (name) => waitInferenceService(writer, name, wait),
    prepull: (name, image) => prepull(writer, name, image, wait),
  });
  return main ? rollout.run() : rollout.cleanup();
}

function kubeFrom(plan: CanaryStepPlan, signal?: AbortSignal): KubeApi {
  return new ClientKube(plan.kube.config, plan.kube.namespace, { signal });
}

/** The action's run: the rollout against the cluster, recorded as a GitHub deployment when one is planned. */
export async function runCanaryStepAction(plan: CanaryStepPlan, context: RunContext): Promise<RolloutResult> {
  const run = readGitHubRun(context.env);
  let tracker: DeploymentTracker | undefined;
  if (plan.deployment && run)
    tracker = await startDeployment(
      plan.deployment.token,
      run,
      plan.deployment.environment,
      plan.config.image ?? plan.config.action,
      context.log,
    );
  try {
    const result = await runCanaryStep(plan, {
      kube: kubeFrom(plan, context.signal),
      clock: realClock,
      log: context.log,
      signal: context.signal,
    });
    await tracker?.status(
      result.verdict !== 'pass'
        ? 'failure'
        : result.action === 'rollback' || result.action === 'undo'
          ? 'inactive'
          : 'success',
      result.headline,
    );
    return result;
  } catch (error) {
    await tracker?.status('error', (error as Error).message ?? String(error));
    throw error;
  }
}

/** The post step's run: roll back what this workflow run left unfinished. */
export async function runCanaryStepCleanup(
  plan: CanaryStepPlan,
  context: RunContext,
): Promise<RolloutResult> {
  const result = await runCanaryStep(
    plan,
    { kube: kubeFrom(plan), clock: realClock, log: context.log },
    'post',
  );
  context.log(result.headline);
  return result;
}
