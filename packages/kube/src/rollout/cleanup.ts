import type { RolloutResult } from '../rollout';
import { RolloutRun, Superseded, type RolloutContext } from './run';

/**
 * The post step: roll back what this job left unfinished — only a rollout this workflow run
 * last wrote (not another job's, not a paused one: that was asked for).
 */
export async function cleanup(ctx: RolloutContext): Promise<RolloutResult> {
  const { config, deps } = ctx;
  const { route, state } = await ctx.readRoute();
  const leftAlone = (headline: string, finalWeight: number) =>
    ctx.result({
      verdict: 'pass',
      headline,
      reasons: [],
      finalWeight,
      revision: config.image ?? state?.revision ?? '',
      state,
    });
  if (!state || (state.outcome !== 'in-progress' && state.outcome !== 'aborted'))
    return leftAlone(`post: nothing unfinished on ${ctx.routeLabel()}`, deps.router.traffic(route).weight);
  if (config.image && state.revision !== config.image)
    return leftAlone(
      `post: the rollout in flight is ${state.revision}, not this job's ${config.image}: left alone`,
      state.weight,
    );
  if (state.run !== config.run)
    return leftAlone(
      `post: the rollout in flight was last written by ${state.run ? `run ${state.run}` : 'another run'}, not this one${config.run ? ` (${config.run})` : ''}: left alone`,
      state.weight,
    );
  const run = new RolloutRun(ctx, state.revision, state, state);
  try {
    await run.rollback(
      `the job ended with the rollout ${state.outcome} at step ${Math.min(state.step + 1, state.steps)}/${state.steps}`,
    );
  } catch (error) {
    if (error instanceof Superseded) return run.superseded(error, state.step);
    throw error;
  }
  return run.result('pass', `post: rolled back the unfinished rollout of ${state.revision}`, [], 0);
}
