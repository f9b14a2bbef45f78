import {
  input,
  InputError,
  readGitHubRun,
  reportingInputs,
  type Report,
  type RunContext,
  defineCommand,
} from '@llmops/core';
import {
  checkRunLength,
  measurementInputs,
  promClientFromInputs,
  realClock,
  type Clock,
  type PromApi,
} from '@llmops/prom';
import { z } from 'zod';
import { promAnalysis, type Analysis } from './analysis';
import { ClientKube, loadKubeConfig, namespaceOf, type KubeApi } from './client';
import { startDeployment, type DeploymentTracker } from './github-deployment';
import { buildReport, type CanaryStepData } from './report';
import { ACTIONS, Rollout, type RolloutConfig, type RolloutResult } from './rollout';
import { GatewayApiRouter } from './routers/gateway-api';
import { IstioRouter } from './routers/istio';
import { KServeRouter } from './routers/kserve';
import type { Router } from './routers/router';
import { ServiceRouter } from './routers/service';
import { parseSteps, ROUTERS } from './steps';
import { canaryLabels, matchLabelsOf, waitInferenceService, Workloads, type WaitOptions } from './workload';
import { Writer } from './writer';

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

// The kubeconfig is not listed: secret inputs are split into words, and a kubeconfig's words are
// ordinary. loadKubeConfig masks it whole (unsplit) before parsing it, then each credential in it.
const SECRET_INPUTS = ['prometheus-token', 'prometheus-headers', 'github-token'] as const;

export interface CanaryStepDeps {
  kube: KubeApi;
  clock: Clock;
  workspace: string;
  log: (line: string) => void;
  signal?: AbortSignal;
  /** Prometheus client for the checks (absent: steps only bake). */
  prom?: PromApi;
  /** Analysis to use instead of metric-gate's checks on `prom` (tests, other metric sources). */
  analysis?: Analysis;
  /** Readiness polling, first interval (doubles up to 5 s). */
  pollMs?: number;
  retryDelayMs?: number;
  /** First delay before a failed route write is retried (doubles, with jitter). */
  writeRetryDelayMs?: number;
  run?: string;
}

function need(inputs: CanaryStepInputs, name: keyof CanaryStepInputs, why: string): string {
  const value = inputs[name];
  if (typeof value !== 'string' || !value) throw new InputError(`input '${name}' is required ${why}`);
  return value;
}

async function makeRouter(inputs: CanaryStepInputs, kube: KubeApi): Promise<Router> {
  const router = inputs.router;
  if (router === 'istio' || router === 'gateway-api') {
    const why = `with router '${router}'`;
    const name = need(
      inputs,
      'route',
      `with router '${router}' (the ${router === 'istio' ? 'VirtualService' : 'HTTPRoute'})`,
    );
    const stable = need(inputs, 'stable-backend', why);
    const canary = need(inputs, 'canary-backend', why);
    return router === 'istio'
      ? new IstioRouter(name, stable, canary)
      : new GatewayApiRouter(name, stable, canary);
  }
  if (router === 'kserve') {
    const name = inputs['inference-service'] ?? inputs.route;
    if (!name) throw new InputError("input 'inference-service' is required with router 'kserve'");
    return new KServeRouter(name);
  }
  const name = inputs.service ?? inputs.route;
  if (!name) throw new InputError("input 'service' is required with router 'service'");
  const stableName = need(inputs, 'stable-deployment', "with router 'service'");
  const canaryName = need(inputs, 'canary-deployment', "with router 'service'");
  const stable = await kube.get('Deployment', stableName);
  const canary = await kube.find('Deployment', canaryName);
  const stableSelector = matchLabelsOf(stable);
  const canarySelector = canary
    ? matchLabelsOf(canary)
    : canaryLabels(stableName, canaryName, stableSelector);
  return new ServiceRouter(name, stableSelector, canarySelector);
}

