import { createHash, randomUUID } from 'node:crypto';
import { formatDuration, isUserError, UserError, type Verdict } from '@llmops/core';
import type { Clock } from '@llmops/prom';
import type { Analysis, AnalysisResult } from './analysis';
import {
  applyMergePatch,
  labelSelector,
  type FieldChange,
  type JsonPatchOp,
  type KubeObject,
} from './objects';
import type { Router, Traffic } from './routers/router';
import { inFlight, readState, sameWrite, statePatch, type RolloutOutcome, type RolloutState } from './state';
import { describeStep, type RouterName, type Step } from './steps';
import { canaryLabels, imageOf, matchLabelsOf, type Workloads } from './workload';
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

/** Someone else (a manual rollback, another run) wrote the route since this run did: stop, touch nothing. */
export class Superseded extends UserError {
  constructor(readonly current: RolloutState | undefined) {
    super(
      `superseded by ${
        current
          ? `${current.run ? `run ${current.run}` : 'another run'}: ${current.revision} ${current.outcome}, canary weight ${current.weight}% (${current.updatedAt})`
          : 'another writer: the rollout state was removed from the route'
      }: this run stopped without touching traffic`,
    );
  }
}

/** What identifies a step list: a resumed run must run the same one. */
export function stepsHash(steps: Step[]): string {
  return createHash('sha256').update(JSON.stringify(steps)).digest('hex').slice(0, 16);
}

const sortedLabels = (labels: Record<string, string>) =>
  labelSelector(Object.fromEntries(Object.entries(labels).sort()));

/** The storage URI or image that identifies a KServe predictor's revision. */
function predictorRevision(isvc: KubeObject): string | undefined {
  const p = (isvc.spec?.predictor ?? {}) as {
    model?: { storageUri?: string; image?: string };
    containers?: Array<{ image?: string }>;
  };
  return p.model?.storageUri ?? p.model?.image ?? p.containers?.[0]?.image;
}

/**
 * `revision` on the predictor: a merge patch of `model` (a storage URI or an image), or for custom
 * containers a JSON patch of the first container's image alone (the list holds env and args).
 */
