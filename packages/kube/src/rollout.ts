import type { Verdict } from '@llmops/core';
import type { Clock } from '@llmops/prom';
import type { Analysis, AnalysisResult } from './analysis';
import type { PrepullResult } from './prepull';
import { cleanup } from './rollout/cleanup';
import { rollout } from './rollout/engine';
import { manualPromote, manualRollback, manualUndo, status } from './rollout/manual';
import { RolloutContext } from './rollout/run';
import type { Router } from './routers/router';
import type { RolloutOutcome, RolloutState } from './state';
import type { RouterName, Step } from './steps';
import type { PodStart, Workloads } from './workload';
import type { Change, Writer } from './writer';

export { stepsHash } from './rollout/engine';
export { Superseded } from './rollout/run';

export const ACTIONS = ['rollout', 'promote', 'rollback', 'undo', 'status'] as const;
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
  /** The image pre-puller DaemonSet set to the new image before the canary takes traffic. */
  prepull?: string;
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
  /** Set the pre-puller DaemonSet `name` to `image` and wait until every node pulled it. */
  prepull?: (name: string, image: string) => Promise<PrepullResult>;
}

/** What new pods cost a rollout: the pre-pull, and each canary pod's creation to ready. */
export interface ColdStart {
  prepull?: PrepullResult;
  pods: PodStart[];
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
  /** Present when there was something to time: a pre-pull, or canary pods started. */
  coldStart?: ColdStart;
}

/**
 * Progressive delivery over a router and the workload behind it (two Deployments, or a KServe
 * InferenceService): `run()` does the action asked for, `cleanup()` is the post step. The engine
 * (rollout/engine.ts), the manual actions (rollout/manual.ts) and the post step
 * (rollout/cleanup.ts) share one RolloutRun per revision, whose state guards every write.
 */
export class Rollout {
  private readonly ctx: RolloutContext;

  constructor(config: RolloutConfig, deps: RolloutDeps) {
    this.ctx = new RolloutContext(config, deps);
  }

  async run(): Promise<RolloutResult> {
    const { ctx } = this;
    const { route, state } = await ctx.readRoute();
    const traffic = ctx.deps.router.traffic(route);
    switch (ctx.config.action) {
      case 'status':
        return status(ctx, state, traffic);
      case 'rollback':
        return manualRollback(ctx, state, traffic);
      case 'promote':
        return manualPromote(ctx, route, state);
      case 'undo':
        return manualUndo(ctx, state);
      default:
        return rollout(ctx, route, state);
    }
  }

  /** The post step: roll back a rollout this workflow run left unfinished. */
  cleanup(): Promise<RolloutResult> {
    return cleanup(this.ctx);
  }
}