/** The whole of canary-step over plain objects (a Kubernetes API and a Prometheus client). */
export async function runCanaryStep(
  inputs: CanaryStepInputs,
  deps: CanaryStepDeps,
  mode: 'main' | 'post' = 'main',
): Promise<RolloutResult> {
  // Bad steps fail before any cluster read.
  const hasChecks = !!inputs.checks || !!deps.analysis;
  // (the default steps of blue-green have an analysis only when there are checks to run)
  const steps = parseSteps(inputs.steps ?? '', inputs.router, hasChecks, {
    count: inputs.count,
    intervalMs: inputs.interval,
  });
  const router = await makeRouter(inputs, deps.kube);
  const main = mode === 'main';
  const signal = main ? deps.signal : undefined;
  const writer = new Writer(deps.kube, inputs['dry-run'], deps.log, {
    signal,
    retryDelayMs: deps.writeRetryDelayMs,
  });
  const rollout = main && inputs.action === 'rollout';
  const wait: WaitOptions = {
    timeoutMs: inputs.timeout,
    pollMs: deps.pollMs ?? 500,
    clock: deps.clock,
    log: deps.log,
    signal,
  };
  let analysis: Analysis | undefined;
  if (rollout) {
    if (!hasChecks) {
      const bare = steps.findIndex((s) => s.kind === 'analysis' && !s.override.checks);
      if (bare >= 0)
        throw new InputError(
          `input 'steps': step ${bare + 1} is an analysis with no checks: give 'checks', or checks on the step (\`- analysis: {checks: ...}\`)`,
        );
    }
    analysis = deps.analysis;
    if (!analysis && (inputs.checks || steps.some((s) => s.kind === 'analysis'))) {
      if (!deps.prom) throw new InputError("input 'prometheus-url' is required when 'checks' are given");
      analysis = promAnalysis({
        prom: deps.prom,
        clock: deps.clock,
        checks: inputs.checks,
        workspace: deps.workspace,
        canarySelector: inputs['canary-selector'],
        baselineSelector: inputs['baseline-selector'],
        count: inputs.count,
        intervalMs: inputs.interval,
        limits: {
          failureLimit: inputs['failure-limit'],
          inconclusiveLimit: inputs['inconclusive-limit'],
          errorLimit: inputs['error-limit'],
        },
        noData: inputs['no-data'],
        retryDelayMs: deps.retryDelayMs,
        log: deps.log,
      });
    }
    if (!inputs.checks && !deps.analysis)
      deps.log(
        analysis
          ? "no 'checks' given: only analysis steps with their own checks measure; other steps bake, then move on"
          : "no 'checks' given: each step bakes, then moves on without metric analysis",
      );
  }
  const config: RolloutConfig = {
    action: inputs.action,
    router: inputs.router,
    image: inputs.image,
    stableDeployment: inputs['stable-deployment'],
    canaryDeployment: inputs['canary-deployment'],
    steps,
    bakeMs: inputs['bake-time'],
    onFailure: inputs['on-failure'],
    scaleDownDelayMs: inputs['scale-down-delay'],
    run: deps.run,
  };
  const run = new Rollout(config, {
    writer,
    router,
    workloads: inputs.router === 'kserve' ? undefined : new Workloads(writer, wait),
    analysis,
    clock: deps.clock,
    log: deps.log,
    signal,
    waitInferenceService: (name) => waitInferenceService(writer, name, wait),
  });
  return main ? run.run() : run.cleanup();
}

function promFrom(inputs: CanaryStepInputs): PromApi | undefined {
  if (!inputs['prometheus-url']) return undefined;
  // metric-gate's client from the same three inputs (token, headers, basic auth in the URL)
  return promClientFromInputs({ ...inputs, 'prometheus-url': inputs['prometheus-url'] });
}

function kubeFrom(inputs: CanaryStepInputs, signal?: AbortSignal): KubeApi {
  const kc = loadKubeConfig({ kubeconfig: inputs.kubeconfig, context: inputs.context });
  return new ClientKube(kc, namespaceOf(kc, inputs.namespace), { signal });
}

function runId(env: NodeJS.ProcessEnv): string | undefined {
  return env.GITHUB_RUN_ID ? `${env.GITHUB_RUN_ID}/${env.GITHUB_RUN_ATTEMPT ?? '1'}` : undefined;
}

export const canaryStepCommand = defineCommand({
  // Not split yet: the inputs are the plan, the run builds the report.
  plan: (inputs) => inputs,
  report: (report: Report) => report,
  name: 'canary-step',
  inputs: canaryStepInputs,
  secretInputs: SECRET_INPUTS,
  async run(inputs, context: RunContext): Promise<Report<CanaryStepData>> {
    const kube = kubeFrom(inputs, context.signal);
    const run = readGitHubRun(context.env);
    let tracker: DeploymentTracker | undefined;
    const token = inputs['github-token'];
    const tracked = inputs.environment && token && run && !inputs['dry-run'] && inputs.action !== 'status';
    if (tracked)
      tracker = await startDeployment(
        token,
        run,
        inputs.environment!,
        inputs.image ?? inputs.action,
        context.log,
      );
    try {
      const result = await runCanaryStep(inputs, {
        kube,
        clock: realClock,
        workspace: context.workspace,
        log: context.log,
        signal: context.signal,
        prom: promFrom(inputs),
        run: runId(context.env),
      });
      await tracker?.status(
        result.verdict === 'pass' ? (result.action === 'rollback' ? 'inactive' : 'success') : 'failure',
        result.headline,
      );
      return buildReport(result);
    } catch (error) {
      await tracker?.status('error', (error as Error).message ?? String(error));
      throw error;
    }
  },
});

/** The `post:` entry: rolls back a rollout this job left unfinished (failed or cancelled). */
export const canaryStepPostCommand = defineCommand({
  // Not split yet: the inputs are the plan, the run builds the report.
  plan: (inputs) => inputs,
  report: (report: Report) => report,
  name: 'canary-step-post',
  inputs: canaryStepFields.omit({ 'report-path': true, comment: true }).superRefine(checkRunLength),
  secretInputs: SECRET_INPUTS,
  async run(raw, context: RunContext): Promise<Report> {
    const inputs = raw as CanaryStepInputs;
    const nothing = (why: string): Report => ({
      action: 'canary-step-post',
      verdict: 'pass',
      headline: why,
      reasons: [],
      metrics: [],
      tables: [],
      findings: [],
      outputs: {},
    });
    if (inputs.action !== 'rollout')
      return nothing(`post: nothing to clean up after 'action: ${inputs.action}'`);
    if (inputs['dry-run']) return nothing('post: dry run, nothing to clean up');
    const result = await runCanaryStep(
      inputs,
      {
        kube: kubeFrom(inputs),
        clock: realClock,
        workspace: context.workspace,
        log: context.log,
        // only a rollout this workflow run left unfinished is the post step's to roll back
        run: runId(context.env),
      },
      'post',
    );
    context.log(result.headline);
    return { ...buildReport(result), action: 'canary-step-post' };
  },
});
