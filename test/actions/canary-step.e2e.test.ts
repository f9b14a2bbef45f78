import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import type { FakeKube, KubeObject } from '../helpers/fake-kube';
import { PrometheusServer, VllmExporter, scrapeExporter } from '../helpers/prometheus';
import { repoRoot, runBundle } from '../helpers/run-bundle';
import { fakeKube, seed } from '../kube/fixtures';
import { istioCanaryWeights, replicasOf, stateOf } from '../kube/harness';

// End to end: the built bundle (node dist/canary-step/index.js), run as the runner runs it, against
// the fake Kubernetes API server and a real Prometheus scraping a vLLM-like exporter whose canary
// traffic follows the weight the VirtualService currently gives it. Each scenario has its own
// canary label, so earlier scenarios' samples never reach its queries.

const exporter = new VllmExporter({ stable: { requests: 20, ttft: 0.2 } });
let prometheus: PrometheusServer;
let kube: FakeKube;
let scenario = { label: 'canary', ttft: 0.2 };

function canaryWeight(vs: KubeObject): number {
  const http = (vs.spec?.http ?? []) as Array<{
    route: Array<{ destination: { subset?: string }; weight?: number }>;
  }>;
  return http[0]?.route.find((d) => d.destination.subset === 'canary')?.weight ?? 0;
}

/** Requests per scrape follow the route: 20 in all, split by weight (at 100% the stable gets none). */
function follow(weight: number): void {
  const canary = Math.round((20 * weight) / 100);
  exporter.set(scenario.label, { requests: canary, ttft: scenario.ttft });
  exporter.set('stable', { requests: 20 - canary, ttft: 0.2 });
}

beforeAll(async () => {
  prometheus = await scrapeExporter(
    exporter,
    'sum(rate(vllm:time_to_first_token_seconds_count{version="stable"}[5s])) > 0',
  );
}, 60_000);

afterAll(async () => {
  await prometheus?.stop();
  await exporter.stop();
});

beforeEach(async () => {
  kube = await fakeKube().start();
  seed(kube);
  kube.onChange((object, kind) => {
    if (kind === 'VirtualService') follow(canaryWeight(object));
  });
});
afterEach(() => kube.stop());

function start(label: string, ttft: number): void {
  scenario = { label, ttft };
  follow(0);
}

// Preset checks without selectors: canary-step fills in canary-selector and baseline-selector.
const checks = `
- name: ttft-p95
  preset: vllm-ttft-p95
  window: 10s
  max-increase: 0.5
`;

function inputs(label: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    router: 'istio',
    route: 'llm',
    'stable-backend': 'stable',
    'canary-backend': 'canary',
    'stable-deployment': 'llm-stable',
    'canary-deployment': 'llm-canary',
    image: 'ghcr.io/acme/llm:1.1.0',
    steps: '10,50,100',
    'bake-time': '3s',
    checks,
    'canary-selector': `{version="${label}"}`,
    'baseline-selector': '{version="stable"}',
    'prometheus-url': prometheus.url,
    interval: '1s',
    count: '2',
    'inconclusive-limit': '1',
    'error-limit': '1',
    'scale-down-delay': '0s',
    timeout: '30s',
    kubeconfig: kube.kubeconfig(),
    comment: 'false',
    ...extra,
  };
}

