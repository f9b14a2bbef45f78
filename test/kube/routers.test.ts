import type { FakeKube } from '../helpers/fake-kube';
import { fakeKube, seed } from './fixtures';
import { buildReport } from '@llmops/kube';
import {
  imageOfDeployment,
  istioCanaryWeights,
  replicasOf,
  runStep,
  scriptedAnalysis,
  stateOf,
} from './harness';

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
  const { result } = await runStep(
    kube,
    { router: 'service', service: 'llm', steps: '' },
    { analysis: scriptedAnalysis([]) },
  );
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
  const scaled = kube
    .writes(/^deployments\/llm-canary$/)
    .find((r) => JSON.stringify(r.body).includes('/spec/replicas'));
  expect(scaled?.body).toEqual([{ op: 'replace', path: '/spec/replicas', value: 2 }]);
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

test('dry-run prints every change as a YAML patch, one log line per YAML line, and makes none', async () => {
  const { result, logs } = await runStep(kube, { 'dry-run': 'true' });
  expect(result).toMatchObject({ verdict: 'pass', dryRun: true });
  expect(kube.writes()).toEqual([]);
  expect(logs.every((l) => !l.includes('\n'))).toBe(true);
  const header = logs.findIndex((l) =>
    l.startsWith('[dry-run] would patch VirtualService prod/llm (step 1/3 (weight 10%): canary weight 10%):'),
  );
  const patch: string[] = [];
  for (let i = header + 1; i < logs.length && logs[i]!.startsWith('    '); i++) patch.push(logs[i]!.slice(4));
  expect(header).toBeGreaterThan(-1);
  expect(patch[0]).toBe('spec:');
  expect(patch).toContain('          weight: 10');
  const image = logs.findIndex((l) => l.startsWith('[dry-run] would patch Deployment prod/llm-stable'));
  expect(logs.slice(image + 1, image + 7)).toEqual([
    '    - op: test',
    '      path: /spec/template/spec/containers/0/name',
    '      value: vllm',
    '    - op: replace',
    '      path: /spec/template/spec/containers/0/image',
    '      value: ghcr.io/acme/llm:1.1.0',
  ]);
  expect(result.changes.length).toBeGreaterThanOrEqual(8);
});

test('only the image of a container is patched; logs, changes and the report never hold a container spec', async () => {
  const secret = 'sk-live-0123456789abcdef';
  for (const name of ['llm-stable', 'llm-canary'])
    kube.touch('deployments', name, (d) => {
      const c = (d.spec as { template: { spec: { containers: Array<Record<string, unknown>> } } }).template
        .spec.containers[0]!;
      c.args = ['--model', 'acme/llm-7b', `--api-key=${secret}`];
      c.env = [{ name: 'HF_TOKEN', value: secret }];
    });
  for (const dryRun of ['true', 'false']) {
    const { result, logs } = await runStep(kube, { 'dry-run': dryRun });
    expect(result.verdict).toBe('pass');
    const report = JSON.stringify(buildReport(result));
    expect(logs.join('\n')).not.toContain(secret);
    expect(report).not.toContain(secret);
    expect(report).not.toContain('HF_TOKEN');
    expect(result.changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'Deployment',
          name: 'llm-stable',
          fields: [
            {
              field: 'spec.template.spec.containers[vllm].image',
              from: 'ghcr.io/acme/llm:1.0.0',
              to: 'ghcr.io/acme/llm:1.1.0',
            },
          ],
        }),
      ]),
    );
  }
  for (const write of kube.writes(/^deployments\//)) {
    expect(write.contentType).toBe('application/json-patch+json');
    expect(JSON.stringify(write.body)).not.toContain(secret);
  }
  const stable = kube.get('deployments', 'llm-stable')!.spec as {
    template: { spec: { containers: Array<{ image: string; env: unknown }> } };
  };
  expect(stable.template.spec.containers[0]).toMatchObject({
    image: 'ghcr.io/acme/llm:1.1.0',
    env: [{ name: 'HF_TOKEN', value: secret }],
  });
});

test('kserve with custom containers: only the first container takes the image (env kept), then promotion', async () => {
  kube.touch('inferenceservices', 'llm', (isvc) => {
    isvc.spec = {
      predictor: {
        containers: [
          { name: 'kserve-container', image: 'ghcr.io/acme/llm:1.0.0', env: [{ name: 'A', value: '1' }] },
        ],
      },
    };
  });
  const { result } = await runStep(kube, {
    router: 'kserve',
    'inference-service': 'llm',
    'stable-deployment': '',
    'canary-deployment': '',
    image: 'ghcr.io/acme/llm:1.1.0',
  });
  expect(result).toMatchObject({ verdict: 'pass', outcome: 'promoted', revision: 'ghcr.io/acme/llm:1.1.0' });
  expect(kube.get('inferenceservices', 'llm')!.spec!.predictor).toEqual({
    containers: [
      { name: 'kserve-container', image: 'ghcr.io/acme/llm:1.1.0', env: [{ name: 'A', value: '1' }] },
    ],
  });
});

test("kserve 'action: promote' without 'image' promotes the predictor's revision; Deployments need 'image'", async () => {
  const kserve = await runStep(kube, {
    router: 'kserve',
    'inference-service': 'llm',
    'stable-deployment': '',
    'canary-deployment': '',
    action: 'promote',
    image: '',
  });
  expect(kserve.result).toMatchObject({
    verdict: 'pass',
    outcome: 'promoted',
    revision: 'hf://acme/llm-7b@v1',
  });
  await expect(runStep(kube, { action: 'promote', image: '' })).rejects.toThrow(
    /no rollout in flight and no 'image' given: nothing to promote/,
  );
});

test('a shadow stage: mirror, then `pause: hold` ends the run paused; the next run with the same steps goes on', async () => {
  const steps = '- mirror: 20\n- pause: hold\n- weight: 50\n- weight: 100';
  const shadow = await runStep(kube, { steps }, { run: '42/1' });
  expect(shadow.result).toMatchObject({ verdict: 'pass', outcome: 'paused', finalWeight: 0 });
  expect(shadow.result.headline).toMatch(
    /held at step 2\/4 on .* \(canary weight 0%, mirror 20%\): run canary-step again with the same steps to go on/,
  );
  const vs = () => kube.get('virtualservices', 'llm')!;
  expect(stateOf(vs())).toMatchObject({ outcome: 'paused', step: 2, mirror: 20, weight: 0 });
  // The job's post step leaves a held rollout alone: holding was asked for.
  const post = await runStep(kube, { steps }, { mode: 'post', run: '42/1' });
  expect(post.result.headline).toMatch(/^post: nothing unfinished/);
  expect(stateOf(vs())).toMatchObject({ outcome: 'paused', mirror: 20 });

  const canary = await runStep(kube, { steps }, { run: '42/1' });
  expect(canary.result).toMatchObject({ verdict: 'pass', outcome: 'promoted', resumedAt: 3 });
  expect(canary.result.steps.map((s) => s.step)).toEqual(['weight 50%', 'weight 100%']);
  expect(imageOfDeployment(kube, 'llm-stable')).toBe('ghcr.io/acme/llm:1.1.0');
});
