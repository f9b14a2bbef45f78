import { InputError } from '@llmops/core';
import { STATE_ANNOTATION } from '@llmops/kube';
import type { FakeKube } from '../helpers/fake-kube';
import { fakeKube, seed } from './fixtures';
import type { Sample } from '@llmops/prom';
import {
  imageOfDeployment,
  istioCanaryWeights,
  replicasOf,
  runStep,
  scriptedAnalysis,
  stateOf,
  type Run,
} from './harness';

let kube: FakeKube;
beforeEach(async () => {
  kube = await fakeKube().start();
  seed(kube);
});
afterEach(() => kube.stop());

const inFlight = (
  step: number,
  weight: number,
  revision = 'ghcr.io/acme/llm:1.1.0',
  more: Record<string, unknown> = {},
) =>
  kube.touch('virtualservices', 'llm', (vs) => {
    vs.metadata.annotations = {
      [STATE_ANNOTATION]: JSON.stringify({
        revision,
        step,
        steps: 3,
        weight,
        mirror: 0,
        startedAt: '2026-01-01T00:00:00.000Z',
        updatedAt: '2026-01-01T00:05:00.000Z',
        outcome: 'in-progress',
        ...more,
      }),
    };
  });

test('a failed check rolls back at once: weight 0, canary scaled to zero, the step and its values reported', async () => {
  const analysis = scriptedAnalysis(['fail']);
  const { result } = await runStep(kube, { 'scale-down-delay': '100ms' }, { analysis });
  expect(result).toMatchObject({
    verdict: 'fail',
    outcome: 'rolled-back',
    rolledBack: true,
    finalWeight: 0,
    stepsCompleted: 0,
  });
  expect(result.reasons[0]).toMatch(/^step 1 \(weight 10%\) failed: ttft-p95: 1 failed measurement/);
  expect(result.steps[0]!.analysis!.checks[0]!.values).toBe('canary 0.6 vs baseline 0.2 (×3)');
  expect(istioCanaryWeights(kube)).toEqual([10, 0]);
  expect(replicasOf(kube, 'llm-canary')).toBe(0);
  expect(stateOf(kube.get('virtualservices', 'llm'))).toMatchObject({ outcome: 'rolled-back', weight: 0 });
});

test('on-failure: pause leaves the weight and fails; the post step leaves a paused rollout alone', async () => {
  const { result } = await runStep(
    kube,
    { 'on-failure': 'pause' },
    { analysis: scriptedAnalysis(['pass', 'fail']) },
  );
  expect(result).toMatchObject({
    verdict: 'fail',
    outcome: 'paused',
    rolledBack: false,
    finalWeight: 50,
    stepsCompleted: 1,
  });
  expect(istioCanaryWeights(kube)).toEqual([10, 50]);
  const post = await runStep(kube, {}, { mode: 'post' });
  expect(post.result.headline).toMatch(/nothing unfinished/);
  expect(istioCanaryWeights(kube)).toEqual([10, 50]);
});

test('a re-run for the same revision resumes at the recorded step', async () => {
  inFlight(1, 50);
  const analysis = scriptedAnalysis([]);
  const { result, logs } = await runStep(kube, {}, { analysis });
  expect(result).toMatchObject({ verdict: 'pass', outcome: 'promoted', resumedAt: 2, stepsCompleted: 3 });
  expect(analysis.calls).toEqual(['step 2/3 (weight 50%)', 'step 3/3 (weight 100%)']);
  expect(istioCanaryWeights(kube)).toEqual([50, 100, 0]);
  expect(
    logs.some((l) =>
      l.startsWith('resuming the rollout of ghcr.io/acme/llm:1.1.0 on VirtualService prod/llm at step 2/3'),
    ),
  ).toBe(true);
});

test('another revision in flight fails with a clear message until it is rolled back', async () => {
  inFlight(1, 50, 'ghcr.io/acme/llm:1.0.9');
  await expect(runStep(kube, {})).rejects.toThrow(
    "VirtualService prod/llm has a rollout of ghcr.io/acme/llm:1.0.9 in flight (in-progress at step 2/3, canary weight 50%, since 2026-01-01T00:00:00.000Z): run with 'action: rollback' (or 'promote') before rolling out ghcr.io/acme/llm:1.1.0",
  );
  expect(kube.writes()).toEqual([]);
  const rollback = await runStep(kube, { action: 'rollback' });
  expect(rollback.result).toMatchObject({
    verdict: 'pass',
    outcome: 'rolled-back',
    revision: 'ghcr.io/acme/llm:1.0.9',
  });
  const again = await runStep(kube, { steps: '100' });
  expect(again.result).toMatchObject({ verdict: 'pass', outcome: 'promoted' });
});

