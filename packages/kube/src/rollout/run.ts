import { randomUUID } from 'node:crypto';
import { formatDuration, UserError, type Verdict } from '@llmops/core';
import { applyMergePatch, type KubeObject } from '../objects';
import type { Traffic } from '../routers/router';
import { readState, sameWrite, statePatch, type RolloutOutcome, type RolloutState } from '../state';
import type { ColdStart, RolloutConfig, RolloutDeps, RolloutResult, StepRecord } from '../rollout';
import type { PodStart } from '../workload';
import { DeploymentsWorkload } from '../workloads/deployments';
import { InferenceServiceWorkload } from '../workloads/kserve';
import type { Workload } from '../workloads/workload';

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

/** What one result reports beyond the verdict: set by the run that produced it. */
export interface ResultFields {
  verdict: Verdict;
  headline: string;
  reasons: string[];
  finalWeight: number;
  revision: string;
  state: RolloutState | undefined;
  steps?: StepRecord[];
  resumedAt?: number;
  rolledBack?: boolean;
}

/** What every action of canary-step works with: the inputs, the clients and the workload behind the route. */
export class RolloutContext {
  readonly workload: Workload;
  readonly coldStart: ColdStart = { pods: [] };

  constructor(
    readonly config: RolloutConfig,
    readonly deps: RolloutDeps,
  ) {
    this.workload =
      config.router === 'kserve'
        ? new InferenceServiceWorkload(deps.router, deps.writer, deps.waitInferenceService)
        : new DeploymentsWorkload(config, deps);
  }

  log(line: string): void {
    this.deps.log(line);
  }

  /** Canary pods' start times, each pod once (a later step lists the earlier pods again). */
  recordPodStarts(starts: PodStart[]): void {
    for (const start of starts)
      if (!this.coldStart.pods.some((p) => p.pod === start.pod)) {
        this.coldStart.pods.push(start);
        this.log(`pod ${start.pod}: ready ${formatDuration(start.readyMs)} after it was created`);
      }
  }

  now(): string {
    return new Date(this.deps.clock.now()).toISOString();
  }

  routeLabel(): string {
    return `${this.deps.router.kind} ${this.deps.writer.namespace}/${this.deps.router.name}`;
  }

  /** `step 2/3`, or the promotion after the last step. */
  where(index: number): string {
    const total = this.config.steps.length;
    return index >= total ? `promotion (after step ${total}/${total})` : `step ${index + 1}/${total}`;
  }

  /** The route as it is now, with the rollout state it carries. */
  async readRoute(): Promise<{ route: KubeObject; state: RolloutState | undefined }> {
    const { router, writer } = this.deps;
    const route = await writer.get(router.kind, router.name);
    return { route, state: readState(route) };
  }

  result(fields: ResultFields): RolloutResult {
    const { config, deps } = this;
    const { state, steps = [], resumedAt } = fields;
    const passed = steps.filter((s) => s.outcome === 'passed').length;
    const promoted = state?.outcome === 'promoted';
    const completed = Math.max((resumedAt ?? 1) - 1 + passed, promoted ? config.steps.length : 0);
    return {
      action: config.action,
      router: config.router,
      route: this.routeLabel(),
      verdict: fields.verdict,
      outcome: state?.outcome ?? 'none',
      revision: fields.revision,
      finalWeight: promoted ? 100 : fields.finalWeight,
      rolledBack: fields.rolledBack ?? false,
      stepsCompleted: config.action === 'rollout' ? completed : (state?.step ?? 0),
      totalSteps: config.steps.length,
      resumedAt,
      steps,
      headline: fields.headline,
      reasons: fields.reasons,
      changes: deps.writer.changes,
      conflicts: deps.writer.conflicts,
      dryRun: deps.writer.dryRun,
      state,
      ...(this.coldStart.prepull || this.coldStart.pods.length ? { coldStart: this.coldStart } : {}),
    };
  }
}

/**
 * One rollout of one revision once its state exists. Every write of the state checks that the
 * route still holds what this run last wrote (or read): a manual rollback or another run in
 * between supersedes this one, which then stops.
 */
export class RolloutRun {
  readonly steps: StepRecord[] = [];
  resumedAt?: number;
  private rolledBack = false;
  private readonly nonce = randomUUID();

