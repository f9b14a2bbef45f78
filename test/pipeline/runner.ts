import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CommandShims, URL_VARIABLE, type CommandStandIn } from './command-shims';
import { condition, interpolate, type Contexts, type Scope } from './expressions';
import { runPost, runStep, type ActionStandIn, type StepContext, type StepResult } from './steps';
import {
  jobOrder,
  matrixCombinations,
  needsOf,
  triggers,
  type Conclusion,
  type JobResult,
  type JobRun,
  type JobSpec,
  type Scalar,
  type StepRun,
  type StepSpec,
  type Workflow,
  type WorkflowRun,
} from './workflow';

// A small workflow runner for tests: the jobs of one workflow, one after another in an order that
// respects `needs`, each in a fresh workspace, with GitHub's expression and status semantics.

/** Extra `with:` inputs and `env:` for a step, chosen by job (or any) and `uses` prefix, action name or step id. */
export interface StepOverride {
  /** The job's id; absent: every job. */
  job?: string;
  step: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
  /** Why the workflow's own value cannot be used here (shown in the test, said in reports). */
  because: string;
}

export interface RunOptions {
  workflow: Workflow;
  /** `github` context: event_name, event, repository, sha, ref, actor, token, … */
  github: Record<string, unknown> & { event_name: string; event: Record<string, unknown> };
  vars?: Record<string, string>;
  secrets?: Record<string, string>;
  /** Deployment environments' own variables and secrets (over the repository's). */
  environments?: Record<string, { vars?: Record<string, string>; secrets?: Record<string, string> }>;
  /** workflow_dispatch inputs. */
  inputs?: Record<string, string>;
  actions?: Record<string, ActionStandIn>;
  commands?: Record<string, CommandStandIn>;
  overrides?: StepOverride[];
  /** Variables of the runner machine (GITHUB_API_URL pointing at a stand-in, …). */
  env?: Record<string, string>;
  /** The Node that runs our actions' bundles (this one by default). */
  node?: string;
}

interface RunState {
  options: RunOptions;
  results: Record<string, JobResult>;
  artifacts: string;
  eventPath: string;
  shims?: CommandShims;
}

const stringMap = (values: Record<string, Scalar> | undefined, scope: Scope): Record<string, string> =>
  Object.fromEntries(Object.entries(values ?? {}).map(([k, v]) => [k, interpolate(String(v), scope)]));