test('action: status reports without writing; action: promote promotes what is in flight', async () => {
  inFlight(1, 50);
  const status = await runStep(kube, { action: 'status' });
  expect(status.result.headline).toBe(
    'VirtualService prod/llm: ghcr.io/acme/llm:1.1.0 in-progress at step 2/3, canary weight 0%',
  );
  expect(kube.writes()).toEqual([]);
  const promoted = await runStep(kube, { action: 'promote', image: '' });
  expect(promoted.result).toMatchObject({ verdict: 'pass', outcome: 'promoted', finalWeight: 100 });
  expect(replicasOf(kube, 'llm-canary')).toBe(0);
});

test('a 409 conflict during a weight change re-reads the route and retries', async () => {
  let raced = false;
  kube.beforeWrite((plural, _name, verb) => {
    // another controller edits the VirtualService just before the first weight change lands
    if (plural === 'virtualservices' && verb === 'patch' && !raced && istioCanaryWeights(kube).length === 0) {
      raced = true;
      kube.touch('virtualservices', 'llm', (vs) => (vs.metadata.labels = { 'edited-by': 'someone-else' }));
    }
  });
  const { result, logs } = await runStep(kube, {});
  expect(result).toMatchObject({ verdict: 'pass', outcome: 'promoted' });
  expect(result.conflicts).toBeGreaterThanOrEqual(1);
  expect(kube.requests.some((r) => r.target === 'virtualservices/llm' && r.status === 409)).toBe(true);
  expect(logs).toContain(
    'conflict writing VirtualService prod/llm (changed by someone else): re-reading and retrying',
  );
  expect(kube.get('virtualservices', 'llm')!.metadata.labels).toEqual({ 'edited-by': 'someone-else' });
});

test('an RBAC denial names the verb, the object and the missing permission', async () => {
  kube.deny({ verb: 'patch', plural: 'virtualservices' });
  const { result } = await runStep(kube, {});
  expect(result.verdict).toBe('fail');
  expect(result.reasons.join('\n')).toMatch(
    /patch VirtualService prod\/llm: forbidden \(RBAC\): the credentials lack verb 'patch' on resource 'virtualservices' in API group 'networking.istio.io' \(namespace prod\)/,
  );
});

test('while pods are pending the wait says why (the scheduler: insufficient nvidia.com/gpu); a timeout rolls back', async () => {
  kube.unschedulable.set(
    'llm-canary',
    '0/4 nodes are available: 4 Insufficient nvidia.com/gpu. preemption: 0/4 nodes are available.',
  );
  const { result, logs } = await runStep(kube, { timeout: '1s' });
  expect(
    logs.some((l) =>
      /pod llm-canary-\S+ is Pending \(Unschedulable\): 0\/4 nodes are available: 4 Insufficient nvidia.com\/gpu/.test(
        l,
      ),
    ),
  ).toBe(true);
  expect(logs.some((l) => /^waiting for Deployment prod\/llm-canary: 0\/1 ready/.test(l))).toBe(true);
  expect(result).toMatchObject({ verdict: 'fail', rolledBack: true });
  expect(result.reasons[0]).toMatch(
    /Deployment prod\/llm-canary not ready after 1s \(input 'timeout'\): 0\/1 ready; pod .* Insufficient nvidia.com\/gpu/,
  );
});

test('cancellation (SIGINT) sets the canary weight to 0 first; the post step then scales it down', async () => {
  const controller = new AbortController();
  kube.onChange((object, kind) => {
    const weight = kind === 'VirtualService' && stateOf(object as never)?.weight;
    if (weight === 10 && !controller.signal.aborted)
      setTimeout(() => controller.abort(new Error('cancelled')), 50);
  });
  const { result } = await runStep(kube, { 'bake-time': '10s' }, { signal: controller.signal });
  expect(result).toMatchObject({ verdict: 'fail', outcome: 'aborted', finalWeight: 0 });
  expect(istioCanaryWeights(kube)).toEqual([10, 0]);
  expect(replicasOf(kube, 'llm-canary')).toBe(1);
  const post = await runStep(kube, {}, { mode: 'post' });
  expect(post.result).toMatchObject({ outcome: 'rolled-back', rolledBack: true });
  expect(replicasOf(kube, 'llm-canary')).toBe(0);
});

