import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { repoRoot } from '../helpers/run-bundle';

/** What a reviewer checks in a workflow, each as a function returning the problems it found. */

export interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}

export interface Job {
  name?: string;
  if?: string;
  needs?: string | string[];
  'runs-on'?: string;
  environment?: string | { name: string };
  permissions?: Record<string, string> | string;
  concurrency?: string | { group: string; 'cancel-in-progress'?: boolean | string };
  strategy?: { matrix?: Record<string, unknown> };
  outputs?: Record<string, string>;
  env?: Record<string, string>;
  uses?: string;
  'timeout-minutes'?: number;
  steps?: Step[];
}

export interface Workflow {
  name?: string;
  on: Record<string, unknown> | string | string[];
  permissions?: Record<string, string> | string;
  env?: Record<string, string>;
  concurrency?: unknown;
  jobs: Record<string, Job>;
}

export const OWNER = 'llmops-dev/llmops';
const SHA = /^[0-9a-f]{40}$/;

export function parseWorkflow(text: string): Workflow {
  return parse(text) as Workflow;
}

export function triggers(workflow: Workflow): string[] {
  const on = workflow.on;
  if (typeof on === 'string') return [on];
  if (Array.isArray(on)) return on;
  return Object.keys(on);
}

function isLlmops(uses: string): boolean {
  return uses === `${OWNER}@v1` || uses.startsWith(`${OWNER}/`) || uses.startsWith(`${OWNER}@`);
}

function allUses(workflow: Workflow): Array<{ job: string; uses: string }> {
  return Object.entries(workflow.jobs).flatMap(([job, j]) => [
    ...(j.uses ? [{ job, uses: j.uses }] : []),
    ...(j.steps ?? []).filter((s) => s.uses).map((s) => ({ job, uses: s.uses! })),
  ]);
}

/**
 * Every third-party action is pinned to a full commit SHA, and the line says which version that is
 * (`uses: owner/repo@<sha> # v1.2.3`). Local actions and llmops' own (`@v1`) are exempt.
 */
