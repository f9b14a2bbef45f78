// The shapes the runner reads from a workflow file (after GitHub's parser accepted it) and the
// records it keeps of a run: what a user sees on the run's page.

export type Scalar = string | number | boolean;

export interface StepSpec {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  shell?: string;
  'working-directory'?: string;
  with?: Record<string, Scalar>;
  env?: Record<string, Scalar>;
  if?: string | boolean;
  'continue-on-error'?: boolean | string;
}

export interface JobSpec {
  name?: string;
  needs?: string | string[];
  if?: string | boolean;
  environment?: string | { name: string; url?: string };
  env?: Record<string, Scalar>;
  outputs?: Record<string, string>;
  strategy?: { matrix?: Record<string, unknown> | string; 'fail-fast'?: boolean };
  defaults?: { run?: { shell?: string; 'working-directory'?: string } };
  steps?: StepSpec[];
  /** A reusable workflow: the runner does not call those. */
  uses?: string;
}

export interface Workflow {
  name?: string;
  on: unknown;
  env?: Record<string, Scalar>;
  defaults?: { run?: { shell?: string; 'working-directory'?: string } };
  jobs: Record<string, JobSpec>;
}

export type Conclusion = 'success' | 'failure' | 'skipped';

export interface Annotation {
  level: string;
  props: Record<string, string>;
  message: string;
}

export interface StepRun {
  id: string;
  name: string;
  /** Before continue-on-error; `conclusion` is after it. */
  outcome: Conclusion;
  conclusion: Conclusion;
  outputs: Record<string, string>;
  /** stdout and stderr, interleaved as they came. */
  log: string;
  summary: string;
  annotations: Annotation[];
}

export interface JobRun {
  job: string;
  /** The job's display name, expressions expanded (`Quality gate (shard 2/3)`). */
  name: string;
  matrix?: Record<string, unknown>;
  environment?: string;
  result: Conclusion;
  outputs: Record<string, string>;
  steps: StepRun[];
  /** The job summary: every step's GITHUB_STEP_SUMMARY, in order. */
  summary: string;
  workspace: string;
}

export interface JobResult {
  result: Conclusion;
  outputs: Record<string, string>;
  /** One per matrix combination (one for a job without a matrix; none when skipped). */
  runs: JobRun[];
}

export interface WorkflowRun {
  jobs: Record<string, JobResult>;
  /** Where upload-artifact stand-ins keep artifacts, one folder per name. */
  artifacts: string;
}

export const needsOf = (job: JobSpec): string[] => [job.needs ?? []].flat();

/** Jobs in an order GitHub could run them one at a time: every job after the jobs it needs. */
export function jobOrder(workflow: Workflow): string[] {
  const order: string[] = [];
  const visiting = new Set<string>();
  const visit = (id: string) => {
    if (order.includes(id)) return;
    if (visiting.has(id)) throw new Error(`jobs need each other in a cycle through '${id}'`);
    const job = workflow.jobs[id];
    if (!job) throw new Error(`a job needs '${id}', which the workflow does not define`);
    visiting.add(id);
    for (const need of needsOf(job)) visit(need);
    visiting.delete(id);
    order.push(id);
  };
  for (const id of Object.keys(workflow.jobs)) visit(id);
  return order;
}

/** Every combination of a matrix's keys (include/exclude are not needed by our workflows). */
export function matrixCombinations(matrix: Record<string, unknown>): Array<Record<string, unknown>> {
  const unsupported = Object.keys(matrix).filter((key) => key === 'include' || key === 'exclude');
  if (unsupported.length) throw new Error(`the runner does not expand matrix ${unsupported.join(', ')}`);
  return Object.entries(matrix).reduce<Array<Record<string, unknown>>>(
    (combinations, [key, values]) =>
      combinations.flatMap((c) => (values as unknown[]).map((value) => ({ ...c, [key]: value }))),
    [{}],
  );
}

/** A branch filter's glob (`main`, `release/*`, `**`) as a regular expression. */
const branchPattern = (glob: string) =>
  new RegExp(
    `^${glob
      .split('**')
      .map((part) => part.replace(/[.+?^$()|[\]{}\\]/g, '\\$&').replace(/\*/g, '[^/]*'))
      .join('.*')}$`,
  );

/**
 * Whether `on:` starts the workflow for this event: the event is listed and, for push and
 * pull_request, the branch (pushed, or the pull request's base) passes its `branches` filter.
 * A copied workflow whose filter names `$default-branch` literally never starts.
 */
export function triggers(on: unknown, event: string, branch: string | undefined): boolean {
  const events: Record<string, unknown> =
    typeof on === 'string'
      ? { [on]: null }
      : Array.isArray(on)
        ? Object.fromEntries(on.map((e: string) => [e, null]))
        : ((on ?? {}) as Record<string, unknown>);
  if (!(event in events)) return false;
  const filter = (events[event] as { branches?: string[] } | null)?.branches;
  return !filter || branch === undefined || filter.some((glob) => branchPattern(glob).test(branch));
}
