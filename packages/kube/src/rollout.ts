import { formatDuration, isUserError, UserError, type Verdict } from '@llmops/core';
import type { Clock } from '@llmops/prom';
import type { Analysis, AnalysisResult } from './analysis';
import { applyMergePatch, type KubeObject } from './objects';
import type { Router, Traffic } from './routers/router';
import { inFlight, readState, statePatch, type RolloutOutcome, type RolloutState } from './state';
import { describeStep, type RouterName, type Step } from './steps';
import { imageOf, matchLabelsOf, type Workloads } from './workload';
import type { Change, Writer } from './writer';

export const ACTIONS = ['rollout', 'promote', 'rollback', 'status'] as const;
export type RolloutAction = (typeof ACTIONS)[number];

export interface RolloutConfig {
  action: RolloutAction;
  router: RouterName;
  image?: string;
  /** Deployments (istio, gateway-api, service); absent for kserve. */
  stableDeployment?: string;
  canaryDeployment?: string;
  steps: Step[];
  bakeMs: number;
  onFailure: 'rollback' | 'pause';
  scaleDownDelayMs: number;
  /** The workflow run, recorded in the state. */
  run?: string;
}

export interface RolloutDeps {
  writer: Writer;
  router: Router;
  /** Deployments; absent for kserve. */
  workloads?: Workloads;
  /** Absent when no checks are given: steps only bake. */
  analysis?: Analysis;
  clock: Clock;
  log: (line: string) => void;
  signal?: AbortSignal;
  /** KServe: wait for the InferenceService's latest revision to be ready. */
  waitInferenceService?: (name: string) => Promise<void>;
}

export interface StepRecord {
  index: number;
  step: string;
  weight: number;
  mirror: number;
  bakeMs: number;
  outcome: 'passed' | 'failed' | 'inconclusive' | 'cancelled' | 'error';
  analysis?: AnalysisResult;
  note?: string;
  startedAt: string;
  durationMs: number;
}

export interface RolloutResult {
  action: RolloutAction;
  router: RouterName;
  route: string;
  verdict: Verdict;
  /** What the route holds now. */
  outcome: RolloutOutcome | 'none';
  revision: string;
  finalWeight: number;
  rolledBack: boolean;
  stepsCompleted: number;
  totalSteps: number;
  /** The step a re-run resumed at (1-based), when it did. */
  resumedAt?: number;
  steps: StepRecord[];
  headline: string;
  reasons: string[];
  changes: Change[];
  conflicts: number;
  dryRun: boolean;
  state?: RolloutState;
}

class Failed extends Error {}

/** The storage URI or image that identifies a KServe predictor's revision. */
function predictorRevision(isvc: KubeObject): string | undefined {
  const p = (isvc.spec?.predictor ?? {}) as {
    model?: { storageUri?: string; image?: string };
    containers?: Array<{ image?: string }>;
  };
  return p.model?.storageUri ?? p.model?.image ?? p.containers?.[0]?.image;
}

/** A merge patch putting `revision` on the predictor: a storage URI for `model`, an image for containers. */
function predictorPatch(isvc: KubeObject, revision: string): Record<string, unknown> | undefined {
  const p = (isvc.spec?.predictor ?? {}) as {
    model?: Record<string, unknown>;
    containers?: Array<Record<string, unknown>>;
  };
  if (predictorRevision(isvc) === revision) return undefined;
  const isUri = /^[a-z][a-z0-9+.-]*:\/\//i.test(revision);
  if (p.model) {
    return isUri
      ? { spec: { predictor: { model: { storageUri: revision } } } }
      : { spec: { predictor: { model: { image: revision } } } };
  }
  if (p.containers?.length) {
    if (isUri)
      throw new UserError(
        `InferenceService ${isvc.metadata.name} runs custom containers: 'image' must be a container image, not ${revision}`,
      );
    const containers = p.containers.map((c, i) => (i === 0 ? { ...c, image: revision } : c));
    return { spec: { predictor: { containers } } };
  }
  throw new UserError(
    `InferenceService ${isvc.metadata.name} has neither spec.predictor.model nor containers`,
  );
}

/**
 * Progressive delivery over a router and (for all but KServe) two Deployments: each step sets
 * the canary's share, bakes, and is judged by the analysis; passing every step promotes, a
 * failure rolls back (or pauses), cancellation sets the canary's weight to 0 at once. The
 * rollout's state rides on the route object with every traffic change, so a re-run resumes.
 */
export class Rollout {
  private readonly steps: StepRecord[] = [];
  private state?: RolloutState;
  private revision = '';
  private resumedAt?: number;
  private rolledBack = false;