  /**
   * @param state what this run records on the route with its next write
   * @param seen the state this run last wrote or read on the route: what a guarded write expects to find
   */
  constructor(
    readonly ctx: RolloutContext,
    readonly revision: string,
    public state: RolloutState,
    private seen: RolloutState | undefined,
  ) {}

  /** The next state this run writes: its nonce and run id, a fresh `updatedAt`. */
  private stamp(state: RolloutState): RolloutState {
    const { run } = this.ctx.config;
    return { ...state, updatedAt: this.ctx.now(), nonce: this.nonce, ...(run ? { run } : {}) };
  }

  /** Throws `Superseded` unless the route still holds the state this run last wrote or read. */
  private expectOwn(route: KubeObject): void {
    const current = readState(route);
    if (!sameWrite(current, this.seen)) throw new Superseded(current);
  }

  /** Before changing a workload: is the rollout still this run's? */
  async ensureOwn(): Promise<void> {
    const { router, writer } = this.ctx.deps;
    this.expectOwn(await writer.get(router.kind, router.name));
  }

  /**
   * Record `next` on the route, merged with `patch` of the route, in one update; it becomes this
   * run's state once written. Guarded (the default): only while the route holds this run's last
   * state; unguarded takes the route over.
   */
  async write(
    reason: string,
    next: RolloutState = this.state,
    patch: (route: KubeObject) => Record<string, unknown> = () => ({}),
    guard = true,
  ): Promise<void> {
    const { router, writer } = this.ctx.deps;
    const state = this.stamp(next);
    await writer.update(router.kind, router.name, reason, (route) => {
      if (guard) this.expectOwn(route);
      return applyMergePatch(patch(route), statePatch(state));
    });
    this.state = state;
    this.seen = state;
  }

  /** Write the route's traffic and the state in one patch (guarded unless `guard: false`). */
  async setTraffic(
    traffic: Traffic,
    outcome: RolloutOutcome,
    reason: string,
    options: { promote?: boolean; guard?: boolean } = {},
  ): Promise<void> {
    const { router } = this.ctx.deps;
    await this.write(
      reason,
      { ...this.state, weight: traffic.weight, mirror: traffic.mirror, outcome },
      (route) => (options.promote ? router.promotePatch(route) : router.trafficPatch(route, traffic)),
      options.guard !== false,
    );
  }

  /** Take the route over by hand (a rollout in flight is superseded): record the state unguarded. */
  async takeOver(reason: string): Promise<void> {
    await this.write(reason, this.state, () => ({}), false);
  }

  async promote(): Promise<void> {
    this.ctx.log(`promoting ${this.revision}`);
    await this.ctx.workload.promote(this);
  }

  /**
   * The stable back on its old image if a promotion changed it (the canary keeps serving until it
   * is ready), then the canary out of traffic, then scaled down after the grace period.
   */
  async rollback(reason: string, guard = true): Promise<void> {
    this.ctx.log(`rolling back: ${reason}`);
    await this.ctx.workload.restoreStable(this, guard);
    await this.setTraffic({ weight: 0, mirror: 0 }, 'rolled-back', 'rollback: canary weight to 0', { guard });
    this.rolledBack = true;
    await this.ctx.workload.scaleDown();
  }

  result(verdict: Verdict, headline: string, reasons: string[], finalWeight: number): RolloutResult {
    return this.ctx.result({
      verdict,
      headline,
      reasons,
      finalWeight,
      revision: this.revision,
      state: this.state,
      steps: this.steps,
      resumedAt: this.resumedAt,
      rolledBack: this.rolledBack,
    });
  }

  /** This run stopped because someone else took the route over: report what holds it now. */
  superseded(error: Superseded, index: number): RolloutResult {
    return this.ctx.result({
      verdict: 'fail',
      headline: `stopped at ${this.ctx.where(index)}: ${error.message}`,
      reasons: [error.message],
      finalWeight: error.current?.weight ?? 0,
      revision: this.revision,
      state: error.current,
      steps: this.steps,
      resumedAt: this.resumedAt,
      rolledBack: this.rolledBack,
    });
  }
}