test('a healthy canary is promoted through 10/50/100; every step is in the summary and outputs', async () => {
  start('healthy', 0.21);
  const workspace = mkdtempSync(path.join(tmpdir(), 'canary-'));
  const run = await runBundle('canary-step', inputs('healthy'), { cwd: workspace, timeoutMs: 90_000 });
  if (run.code !== 0) console.log(run.stdout, run.stderr);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(run.outputs).toMatchObject({
    verdict: 'pass',
    'final-weight': '100',
    'rolled-back': 'false',
    'steps-completed': '3',
    revision: 'ghcr.io/acme/llm:1.1.0',
  });
  expect(istioCanaryWeights(kube)).toEqual([10, 50, 100, 0]);
  expect(replicasOf(kube, 'llm-canary')).toBe(0);
  expect(stateOf(kube.get('virtualservices', 'llm'))).toMatchObject({ outcome: 'promoted' });
  // one summary row per step: weight, bake and the check's values
  for (const weight of [10, 50])
    expect(run.summary).toMatch(
      new RegExp(`\\| weight ${weight}% \\| ${weight}% \\| 3s \\| .*ttft-p95: canary [0-9.]+ vs baseline`),
    );
  // at 100% the stable serves nothing: the comparison is not made (rather than failing as no data)
  expect(run.summary).toMatch(
    /\| weight 100% \| 100% \| 3s \| canary at 100%: no baseline traffic, comparative check\\?\(s\\?\) not measured: ttft-p95 \|/,
  );
  const report = JSON.parse(readFileSync(path.join(workspace, run.outputs['report-path']!), 'utf8'));
  expect(report.data.steps).toHaveLength(3);
  // the kubeconfig's token is masked before anything is logged
  expect(run.stdout).toContain('::add-mask::fake-token-0123456789');
  const logged = run.stdout.split('\n').filter((line) => !line.startsWith('::add-mask::'));
  expect(logged.join('\n')).not.toContain('fake-token-0123456789');
}, 120_000);

test('a canary with 3x TTFT is rolled back at the first step', async () => {
  start('slow', 0.6);
  const run = await runBundle('canary-step', inputs('slow'), {
    timeoutMs: 90_000,
    cwd: mkdtempSync(path.join(tmpdir(), 'canary-')),
  });
  if (run.code !== 1) console.log(run.stdout, run.stderr);
  expect(run.code).toBe(1);
  expect(run.outputs).toMatchObject({
    verdict: 'fail',
    'rolled-back': 'true',
    'final-weight': '0',
    'steps-completed': '0',
  });
  expect(istioCanaryWeights(kube)).toEqual([10, 0]);
  expect(replicasOf(kube, 'llm-canary')).toBe(0);
  expect(run.annotations.find((a) => a.level === 'error')?.message).toMatch(
    /rolled back at step 1\/3.*ttft-p95.*ratio [2-4]\.\d+ > 1\.5/,
  );
}, 120_000);

test('Prometheus dying mid-rollout rolls back after the error limit', async () => {
  start('blind', 0.2);
  const own = await new PrometheusServer([exporter.host]).start();
  await own.waitFor('sum(rate(vllm:time_to_first_token_seconds_count{version="stable"}[5s])) > 0');
  kube.onChange((object, kind) => {
    if (kind === 'VirtualService' && canaryWeight(object) === 50) void own.stop();
  });
  const run = await runBundle('canary-step', inputs('blind', { 'prometheus-url': own.url }), {
    timeoutMs: 90_000,
    cwd: mkdtempSync(path.join(tmpdir(), 'canary-')),
  });
  await own.stop();
  if (run.outputs['steps-completed'] !== '1') console.log(run.stdout);
  expect(run.outputs).toMatchObject({ verdict: 'fail', 'rolled-back': 'true', 'steps-completed': '1' });
  expect(istioCanaryWeights(kube)).toEqual([10, 50, 0]);
  expect(run.stdout).toMatch(/2 errored measurements > error-limit 1: Prometheus could not answer/);
}, 120_000);

/** The bundle as a child the test can kill or interrupt, with the runner's environment. */
function spawnBundle(values: Record<string, string>, env: Record<string, string> = {}) {
  const spec = parse(readFileSync(path.join(repoRoot, 'actions/canary-step/action.yml'), 'utf8'));
  const dir = mkdtempSync(path.join(tmpdir(), 'canary-run-'));
  const files = {
    GITHUB_OUTPUT: path.join(dir, 'output'),
    GITHUB_STATE: path.join(dir, 'state'),
    GITHUB_STEP_SUMMARY: path.join(dir, 'summary'),
  };
  for (const file of Object.values(files)) writeFileSync(file, '');
  const vars: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    GITHUB_WORKSPACE: dir,
    ...files,
    ...env,
  };
  for (const [name, input] of Object.entries<{ default?: unknown }>(spec.inputs))
    vars[`INPUT_${name.toUpperCase()}`] = String(input.default ?? '');
  for (const [name, value] of Object.entries(values)) vars[`INPUT_${name.toUpperCase()}`] = value;
  const child = spawn(process.execPath, [path.join(repoRoot, 'dist/canary-step/index.js')], {
    cwd: dir,
    env: vars,
  });
  let stdout = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stdout += d));
  const done = new Promise<number | null>((resolve) => child.on('close', resolve));
  return { child, done, files, output: () => stdout };
}