  constructor(
    private readonly config: RolloutConfig,
    private readonly deps: RolloutDeps,
  ) {
    const needsDeployments = config.router !== 'kserve';
    if (needsDeployments && (!config.stableDeployment || !config.canaryDeployment || !deps.workloads))
      throw new UserError(
        `router '${config.router}' needs 'stable-deployment' and 'canary-deployment': the stable Deployment takes the new image on promotion`,
      );
  }

  private get log() {
    return this.deps.log;
  }

  private now(): string {
    return new Date(this.deps.clock.now()).toISOString();
  }

  private routeLabel(): string {
    return `${this.deps.router.kind} ${this.deps.writer.namespace}/${this.deps.router.name}`;
  }

  /** Write the route's traffic and the state in one guarded patch. */
  private async setTraffic(
    traffic: Traffic,
    outcome: RolloutOutcome,
    reason: string,
    promote = false,
  ): Promise<void> {
    const { router, writer } = this.deps;
    const state: RolloutState = {
      ...this.state!,
      weight: traffic.weight,
      mirror: traffic.mirror,
      outcome,
      updatedAt: this.now(),
      ...(this.config.run ? { run: this.config.run } : {}),
    };
    await writer.update(router.kind, router.name, reason, (route) =>
      applyMergePatch(
        promote ? router.promotePatch(route) : router.trafficPatch(route, traffic),
        statePatch(state),
      ),
    );
    this.state = state;
  }

  private async saveState(reason: string): Promise<void> {
    const { router, writer } = this.deps;
    const state = { ...this.state!, updatedAt: this.now() };
    await writer.update(router.kind, router.name, reason, () => statePatch(state));
    this.state = state;
  }

  async run(): Promise<RolloutResult> {
    const { router, writer } = this.deps;
    const route = await writer.get(router.kind, router.name);
    const state = readState(route);
    const traffic = router.traffic(route);
    this.state = state;
    switch (this.config.action) {
      case 'status':
        this.revision = state?.revision ?? '';
        return this.result(
          'pass',
          state
            ? `${this.routeLabel()}: ${state.revision} ${state.outcome} at step ${Math.min(state.step + 1, state.steps)}/${state.steps}, canary weight ${traffic.weight}%`
            : `${this.routeLabel()}: no rollout recorded, canary weight ${traffic.weight}%`,
          [],
          traffic.weight,
        );
      case 'rollback':
        return this.manualRollback(route, state, traffic);
      case 'promote':
        return this.manualPromote(route, state);
      default:
        return this.rollout(route, state);
    }
  }

  /** What this run rolls out: the `image` input, else what the canary runs now. */
  private async currentRevision(route: KubeObject): Promise<string> {
    if (this.config.image) return this.config.image;
    if (this.config.router === 'kserve') {
      const revision = predictorRevision(route);
      if (!revision)
        throw new UserError(`InferenceService ${route.metadata.name}: no predictor storageUri or image`);
      return revision;
    }
    const canary = await this.deps.writer.find('Deployment', this.config.canaryDeployment!);
    const image = canary && imageOf(canary);
    if (!image)
      throw new UserError(
        `no 'image' given and Deployment ${this.deps.writer.namespace}/${this.config.canaryDeployment} does not exist: give 'image'`,
      );
    return image;
  }

  private async rollout(route: KubeObject, state: RolloutState | undefined): Promise<RolloutResult> {
    const { config } = this;
    this.revision = await this.currentRevision(route);
    if (inFlight(state) && state.revision !== this.revision) {
      throw new UserError(
        `${this.routeLabel()} has a rollout of ${state.revision} in flight (${state.outcome} at step ${state.step + 1}/${state.steps}, canary weight ${state.weight}%, since ${state.startedAt}): run with 'action: rollback' (or 'promote') before rolling out ${this.revision}`,
      );
    }
    if (state && state.revision === this.revision && state.outcome === 'promoted') {
      return this.result(
        'pass',
        `${this.revision} was already promoted on ${this.routeLabel()} (${state.updatedAt}): nothing to do`,
        [],
        0,
      );
    }
    const total = config.steps.length;
    const resume = inFlight(state) && state.revision === this.revision;
    let start = 0;
    if (resume) {
      start = Math.min(state.step, total);
      this.resumedAt = start + 1;
      this.state = { ...state, steps: total };
      this.log(
        `resuming the rollout of ${this.revision} on ${this.routeLabel()} at step ${start + 1}/${total} (was ${state.outcome}, canary weight ${state.weight}%, started ${state.startedAt})`,
      );
    } else {
      this.state = {
        revision: this.revision,
        step: 0,
        steps: total,
        weight: 0,
        mirror: 0,
        startedAt: this.now(),
        updatedAt: this.now(),
        outcome: 'in-progress',
        ...(config.run ? { run: config.run } : {}),
      };
      this.log(
        `rolling out ${this.revision} on ${this.routeLabel()}: ${config.steps.map(describeStep).join(' → ')}`,
      );
    }

    let index = start;
    try {
      await this.prepare(resume);
      for (; index < total; index++) {
        this.checkCancelled();
        this.state = { ...this.state!, step: index };
        const record = await this.runStep(index, config.steps[index]!);
        this.steps.push(record);
        if (record.outcome !== 'passed') {
          const why = `step ${index + 1} (${record.step}) ${record.outcome}: ${record.analysis?.reason || record.note || ''}`;
          throw new Failed(why);
        }
        this.state = { ...this.state!, step: index + 1 };
        await this.saveState(`step ${index + 1}/${total} passed`);
      }
      this.checkCancelled();
      await this.promote();
      return this.result(
        'pass',
        `${this.revision} promoted on ${this.routeLabel()} after ${total} step${total === 1 ? '' : 's'}`,
        [],
        0,
      );
    } catch (error) {
      return this.onError(error, index);
    }
  }