export function unpinned(text: string): string[] {
  const workflow = parseWorkflow(text);
  const problems: string[] = [];
  for (const { job, uses } of allUses(workflow)) {
    if (uses.startsWith('./') || isLlmops(uses)) continue;
    if (uses.startsWith('docker://')) {
      if (!/@sha256:[0-9a-f]{64}$/.test(uses)) problems.push(`${job}: ${uses} is not pinned by digest`);
      continue;
    }
    const ref = uses.split('@')[1] ?? '';
    if (!SHA.test(ref)) {
      problems.push(`${job}: ${uses} is not pinned to a 40-hex commit SHA`);
      continue;
    }
    const line = text.split('\n').find((l) => l.includes(uses));
    if (!line || !/#\s*v\d+\.\d+\.\d+\s*$/.test(line))
      problems.push(`${job}: ${uses} has no '# vX.Y.Z' comment naming its version`);
  }
  return problems;
}

/** The action folder a `uses:` of llmops names (`undefined` for the root action). */
function llmopsAction(uses: string): string | undefined {
  const m = new RegExp(`^${OWNER}(?:/actions/([a-z0-9-]+))?@`).exec(uses);
  if (!m) throw new Error(`not an llmops action: ${uses}`);
  return m[1];
}

export interface ActionInputs {
  inputs: Record<string, { description?: string; required?: boolean; default?: string }>;
}

export function actionMetadata(action: string | undefined): ActionInputs {
  const file = action
    ? path.join(repoRoot, 'actions', action, 'action.yml')
    : path.join(repoRoot, 'action.yml');
  if (!existsSync(file)) throw new Error(`no ${path.relative(repoRoot, file)}`);
  return parse(readFileSync(file, 'utf8')) as ActionInputs;
}

const bool = (v: unknown) => String(v).trim() === 'true';

/** Every `with:` key of an llmops step is an input its action.yml declares; required ones are given. */
export function undeclaredInputs(workflow: Workflow): string[] {
  const problems: string[] = [];
  for (const [job, j] of Object.entries(workflow.jobs)) {
    for (const step of j.steps ?? []) {
      if (!step.uses || !isLlmops(step.uses)) continue;
      const action = llmopsAction(step.uses);
      const given = step.with ?? {};
      const declared = actionMetadata(action).inputs;
      // The root action takes the union of inputs; the command decides which of them apply.
      const command = action ?? String(given.command ?? '');
      const applies = action ? declared : { command: {}, ...actionMetadata(command).inputs };
      for (const key of Object.keys(given)) {
        if (!(key in declared) || !(key in applies))
          problems.push(`${job}: ${command} has no input '${key}'`);
      }
      for (const [key, spec] of Object.entries(applies)) {
        if (spec.required && !(key in given)) problems.push(`${job}: ${command} needs input '${key}'`);
      }
    }
  }
  return problems;
}

/** Why a job may hold a write scope: a step that uses it. */
function writeJustified(scope: string, job: Job, workflow: Workflow): boolean {
  const steps = job.steps ?? [];
  const llmops = steps.filter((s) => s.uses && isLlmops(s.uses));
  switch (scope) {
    case 'security-events':
      return steps.some((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
    case 'packages':
      return steps.some((s) => s.uses?.startsWith('docker/build-push-action@') && bool(s.with?.push));
    case 'checks':
      return llmops.some((s) => bool(s.with?.['check-run']));
    case 'pull-requests':
      // Sticky comments are only written on pull_request events.
      return (
        triggers(workflow).includes('pull_request') &&
        llmops.some((s) => s.with?.comment === undefined || bool(s.with.comment))
      );
    case 'deployments':
      return llmops.some((s) => s.with?.environment !== undefined);
    case 'issues':
      return llmops.some((s) => bool(s.with?.['regression-issue']));
    default:
      return false; // contents, actions, id-token…: nothing in these templates needs them
  }
}

/**
 * Least privilege: the workflow grants nothing by default, every job says what it needs, and every
 * write scope a job holds is used by one of its steps. `write-all` and `contents: write` never are.
 */
export function excessPermissions(workflow: Workflow): string[] {
  const problems: string[] = [];
  const top = workflow.permissions;
  if (top === undefined) problems.push('workflow: no top-level permissions (the repository default applies)');
  else if (typeof top === 'string' ? top !== 'read-all' : Object.values(top).some((v) => v === 'write'))
    problems.push(`workflow: top-level permissions grant ${JSON.stringify(top)}; grant per job`);
  for (const [name, job] of Object.entries(workflow.jobs)) {
    const p = job.permissions;
    if (p === undefined) {
      problems.push(`${name}: no permissions block`);
      continue;
    }
    if (typeof p === 'string') {
      if (p !== 'read-all') problems.push(`${name}: permissions: ${p}`);
      continue;
    }
    for (const [scope, level] of Object.entries(p)) {
      if (level !== 'write') continue;
      if (scope === 'contents' || !writeJustified(scope, job, workflow))
        problems.push(`${name}: '${scope}: write' is not used by any step`);
    }
  }
  return problems;
}

/**
 * `pull_request_target` runs with the base repository's token and secrets: a job triggered by it
 * must never check out (and so run) the pull request's head.
 */
export function prTargetCheckouts(workflow: Workflow): string[] {
  if (!triggers(workflow).includes('pull_request_target')) return [];
  const problems: string[] = [];
  for (const [name, job] of Object.entries(workflow.jobs)) {
    for (const step of job.steps ?? []) {
      if (!step.uses?.startsWith('actions/checkout@')) continue;
      const ref = String(step.with?.ref ?? '') + String(step.with?.repository ?? '');
      if (/pull_request\.head|head_ref|refs\/pull\/|merge_commit_sha/.test(ref))
        problems.push(`${name}: checks out the pull request's code under pull_request_target (${ref})`);
    }
  }
  return problems;
}

export const SAME_REPO = 'github.event.pull_request.head.repo.full_name == github.repository';

/**
 * Whether a job's `if:` requires the same-repository guard: the guard is the whole condition or
 * one operand of a top-level `&&` chain. `… || true` or a guard inside parentheses next to `||`
 * does not count: the job could run without it holding.
 */
export function requiresSameRepo(condition: string | undefined): boolean {
  const expression = String(condition ?? '')
    .trim()
    .replace(/^\$\{\{([\s\S]*)\}\}$/, '$1')
    .trim();
  if (expression.includes('||')) return false;
  return expression
    .split('&&')
    .map((part) => part.trim())
    .includes(SAME_REPO);
}

/** On pull requests, a job that reads secrets runs only for branches of the repository itself. */
export function unguardedSecrets(workflow: Workflow): string[] {
  if (!triggers(workflow).some((t) => t.startsWith('pull_request'))) return [];
  return Object.entries(workflow.jobs)
    .filter(([, job]) => /secrets\.(?!GITHUB_TOKEN\b)/.test(JSON.stringify(job)))
    .filter(([, job]) => !requiresSameRepo(job.if))
    .map(([name]) => `${name}: reads secrets on pull requests without 'if: ${SAME_REPO}'`);
}

export const templatesDir = path.join(repoRoot, 'workflows-templates');

export function templateFiles(): string[] {
  return readdirSync(templatesDir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort();
}

export function readTemplate(file: string): { text: string; workflow: Workflow } {
  const text = readFileSync(path.join(templatesDir, file), 'utf8');
  return { text, workflow: parseWorkflow(text) };
}
