import type { FakeKube } from '../helpers/fake-kube';
import { fakeKube, seed } from './fixtures';
import { imageOfDeployment, istioCanaryWeights, replicasOf, runStep, stateOf } from './harness';

let kube: FakeKube;
beforeEach(async () => {
  kube = await fakeKube().start();
  seed(kube);
});
afterEach(() => kube.stop());

test('istio: 10 → 50 → 100, then the stable Deployment takes the image and all traffic; the canary goes to zero', async () => {
  const { result, logs } = await runStep(kube, {});
  expect(result).toMatchObject({
    verdict: 'pass',
    outcome: 'promoted',
    finalWeight: 100,
    stepsCompleted: 3,
    rolledBack: false,
  });
  expect(istioCanaryWeights(kube)).toEqual([10, 50, 100, 0]);
  expect(imageOfDeployment(kube, 'llm-stable')).toBe('ghcr.io/acme/llm:1.1.0');
  expect(imageOfDeployment(kube, 'llm-canary')).toBe('ghcr.io/acme/llm:1.1.0');
  expect(replicasOf(kube, 'llm-canary')).toBe(0);
  const vs = kube.get('virtualservices', 'llm')!;
  expect(stateOf(vs)).toMatchObject({
    revision: 'ghcr.io/acme/llm:1.1.0',
    outcome: 'promoted',
    step: 3,
    steps: 3,
  });
  const route = (
    vs.spec!.http as Array<{ route: Array<{ destination: { subset: string }; weight: number }> }>
  )[0]!.route;
  expect(route.map((d) => [d.destination.subset, d.weight])).toEqual([
    ['stable', 100],
    ['canary', 0],
  ]);
  // the canary was sized for each step's share of the stable's 2 replicas before traffic moved
  expect(kube.writes(/^deployments\/llm-canary$/).map((r) => JSON.stringify(r.body))).toEqual(
    expect.arrayContaining([expect.stringContaining('"value":1'), expect.stringContaining('"value":2')]),
  );
  expect(logs.some((l) => l.startsWith('waiting for Deployment prod/llm-canary'))).toBe(true);
});

test('gateway-api: a shadow step mirrors 20% to the canary while users get stable answers, then weights', async () => {
  const { result } = await runStep(kube, {
    router: 'gateway-api',
    'stable-backend': 'llm-stable',
    'canary-backend': 'llm-canary',
    steps: '- mirror: 20\n- weight: 50\n- weight: 100',
  });
  expect(result).toMatchObject({ verdict: 'pass', outcome: 'promoted' });
  const rules = kube
    .writes(/^httproutes\/llm$/)
    .map((r) => (r.body as { spec?: { rules?: Array<Record<string, unknown>> } }).spec?.rules?.[0])
    .filter(Boolean);
  expect(rules[0]).toMatchObject({
    backendRefs: [
      { name: 'llm-stable', weight: 100 },
      { name: 'llm-canary', weight: 0 },
    ],
    filters: [
      {
        type: 'RequestMirror',
        requestMirror: { backendRef: { name: 'llm-canary', port: 8000 }, percent: 20 },
      },
    ],
  });
  expect(rules[1]).toMatchObject({ backendRefs: [{ weight: 50 }, { weight: 50 }] });
  expect(rules[1]).not.toHaveProperty('filters');
  expect(rules.at(-1)).toMatchObject({
    backendRefs: [
      { name: 'llm-stable', weight: 100 },
      { name: 'llm-canary', weight: 0 },
    ],
  });
});

test('kserve: the predictor gets the new storage URI at 0%, then canaryTrafficPercent steps, and promotion removes it', async () => {
  const { result } = await runStep(kube, {
    router: 'kserve',
    'inference-service': 'llm',
    'stable-deployment': '',
    'canary-deployment': '',
    image: 'hf://acme/llm-7b@v2',
  });
  expect(result).toMatchObject({ verdict: 'pass', outcome: 'promoted', revision: 'hf://acme/llm-7b@v2' });
  const percents = kube
    .writes(/^inferenceservices\/llm$/)
    .filter((r) => r.status === 200) // the controller's status updates race the writes: 409s are retried
    .map(
      (r) => (r.body as { spec?: { predictor?: { canaryTrafficPercent?: number | null } } }).spec?.predictor,
    )
    .filter((p) => p && 'canaryTrafficPercent' in p)
    .map((p) => p!.canaryTrafficPercent);
  expect(percents).toEqual([0, 10, 50, 100, null]);
  const isvc = kube.get('inferenceservices', 'llm')!;
  expect(isvc.spec!.predictor).toEqual({
    model: { modelFormat: { name: 'huggingface' }, storageUri: 'hf://acme/llm-7b@v2' },
  });
});

test('service (blue-green): switches the selector after the new Deployment is ready and analysed, then back to the promoted stable', async () => {
  const { result } = await runStep(kube, { router: 'service', service: 'llm', steps: '' });
  expect(result).toMatchObject({ verdict: 'pass', outcome: 'promoted', stepsCompleted: 2 });
  const selectors = kube
    .writes(/^services\/llm$/)
    .map((r) => (r.body as { spec?: { selector?: Record<string, string> } }).spec?.selector)
    .filter(Boolean);
  expect(selectors).toEqual([
    { app: 'llm', track: 'canary' },
    { app: 'llm', track: 'stable' },
  ]);
  expect(replicasOf(kube, 'llm-canary')).toBe(0);
  expect(imageOfDeployment(kube, 'llm-stable')).toBe('ghcr.io/acme/llm:1.1.0');
  // the canary had every replica the stable has before the switch
  expect(kube.writes(/^deployments\/llm-canary$/).find((r) => Array.isArray(r.body))?.body).toEqual([
    { op: 'replace', path: '/spec/replicas', value: 2 },
  ]);
});

test('a missing canary Deployment is created from the stable one with its own labels', async () => {
  kube.objects.delete('deployments/prod/llm-canary');
  const { result } = await runStep(kube, { steps: '100' });
  expect(result.verdict).toBe('pass');
  const created = kube.writes(/^deployments$/)[0]!.body as {
    metadata: { name: string };
    spec: { selector: unknown; replicas: number };
  };
  expect(created.metadata.name).toBe('llm-canary');
  expect(created.spec).toMatchObject({
    replicas: 0,
    selector: { matchLabels: { app: 'llm', track: 'canary' } },
  });
});

test('dry-run prints every change as a YAML patch and makes none', async () => {
  const { result, logs } = await runStep(kube, { 'dry-run': 'true' });
  expect(result).toMatchObject({ verdict: 'pass', dryRun: true });
  expect(kube.writes()).toEqual([]);
  const printed = logs.filter((l) => l.startsWith('[dry-run] would patch'));
  expect(printed.some((l) => l.includes('VirtualService prod/llm') && /weight: 10$/m.test(l))).toBe(true);
  expect(
    printed.some(
      (l) => l.includes('Deployment prod/llm-stable') && l.includes('image: ghcr.io/acme/llm:1.1.0'),
    ),
  ).toBe(true);
  expect(result.changes.length).toBeGreaterThanOrEqual(8);
});