test('a re-run after a killed run resumes at the right step; the post entry rolls back an unfinished rollout', async () => {
  start('resumed', 0.2);
  const first = spawnBundle(inputs('resumed', { 'bake-time': '1s' }));
  kube.onChange((object, kind) => {
    if (kind === 'VirtualService' && stateOf(object)?.step === 1 && canaryWeight(object) === 50)
      first.child.kill('SIGKILL');
  });
  await first.done;
  // the main run saved the state that makes the same bundle the post entry
  expect(readFileSync(first.files.GITHUB_STATE, 'utf8')).toMatch(/^isPost<<.*\ntrue\n/m);
  expect(stateOf(kube.get('virtualservices', 'llm'))).toMatchObject({
    outcome: 'in-progress',
    step: 1,
    weight: 50,
  });

  const rerun = await runBundle('canary-step', inputs('resumed', { 'bake-time': '1s', steps: '10,50,100' }), {
    timeoutMs: 90_000,
    cwd: mkdtempSync(path.join(tmpdir(), 'canary-')),
  });
  expect(rerun.stdout).toMatch(
    /resuming the rollout of ghcr.io\/acme\/llm:1.1.0 on VirtualService prod\/llm at step 2\/3/,
  );
  expect(rerun.outputs).toMatchObject({ verdict: 'pass', 'steps-completed': '3' });
  expect(istioCanaryWeights(kube)).toEqual([10, 50, 50, 100, 0]);

  // a new revision, killed at 10%: the post entry (same bundle, STATE_isPost) takes it out of traffic
  const killed = spawnBundle(inputs('resumed', { image: 'ghcr.io/acme/llm:1.2.0', 'bake-time': '30s' }));
  kube.onChange((object, kind) => {
    if (
      kind === 'VirtualService' &&
      stateOf(object)?.revision === 'ghcr.io/acme/llm:1.2.0' &&
      canaryWeight(object) === 10
    )
      killed.child.kill('SIGKILL');
  });
  await killed.done;
  const post = await runBundle('canary-step', inputs('resumed', { image: 'ghcr.io/acme/llm:1.2.0' }), {
    env: { STATE_isPost: 'true' },
    cwd: mkdtempSync(path.join(tmpdir(), 'canary-')),
  });
  expect(post.code).toBe(0);
  expect(post.stdout).toMatch(/post: rolled back the unfinished rollout of ghcr.io\/acme\/llm:1.2.0/);
  expect(istioCanaryWeights(kube).slice(-2)).toEqual([10, 0]);
  expect(replicasOf(kube, 'llm-canary')).toBe(0);
  expect(stateOf(kube.get('virtualservices', 'llm'))).toMatchObject({ outcome: 'rolled-back' });
}, 150_000);

test('on SIGINT (cancellation) the canary weight goes to 0 before the process ends', async () => {
  start('cancelled', 0.2);
  const run = spawnBundle(inputs('cancelled', { 'bake-time': '60s' }));
  kube.onChange((object, kind) => {
    if (kind === 'VirtualService' && canaryWeight(object) === 10)
      setTimeout(() => run.child.kill('SIGINT'), 100);
  });
  const code = await run.done;
  expect(code).toBe(1);
  expect(istioCanaryWeights(kube)).toEqual([10, 0]);
  expect(stateOf(kube.get('virtualservices', 'llm'))).toMatchObject({ outcome: 'aborted', weight: 0 });
  expect(run.output()).toMatch(
    /cancelled at step 1\/3: canary weight set to 0; the post step scales the canary down/,
  );
}, 60_000);

