import { InputError } from '@llmops/core';
import type { FakeKube } from '../helpers/fake-kube';
import { fakeKube, seed } from './fixtures';
import { imageOfDeployment, istioCanaryWeights, replicasOf, runStep, stateOf } from './harness';

// 'action: undo': the stable Deployment back on the image it ran before the last promotion.

let kube: FakeKube;
beforeEach(async () => {
  kube = await fakeKube(150).start();
  seed(kube);
});
afterEach(() => kube.stop());

const OLD = 'ghcr.io/acme/llm:1.0.0';
const NEW = 'ghcr.io/acme/llm:1.1.0';
const stable = () => kube.get('deployments', 'llm-stable')!;
const undo = () => runStep(kube, { action: 'undo', image: '' });

test('a promotion records the image it replaced; undo restores it and waits until it is ready', async () => {
  await runStep(kube, { steps: '10,100' });
  expect(imageOfDeployment(kube, 'llm-stable')).toBe(NEW);
  expect(stateOf(kube.get('virtualservices', 'llm'))).toMatchObject({
    outcome: 'promoted',
    undo: { image: OLD, promoted: NEW },
  });
  const status = await runStep(kube, { action: 'status' });
  expect(status.result.headline).toMatch(
    /; 'action: undo' would set the stable back to ghcr\.io\/acme\/llm:1\.0\.0$/,
  );

  const { result, logs } = await undo();
  expect(result).toMatchObject({
    action: 'undo',
    verdict: 'pass',
    outcome: 'rolled-back',
    rolledBack: true,
    finalWeight: 0,
    revision: NEW,
  });
  expect(result.headline).toMatch(
    /^undid the promotion of ghcr\.io\/acme\/llm:1\.1\.0 \(.*\) on VirtualService prod\/llm: the stable runs ghcr\.io\/acme\/llm:1\.0\.0 again$/,
  );
  expect(imageOfDeployment(kube, 'llm-stable')).toBe(OLD);
  // Waited for: the controller (150 ms) rolled the restored generation out before undo returned.
  const rolledOut = stable().status as { observedGeneration?: number; readyReplicas?: number };
  expect(rolledOut.observedGeneration).toBe(stable().metadata.generation);
  expect(rolledOut.readyReplicas).toBe(2);
  expect(logs.some((l) => /^waiting for Deployment prod\/llm-stable/.test(l))).toBe(true);
  // The canary stays out of traffic, at zero replicas; the state says the promotion was undone.
  expect(istioCanaryWeights(kube).at(-1)).toBe(0);
  expect(replicasOf(kube, 'llm-canary')).toBe(0);
  const state = stateOf(kube.get('virtualservices', 'llm'));
  expect(state).toMatchObject({ outcome: 'rolled-back', revision: NEW, weight: 0 });
  expect(state).not.toHaveProperty('undo');
  expect(state).not.toHaveProperty('stableImage');
});

test('undo twice: the second is a clear error and changes nothing', async () => {
  await runStep(kube, { steps: '100' });
  await undo();
  const writes = kube.writes().length;
  await expect(undo()).rejects.toThrow(
    "VirtualService prod/llm: no promotion recorded to undo (the state holds ghcr.io/acme/llm:1.1.0, rolled-back, with no earlier stable image): 'action: undo' restores the stable image a canary-step promotion replaced",
  );
  expect(kube.writes()).toHaveLength(writes);
  expect(imageOfDeployment(kube, 'llm-stable')).toBe(OLD);
});

test('undo with no promotion recorded is a clear error, and writes nothing', async () => {
  await expect(undo()).rejects.toThrow(
    "VirtualService prod/llm: no promotion recorded to undo: 'action: undo' restores the stable image a canary-step promotion replaced",
  );
  expect(kube.writes()).toEqual([]);
});

test('a later rollout keeps the last promotion undoable until it promotes itself', async () => {
  await runStep(kube, { steps: '100' });
  // 1.2.0 fails its rollout and is rolled back: undo still reverts 1.1.0's promotion.
  kube.unschedulable.set('llm-canary', '0/4 nodes are available: 4 Insufficient nvidia.com/gpu.');
  const failed = await runStep(kube, { image: 'ghcr.io/acme/llm:1.2.0', steps: '10,100', timeout: '1s' });
  expect(failed.result).toMatchObject({ verdict: 'fail', outcome: 'rolled-back' });
  kube.unschedulable.delete('llm-canary');
  const { result } = await undo();
  expect(result).toMatchObject({ verdict: 'pass', revision: NEW });
  expect(imageOfDeployment(kube, 'llm-stable')).toBe(OLD);
});

test('undo refuses while a rollout is in flight, and when the stable image changed by other hands', async () => {
  await runStep(kube, { steps: '100' });
  await runStep(
    kube,
    { image: 'ghcr.io/acme/llm:1.2.0', steps: '10,100', 'on-failure': 'pause' },
    {
      analysis: {
        checks: 1,
        run: async () => ({
          verdict: 'fail',
          checks: [],
          reason: 'slow',
          cancelled: false,
          measurements: [],
        }),
      },
    },
  );
  await expect(undo()).rejects.toThrow(
    "VirtualService prod/llm has a rollout of ghcr.io/acme/llm:1.2.0 in flight (paused, canary weight 10%): 'action: undo' reverts a finished promotion; use 'action: rollback' for this one",
  );
  await runStep(kube, { action: 'rollback', image: '' });
  kube.touch('deployments', 'llm-stable', (d) => {
    (
      d.spec as { template: { spec: { containers: Array<{ image: string }> } } }
    ).template.spec.containers[0]!.image = 'ghcr.io/acme/llm:hotfix';
  });
  const writes = kube.writes().length;
  await expect(undo()).rejects.toThrow(
    /Deployment prod\/llm-stable runs ghcr\.io\/acme\/llm:hotfix, not ghcr\.io\/acme\/llm:1\.1\.0 as the last promotion \(.*\) left it: it changed since, so 'action: undo' leaves it alone/,
  );
  expect(kube.writes()).toHaveLength(writes);
});

test('undo with router kserve is an input error before any cluster read', async () => {
  await expect(
    runStep(kube, { router: 'kserve', 'inference-service': 'llm', action: 'undo' }),
  ).rejects.toThrow(InputError);
  expect(kube.requests).toEqual([]);
});
