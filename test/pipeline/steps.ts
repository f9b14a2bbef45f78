import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { parseAnnotations, parseOutputs, repoRoot } from '../helpers/run-bundle';
import { interpolate, type Scope } from './expressions';
import type { Annotation, Scalar, StepSpec } from './workflow';

// One step, as the runner runs it: a `run:` script with bash, one of our actions through its dist
// bundle, or a declared stand-in for a third-party action. Each gets fresh GITHUB_OUTPUT,
// GITHUB_ENV, GITHUB_PATH, GITHUB_STATE and GITHUB_STEP_SUMMARY files.

export interface StandInCall {
  uses: string;
  inputs: Record<string, string>;
  workspace: string;
  env: Record<string, string>;
  scope: Scope;
  /** The run's artifact store (one folder per artifact name). */
  artifacts: string;
}

export interface StandInResult {
  outputs?: Record<string, string>;
  /** Set when the action fails the step: the message it logs as an error. */
  error?: string;
  summary?: string;
}

/** A third-party action's stand-in, chosen by the longest `uses` prefix that matches. */
export type ActionStandIn = (call: StandInCall) => StandInResult | Promise<StandInResult>;

export interface StepResult {
  ok: boolean;
  outputs: Record<string, string>;
  log: string;
  summary: string;
  annotations: Annotation[];
  /** Variables the step wrote to GITHUB_ENV and folders to GITHUB_PATH, for the later steps. */
  env: Record<string, string>;
  path: string[];
  /** What the action saved with core.saveState, for its post step. */
  state: Record<string, string>;
  /** The action's `post:` entry point, when it has one, when it runs, and its main step's process environment. */
  post?: { main: string; if: string; variables: Record<string, string> };
}

export interface StepContext {
  scope: Scope;
  workspace: string;
  /** The process environment of every step: runner variables plus workflow, job and step `env`. */
  env: Record<string, string>;
  /** Fresh files for this step go here. */
  temp: string;
  artifacts: string;
  standIns: Record<string, ActionStandIn>;
  node: string;
  defaults: { shell?: string; workingDirectory?: string };
}

/** `<owner>/llmops/<path>@<ref>`, `<owner>/llmops@<ref>` or `./<path>`: our action folder, or undefined. */
export function ourActionDir(uses: string): string | undefined {
  const remote = /^[^/]+\/llmops(?:\/([^@]+))?@.+$/.exec(uses);
  const local = /^\.\/(.+)$/.exec(uses);
  const relative = remote ? (remote[1] ?? '') : local?.[1];
  return relative === undefined ? undefined : path.join(repoRoot, relative);
}

interface Spawned {
  code: number | null;
  log: string;
  stdout: string;
}

export function spawnLogged(
  command: string,
  args: string[],
  options: { cwd: string; env: Record<string, string>; timeoutMs?: number },
): Promise<Spawned> {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    let stdout = '';
    child.stdout.on('data', (d) => ((stdout += d), (log += d)));
    child.stderr.on('data', (d) => (log += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 600_000);
    child.on('error', (error) => (log += `${error.message}\n`));
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, log, stdout });
    });
  });
}

interface StepFiles {
  GITHUB_OUTPUT: string;
  GITHUB_ENV: string;
  GITHUB_PATH: string;
  GITHUB_STATE: string;
  GITHUB_STEP_SUMMARY: string;
}

function stepFiles(temp: string): StepFiles {
  const dir = mkdtempSync(path.join(temp, 'step-'));
  const files = {
    GITHUB_OUTPUT: path.join(dir, 'output'),
    GITHUB_ENV: path.join(dir, 'env'),
    GITHUB_PATH: path.join(dir, 'path'),
    GITHUB_STATE: path.join(dir, 'state'),
    GITHUB_STEP_SUMMARY: path.join(dir, 'summary'),
  };
  for (const file of Object.values(files)) writeFileSync(file, '');
  return files;
}

function readStepFiles(files: StepFiles, spawned: Spawned, ok: boolean): StepResult {
  const read = (file: string) => readFileSync(file, 'utf8');
  return {
    ok,
    outputs: parseOutputs(read(files.GITHUB_OUTPUT)),
    log: spawned.log,
    summary: read(files.GITHUB_STEP_SUMMARY),
    annotations: parseAnnotations(spawned.stdout),
    env: parseOutputs(read(files.GITHUB_ENV)),
    path: read(files.GITHUB_PATH).split('\n').filter(Boolean),
    state: parseOutputs(read(files.GITHUB_STATE)),
  };
}

// GitHub's shells: an explicit `bash` gets pipefail, the implied default does not.
const SHELLS: Record<string, (file: string) => [string, string[]]> = {
  bash: (file) => ['bash', ['--noprofile', '--norc', '-eo', 'pipefail', file]],
  sh: (file) => ['sh', ['-e', file]],
  '': (file) => ['bash', ['-e', file]],
};