  private checkCancelled(): void {
    if (this.deps.signal?.aborted) throw this.deps.signal.reason ?? new Error('cancelled');
  }

  private async onError(error: unknown, index: number): Promise<RolloutResult> {
    const total = this.config.steps.length;
    if (this.deps.signal?.aborted) {
      // The runner sends SIGINT, then SIGTERM 7.5 s later: take the canary out of traffic first;
      // the post step scales it down.
      if (!this.steps.some((s) => s.index === index))
        this.steps.push({
          index,
          step: describeStep(this.config.steps[index] ?? { kind: 'analysis', override: {} }),
          weight: this.state?.weight ?? 0,
          mirror: this.state?.mirror ?? 0,
          bakeMs: 0,
          outcome: 'cancelled',
          startedAt: this.now(),
          durationMs: 0,
        });
      await this.setTraffic({ weight: 0, mirror: 0 }, 'aborted', 'cancelled: canary weight to 0');
      return this.result(
        'fail',
        `cancelled at step ${index + 1}/${total}: canary weight set to 0; the post step scales the canary down`,
        ['the job was cancelled'],
        0,
      );
    }
    const message = error instanceof Error ? error.message : String(error);
    if (!(error instanceof Failed) && !isUserError(error)) throw error;
    if (this.config.onFailure === 'pause') {
      this.state = { ...this.state!, outcome: 'paused' };
      try {
        await this.saveState(`paused at step ${index + 1}`);
      } catch (saveError) {
        this.log(`could not record the pause: ${(saveError as Error).message}`);
      }
      return this.result(
        'fail',
        `paused at step ${index + 1}/${total} with the canary at ${this.state.weight}% (on-failure: pause): roll back or promote by hand`,
        [message],
        this.state.weight,
      );
    }
    try {
      await this.rollback(message);
    } catch (rollbackError) {
      return this.result(
        'fail',
        `step ${index + 1}/${total} failed and the rollback failed too: the post step will retry it`,
        [message, `rollback: ${(rollbackError as Error).message}`],
        this.state?.weight ?? 0,
      );
    }
    return this.result('fail', `rolled back at step ${index + 1}/${total}`, [message], 0);
  }

  /** The canary workload at the new revision, ready, before any traffic moves. */
  private async prepare(resume: boolean): Promise<void> {
    const { config, deps } = this;
    if (config.router === 'kserve') {
      const { router, writer } = deps;
      await writer.update(router.kind, router.name, `predictor ${this.revision}`, (isvc) => {
        const patch = predictorPatch(isvc, this.revision);
        const keep = resume ? router.traffic(isvc) : { weight: 0, mirror: 0 };
        return applyMergePatch(
          applyMergePatch(patch ?? {}, router.trafficPatch(isvc, keep)),
          statePatch({ ...this.state!, updatedAt: this.now() }),
        );
      });
      await deps.waitInferenceService?.(router.name);
      return;
    }
    const workloads = deps.workloads!;
    await workloads.prepareCanary(config.stableDeployment!, config.canaryDeployment!, config.image);
    if (config.router === 'service' && !this.state!.stableSelector) {
      const stable = await deps.writer.get('Deployment', config.stableDeployment!);
      this.state = { ...this.state!, stableSelector: matchLabelsOf(stable) };
    }
    if (!resume) await this.saveState(`rollout of ${this.revision} started`);
  }