function predictorChange(
  isvc: KubeObject,
  revision: string,
): { merge?: Record<string, unknown>; ops?: JsonPatchOp[]; fields: FieldChange[] } | undefined {
  const p = (isvc.spec?.predictor ?? {}) as {
    model?: Record<string, unknown>;
    containers?: Array<{ name?: string; image?: string }>;
  };
  const before = predictorRevision(isvc);
  if (before === revision) return undefined;
  const isUri = /^[a-z][a-z0-9+.-]*:\/\//i.test(revision);
  if (p.model) {
    const key = isUri ? 'storageUri' : 'image';
    return {
      merge: { spec: { predictor: { model: { [key]: revision } } } },
      fields: [{ field: `spec.predictor.model.${key}`, from: before, to: revision }],
    };
  }
  if (p.containers?.length) {
    if (isUri)
      throw new UserError(
        `InferenceService ${isvc.metadata.name} runs custom containers: 'image' must be a container image, not ${revision}`,
      );
    const first = p.containers[0]!;
    return {
      ops: [
        { op: 'test', path: '/spec/predictor/containers/0/name', value: first.name },
        { op: 'replace', path: '/spec/predictor/containers/0/image', value: revision },
      ],
      fields: [{ field: `spec.predictor.containers[${first.name}].image`, from: first.image, to: revision }],
    };
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
 * Every write of the state checks that the route still holds what this run last wrote (or read):
 * a manual rollback or another run in between supersedes this one, which then stops.
 */
export class Rollout {
  private readonly steps: StepRecord[] = [];
  private state?: RolloutState;
  /** The state this run last wrote or read on the route: what a guarded write expects to find. */
  private seen?: RolloutState;
  private readonly nonce = randomUUID();
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

  /** The next state this run writes: its nonce and run id, a fresh `updatedAt`. */
  private stamp(state: RolloutState): RolloutState {
    return {
      ...state,
      updatedAt: this.now(),
      nonce: this.nonce,
      ...(this.config.run ? { run: this.config.run } : {}),
    };
  }

  /** Throws `Superseded` unless the route still holds the state this run last wrote or read. */
  private expectOwn(route: KubeObject): void {
    const current = readState(route);
    if (!sameWrite(current, this.seen)) throw new Superseded(current);
  }

  /** Before changing a workload: is the rollout still this run's? */
  private async ensureOwn(): Promise<void> {
    const { router, writer } = this.deps;
    this.expectOwn(await writer.get(router.kind, router.name));
  }

  /**
   * Write the route's traffic and the state in one patch. Guarded (the default): only while the
   * route holds this run's last state; a manual rollback or promote takes the route over instead.
   */
  private async setTraffic(
    traffic: Traffic,
    outcome: RolloutOutcome,
    reason: string,
    options: { promote?: boolean; guard?: boolean } = {},
  ): Promise<void> {
    const { router, writer } = this.deps;
    const state = this.stamp({ ...this.state!, weight: traffic.weight, mirror: traffic.mirror, outcome });
    await writer.update(router.kind, router.name, reason, (route) => {
      if (options.guard !== false) this.expectOwn(route);
      return applyMergePatch(
        options.promote ? router.promotePatch(route) : router.trafficPatch(route, traffic),
        statePatch(state),
      );
    });
    this.state = state;
    this.seen = state;
  }

  private async saveState(reason: string): Promise<void> {
    const { router, writer } = this.deps;
    const state = this.stamp(this.state!);
    await writer.update(router.kind, router.name, reason, (route) => {
      this.expectOwn(route);
      return statePatch(state);
    });
    this.state = state;
    this.seen = state;
  }

  async run(): Promise<RolloutResult> {
    const { router, writer } = this.deps;
    const route = await writer.get(router.kind, router.name);
    const state = readState(route);
    const traffic = router.traffic(route);
    this.state = state;
    this.seen = state;
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
        return this.manualRollback(state, traffic);
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

  /**
   * Blue-green: before the switch the Service must send nothing to the canary's pods, and switching
   * back restores the stable Deployment's matchLabels: so the Service's selector must be exactly those.
   */
  private async checkServiceSelector(route: KubeObject, switched: boolean): Promise<void> {
    if (this.config.router !== 'service' || switched) return;
    const { writer } = this.deps;
    const selector = (route.spec?.selector ?? {}) as Record<string, string>;
    const stable = await writer.get('Deployment', this.config.stableDeployment!);
    const want = matchLabelsOf(stable);
    if (sortedLabels(selector) === sortedLabels(want)) return;
    const canary = await writer.find('Deployment', this.config.canaryDeployment!);
    const template = (d: KubeObject) =>
      ((d.spec as { template?: { metadata?: { labels?: Record<string, string> } } } | undefined)?.template
        ?.metadata?.labels ?? {}) as Record<string, string>;
    const canaryPods = canary
      ? template(canary)
      : canaryLabels(this.config.stableDeployment!, this.config.canaryDeployment!, template(stable));
    const selectsCanary = Object.entries(selector).every(([k, v]) => canaryPods[k] === v);
    throw new UserError(
      `Service ${writer.namespace}/${route.metadata.name} selects '${sortedLabels(selector)}', not the stable Deployment's matchLabels '${sortedLabels(want)}'${selectsCanary ? ": it would send live traffic to the canary's pods before any analysis" : ''}; set its selector to exactly '${sortedLabels(want)}' before a blue-green rollout`,
    );
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
    const plan = stepsHash(config.steps);
    const resume = inFlight(state) && state.revision === this.revision;
    await this.checkServiceSelector(route, resume && state.weight >= 100);
    let start = 0;
    if (resume) {
      if (state.plan ? state.plan !== plan : state.steps !== total)
        throw new UserError(
          `${this.routeLabel()}: the rollout of ${this.revision} in flight (${state.outcome} at step ${state.step + 1}/${state.steps}) was started with other 'steps' than these ${total}: re-run with the same steps, or roll it back (or promote it) first`,
        );
      start = Math.min(state.step, total);
      this.resumedAt = start + 1;
      this.state = { ...state, steps: total, plan, outcome: 'in-progress' };
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
        plan,
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

  /** This run stopped because someone else took the route over: report what holds it now. */
  private superseded(error: Superseded, index: number): RolloutResult {
    this.state = error.current;
    return this.result(
      'fail',
      `stopped at ${this.where(index)}: ${error.message}`,
      [error.message],
      error.current?.weight ?? 0,
    );
  }

  /** `step 2/3`, or the promotion after the last step. */
  private where(index: number): string {
    const total = this.config.steps.length;
    return index >= total ? `promotion (after step ${total}/${total})` : `step ${index + 1}/${total}`;
  }

  private async onError(error: unknown, index: number): Promise<RolloutResult> {
    if (error instanceof Superseded) return this.superseded(error, index);
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
      try {
        await this.setTraffic({ weight: 0, mirror: 0 }, 'aborted', 'cancelled: canary weight to 0');
      } catch (cancelError) {
        if (cancelError instanceof Superseded) return this.superseded(cancelError, index);
        throw cancelError;
      }
      return this.result(
        'fail',
        `cancelled at ${this.where(index)}: canary weight set to 0; the post step scales the canary down`,
        ['the job was cancelled'],
        0,
      );
    }
    const message = error instanceof Error ? error.message : String(error);
    if (!(error instanceof Failed) && !isUserError(error)) throw error;
    if (this.config.onFailure === 'pause') {
      this.state = { ...this.state!, outcome: 'paused' };
      try {
        await this.saveState(`paused at ${this.where(index)}`);
      } catch (saveError) {
        if (saveError instanceof Superseded) return this.superseded(saveError, index);
        this.log(`could not record the pause: ${(saveError as Error).message}`);
      }
      return this.result(
        'fail',
        `paused at ${this.where(index)} with the canary at ${this.state.weight}% (on-failure: pause): roll back or promote by hand`,
        [message],
        this.state.weight,
      );
    }
    try {
      await this.rollback(message);
    } catch (rollbackError) {
      if (rollbackError instanceof Superseded) return this.superseded(rollbackError, index);
      return this.result(
        'fail',
        `${this.where(index)} failed and the rollback failed too: the post step will retry it`,
        [message, `rollback: ${(rollbackError as Error).message}`],
        this.state?.weight ?? 0,
      );
    }
    return this.result('fail', `rolled back at ${this.where(index)}`, [message], 0);
  }

  /** The rollout claimed on the route (check-and-set), then the canary workload at the new revision. */
  private async prepare(resume: boolean): Promise<void> {
    const { config, deps } = this;
    if (config.router === 'kserve') {
      const { router, writer } = deps;
      const state = this.stamp(this.state!);
      // The canary share is set (0, or where a resumed run was) with or before the new revision:
      // a predictor change without canaryTrafficPercent would send it all traffic at once.
      let containers: ReturnType<typeof predictorChange>;
      await writer.update(router.kind, router.name, `predictor ${this.revision}`, (isvc) => {
        this.expectOwn(isvc);
        const change = predictorChange(isvc, this.revision);
        containers = change?.ops ? change : undefined;
        const keep = resume ? router.traffic(isvc) : { weight: 0, mirror: 0 };
        return applyMergePatch(
          applyMergePatch(change?.merge ?? {}, router.trafficPatch(isvc, keep)),
          statePatch(state),
        );
      });
      this.state = state;
      this.seen = state;
      if (containers?.ops)
        await writer.patchFields(
          router.kind,
          router.name,
          containers.ops,
          `predictor ${this.revision}`,
          containers.fields,
        );
      await deps.waitInferenceService?.(router.name);
      return;
    }
    await this.saveState(
      resume ? `rollout of ${this.revision} resumed` : `rollout of ${this.revision} started`,
    );
    await deps.workloads!.prepareCanary(config.stableDeployment!, config.canaryDeployment!, config.image);
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
        await this.ensureOwn();
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
    const override = step.kind === 'analysis' ? step.override : undefined;
    if (!deps.analysis || (deps.analysis.checks === 0 && !override?.checks)) return finish();
    if (
      step.kind === 'analysis' &&
      config.router === 'service' &&
      this.state!.weight < 100 &&
      deps.workloads
    ) {
      // Blue-green analyses the new Deployment before the switch: at full size, ready.
      await this.ensureOwn();
      await deps.workloads.scaleUp(
        config.canaryDeployment!,
        await this.canaryReplicas(100),
        'canary at full size for the analysis before the switch',
      );
    }
    if (deps.writer.dryRun) {
      record.note = `dry run: ${deps.analysis.checks} check(s) not measured`;
      return finish();
    }
    // At 100% the stable serves nothing: a comparison with it has no baseline to compare with.
    const absoluteOnly = this.state!.weight >= 100;
    const result = await deps.analysis.run(label, override, deps.signal, { absoluteOnly });
    record.analysis = result;
    if (result.note) record.note = result.note;
    this.checkCancelled();
    record.outcome =
      result.verdict === 'pass' ? 'passed' : result.verdict === 'fail' ? 'failed' : 'inconclusive';
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
        { promote: true },
      );
      await deps.waitInferenceService?.(deps.router.name);
      this.state = { ...this.state!, weight: 100 };
      return;
    }
    const workloads = deps.workloads!;
    const canary = await deps.writer.find('Deployment', config.canaryDeployment!);
    const image = config.image ?? (canary && imageOf(canary)) ?? this.revision;
    const stable = await deps.writer.get('Deployment', config.stableDeployment!);
    const previous = imageOf(stable, image);
    if (previous && previous !== image && !this.state!.stableImage) {
      // Recorded before the stable changes: a promotion that fails from here on restores it.
      this.state = { ...this.state!, stableImage: previous };
      await this.saveState(`promote: stable ${config.stableDeployment} was ${previous}`);
    } else await this.ensureOwn();
    await workloads.setImage(config.stableDeployment!, image, `promote: stable takes ${image}`);
    await workloads.waitReady(config.stableDeployment!);
    this.state = { ...this.state!, stableImage: undefined };
    await this.setTraffic({ weight: 0, mirror: 0 }, 'promoted', 'promote: all traffic to stable', {
      promote: true,
    });
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

  /**
   * The stable back on its old image if a promotion changed it (the canary keeps serving until it
   * is ready), then the canary out of traffic, then scaled down after the grace period.
   */
  private async rollback(reason: string, guard = true): Promise<void> {
    const { config, deps } = this;
    this.log(`rolling back: ${reason}`);
    const previous = this.state?.stableImage;
    if (previous && deps.workloads) {
      const stable = await deps.writer.get('Deployment', config.stableDeployment!);
      if (imageOf(stable, previous) !== previous) {
        if (guard) await this.ensureOwn();
        this.log(
          `restoring Deployment ${deps.writer.namespace}/${config.stableDeployment} to ${previous}: the canary keeps its traffic until it is ready`,
        );
        await deps.workloads.setImage(
          config.stableDeployment!,
          previous,
          `rollback: stable back to ${previous}`,
        );
      }
      await deps.workloads.waitReady(config.stableDeployment!);
      this.state = { ...this.state!, stableImage: undefined };
    }
    await this.setTraffic({ weight: 0, mirror: 0 }, 'rolled-back', 'rollback: canary weight to 0', { guard });
    this.rolledBack = true;
    await this.scaleDownCanary();
  }

  private async manualRollback(state: RolloutState | undefined, traffic: Traffic): Promise<RolloutResult> {
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
    // By hand: this run takes the route over; a rollout in flight finds itself superseded.
    await this.rollback("requested with 'action: rollback'", false);
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
    const claimed: RolloutState = inFlight(state)
      ? { ...state, outcome: 'in-progress' }
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
    // By hand: take the route over (a rollout in flight is superseded), then promote as a rollout would.
    const { router, writer } = this.deps;
    this.state = this.stamp(claimed);
    const mine = this.state;
    await writer.update(router.kind, router.name, "promote requested with 'action: promote'", () =>
      statePatch(mine),
    );
    this.seen = mine;
    if (this.config.router !== 'kserve' && this.config.image)
      await this.deps.workloads!.prepareCanary(
        this.config.stableDeployment!,
        this.config.canaryDeployment!,
        this.config.image,
      );
    try {
      await this.promote();
    } catch (error) {
      if (!isUserError(error) || error instanceof Superseded) throw error;
      await this.rollback(`promotion failed: ${error.message}`);
      return this.result('fail', `promotion of ${this.revision} failed: rolled back`, [error.message], 0);
    }
    return this.result(
      'pass',
      `${this.revision} promoted on ${this.routeLabel()} ('action: promote')`,
      [],
      0,
    );
  }

  /**
   * The post step: roll back what this job left unfinished — only a rollout this workflow run
   * last wrote (not another job's, not a paused one: that was asked for).
   */
  async cleanup(): Promise<RolloutResult> {
    const { router, writer } = this.deps;
    const route = await writer.get(router.kind, router.name);
    const state = readState(route);
    this.state = state;
    this.seen = state;
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
    if (state.run !== this.config.run) {
      return this.result(
        'pass',
        `post: the rollout in flight was last written by ${state.run ? `run ${state.run}` : 'another run'}, not this one${this.config.run ? ` (${this.config.run})` : ''}: left alone`,
        [],
        state.weight,
      );
    }
    this.revision = state.revision;
    try {
      await this.rollback(
        `the job ended with the rollout ${state.outcome} at step ${Math.min(state.step + 1, state.steps)}/${state.steps}`,
      );
    } catch (error) {
      if (error instanceof Superseded) return this.superseded(error, state.step);
      throw error;
    }
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