/** The branch an event's `branches` filter looks at: the one pushed to, or the pull request's base. */
function filteredBranch(github: RunOptions['github']): string | undefined {
  const event = github.event as { ref?: string; pull_request?: { base?: { ref?: string } } };
  if (github.event_name === 'pull_request') return event.pull_request?.base?.ref;
  return event.ref?.replace(/^refs\/heads\//, '');
}

export async function runWorkflow(options: RunOptions): Promise<WorkflowRun> {
  const { event_name: event } = options.github;
  const branch = filteredBranch(options.github);
  if (!triggers(options.workflow.on, event, branch))
    throw new Error(`the workflow's 'on:' does not start it for ${event}${branch ? ` on ${branch}` : ''}`);
  const dir = mkdtempSync(path.join(tmpdir(), 'llmops-run-'));
  const eventPath = path.join(dir, 'event.json');
  writeFileSync(eventPath, JSON.stringify(options.github.event));
  const state: RunState = {
    options,
    results: {},
    artifacts: mkdtempSync(path.join(dir, 'artifacts-')),
    eventPath,
  };
  if (options.commands) state.shims = await new CommandShims(options.commands).start();
  try {
    for (const id of jobOrder(options.workflow)) state.results[id] = await runJob(state, id);
  } finally {
    await state.shims?.stop();
  }
  return { jobs: state.results, artifacts: state.artifacts };
}

/** Every job this one needs, and theirs. */
function ancestors(workflow: Workflow, id: string): string[] {
  return needsOf(workflow.jobs[id]!).flatMap((need) => [need, ...ancestors(workflow, need)]);
}

function baseContexts(state: RunState, job: JobSpec, environment: string | undefined): Contexts {
  const { options } = state;
  const scoped = environment ? options.environments?.[environment] : undefined;
  return {
    github: options.github,
    vars: { ...options.vars, ...scoped?.vars },
    secrets: { GITHUB_TOKEN: String(options.github.token ?? ''), ...options.secrets, ...scoped?.secrets },
    inputs: options.inputs ?? {},
    needs: Object.fromEntries(needsOf(job).map((need) => [need, state.results[need]])),
    env: {},
    matrix: {},
    strategy: {},
    runner: {},
    job: {},
    steps: {},
  };
}

async function runJob(state: RunState, id: string): Promise<JobResult> {
  const { workflow } = state.options;
  const job = workflow.jobs[id]!;
  if (job.uses) throw new Error(`job ${id} calls a reusable workflow: the runner does not`);
  const needed = needsOf(job).map((need) => state.results[need]!.result);
  const failedAbove = ancestors(workflow, id).some((need) => state.results[need]?.result === 'failure');
  const scope: Scope = {
    contexts: baseContexts(state, job, undefined),
    status: { success: needed.every((r) => r === 'success'), failure: failedAbove },
  };
  if (!condition(job.if, scope)) return { result: 'skipped', outputs: {}, runs: [] };
  const matrix = job.strategy?.matrix;
  if (typeof matrix === 'string') throw new Error(`job ${id}: a matrix from an expression is not supported`);
  const runs: JobRun[] = [];
  for (const combination of matrix ? matrixCombinations(matrix) : [undefined])
    runs.push(await runJobInstance(state, id, combination));
  return {
    result: runs.some((r) => r.result === 'failure') ? 'failure' : 'success',
    outputs: Object.assign({}, ...runs.map((r) => r.outputs)),
    runs,
  };
}

/** The variables every step's process starts with, as a hosted runner sets them. */
function runnerVariables(
  state: RunState,
  id: string,
  workspace: string,
  temp: string,
): Record<string, string> {
  const github = state.options.github;
  const event = github.event as { pull_request?: { base?: { ref?: string }; head?: { ref?: string } } };
  const text = (value: unknown) => (value === undefined ? '' : String(value));
  return {
    PATH: [state.shims?.bin, process.env.PATH].filter(Boolean).join(path.delimiter),
    HOME: process.env.HOME ?? temp,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_JOB: id,
    GITHUB_EVENT_NAME: github.event_name,
    GITHUB_EVENT_PATH: state.eventPath,
    GITHUB_REPOSITORY: text(github.repository),
    GITHUB_REPOSITORY_OWNER: text(github.repository_owner),
    GITHUB_SHA: text(github.sha),
    GITHUB_REF: text(github.ref),
    GITHUB_BASE_REF: text(event.pull_request?.base?.ref),
    GITHUB_HEAD_REF: text(event.pull_request?.head?.ref),
    GITHUB_ACTOR: text(github.actor),
    GITHUB_RUN_ID: text(github.run_id ?? '1'),
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'https://api.github.com',
    GITHUB_WORKSPACE: workspace,
    RUNNER_OS: 'Linux',
    RUNNER_TEMP: temp,
    ...(state.shims ? { [URL_VARIABLE]: state.shims.url } : {}),
    ...state.options.env,
  };
}

function environmentName(job: JobSpec, scope: Scope): string | undefined {
  const environment = typeof job.environment === 'object' ? job.environment.name : job.environment;
  return environment === undefined ? undefined : interpolate(environment, scope);
}

async function runJobInstance(
  state: RunState,
  id: string,
  matrix: Record<string, unknown> | undefined,
): Promise<JobRun> {
  const { workflow } = state.options;
  const job = workflow.jobs[id]!;
  const root = mkdtempSync(path.join(tmpdir(), `llmops-job-${id}-`));
  const workspace = path.join(root, 'workspace');
  const temp = path.join(root, 'temp');
  for (const dir of [workspace, temp]) mkdirSync(dir);
  // The environment's name may use matrix and needs, not its own secrets.
  const named: Scope = {
    contexts: { ...baseContexts(state, job, undefined), matrix: matrix ?? {} },
    status: { success: true, failure: false },
  };
  const environment = environmentName(job, named);
  const scope: Scope = {
    contexts: {
      ...baseContexts(state, job, environment),
      matrix: matrix ?? {},
      runner: { os: 'Linux', temp },
      github: { ...state.options.github, workspace, job: id },
    },
    status: { success: true, failure: false },
    workspace,
  };
  const env: Record<string, string> = {};
  scope.contexts.env = env;
  Object.assign(env, stringMap(workflow.env, scope));
  Object.assign(env, stringMap(job.env, scope));
  const run: JobRun = {
    job: id,
    name: interpolate(job.name ?? id, scope),
    ...(matrix ? { matrix } : {}),
    ...(environment ? { environment } : {}),
    result: 'success',
    outputs: {},
    steps: [],
    summary: '',
    workspace,
  };
  const machine = runnerVariables(state, id, workspace, temp);
  const context: StepContext = {
    scope,
    workspace,
    env: machine,
    temp,
    artifacts: state.artifacts,
    standIns: state.options.actions ?? {},
    node: state.options.node ?? process.execPath,
    defaults: {
      shell: job.defaults?.run?.shell ?? workflow.defaults?.run?.shell,
      workingDirectory:
        job.defaults?.run?.['working-directory'] ?? workflow.defaults?.run?.['working-directory'],
    },
  };
  await runSteps(state, id, job, run, context, env);
  run.result = run.steps.some((s) => s.conclusion === 'failure') ? 'failure' : 'success';
  run.outputs = stringMap(job.outputs, scope);
  return run;
}

interface Post {
  uses: string;
  main: string;
  if: string;
  variables: Record<string, string>;
  state: Record<string, string>;
  name: string;
}

function recordStep(
  run: JobRun,
  id: string,
  name: string,
  result: StepResult | undefined,
  continueOnError: boolean,
): StepRun {
  const outcome: Conclusion = !result ? 'skipped' : result.ok ? 'success' : 'failure';
  const step: StepRun = {
    id,
    name,
    outcome,
    conclusion: outcome === 'failure' && continueOnError ? 'success' : outcome,
    outputs: result?.outputs ?? {},
    log: result?.log ?? '',
    summary: result?.summary ?? '',
    annotations: result?.annotations ?? [],
  };
  run.steps.push(step);
  run.summary += step.summary;
  return step;
}

const stepName = (step: StepSpec, scope: Scope): string =>
  step.name !== undefined
    ? interpolate(step.name, scope)
    : step.uses
      ? `Run ${step.uses}`
      : `Run ${step.run!.split('\n')[0]}`;

/** The job's steps in order, then the post steps of the actions that have one, in reverse. */
async function runSteps(
  state: RunState,
  jobId: string,
  job: JobSpec,
  run: JobRun,
  context: StepContext,
  jobEnv: Record<string, string>,
): Promise<void> {
  const { scope } = context;
  const steps = scope.contexts.steps as Record<string, unknown>;
  const posts: Post[] = [];
  const failed = () => run.steps.some((s) => s.conclusion === 'failure');
  for (const [index, step] of (job.steps ?? []).entries()) {
    const id = step.id ?? `__step${index + 1}`;
    scope.status = { success: !failed(), failure: failed() };
    const env = { ...jobEnv, ...stringMap(step.env, scope) };
    scope.contexts.env = env;
    const name = stepName(step, scope);
    let result: StepResult | undefined;
    if (condition(step.if, scope)) {
      const override = overrideFor(state.options.overrides, jobId, step);
      result = await runStep(step, context, { ...context.env, ...env, ...override?.env }, override?.with);
      Object.assign(jobEnv, result.env);
      if (result.path.length) context.env.PATH = [...result.path, context.env.PATH].join(path.delimiter);
      if (result.post)
        posts.unshift({ ...result.post, uses: step.uses!, state: result.state, name: `Post ${name}` });
    }
    const continueOnError = interpolate(String(step['continue-on-error'] ?? false), scope) === 'true';
    const record = recordStep(run, id, name, result, continueOnError);
    steps[id] = { outputs: record.outputs, outcome: record.outcome, conclusion: record.conclusion };
  }
  for (const post of posts) {
    scope.status = { success: !failed(), failure: failed() };
    const ran = condition(post.if, scope)
      ? await runPost(post.main, post.variables, post.state, context)
      : undefined;
    recordStep(run, `post-${post.uses}`, post.name, ran, false);
  }
  scope.contexts.env = jobEnv;
}

function overrideFor(overrides: StepOverride[] | undefined, job: string, step: StepSpec) {
  // By step id, by `uses` prefix, or by our action's name (`canary-step` matches `<owner>/llmops/actions/canary-step@v1`).
  const matches = (o: StepOverride) =>
    o.step === step.id ||
    (step.uses !== undefined && (step.uses.startsWith(o.step) || step.uses.includes(`/${o.step}@`)));
  return overrides?.find((o) => (o.job === undefined || o.job === job) && matches(o));
}
