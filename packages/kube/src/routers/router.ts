import { UserError } from '@llmops/core';
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
  /** The split as the object has it now. */
  traffic(route: KubeObject): Traffic;
  /** A merge patch giving the canary `traffic` (the stable backend gets the rest). */
  trafficPatch(route: KubeObject, traffic: Traffic): Record<string, unknown>;
  /** A merge patch returning all traffic to stable after the stable workload took the new version. */
  promotePatch(route: KubeObject): Record<string, unknown>;
}

/**
 * A route's backend weights with the canary at `percent`: other backends keep theirs and the stable
 * gets the rest of 100. `what` names the route and its backends for the error when they hold too much.
 */
export function splitWeights(
  weights: number[],
  stable: number,
  canary: number,
  percent: number,
  what: string,
): number[] {
  const others = weights.reduce((sum, w, i) => (i === stable || i === canary ? sum : sum + w), 0);
  if (others + percent > 100)
    throw new UserError(`${what} hold ${others}% of the route; the canary cannot get ${percent}%`);
  return weights.map((w, i) => (i === stable ? 100 - others - percent : i === canary ? percent : w));
}
