import { degradesAfter, unsafeModel } from './models';
import { runWorkflow } from './runner';
import { merge, starterTemplate, userRepository, workflowAt, type Change, type UserRepo } from './user-repo';
import { OWNER, PREVIOUS_IMAGE, PRODUCTION, REPOSITORY, STAGING, World, type Models } from './world';
import type { Conclusion, JobRun, WorkflowRun } from './workflow';

// The starter workflows as `llmops init` wrote them into a user's repository, run end to end as
// GitHub would run them (test/pipeline/runner.ts): a pull request through llmops-pr-checks.yml,
// then, when its required checks pass, the merge through llmops-release.yml — our actions from their bundles, the model endpoints the project's test
// server, the clusters the fake Kubernetes API server, canary metrics from a real Prometheus.
// Each scenario is data: the change, how the models behave, what every job concludes and what a
// user reads at the end.

interface Outcome {
  world: World;
  repo: UserRepo;
  pr: WorkflowRun;
  release?: WorkflowRun;
}

interface Scenario {
  name: string;
  change: { branch: string; message: string; files: Change };
  /** How the endpoints' models behave, over the good model (may look at the world: the clusters). */
  models?: (world: World) => Partial<Models>;
  /** The canary pods' time to first token in production, seconds (stable: 0.2). */
  canaryTtft?: number;
  /** Every job's conclusion; `release` absent: the failed checks keep the PR from merging. */
  expect: { pr: Record<string, Conclusion>; release?: Record<string, Conclusion> };
  /** What the user reads: summaries, the sticky comment, and what the clusters now run. */
  check: (outcome: Outcome) => void;
}

const RELEASE_PASSES = {
  build: 'success',
  scan: 'success',
  staging: 'success',
  shadow: 'success',
  production: 'success',
  'post-deployment': 'success',
  manual: 'skipped',
} as const;
const PR_PASSES = {
  prompts: 'success',
  image: 'success',
  quality: 'success',
  'quality-merge': 'success',
  safety: 'success',
} as const;

/** A new version of the support prompt: the same policy, worded a little differently. */
const rewordPrompt: Change = (read) => ({
  'prompts/support.prompt.yml': read('prompts/support.prompt.yml')
    .replace('version: 1.2.0', 'version: 1.3.0')
    .replace('Answer in at most three sentences', 'Answer in three sentences at most'),
});

/** New serving image: a newer vLLM base, pinned by digest (new weights behind the same model name). */
const newImage: Change = (read) => ({
  Dockerfile: read('Dockerfile').replace(
    /^FROM vllm\/vllm-openai:\S+$/m,
    `FROM vllm/vllm-openai:v0.12.0@sha256:${'7'.repeat(64)}`,
  ),
});

const jobConclusions = (run: WorkflowRun) =>
  Object.fromEntries(Object.entries(run.jobs).map(([id, job]) => [id, job.result]));
const only = (run: WorkflowRun | undefined, job: string): JobRun => run!.jobs[job]!.runs[0]!;
const stepNamed = (run: JobRun, pattern: RegExp) => run.steps.find((s) => pattern.test(s.name))!;
const imageOf = (world: World, namespace: string) =>
  (
    world.kube.get('deployments', 'llm-server-stable', namespace)?.spec as {
      template: { spec: { containers: Array<{ image: string }> } };
    }
  ).template.spec.containers[0]!.image;
const comment = (world: World, action: string) =>
  world.github.comments.find((c) => c.body.includes(`<!-- llmops:${action} -->`))?.body ?? '';

