import type { Kind } from '../client';
import type { KubeObject } from '../objects';

/** Canary share of live traffic (percent) and of mirrored (shadow) traffic. */
export interface Traffic {
  weight: number;
  mirror: number;
}

/**
 * How one kind of route object splits traffic. A router only computes merge patches over the
 * object it is given; reading, writing, conflicts and dry runs are the writer's.
 */
export interface Router {
  /** The object whose traffic split changes and which carries the rollout state. */
  readonly kind: Kind;
  readonly name: string;
  readonly supportsMirror: boolean;
  /** The split as the object has it now. */
  traffic(route: KubeObject): Traffic;
  /** A merge patch giving the canary `traffic` (the stable backend gets the rest). */
  trafficPatch(route: KubeObject, traffic: Traffic): Record<string, unknown>;
  /** A merge patch returning all traffic to stable after the stable workload took the new version. */
  promotePatch(route: KubeObject): Record<string, unknown>;
}