test('with an environment and a token it records a GitHub deployment and its statuses', async () => {
  start('deployed', 0.2);
  const calls: Array<{ url: string; body: Record<string, unknown> }> = [];
  const api: Server = createServer((req, res) => {
    let text = '';
    req.on('data', (d) => (text += d));
    req.on('end', () => {
      calls.push({ url: req.url!, body: JSON.parse(text || '{}') });
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: 77 }));
    });
  });
  await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
  const apiUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
  const run = await runBundle(
    'canary-step',
    inputs('deployed', {
      steps: '100',
      checks: '',
      environment: 'production',
      'github-token': 'ghs_token_abcdef',
    }),
    {
      env: {
        GITHUB_API_URL: apiUrl,
        GITHUB_REPOSITORY: 'acme/llm-app',
        GITHUB_SHA: 'a'.repeat(40),
        GITHUB_RUN_ID: '42',
        GITHUB_EVENT_NAME: 'workflow_dispatch',
      },
      cwd: mkdtempSync(path.join(tmpdir(), 'canary-')),
    },
  );
  await new Promise((resolve) => api.close(resolve));
  expect(run.outputs.verdict).toBe('pass');
  expect(calls.map((c) => c.url)).toEqual([
    '/repos/acme/llm-app/deployments',
    '/repos/acme/llm-app/deployments/77/statuses',
    '/repos/acme/llm-app/deployments/77/statuses',
  ]);
  expect(calls[0]!.body).toMatchObject({
    environment: 'production',
    ref: 'a'.repeat(40),
    payload: { revision: 'ghcr.io/acme/llm:1.1.0' },
  });
  expect(calls.slice(1).map((c) => c.body.state)).toEqual(['in_progress', 'success']);
}, 60_000);

test('JSON-patch writes (image, scale) answered 429 are retried after Retry-After, not rolled back', async () => {
  start('throttled', 0.2);
  kube.fail({ target: /^deployments\/llm-canary$/, method: 'PATCH', status: 429, retryAfter: '1', times: 2 });
  const run = await runBundle(
    'canary-step',
    inputs('throttled', { checks: '', steps: '10,100', 'bake-time': '0s' }),
    {
      cwd: mkdtempSync(path.join(tmpdir(), 'canary-')),
    },
  );
  expect(run.code).toBe(0);
  expect(run.outputs).toMatchObject({ verdict: 'pass', 'rolled-back': 'false', 'final-weight': '100' });
  expect(
    run.stdout.split('\n').filter((l) => / HTTP 429 .*retrying in 1000 ms, as Retry-After asks/.test(l)),
  ).toHaveLength(2);
}, 60_000);

test('a bake-time past what a timer holds is one input line before any write', async () => {
  start('bake', 0.2);
  const run = await runBundle('canary-step', inputs('bake', { 'bake-time': '600h' }), {
    cwd: mkdtempSync(path.join(tmpdir(), 'canary-')),
  });
  expect(run.code).toBe(1);
  expect(run.annotations.map((a) => a.message)).toContain(
    "input 'bake-time' has value '600h': expected a duration such as 30s, 5m or 1h, at most 596h31m23s",
  );
  expect(kube.writes()).toEqual([]);
}, 60_000);

test('a dry run prints each change as YAML, one log line per line', async () => {
  start('dry', 0.2);
  const run = await runBundle('canary-step', inputs('dry', { 'dry-run': 'true', steps: '10' }), {
    cwd: mkdtempSync(path.join(tmpdir(), 'canary-')),
  });
  expect(run.code).toBe(0);
  const lines = run.stdout.split('\n');
  const header = lines.findIndex((l) =>
    l.startsWith('[dry-run] would patch VirtualService prod/llm (step 1/1 (weight 10%): canary weight 10%):'),
  );
  expect(header).toBeGreaterThan(-1);
  expect(lines.slice(header + 1, header + 4)).toEqual([
    '    spec:',
    '      http:',
    '        - name: primary',
  ]);
  expect(lines.slice(header).some((l) => /^ {10,}weight: 10$/.test(l))).toBe(true);
  expect(kube.writes()).toEqual([]);
}, 60_000);
