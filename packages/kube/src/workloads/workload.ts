import type { KubeObject } from '../objects';
import type { RolloutRun } from '../rollout/run';
import type { Traffic } from '../routers/router';
import type { UndoRecord } from '../state';

/**
 * What serves the canary and the stable version behind a route: two Deployments (istio,
 * gateway-api, service), or a KServe InferenceService whose revisions the route object itself holds.
 * A router only splits traffic; a workload puts the new revision in place, sizes it, and promotes
 * or restores it. Methods that write take the run, whose state guards every write.
 */
export interface Workload {
  /** Promotion with no rollout in flight and no 'image' knows what to promote (KServe's predictor). */
  readonly revisionOnRoute: boolean;
  /** What the canary runs now: what a rollout or promotion without 'image' takes. */
  currentRevision(route: KubeObject): Promise<string>;
  /** Refuse, before any write, a route this workload cannot roll out safely; `switched`: a resumed run already switched it. */
  checkRoute(route: KubeObject, switched: boolean): Promise<void>;
  /** Claim the route with the run's state (check-and-set), then put the canary on the new revision. */
  prepare(run: RolloutRun, resume: boolean): Promise<void>;
  /** 'action: promote' with an 'image': the canary takes it before it is promoted. */
  preparePromotion(image: string | undefined): Promise<void>;
  /** Size the canary for `traffic`, before the route sends it that share. */
  sizeFor(run: RolloutRun, traffic: Traffic): Promise<void>;
  /** Before a step's analysis measures the canary. */
  readyForAnalysis(run: RolloutRun): Promise<void>;
  /** The new revision takes all traffic, the state says `promoted`. */
  promote(run: RolloutRun): Promise<void>;
  /** 'action: undo': refuse, before any write, a stable side changed since the promotion `undo` records. */
  checkUndo(undo: UndoRecord): Promise<void>;
  /** Undo what a promotion changed on the stable side, before the canary leaves traffic. */
  restoreStable(run: RolloutRun, guard: boolean): Promise<void>;
  /** The canary out of service once it has no traffic (after the grace period). */
  scaleDown(): Promise<void>;
}