  private async canaryReplicas(percent: number): Promise<number> {
    const stable = await this.deps.writer.get('Deployment', this.config.stableDeployment!);
    const replicas = ((stable.spec as { replicas?: number })?.replicas ?? 1) || 1;
    return Math.max(1, Math.ceil((replicas * percent) / 100));
  }

  private async runStep(index: number, step: Step): Promise<StepRecord> {
    const { deps, config } = this;
    const total = config.steps.length;
    const label = `step ${index + 1}/${total} (${describeStep(step)})`;
    const started = deps.clock.now();
    const record: StepRecord = {
      index,
      step: describeStep(step),
      weight: this.state!.weight,
      mirror: this.state!.mirror,
      bakeMs: 0,
      outcome: 'passed',
      startedAt: this.now(),
      durationMs: 0,
    };
    this.log(`${label}: starting`);
    const finish = () => {
      record.durationMs = deps.clock.now() - started;
      return record;
    };
    if (step.kind === 'pause') {
      await deps.clock.sleep(step.ms, deps.signal);
      return finish();
    }
    if (step.kind === 'weight' || step.kind === 'mirror') {
      const traffic: Traffic =
        step.kind === 'weight' ? { weight: step.weight, mirror: 0 } : { weight: 0, mirror: step.percent };
      if (deps.workloads) {
        const share = Math.max(traffic.weight, traffic.mirror);
        await deps.workloads.scaleUp(
          config.canaryDeployment!,
          config.router === 'service' ? await this.canaryReplicas(100) : await this.canaryReplicas(share),
          `canary sized for ${share}% of traffic`,
        );
      }
      await this.setTraffic(
        traffic,
        'in-progress',
        `${label}: canary weight ${traffic.weight}%${traffic.mirror ? `, mirror ${traffic.mirror}%` : ''}`,
      );
      record.weight = traffic.weight;
      record.mirror = traffic.mirror;
      if (config.bakeMs > 0 && !deps.writer.dryRun) {
        this.log(`${label}: baking for ${formatDuration(config.bakeMs)}`);
        await deps.clock.sleep(config.bakeMs, deps.signal);
      }
      record.bakeMs = config.bakeMs;
    }
    if (deps.analysis) {
      if (deps.writer.dryRun) {
        record.note = `dry run: ${deps.analysis.checks} check(s) not measured`;
        return finish();
      }
      const result = await deps.analysis.run(
        label,
        step.kind === 'analysis' ? step.override : undefined,
        deps.signal,
      );
      record.analysis = result;
      this.checkCancelled();
      record.outcome =
        result.verdict === 'pass' ? 'passed' : result.verdict === 'fail' ? 'failed' : 'inconclusive';
    } else if (step.kind === 'analysis') {
      record.note = "no 'checks' given: nothing to analyse";
    }
    return finish();
  }

  private async promote(): Promise<void> {
    const { config, deps } = this;
    this.log(`promoting ${this.revision}`);
    if (config.router === 'kserve') {
      await this.setTraffic(
        { weight: 0, mirror: 0 },
        'promoted',
        'promote: the latest revision takes all traffic',
        true,
      );
      await deps.waitInferenceService?.(deps.router.name);
      this.state = { ...this.state!, weight: 100 };
      return;
    }
    const workloads = deps.workloads!;
    const canary = await deps.writer.find('Deployment', config.canaryDeployment!);
    const image = config.image ?? (canary && imageOf(canary)) ?? this.revision;
    await workloads.setImage(config.stableDeployment!, image, `promote: stable takes ${image}`);
    await workloads.waitReady(config.stableDeployment!);
    await this.setTraffic({ weight: 0, mirror: 0 }, 'promoted', 'promote: all traffic to stable', true);
    await this.scaleDownCanary();
  }

  private async scaleDownCanary(): Promise<void> {
    const { config, deps } = this;
    if (!deps.workloads) return;
    if (config.scaleDownDelayMs > 0 && !deps.writer.dryRun) {
      this.log(
        `scaling the canary down in ${formatDuration(config.scaleDownDelayMs)} (in-flight requests finish)`,
      );
      try {
        await deps.clock.sleep(config.scaleDownDelayMs, deps.signal);
      } catch {
        // cancelled during the grace period: scale down now
      }
    }
    await deps.workloads.scaleTo(config.canaryDeployment!, 0, 'canary scaled to zero');
  }