export const scenarios: Scenario[] = [
  {
    name: 'a good model goes from the pull request checks to 100% of production',
    change: { branch: 'reword-support-prompt', message: 'Reword the support prompt', files: rewordPrompt },
    canaryTtft: 0.21,
    expect: {
      pr: PR_PASSES,
      release: RELEASE_PASSES,
    },
    check: ({ world, repo, pr, release }) => {
      // init named the settings these runs were given (world.runOptions).
      expect(repo.initOutput).toMatch(/default branch main, router istio/);
      expect(repo.initOutput).toMatch(
        /environment 'staging': secrets KUBECONFIG, LLM_API_KEY; variables STAGING_LLM_URL/,
      );
      // The image was built and its Dockerfile and manifests scanned before merge.
      expect(stepNamed(only(pr, 'image'), /trivy-wrap/).outputs).toMatchObject({ verdict: 'pass' });
      // One sticky comment from the merged shards, with the baseline the base branch gave.
      expect(comment(world, 'llm-quality-gate')).toContain('llm-quality-gate: pass');
      expect(comment(world, 'llm-quality-gate')).toMatch(/0\.0 pts vs baseline [\d.]+%/);
      expect(only(pr, 'quality-merge').summary).toContain('**Shards** 1/3, 2/3, 3/3');
      expect(comment(world, 'safety-tests')).toMatch(/safety-tests: pass/);
      // The shadow stage held the rollout with the candidate mirrored, and its answers agreed with
      // production's; the production job went on from the hold.
      const shadow = only(release, 'shadow');
      expect(shadow.summary).toMatch(/held at step 2\/5/);
      expect(stepNamed(shadow, /llm-quality-gate/).outputs).toMatchObject({ verdict: 'pass' });
      const image = only(release, 'production').steps.find((s) => s.outputs['final-weight'] !== undefined)!;
      expect(image.outputs).toMatchObject({ verdict: 'pass', 'final-weight': '100', 'rolled-back': 'false' });
      expect(world.canaryWeights).toEqual([10, 50, 100, 0]);
      for (const weight of [10, 50, 100])
        expect(only(release, 'production').summary).toContain(`weight ${weight}%`);
      // The stable Deployment now runs what was built, scanned and tested, by digest; production
      // passed the same checks as staging, so nothing was undone.
      expect(imageOf(world, PRODUCTION)).toBe(release!.jobs.build!.outputs.image);
      const validated = only(release, 'post-deployment');
      expect(stepNamed(validated, /llm-quality-gate/).outputs).toMatchObject({
        verdict: 'pass',
        errored: '0',
      });
      expect(validated.summary).toMatch(/^\| smoke \| 17 \| 17 \| 0 \| 0 \|$/m);
      expect(stepNamed(validated, /Undo the promotion/).outcome).toBe('skipped');
    },
  },
  {
    name: 'a prompt change that loses the return policy fails the quality gate on the pull request',
    change: {
      branch: 'shorter-prompt',
      message: 'Shorten the support prompt',
      files: (read) => ({
        'prompts/support.prompt.yml': read('prompts/support.prompt.yml')
          .replace('version: 1.2.0', 'version: 1.3.0')
          .replace(/^\s*- Returns are accepted within 30 days.*\n/m, ''),
      }),
    },
    expect: { pr: { ...PR_PASSES, 'quality-merge': 'failure' } },
    check: ({ world, pr }) => {
      const body = comment(world, 'llm-quality-gate');
      expect(body).toMatch(/fail/i);
      expect(body).toContain('refund-window');
      const merged = only(pr, 'quality-merge');
      expect(stepNamed(merged, /quality-gate/).outcome).toBe('failure');
      expect(merged.summary).toContain('refund-window');
    },
  },
  {
    name: 'new weights that comply with harmful requests are stopped at staging',
    change: { branch: 'vllm-0.7', message: 'Serve with vLLM 0.7', files: newImage },
    models: () => ({ staging: unsafeModel }),
    expect: {
      pr: PR_PASSES,
      release: {
        ...RELEASE_PASSES,
        staging: 'failure',
        shadow: 'skipped',
        production: 'skipped',
        'post-deployment': 'skipped',
      },
    },
    check: ({ world, release }) => {
      const staging = only(release, 'staging');
      expect(stepNamed(staging, /llm-quality-gate/).outcome).toBe('success');
      expect(stepNamed(staging, /safety-tests/).outcome).toBe('failure');
      expect(staging.summary).toMatch(/attack success/i);
      // Staging runs the new image, with the whole reference stack as kustomize rendered it;
      // production was never touched.
      expect(imageOf(world, STAGING)).toContain('@sha256:');
      for (const [plural, name] of [
        ['poddisruptionbudgets', 'llm-server-stable'],
        ['scaledobjects', 'llm-server-stable'],
        ['jobs', 'llm-model-preload'],
        ['persistentvolumeclaims', 'llm-model-cache'],
        ['virtualservices', 'llm-server'],
        ['destinationrules', 'llm-server'],
      ])
        expect(world.kube.get(plural!, name!, STAGING)).toBeDefined();
      const prepull = world.kube.get('daemonsets', 'llm-server-prepull', STAGING)?.spec as {
        template: { spec: { initContainers: Array<{ image: string }> } };
      };
      expect(prepull.template.spec.initContainers[0]!.image).toBe(imageOf(world, STAGING));
      expect(imageOf(world, PRODUCTION)).toBe(PREVIOUS_IMAGE);
      expect(world.canaryWeights).toEqual([]);
    },
  },
  {
    // Caught before any user sees it: in the shadow stage, on mirrored traffic, not at 10%.
    name: 'new weights with three times the time to first token are taken out in the shadow stage',
    change: { branch: 'vllm-0.7', message: 'Serve with vLLM 0.7', files: newImage },
    canaryTtft: 0.6,
    expect: {
      pr: PR_PASSES,
      release: { ...RELEASE_PASSES, shadow: 'failure', production: 'skipped', 'post-deployment': 'skipped' },
    },
    check: ({ world, release }) => {
      const shadow = only(release, 'shadow');
      const canary = shadow.steps.find((s) => s.outputs['rolled-back'] !== undefined)!;
      expect(canary.outputs).toMatchObject({ verdict: 'fail', 'rolled-back': 'true', 'final-weight': '0' });
      expect(canary.annotations.find((a) => a.level === 'error')?.message).toMatch(
        /rolled back at step 1\/5.*ttft-p95/,
      );
      expect(shadow.summary).toMatch(/ttft-p95/);
      expect(world.canaryWeights).toEqual([]);
      expect(imageOf(world, PRODUCTION)).toBe(PREVIOUS_IMAGE);
    },
  },
  {
    name: 'a model that answers badly once it has all the traffic is undone after promotion',
    change: { branch: 'vllm-0.7', message: 'Serve with vLLM 0.7', files: newImage },
    // Production's answers go bad only when its stable pods run the new image (the canary's
    // metrics were fine); they are good again once the stable runs the previous image.
    models: (world) => ({ production: degradesAfter(() => imageOf(world, PRODUCTION) !== PREVIOUS_IMAGE) }),
    expect: {
      pr: PR_PASSES,
      release: { ...RELEASE_PASSES, 'post-deployment': 'failure' },
    },
    check: ({ world, release }) => {
      expect(only(release, 'production').steps.find((s) => s.outputs['final-weight'])?.outputs).toMatchObject(
        {
          verdict: 'pass',
          'final-weight': '100',
        },
      );
      const validated = only(release, 'post-deployment');
      expect(stepNamed(validated, /llm-quality-gate/).outcome).toBe('failure');
      expect(stepNamed(validated, /llm-quality-gate/).outputs.verdict).toBe('fail');
      const undo = stepNamed(validated, /Undo the promotion/);
      expect(undo.outcome).toBe('success');
      expect(undo.outputs).toMatchObject({ verdict: 'pass', 'rolled-back': 'true' });
      // What the user reads: the failed cases, then the undo back to the previous image.
      expect(validated.summary).toMatch(/capital of France|factual question/);
      expect(validated.summary).toContain(PREVIOUS_IMAGE);
      expect(imageOf(world, PRODUCTION)).toBe(PREVIOUS_IMAGE);
    },
  },
];