test('the post step rolls back a rollout the job left in progress (a failed or killed run)', async () => {
  inFlight(2, 100);
  kube.touch('deployments', 'llm-canary', (d) => ((d.spec as { replicas: number }).replicas = 2));
  const post = await runStep(kube, {}, { mode: 'post' });
  expect(post.result).toMatchObject({ verdict: 'pass', outcome: 'rolled-back', rolledBack: true });
  expect(istioCanaryWeights(kube)).toEqual([0]);
  expect(replicasOf(kube, 'llm-canary')).toBe(0);
  // a different revision's rollout is not this job's to touch
  inFlight(1, 50, 'ghcr.io/acme/llm:2.0.0');
  const other = await runStep(kube, {}, { mode: 'post' });
  expect(other.result.headline).toMatch(/not this job's/);
});

describe('a rollout that someone else took over stops without touching traffic', () => {
  test('a manual rollback during a step wins; the rollout in flight does not overwrite it', async () => {
    let manual: Promise<Run> | undefined;
    kube.onChange((object, kind) => {
      if (kind === 'VirtualService' && stateOf(object)?.weight === 10 && !manual)
        manual = runStep(kube, { action: 'rollback' });
    });
    const { result } = await runStep(kube, { 'bake-time': '1s' });
    expect((await manual!).result).toMatchObject({ verdict: 'pass', outcome: 'rolled-back' });
    expect(result).toMatchObject({
      verdict: 'fail',
      outcome: 'rolled-back',
      rolledBack: false,
      finalWeight: 0,
    });
    expect(result.headline).toMatch(
      /^stopped at step 1\/3: superseded by another run: ghcr.io\/acme\/llm:1.1.0 rolled-back, canary weight 0%/,
    );
    expect(istioCanaryWeights(kube)).toEqual([10, 0]);
    expect(replicasOf(kube, 'llm-canary')).toBe(0);
    expect(stateOf(kube.get('virtualservices', 'llm'))).toMatchObject({ outcome: 'rolled-back', weight: 0 });
  });

  test('the first write is a check-and-set: a run that claimed the route meanwhile wins', async () => {
    let raced = false;
    kube.beforeWrite((plural, _name, verb) => {
      if (plural === 'virtualservices' && verb === 'patch' && !raced) {
        raced = true;
        inFlight(0, 0, 'ghcr.io/acme/llm:1.1.0', { run: '77/1', nonce: 'theirs' });
      }
    });
    const { result } = await runStep(kube, {}, { run: '42/1' });
    expect(result.verdict).toBe('fail');
    expect(result.headline).toMatch(/superseded by run 77\/1/);
    expect(istioCanaryWeights(kube)).toEqual([]);
    expect(kube.writes(/^deployments/)).toEqual([]);
    expect(stateOf(kube.get('virtualservices', 'llm'))).toMatchObject({ run: '77/1', nonce: 'theirs' });
  });
});

test('a failed promotion restores the stable image and waits for it before traffic leaves the canary', async () => {
  kube.onChange((object, kind) => {
    if (kind === 'VirtualService' && stateOf(object)?.weight === 100)
      kube.unschedulable.set('llm-stable', '0/4 nodes are available: 4 Insufficient nvidia.com/gpu.');
    const image = (object.spec as { template?: { spec: { containers: Array<{ image: string }> } } })?.template
      ?.spec.containers[0]?.image;
    // the old ReplicaSet's pods still fit: the stable back on 1.0.0 is ready again
    if (kind === 'Deployment' && object.metadata.name === 'llm-stable' && image === 'ghcr.io/acme/llm:1.0.0')
      kube.unschedulable.delete('llm-stable');
  });
  const { result } = await runStep(kube, { timeout: '1s' });
  expect(result).toMatchObject({ verdict: 'fail', outcome: 'rolled-back', rolledBack: true, finalWeight: 0 });
  expect(result.headline).toBe('rolled back at promotion (after step 3/3)');
  expect(result.reasons[0]).toMatch(/Deployment prod\/llm-stable not ready after 1s/);
  expect(imageOfDeployment(kube, 'llm-stable')).toBe('ghcr.io/acme/llm:1.0.0');
  expect(istioCanaryWeights(kube)).toEqual([10, 50, 100, 0]);
  // the old image went back (and became ready) before the canary's traffic went to the stable
  const order = kube.writes().map((r) => JSON.stringify(r.body));
  const restored = order.findIndex((b) => b.includes('"value":"ghcr.io/acme/llm:1.0.0"'));
  const toStable = order.findIndex((b) => b.includes('rolled-back'));
  expect(restored).toBeGreaterThan(-1);
  expect(restored).toBeLessThan(toStable);
  expect(stateOf(kube.get('virtualservices', 'llm'))).not.toHaveProperty('stableImage');
});

test('at 100% only absolute checks run: the stable has no traffic to compare with', async () => {
  const seen: Array<[string, boolean | undefined]> = [];
  const analysis = scriptedAnalysis([], (label, options) => seen.push([label, options?.absoluteOnly]));
  await runStep(kube, {}, { analysis });
  expect(seen).toEqual([
    ['step 1/3 (weight 10%)', false],
    ['step 2/3 (weight 50%)', false],
    ['step 3/3 (weight 100%)', true],
  ]);
});

describe('checks given on an analysis step', () => {
  /** A Prometheus that answers every instant query with 1. */
  const prom = (queries: string[]) => ({
    query: async (promql: string): Promise<Sample[]> => {
      queries.push(promql);
      return [{ labels: {}, value: 1 }];
    },
    queryRange: async () => [],
  });
  const steps = `- weight: 10
- analysis:
    count: 1
    checks: |
      - name: errors
        query: vector(1)
        max: 0
- weight: 100`;

  test('are measured even without the checks input, and fail the step', async () => {
    const queries: string[] = [];
    const { result } = await runStep(
      kube,
      { steps, 'prometheus-url': 'http://127.0.0.1:9' },
      { prom: prom(queries) },
    );
    expect(result).toMatchObject({ verdict: 'fail', outcome: 'rolled-back', stepsCompleted: 1 });
    expect(result.reasons[0]).toMatch(/^step 2 \(analysis\) failed: errors:/);
    expect(queries).toEqual(['vector(1)']);
  });

  test('need prometheus-url; an analysis step without any checks is an input error', async () => {
    await expect(runStep(kube, { steps })).rejects.toThrow(
      "input 'prometheus-url' is required when 'checks' are given",
    );
    await expect(runStep(kube, { steps: '- weight: 10\n- analysis: {}' })).rejects.toThrow(
      "input 'steps': step 2 is an analysis with no checks",
    );
    expect(kube.writes()).toEqual([]);
  });
});

test.each([
  [
    'bake-time',
    '600h',
    "input 'bake-time' has value '600h': expected a duration such as 30s, 5m or 1h, at most 596h31m23s",
  ],
  [
    'timeout',
    '0',
    "input 'timeout' has value '0': expected a duration such as 30s, 5m or 1h, from 1s to 596h31m23s",
  ],
  [
    'count',
    '10000',
    "input 'count' has value '10000': 10000 measurements 1h apart (interval) makes a run of 9999h, past the longest allowed (596h31m23s)",
  ],
  [
    'steps',
    '- weight: 10\n- pause: 600h',
    'input \'steps\': step 2: pause "600h": expected a duration such as 30s, 5m or 1h, at most 596h31m23s',
  ],
  [
    'steps',
    '- weight: 10\n- analysis: {checks: "- {name: a, query: up, min: 1}", count: 3, interval: 400h}',
    "input 'steps': step 2: analysis: 3 measurements 400h apart (interval) makes a run of 800h, past the longest allowed (596h31m23s)",
  ],
  [
    'steps',
    '- analysis: {count: 1e12}',
    "input 'steps': step 1: analysis count 1000000000000: expected an integer from 1 to 10000",
  ],
])(
  'a duration or count past what a timer holds is one input error before any write: %s=%s',
  async (name, value, message) => {
    const over: Record<string, string> =
      name === 'count' ? { count: value, interval: '1h' } : { [name]: value };
    await expect(runStep(kube, { ...over, 'prometheus-url': 'http://127.0.0.1:9' })).rejects.toThrow(message);
    expect(kube.writes()).toEqual([]);
  },
);

test.each([
  [
    '- weight: 10\n- shadow: 20',
    "input 'steps': step 2: unknown step 'shadow' (weight, pause, analysis, mirror) (line 2, column 3)",
  ],
  [
    '- weight: 10\n- weight: 250',
    "input 'steps': step 2: weight must be a whole percentage from 1 to 100, got 250 (line 2, column 11)",
  ],
  [
    '- analysis: {count: 3, every: 1m}',
    "input 'steps': step 1: analysis has unknown key every (checks, count, interval) (line 1, column 24)",
  ],
])(
  'a bad step is an input error (exit 2) naming the step, its place and what is allowed: %j',
  async (steps, message) => {
    const run = runStep(kube, { steps });
    await expect(run).rejects.toThrow(message);
    await expect(run).rejects.toBeInstanceOf(InputError);
    expect(kube.writes()).toEqual([]);
  },
);

test('bad steps fail before the router reads the cluster (blue-green reads the Deployments)', async () => {
  const before = kube.requests.length;
  const run = runStep(kube, {
    router: 'service',
    service: 'llm',
    'stable-deployment': 'no-such-deployment',
    steps: '- weight: 100\n- wait: 5m',
  });
  await expect(run).rejects.toThrow("input 'steps': step 2: unknown step 'wait'");
  await expect(run).rejects.toBeInstanceOf(InputError);
  expect(kube.requests.length).toBe(before);
});

describe('blue-green (service router)', () => {
  test('analyses the new Deployment at full size and ready, before the switch', async () => {
    const replicas: Array<number | undefined> = [];
    const analysis = scriptedAnalysis([], () => replicas.push(replicasOf(kube, 'llm-canary')));
    const { result } = await runStep(kube, { router: 'service', service: 'llm', steps: '' }, { analysis });
    expect(result).toMatchObject({ verdict: 'pass', outcome: 'promoted', stepsCompleted: 2 });
    expect(analysis.calls[0]).toBe('step 1/2 (analysis)');
    expect(replicas[0]).toBe(2);
  });

  test('refuses a Service whose selector also sends traffic to the canary pods', async () => {
    kube.touch('services', 'llm', (svc) => (svc.spec!.selector = { app: 'llm' }));
    await expect(runStep(kube, { router: 'service', service: 'llm', steps: '100' })).rejects.toThrow(
      "Service prod/llm selects 'app=llm', not the stable Deployment's matchLabels 'app=llm,track=stable': it would send live traffic to the canary's pods before any analysis",
    );
    expect(kube.writes()).toEqual([]);
  });
});

test("the post step leaves another workflow run's rollout alone", async () => {
  inFlight(1, 50, 'ghcr.io/acme/llm:1.1.0', { run: '77/1' });
  const post = await runStep(kube, {}, { mode: 'post', run: '42/1' });
  expect(post.result.headline).toBe(
    'post: the rollout in flight was last written by run 77/1, not this one (42/1): left alone',
  );
  expect(kube.writes()).toEqual([]);
  const own = await runStep(kube, {}, { mode: 'post', run: '77/1' });
  expect(own.result).toMatchObject({ outcome: 'rolled-back', rolledBack: true });
});

test('a re-run with other steps does not resume; a resumed run is in progress again at once', async () => {
  inFlight(2, 100, 'ghcr.io/acme/llm:1.1.0', { outcome: 'paused' });
  await expect(runStep(kube, { steps: '5,10,25,50,100' })).rejects.toThrow(
    "VirtualService prod/llm: the rollout of ghcr.io/acme/llm:1.1.0 in flight (paused at step 3/3) was started with other 'steps' than these 5",
  );
  expect(kube.writes()).toEqual([]);
  const outcomes: string[] = [];
  kube.onChange((object, kind) => {
    if (kind === 'VirtualService') outcomes.push(stateOf(object)!.outcome);
  });
  const { result } = await runStep(kube, {}, { run: '42/1' });
  expect(result).toMatchObject({ verdict: 'pass', resumedAt: 3 });
  expect(outcomes[0]).toBe('in-progress');
});