  /** Canary out of traffic at once, then scaled down after the grace period. */
  private async rollback(reason: string): Promise<void> {
    const { config, deps } = this;
    this.log(`rolling back: ${reason}`);
    if (config.router === 'service' && this.state?.stableSelector === undefined && deps.workloads) {
      const stable = await deps.writer.get('Deployment', config.stableDeployment!);
      this.state = { ...this.state!, stableSelector: matchLabelsOf(stable) };
    }
    await this.setTraffic({ weight: 0, mirror: 0 }, 'rolled-back', 'rollback: canary weight to 0');
    this.rolledBack = true;
    await this.scaleDownCanary();
  }

  private async manualRollback(
    route: KubeObject,
    state: RolloutState | undefined,
    traffic: Traffic,
  ): Promise<RolloutResult> {
    this.revision = state?.revision ?? this.config.image ?? '';
    if (!inFlight(state) && traffic.weight === 0 && traffic.mirror === 0) {
      return this.result(
        'pass',
        `${this.routeLabel()}: nothing in flight to roll back (canary weight 0%)`,
        [],
        0,
      );
    }
    this.state = state ?? {
      revision: this.revision || 'unknown',
      step: 0,
      steps: 0,
      weight: traffic.weight,
      mirror: traffic.mirror,
      startedAt: this.now(),
      updatedAt: this.now(),
      outcome: 'in-progress',
    };
    await this.rollback("requested with 'action: rollback'");
    void route;
    return this.result('pass', `${this.revision || 'the canary'} rolled back on ${this.routeLabel()}`, [], 0);
  }

  private async manualPromote(route: KubeObject, state: RolloutState | undefined): Promise<RolloutResult> {
    if (inFlight(state)) this.revision = state.revision;
    else if (this.config.image || this.config.router === 'kserve')
      this.revision = await this.currentRevision(route);
    else
      throw new UserError(
        `${this.routeLabel()}: no rollout in flight and no 'image' given: nothing to promote`,
      );
    this.state = inFlight(state)
      ? state
      : {
          revision: this.revision,
          step: this.config.steps.length,
          steps: this.config.steps.length,
          weight: 0,
          mirror: 0,
          startedAt: this.now(),
          updatedAt: this.now(),
          outcome: 'in-progress',
        };
    if (this.config.router !== 'kserve' && this.config.image)
      await this.deps.workloads!.prepareCanary(
        this.config.stableDeployment!,
        this.config.canaryDeployment!,
        this.config.image,
      );
    await this.promote();
    return this.result(
      'pass',
      `${this.revision} promoted on ${this.routeLabel()} ('action: promote')`,
      [],
      0,
    );
  }

  /** The post step: roll back what this revision's job left unfinished (not a paused rollout: that was asked for). */
  async cleanup(): Promise<RolloutResult> {
    const { router, writer } = this.deps;
    const route = await writer.get(router.kind, router.name);
    const state = readState(route);
    this.state = state;
    this.revision = this.config.image ?? state?.revision ?? '';
    if (!state || (state.outcome !== 'in-progress' && state.outcome !== 'aborted')) {
      return this.result(
        'pass',
        `post: nothing unfinished on ${this.routeLabel()}`,
        [],
        router.traffic(route).weight,
      );
    }
    if (this.config.image && state.revision !== this.config.image) {
      return this.result(
        'pass',
        `post: the rollout in flight is ${state.revision}, not this job's ${this.config.image}: left alone`,
        [],
        state.weight,
      );
    }
    this.revision = state.revision;
    await this.rollback(
      `the job ended with the rollout ${state.outcome} at step ${state.step + 1}/${state.steps}`,
    );
    return this.result('pass', `post: rolled back the unfinished rollout of ${state.revision}`, [], 0);
  }

  private result(verdict: Verdict, headline: string, reasons: string[], finalWeight: number): RolloutResult {
    const passed = this.steps.filter((s) => s.outcome === 'passed').length;
    const completed = Math.max(
      (this.resumedAt ?? 1) - 1 + passed,
      this.state?.outcome === 'promoted' ? this.config.steps.length : 0,
    );
    return {
      action: this.config.action,
      router: this.config.router,
      route: this.routeLabel(),
      verdict,
      outcome: this.state?.outcome ?? 'none',
      revision: this.revision,
      finalWeight: this.state?.outcome === 'promoted' ? 100 : finalWeight,
      rolledBack: this.rolledBack,
      stepsCompleted: this.config.action === 'rollout' ? completed : (this.state?.step ?? 0),
      totalSteps: this.config.steps.length,
      resumedAt: this.resumedAt,
      steps: this.steps,
      headline,
      reasons,
      changes: this.deps.writer.changes,
      conflicts: this.deps.writer.conflicts,
      dryRun: this.deps.writer.dryRun,
      state: this.state,
    };
  }
}
