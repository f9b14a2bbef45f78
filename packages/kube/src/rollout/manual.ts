import { isUserError, UserError } from '@llmops/core';
import type { KubeObject } from '../objects';
import type { RolloutResult } from '../rollout';
import type { Traffic } from '../routers/router';
import { inFlight, type RolloutState, type UndoRecord } from '../state';
import { RolloutRun, Superseded, type RolloutContext } from './run';

/** 'action: status': what the route holds, changing nothing. */
export function status(
  ctx: RolloutContext,
  state: RolloutState | undefined,
  traffic: Traffic,
): RolloutResult {
  return ctx.result({
    verdict: 'pass',
    headline:
      (state
        ? `${ctx.routeLabel()}: ${state.revision} ${state.outcome} at step ${Math.min(state.step + 1, state.steps)}/${state.steps}, canary weight ${traffic.weight}%`
        : `${ctx.routeLabel()}: no rollout recorded, canary weight ${traffic.weight}%`) +
      (state?.undo ? `; 'action: undo' would set the stable back to ${state.undo.image}` : ''),
    reasons: [],
    finalWeight: traffic.weight,
    revision: state?.revision ?? '',
    state,
  });
}

/** 'action: rollback': by hand, this run takes the route over; a rollout in flight finds itself superseded. */
export async function manualRollback(
  ctx: RolloutContext,
  state: RolloutState | undefined,
  traffic: Traffic,
): Promise<RolloutResult> {
  const revision = state?.revision ?? ctx.config.image ?? '';
  if (!inFlight(state) && traffic.weight === 0 && traffic.mirror === 0) {
    return ctx.result({
      verdict: 'pass',
      headline: `${ctx.routeLabel()}: nothing in flight to roll back (canary weight 0%)`,
      reasons: [],
      finalWeight: 0,
      revision,
      state,
    });
  }
  const claimed: RolloutState = state ?? {
    revision: revision || 'unknown',
    step: 0,
    steps: 0,
    weight: traffic.weight,
    mirror: traffic.mirror,
    startedAt: ctx.now(),
    updatedAt: ctx.now(),
    outcome: 'in-progress',
  };
  const run = new RolloutRun(ctx, revision, claimed, state);
  await run.rollback("requested with 'action: rollback'", false);
  return run.result('pass', `${revision || 'the canary'} rolled back on ${ctx.routeLabel()}`, [], 0);
}

/** 'action: promote': by hand, take the route over, then promote as a rollout would. */
export async function manualPromote(
  ctx: RolloutContext,
  route: KubeObject,
  state: RolloutState | undefined,
): Promise<RolloutResult> {
  const { config, workload } = ctx;
  // The last promotion stays undoable until this one finishes.
  const undo = state?.undo;
  let revision: string;
  if (inFlight(state)) revision = state.revision;
  else if (config.image) revision = config.image;
  else if (workload.revisionOnRoute) revision = await workload.currentRevision(route);
  else
    throw new UserError(`${ctx.routeLabel()}: no rollout in flight and no 'image' given: nothing to promote`);
  const claimed: RolloutState = inFlight(state)
    ? { ...state, outcome: 'in-progress' }
    : {
        revision,
        step: config.steps.length,
        steps: config.steps.length,
        weight: 0,
        mirror: 0,
        startedAt: ctx.now(),
        updatedAt: ctx.now(),
        outcome: 'in-progress',
        ...(undo ? { undo } : {}),
      };
  const run = new RolloutRun(ctx, revision, claimed, state);
  await run.takeOver("promote requested with 'action: promote'");
  await workload.preparePromotion(config.image);
  try {
    await run.promote();
  } catch (error) {
    if (!isUserError(error) || error instanceof Superseded) throw error;
    await run.rollback(`promotion failed: ${error.message}`);
    return run.result('fail', `promotion of ${revision} failed: rolled back`, [error.message], 0);
  }
  return run.result('pass', `${revision} promoted on ${ctx.routeLabel()} ('action: promote')`, [], 0);
}

/**
 * 'action: undo': the stable Deployment back on the image it ran before the last promotion, with
 * a rollback's care: the route is taken over, the image restored and waited for until ready, the
 * canary kept out of traffic and scaled down, and the state records the promotion as undone.
 */
export async function manualUndo(
  ctx: RolloutContext,
  state: RolloutState | undefined,
): Promise<RolloutResult> {
  const label = ctx.routeLabel();
  const undo: UndoRecord | undefined = state?.undo;
  if (!state || !undo)
    throw new UserError(
      `${label}: no promotion recorded to undo${state ? ` (the state holds ${state.revision}, ${state.outcome}, with no earlier stable image)` : ''}: 'action: undo' restores the stable image a canary-step promotion replaced`,
    );
  const recorded: RolloutState = state;
  if (inFlight(state))
    throw new UserError(
      `${label} has a rollout of ${state.revision} in flight (${state.outcome}, canary weight ${state.weight}%): 'action: undo' reverts a finished promotion; use 'action: rollback' for this one`,
    );
  await ctx.workload.checkUndo(undo);
  const claimed: RolloutState = {
    ...recorded,
    outcome: 'in-progress',
    stableImage: undo.image,
    undo: undefined,
  };
  const run = new RolloutRun(ctx, undo.promoted, claimed, recorded);
  await run.takeOver(`undo requested with 'action: undo': stable back to ${undo.image}`);
  const what = `the promotion of ${undo.promoted} (${undo.at})`;
  try {
    await run.rollback(`undoing ${what}`);
  } catch (error) {
    if (!isUserError(error) || error instanceof Superseded) throw error;
    return run.result(
      'fail',
      `undo of ${what} on ${label} did not finish: run 'action: rollback' to finish it`,
      [error.message],
      0,
    );
  }
  return run.result('pass', `undid ${what} on ${label}: the stable runs ${undo.image} again`, [], 0);
}
