import { createHash } from 'node:crypto';
import { formatDuration, isUserError, UserError } from '@llmops/core';
import type { KubeObject } from '../objects';
import type { RolloutResult, StepRecord } from '../rollout';
import type { Traffic } from '../routers/router';
import { inFlight, type RolloutState } from '../state';
import { describeStep, type Step } from '../steps';
import { RolloutRun, Superseded, type RolloutContext } from './run';

/** What identifies a step list: a resumed run must run the same one. */
export function stepsHash(steps: Step[]): string {
  return createHash('sha256').update(JSON.stringify(steps)).digest('hex').slice(0, 16);
}

/** A step did not pass: the rollout rolls back or pauses. */
class Failed extends Error {}

/**
 * 'action: rollout': each step sets the canary's share, bakes, and is judged by the analysis;
 * passing every step promotes, a failure rolls back (or pauses), cancellation sets the canary's
 * weight to 0 at once. The state rides on the route with every traffic change, so a re-run resumes.
 */
export async function rollout(
  ctx: RolloutContext,
  route: KubeObject,
  state: RolloutState | undefined,
): Promise<RolloutResult> {
  const { config, workload } = ctx;
  const revision = config.image ? config.image : await workload.currentRevision(route);
  if (inFlight(state) && state.revision !== revision) {
    throw new UserError(
      `${ctx.routeLabel()} has a rollout of ${state.revision} in flight (${state.outcome} at step ${state.step + 1}/${state.steps}, canary weight ${state.weight}%, since ${state.startedAt}): run with 'action: rollback' (or 'promote') before rolling out ${revision}`,
    );
  }
  if (state && state.revision === revision && state.outcome === 'promoted') {
    return ctx.result({
      verdict: 'pass',
      headline: `${revision} was already promoted on ${ctx.routeLabel()} (${state.updatedAt}): nothing to do`,
      reasons: [],
      finalWeight: 0,
      revision,
      state,
    });
  }
  const resume = inFlight(state) && state.revision === revision;
  await workload.checkRoute(route, resume && state.weight >= 100);
  // Before the route is claimed: a pre-pull that fails or times out leaves nothing to roll back.
  if (config.prepull && ctx.deps.prepull)
    ctx.coldStart.prepull = await ctx.deps.prepull(config.prepull, revision);
  const run = resume ? resumed(ctx, revision, state) : started(ctx, revision, state);
  return runSteps(run, resume);
}

/** Resume the rollout in flight of the same revision at the step it was at, with the same steps. */
function resumed(ctx: RolloutContext, revision: string, state: RolloutState): RolloutRun {
  const total = ctx.config.steps.length;
  const plan = stepsHash(ctx.config.steps);
  if (state.plan ? state.plan !== plan : state.steps !== total)
    throw new UserError(
      `${ctx.routeLabel()}: the rollout of ${revision} in flight (${state.outcome} at step ${state.step + 1}/${state.steps}) was started with other 'steps' than these ${total}: re-run with the same steps, or roll it back (or promote it) first`,
    );
  const start = Math.min(state.step, total);
  const run = new RolloutRun(ctx, revision, { ...state, steps: total, plan, outcome: 'in-progress' }, state);
  run.resumedAt = start + 1;
  ctx.log(
    `resuming the rollout of ${revision} on ${ctx.routeLabel()} at step ${start + 1}/${total} (was ${state.outcome}, canary weight ${state.weight}%, started ${state.startedAt})`,
  );
  return run;
}

function started(ctx: RolloutContext, revision: string, seen: RolloutState | undefined): RolloutRun {
  const { steps } = ctx.config;
  const state: RolloutState = {
    revision,
    step: 0,
    steps: steps.length,
    weight: 0,
    mirror: 0,
    startedAt: ctx.now(),
    updatedAt: ctx.now(),
    outcome: 'in-progress',
    plan: stepsHash(steps),
    // The last promotion stays undoable until this rollout promotes.
    ...(seen?.undo ? { undo: seen.undo } : {}),
  };
  ctx.log(`rolling out ${revision} on ${ctx.routeLabel()}: ${steps.map(describeStep).join(' → ')}`);
  return new RolloutRun(ctx, revision, state, seen);
}

/** The rollout claimed on the route, then each step from where it starts, then the promotion. */
async function runSteps(run: RolloutRun, resume: boolean): Promise<RolloutResult> {
  const { ctx } = run;
  const { steps } = ctx.config;
  const total = steps.length;
  let index = (run.resumedAt ?? 1) - 1;
  try {
    await ctx.workload.prepare(run, resume);
    for (; index < total; index++) {
      checkCancelled(ctx);
      if (steps[index]!.kind === 'hold') return await hold(run, index);
      run.state = { ...run.state, step: index };
      const record = await runStep(run, index, steps[index]!);
      run.steps.push(record);
      if (record.outcome !== 'passed') {
        const why = `step ${index + 1} (${record.step}) ${record.outcome}: ${record.analysis?.reason || record.note || ''}`;
        throw new Failed(why);
      }
      run.state = { ...run.state, step: index + 1 };
      await run.write(`step ${index + 1}/${total} passed`);
    }
    checkCancelled(ctx);
    await run.promote();
    return run.result(
      'pass',
      `${run.revision} promoted on ${ctx.routeLabel()} after ${total} step${total === 1 ? '' : 's'}`,
      [],
      0,
    );
  } catch (error) {
    return onError(run, error, index);
  }
}

/**
 * `pause: hold`: the rollout stays as it is (paused, so the post step leaves it), and this run
 * passes; canary-step run again with the same steps resumes after the hold — e.g. a shadow stage
 * (mirror steps) in one job, the comparison of the two models, then the canary in the next job.
 */
