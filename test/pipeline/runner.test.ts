import { parse } from 'yaml';
import { runWorkflow, type RunOptions } from './runner';
import type { Workflow } from './workflow';

// The runner's semantics on small workflows of `run:` steps, stand-in actions and commands.

const push = { event_name: 'push', event: { ref: 'refs/heads/main' }, repository: 'acme/app', sha: 'c0ffee' };

function run(yaml: string, options: Partial<RunOptions> = {}) {
  return runWorkflow({ workflow: parse(yaml) as Workflow, github: push, ...options });
}

const stepsOf = (result: Awaited<ReturnType<typeof run>>, job: string) =>
  Object.fromEntries(result.jobs[job]!.runs[0]!.steps.map((s) => [s.name, `${s.outcome}/${s.conclusion}`]));

describe('workflow runner', () => {
  it('passes step outputs to job outputs and job outputs to the jobs that need them', async () => {
    const result = await run(`
on: push
env: { GREETING: hello }
jobs:
  second:
    needs: first
    runs-on: x
    steps:
      - id: read
        run: echo "got=\${{ needs.first.outputs.word }} from \${{ needs.first.result }}" >> "$GITHUB_OUTPUT"
    outputs: { got: '\${{ steps.read.outputs.got }}' }
  first:
    runs-on: x
    outputs:
      word: \${{ steps.say.outputs.word }}
    steps:
      - id: say
        run: echo "word=$GREETING-\${{ github.repository }}" >> "$GITHUB_OUTPUT"
`);
    expect(Object.keys(result.jobs)).toEqual(['first', 'second']);
    expect(result.jobs.second!.outputs).toEqual({ got: 'hello-acme/app from success' });
  });

  it('stops at a failed step, runs failure() and always() steps, and fails the job', async () => {
    const result = await run(`
on: push
jobs:
  a:
    runs-on: x
    steps:
      - { name: may fail, run: 'exit 3', continue-on-error: true }
      - { name: after a tolerated failure, run: 'true' }
      - { name: fails, run: 'false' }
      - { name: skipped after failure, run: 'true' }
      - { name: on failure, if: failure(), run: 'true' }
      - { name: always, if: '\${{ always() }}', run: 'true' }
      - { name: on success, if: success(), run: 'true' }
  b:
    needs: a
    runs-on: x
    steps: [{ run: 'true' }]
  report:
    needs: b
    if: \${{ !cancelled() }}
    runs-on: x
    steps: [{ name: report, run: 'echo "\${{ needs.b.result }}"' }]
`);
    expect(stepsOf(result, 'a')).toEqual({
      'may fail': 'failure/success',
      'after a tolerated failure': 'success/success',
      fails: 'failure/failure',
      'skipped after failure': 'skipped/skipped',
      'on failure': 'success/success',
      always: 'success/success',
      'on success': 'skipped/skipped',
    });
    expect([result.jobs.a!.result, result.jobs.b!.result, result.jobs.report!.result]).toEqual([
      'failure',
      'skipped',
      'success',
    ]);
    expect(result.jobs.report!.runs[0]!.steps[0]!.log).toBe('skipped\n');
  });

  it('expands a matrix, names each job from it, and fails the job when one combination fails', async () => {
    const result = await run(`
on: push
jobs:
  shard:
    name: Shard \${{ matrix.n }}/3
    runs-on: x
    strategy: { matrix: { n: [1, 2, 3] } }
    steps: [{ run: 'test \${{ matrix.n }} -ne 2' }]
`);
    expect(result.jobs.shard!.runs.map((r) => `${r.name}: ${r.result}`)).toEqual([
      'Shard 1/3: success',
      'Shard 2/3: failure',
      'Shard 3/3: success',
    ]);
    expect(result.jobs.shard!.result).toBe('failure');
  });

  it('gives environment secrets to the jobs in that environment, and GITHUB_ENV to later steps', async () => {
    const result = await run(
      `
on: push
jobs:
  deploy:
    runs-on: x
    environment: production
    steps:
      - run: echo "TARGET=\${{ vars.TARGET }}" >> "$GITHUB_ENV"
      - id: show
        run: echo "seen=$TARGET:\${{ secrets.KEY }}:\${{ env.TARGET }}" >> "$GITHUB_OUTPUT"
    outputs: { seen: '\${{ steps.show.outputs.seen }}' }
  test:
    runs-on: x
    steps:
      - id: show
        run: echo "seen=\${{ secrets.KEY }}" >> "$GITHUB_OUTPUT"
    outputs: { seen: '\${{ steps.show.outputs.seen }}' }
`,
      {
        secrets: { KEY: 'repo' },
        environments: { production: { secrets: { KEY: 'prod' }, vars: { TARGET: 'eu' } } },
      },
    );
    expect(result.jobs.deploy!.runs[0]!.environment).toBe('production');
    expect(result.jobs.deploy!.outputs).toEqual({ seen: 'eu:prod:eu' });
    expect(result.jobs.test!.outputs).toEqual({ seen: 'repo' });
  });

  it('runs declared stand-ins for actions and commands, and fails a step whose action has none', async () => {
    const result = await run(
      `
on: push
jobs:
  a:
    runs-on: x
    steps:
      - id: build
        uses: docker/build-push-action@263435318d21b8e681c14492fe198d362a7d2c83
        with: { tags: 'ghcr.io/acme/app:\${{ github.sha }}' }
      - run: kubectl apply -k deploy --namespace "\${{ steps.build.outputs.digest }}" | tr a-z A-Z
      - uses: someone/unknown-action@v1
`,
      {
        actions: {
          'docker/build-push-action@': ({ inputs }) => ({ outputs: { digest: `sha256:${inputs.tags}` } }),
        },
        commands: { kubectl: ({ args }) => ({ code: 0, stdout: `${args.join(' ')}\n` }) },
      },
    );
    const [build, apply, unknown] = result.jobs.a!.runs[0]!.steps;
    expect(build!.outputs).toEqual({ digest: 'sha256:ghcr.io/acme/app:c0ffee' });
    expect(apply!.log).toBe('APPLY -K DEPLOY --NAMESPACE SHA256:GHCR.IO/ACME/APP:C0FFEE\n');
    expect(unknown!.outcome).toBe('failure');
    expect(unknown!.annotations[0]!.message).toBe(
      "no stand-in declared for 'someone/unknown-action@v1': the runner cannot run third-party actions",
    );
  });

  it("starts a workflow only for an event its 'on:' lists, on a branch its filter passes", async () => {
    const filtered = (branches: string) => `
on:
  push:
    branches: ${branches}
jobs:
  a:
    runs-on: x
    steps:
      - run: 'true'
`;
    expect((await run(filtered('[main]'))).jobs.a!.result).toBe('success');
    expect((await run(filtered("['release/**', 'ma*']"))).jobs.a!.result).toBe('success');
    // As copied before `llmops init`: GitHub substitutes $default-branch only in organisation starters.
    await expect(run(filtered("['$default-branch']"))).rejects.toThrow(
      "the workflow's 'on:' does not start it for push on main",
    );
    await expect(run('on: pull_request\njobs: {}\n')).rejects.toThrow('does not start it for push');
  });
});