function pullRequest(world: World, repo: UserRepo): Promise<WorkflowRun> {
  const head = { sha: repo.headSha, ref: repo.branch, repo: { full_name: REPOSITORY } };
  const base = { sha: repo.mainSha, ref: 'main', repo: { full_name: REPOSITORY } };
  return runWorkflow({
    workflow: workflowAt(repo, 'llmops-pr-checks.yml', repo.headSha!),
    github: {
      event_name: 'pull_request',
      event: { action: 'synchronize', number: 7, pull_request: { number: 7, head, base } },
      repository: REPOSITORY,
      repository_owner: OWNER,
      sha: repo.headSha,
      ref: 'refs/pull/7/merge',
      head_ref: repo.branch,
      base_ref: 'main',
      actor: 'acme-dev',
      token: 'ghs_pull_request_token',
    },
    ...world.runOptions(repo),
  });
}

function push(world: World, repo: UserRepo, sha: string): Promise<WorkflowRun> {
  return runWorkflow({
    workflow: workflowAt(repo, 'llmops-release.yml', sha),
    github: {
      event_name: 'push',
      event: {
        ref: 'refs/heads/main',
        after: sha,
        repository: { full_name: REPOSITORY, default_branch: 'main' },
      },
      repository: REPOSITORY,
      repository_owner: OWNER,
      sha,
      ref: 'refs/heads/main',
      ref_name: 'main',
      actor: 'acme-dev',
      token: 'ghs_release_token',
    },
    ...world.runOptions(repo),
  });
}

function printFailures(run: WorkflowRun): void {
  for (const job of Object.values(run.jobs))
    for (const instance of job.runs)
      for (const step of instance.steps.filter((s) => s.outcome === 'failure'))
        console.log(`${instance.name} › ${step.name}\n${step.log.slice(-4000)}`);
}

describe.each(scenarios)('$name', (scenario) => {
  let world: World;
  afterAll(() => world?.stop());

  it('ends with every job as expected and the report a user reads', async () => {
    const repo = userRepository(scenario.change);
    world = new World();
    await world.start(repo.model);
    Object.assign(world.models, scenario.models?.(world));
    world.canaryTtft = scenario.canaryTtft ?? world.canaryTtft;
    await world.installProduction(repo);
    const outcome: Outcome = { world, repo, pr: await pullRequest(world, repo) };
    if (JSON.stringify(jobConclusions(outcome.pr)) !== JSON.stringify(scenario.expect.pr))
      printFailures(outcome.pr);
    expect(jobConclusions(outcome.pr)).toEqual(scenario.expect.pr);
    if (scenario.expect.release) {
      outcome.release = await push(world, repo, merge(repo));
      if (JSON.stringify(jobConclusions(outcome.release)) !== JSON.stringify(scenario.expect.release))
        printFailures(outcome.release);
      expect(jobConclusions(outcome.release)).toEqual(scenario.expect.release);
    }
    scenario.check(outcome);
  }, 600_000);
});

// The scenarios use the starter workflows' own job names: a renamed job shows here first.
test('the scenarios name the jobs the starter workflows have', () => {
  const jobs = (file: string) => Object.keys(starterTemplate(file).jobs).sort();
  for (const scenario of scenarios) {
    expect(Object.keys(scenario.expect.pr).sort()).toEqual(jobs('llmops-pr-checks.yml'));
    if (scenario.expect.release)
      expect(Object.keys(scenario.expect.release).sort()).toEqual(jobs('llmops-release.yml'));
  }
});