async function hold(run: RolloutRun, index: number): Promise<RolloutResult> {
  const { ctx } = run;
  const total = ctx.config.steps.length;
  run.state = { ...run.state, step: index + 1, outcome: 'paused' };
  await run.write(`held at step ${index + 1}/${total}`);
  const { weight, mirror } = run.state;
  return run.result(
    'pass',
    `${run.revision} held at step ${index + 1}/${total} on ${ctx.routeLabel()} (canary weight ${weight}%${mirror ? `, mirror ${mirror}%` : ''}): run canary-step again with the same steps to go on`,
    [],
    weight,
  );
}

function checkCancelled(ctx: RolloutContext): void {
  const { signal } = ctx.deps;
  if (signal?.aborted) throw signal.reason ?? new Error('cancelled');
}

/** One step: the canary's share (sized first), the bake, then the analysis. */
async function runStep(run: RolloutRun, index: number, step: Step): Promise<StepRecord> {
  const { ctx } = run;
  const { config, deps } = ctx;
  const label = `step ${index + 1}/${config.steps.length} (${describeStep(step)})`;
  const started = deps.clock.now();
  const record: StepRecord = {
    index,
    step: describeStep(step),
    weight: run.state.weight,
    mirror: run.state.mirror,
    bakeMs: 0,
    outcome: 'passed',
    startedAt: ctx.now(),
    durationMs: 0,
  };
  ctx.log(`${label}: starting`);
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
    await ctx.workload.sizeFor(run, traffic);
    await run.setTraffic(
      traffic,
      'in-progress',
      `${label}: canary weight ${traffic.weight}%${traffic.mirror ? `, mirror ${traffic.mirror}%` : ''}`,
    );
    record.weight = traffic.weight;
    record.mirror = traffic.mirror;
    if (config.bakeMs > 0 && !deps.writer.dryRun) {
      ctx.log(`${label}: baking for ${formatDuration(config.bakeMs)}`);
      await deps.clock.sleep(config.bakeMs, deps.signal);
    }
    record.bakeMs = config.bakeMs;
  }
  const override = step.kind === 'analysis' ? step.override : undefined;
  if (!deps.analysis || (deps.analysis.checks === 0 && !override?.checks)) return finish();
  if (step.kind === 'analysis') await ctx.workload.readyForAnalysis(run);
  if (deps.writer.dryRun) {
    record.note = `dry run: ${deps.analysis.checks} check(s) not measured`;
    return finish();
  }
  // At 100% the stable serves nothing: a comparison with it has no baseline to compare with.
  const absoluteOnly = run.state.weight >= 100;
  const result = await deps.analysis.run(label, override, deps.signal, { absoluteOnly });
  record.analysis = result;
  if (result.note) record.note = result.note;
  checkCancelled(ctx);
  record.outcome =
    result.verdict === 'pass' ? 'passed' : result.verdict === 'fail' ? 'failed' : 'inconclusive';
  return finish();
}

/** A step failed, the run was cancelled or superseded, or a write failed: leave the route safe and say so. */
async function onError(run: RolloutRun, error: unknown, index: number): Promise<RolloutResult> {
  if (error instanceof Superseded) return run.superseded(error, index);
  if (run.ctx.deps.signal?.aborted) return onCancel(run, index);
  const { ctx } = run;
  const message = error instanceof Error ? error.message : String(error);
  if (!(error instanceof Failed) && !isUserError(error)) throw error;
  if (ctx.config.onFailure === 'pause') {
    run.state = { ...run.state, outcome: 'paused' };
    try {
      await run.write(`paused at ${ctx.where(index)}`);
    } catch (saveError) {
      if (saveError instanceof Superseded) return run.superseded(saveError, index);
      ctx.log(`could not record the pause: ${(saveError as Error).message}`);
    }
    return run.result(
      'fail',
      `paused at ${ctx.where(index)} with the canary at ${run.state.weight}% (on-failure: pause): roll back or promote by hand`,
      [message],
      run.state.weight,
    );
  }
  try {
    await run.rollback(message);
  } catch (rollbackError) {
    if (rollbackError instanceof Superseded) return run.superseded(rollbackError, index);
    return run.result(
      'fail',
      `${ctx.where(index)} failed and the rollback failed too: the post step will retry it`,
      [message, `rollback: ${(rollbackError as Error).message}`],
      run.state.weight,
    );
  }
  return run.result('fail', `rolled back at ${ctx.where(index)}`, [message], 0);
}

/**
 * The runner sends SIGINT, then SIGTERM 7.5 s later: take the canary out of traffic first;
 * the post step scales it down.
 */
async function onCancel(run: RolloutRun, index: number): Promise<RolloutResult> {
  const { ctx } = run;
  if (!run.steps.some((s) => s.index === index))
    run.steps.push({
      index,
      step: describeStep(ctx.config.steps[index] ?? { kind: 'analysis', override: {} }),
      weight: run.state.weight,
      mirror: run.state.mirror,
      bakeMs: 0,
      outcome: 'cancelled',
      startedAt: ctx.now(),
      durationMs: 0,
    });
  try {
    await run.setTraffic({ weight: 0, mirror: 0 }, 'aborted', 'cancelled: canary weight to 0');
  } catch (cancelError) {
    if (cancelError instanceof Superseded) return run.superseded(cancelError, index);
    throw cancelError;
  }
  return run.result(
    'fail',
    `cancelled at ${ctx.where(index)}: canary weight set to 0; the post step scales the canary down`,
    ['the job was cancelled'],
    0,
  );
}
