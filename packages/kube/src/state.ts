import type { KubeObject } from './objects';

/** The annotation on the route object that carries the rollout's state, so a re-run can resume. */
export const STATE_ANNOTATION = 'canary-step.llmops.dev/state';

export const OUTCOMES = ['in-progress', 'paused', 'aborted', 'promoted', 'rolled-back'] as const;
export type RolloutOutcome = (typeof OUTCOMES)[number];

export interface RolloutState {
  /** What is being rolled out: the image, or the predictor's storage URI. */
  revision: string;
  /** Index of the step in progress (the next to run once it passed); `steps` when all passed. */
  step: number;
  steps: number;
  /** Canary weight and mirrored share last written. */
  weight: number;
  mirror: number;
  startedAt: string;
  updatedAt: string;
  outcome: RolloutOutcome;
  /** The workflow run that last wrote the state. */
  run?: string;
  /** Random per run: with `updatedAt`, tells this run's last write from anyone else's. */
  nonce?: string;
  /** Hash of the step list the rollout started with: a re-run with other steps does not resume. */
  plan?: string;
  /** The stable Deployment's image before promotion set the new one: a failed promotion restores it. */
  stableImage?: string;
  /** The last promotion that changed the stable Deployment's image: what 'action: undo' reverts. */
  undo?: UndoRecord;
}

export interface UndoRecord {
  /** The image the stable Deployment ran before the promotion. */
  image: string;
  /** The image the promotion gave it. */
  promoted: string;
  /** When the promotion finished. */
  at: string;
}

/** The same write: a state this run wrote (or read) is still the one on the route. */
export function sameWrite(a: RolloutState | undefined, b: RolloutState | undefined): boolean {
  if (!a || !b) return a === b;
  return (
    a.revision === b.revision &&
    a.startedAt === b.startedAt &&
    a.nonce === b.nonce &&
    a.updatedAt === b.updatedAt
  );
}

/** Unfinished: a different revision may not start until this one is rolled back or promoted. */
export function inFlight(state: RolloutState | undefined): state is RolloutState {
  return (
    !!state && (state.outcome === 'in-progress' || state.outcome === 'paused' || state.outcome === 'aborted')
  );
}

export function readState(route: KubeObject): RolloutState | undefined {
  const text = route.metadata.annotations?.[STATE_ANNOTATION];
  if (!text) return undefined;
  try {
    const parsed = JSON.parse(text) as RolloutState;
    if (typeof parsed.revision !== 'string' || !(OUTCOMES as readonly string[]).includes(parsed.outcome))
      return undefined;
    return parsed;
  } catch {
    return undefined;
  }
}

/** The merge patch that records `state` on the route object. */
export function statePatch(state: RolloutState): Record<string, unknown> {
  return { metadata: { annotations: { [STATE_ANNOTATION]: JSON.stringify(state) } } };
}