async function runScript(
  step: StepSpec,
  context: StepContext,
  env: Record<string, string>,
): Promise<StepResult> {
  const shell = step.shell ?? context.defaults.shell ?? '';
  const command = SHELLS[shell];
  if (!command) throw new Error(`the runner has no shell '${shell}'`);
  const files = stepFiles(context.temp);
  const script = path.join(path.dirname(files.GITHUB_OUTPUT), 'script.sh');
  writeFileSync(script, interpolate(step.run!, context.scope));
  const dir = step['working-directory'] ?? context.defaults.workingDirectory;
  const cwd = path.resolve(context.workspace, dir ? interpolate(dir, context.scope) : '.');
  const [bin, args] = command(script);
  const spawned = await spawnLogged(bin, args, { cwd, env: { ...env, ...files } });
  return readStepFiles(files, spawned, spawned.code === 0);
}

interface ActionMetadata {
  inputs?: Record<string, { default?: Scalar }>;
  runs: { using: string; main: string; post?: string; 'post-if'?: string };
}

/** INPUT_<NAME> for every input: `with:` over action.yml's defaults, expressions expanded. */
function inputVariables(
  metadata: ActionMetadata,
  inputs: Record<string, string>,
  scope: Scope,
): Record<string, string> {
  const variables: Record<string, string> = {};
  for (const [name, input] of Object.entries(metadata.inputs ?? {}))
    variables[`INPUT_${name.toUpperCase()}`] = interpolate(String(input.default ?? ''), scope);
  for (const [name, value] of Object.entries(inputs))
    variables[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  return variables;
}

async function runOurAction(
  dir: string,
  inputs: Record<string, string>,
  context: StepContext,
  env: Record<string, string>,
): Promise<StepResult> {
  const metadata = parse(readFileSync(path.join(dir, 'action.yml'), 'utf8')) as ActionMetadata;
  if (!/^node\d+$/.test(metadata.runs.using))
    throw new Error(`${dir}/action.yml runs '${metadata.runs.using}': the runner runs node actions only`);
  const main = path.resolve(dir, metadata.runs.main);
  if (!existsSync(main)) throw new Error(`${main} is missing: run npm run build`);
  const files = stepFiles(context.temp);
  const variables = { ...env, ...inputVariables(metadata, inputs, context.scope) };
  const spawned = await spawnLogged(context.node, [main], {
    cwd: context.workspace,
    env: { ...variables, ...files },
  });
  const result = readStepFiles(files, spawned, spawned.code === 0);
  if (metadata.runs.post)
    result.post = {
      main: path.resolve(dir, metadata.runs.post),
      if: metadata.runs['post-if'] ?? 'always()',
      variables,
    };
  return result;
}

/** An action's post step: the same inputs, and the state its main step saved as STATE_<name>. */
export async function runPost(
  main: string,
  variables: Record<string, string>,
  state: Record<string, string>,
  context: StepContext,
): Promise<StepResult> {
  const files = stepFiles(context.temp);
  const stateVariables = Object.fromEntries(Object.entries(state).map(([k, v]) => [`STATE_${k}`, v]));
  const spawned = await spawnLogged(context.node, [main], {
    cwd: context.workspace,
    env: { ...variables, ...stateVariables, ...files },
  });
  return readStepFiles(files, spawned, spawned.code === 0);
}

function standInFor(uses: string, standIns: Record<string, ActionStandIn>): ActionStandIn | undefined {
  const prefix = Object.keys(standIns)
    .filter((p) => uses.startsWith(p))
    .sort((a, b) => b.length - a.length)[0];
  return prefix === undefined ? undefined : standIns[prefix];
}

async function runStandIn(
  uses: string,
  inputs: Record<string, string>,
  context: StepContext,
  env: Record<string, string>,
): Promise<StepResult> {
  const standIn = standInFor(uses, context.standIns);
  const empty = { outputs: {}, summary: '', annotations: [], env: {}, path: [], state: {} };
  if (!standIn) {
    const message = `no stand-in declared for '${uses}': the runner cannot run third-party actions`;
    return {
      ...empty,
      ok: false,
      log: `${message}\n`,
      annotations: [{ level: 'error', props: {}, message }],
    };
  }
  const call = {
    uses,
    inputs,
    workspace: context.workspace,
    env,
    scope: context.scope,
    artifacts: context.artifacts,
  };
  const result = await standIn(call);
  const log = result.error ? `::error::${result.error}\n` : '';
  return {
    ...empty,
    ok: !result.error,
    outputs: result.outputs ?? {},
    summary: result.summary ?? '',
    log,
    annotations: parseAnnotations(log),
  };
}

/** Run one step whose `if:` held. `env` is the step's full process environment. */
export async function runStep(
  step: StepSpec,
  context: StepContext,
  env: Record<string, string>,
  overrides: Record<string, string> = {},
): Promise<StepResult> {
  if (step.run !== undefined) return runScript(step, context, env);
  const uses = step.uses!;
  const inputs = Object.fromEntries(
    Object.entries(step.with ?? {}).map(([k, v]) => [k, interpolate(String(v), context.scope)]),
  );
  Object.assign(inputs, overrides);
  const dir = ourActionDir(uses);
  return dir ? runOurAction(dir, inputs, context, env) : runStandIn(uses, inputs, context, env);
}
