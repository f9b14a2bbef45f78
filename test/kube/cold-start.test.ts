import { buildReport } from '@llmops/kube';
import type { FakeKube } from '../helpers/fake-kube';
import { fakeKube, inferenceService, prepuller, seed } from './fixtures';
import { istioCanaryWeights, runStep, scriptedAnalysis } from './harness';

// Cold starts: the image pre-pulled on every GPU node before the canary takes traffic, and the
// time each canary pod took to become ready. Then KServe modes that cannot split traffic.

const OLD = 'ghcr.io/acme/llm:1.0.0';
const NEW = 'ghcr.io/acme/llm:1.1.0';
const READY_MS = 60;

let kube: FakeKube;
beforeEach(async () => {
  kube = await fakeKube(READY_MS).start();
  seed(kube);
  kube.put('daemonsets', prepuller(OLD, { pause: true }));
});
afterEach(() => kube.stop());

const prepullImages = () => {
  const spec = (
    kube.get('daemonsets', 'llm-prepull')!.spec as {
      template: { spec: Record<string, Array<{ image: string }>> };
    }
  ).template.spec;
  return { init: spec.initContainers![0]!.image, pause: spec.containers![0]!.image };
};

/** Index of the first request matching, in the order the server got them. */
const firstIndex = (test: (r: FakeKube['requests'][number]) => boolean) => kube.requests.findIndex(test);

test('prepull: every node has the new image before the canary takes traffic, waited for with a watch, timed in the report', async () => {
  const { result, logs } = await runStep(kube, { prepull: 'llm-prepull', steps: '10,100' });
  expect(result).toMatchObject({ verdict: 'pass', outcome: 'promoted' });
  // The pull container took the image; the pause container kept its own.
  expect(prepullImages()).toEqual({ init: NEW, pause: 'registry.k8s.io/pause:3.10' });
  const pulled = firstIndex((r) => r.target === 'daemonsets/llm-prepull' && r.verb === 'patch');
  const firstRouteWrite = firstIndex((r) => r.target === 'virtualservices/llm' && r.verb === 'patch');
  const firstCanaryPods = firstIndex((r) => r.target === 'deployments/llm-canary' && r.verb === 'patch');
  expect(pulled).toBeGreaterThanOrEqual(0);
  expect(pulled).toBeLessThan(firstRouteWrite);
  expect(pulled).toBeLessThan(firstCanaryPods);
  // One watch, no polling: the DaemonSet was read once (to patch it), then followed.
  expect(kube.requests.filter((r) => r.target === 'daemonsets' && r.verb === 'watch')).toHaveLength(1);
  expect(kube.requests.filter((r) => r.target === 'daemonsets/llm-prepull' && r.verb === 'get')).toHaveLength(
    1,
  );
  expect(result.coldStart?.prepull).toMatchObject({ daemonSet: 'llm-prepull', image: NEW, nodes: 3 });
  expect(result.coldStart!.prepull!.durationMs).toBeGreaterThanOrEqual(READY_MS - 10);
  expect(logs.some((l) => /^DaemonSet prod\/llm-prepull: .* pulled on 3 node\(s\) in /.test(l))).toBe(true);
  // Each canary pod, creation to ready, as the API server recorded it.
  const pods = result.coldStart!.pods;
  expect(pods.length).toBeGreaterThanOrEqual(1);
  for (const pod of pods) {
    expect(pod.pod).toMatch(/^llm-canary-/);
    expect(pod.readyMs).toBeGreaterThanOrEqual(READY_MS - 10);
  }
  const report = buildReport(result);
  expect(report.metrics).toContainEqual([
    'Pre-pull',
    expect.stringMatching(/^ghcr\.io\/acme\/llm:1\.1\.0 on 3 node\(s\) by DaemonSet llm-prepull in /),
  ]);
  const table = report.tables.find((t) => t.title === 'Canary pod cold starts')!;
  expect(table.rows.map((r) => r[0])).toEqual(pods.map((p) => p.pod));
});

test('prepull then a failed 100% step: rolled back as usual, the pre-pull happened before any traffic', async () => {
  const analysis = scriptedAnalysis(['pass', 'fail']);
  const { result } = await runStep(kube, { prepull: 'llm-prepull', steps: '10,100' }, { analysis });
  expect(result).toMatchObject({ verdict: 'fail', outcome: 'rolled-back', rolledBack: true });
  expect(istioCanaryWeights(kube)).toEqual([10, 100, 0]);
  expect(result.coldStart?.prepull).toMatchObject({ nodes: 3 });
});

test('prepull that does not finish in time fails before the route is claimed: nothing to roll back', async () => {
  kube.readyDelayMs = 10_000;
  await expect(runStep(kube, { prepull: 'llm-prepull', timeout: '1s' })).rejects.toThrow(
    `DaemonSet prod/llm-prepull did not pull ${NEW} on every node within 1s (input 'timeout')`,
  );
  expect(kube.writes(/^(virtualservices|deployments)\//)).toEqual([]);
});

test('prepull without the right to watch falls back to polling', async () => {
  kube.deny({ verb: 'watch', plural: 'daemonsets' });
  const { result, logs } = await runStep(kube, { prepull: 'llm-prepull', steps: '100' });
  expect(result).toMatchObject({ verdict: 'pass', outcome: 'promoted' });
  expect(logs.some((l) => /^cannot watch DaemonSet prod\/llm-prepull \(.*403.*\): polling$/.test(l))).toBe(
    true,
  );
  expect(result.coldStart?.prepull).toMatchObject({ nodes: 3 });
});

test("prepull refuses a DaemonSet with no container of the image's repository, before any write", async () => {
  kube.touch('daemonsets', 'llm-prepull', (ds) => {
    (
      ds.spec as { template: { spec: { initContainers: Array<{ image: string }> } } }
    ).template.spec.initContainers[0]!.image = 'ghcr.io/acme/other:1';
  });
  await expect(runStep(kube, { prepull: 'llm-prepull' })).rejects.toThrow(
    /^input 'prepull': DaemonSet llm-prepull has no container running ghcr\.io\/acme\/llm /,
  );
  expect(kube.writes()).toEqual([]);
});

describe('kserve deployment modes', () => {
  const kserve = {
    router: 'kserve',
    'inference-service': 'llm',
    'stable-deployment': '',
    'canary-deployment': '',
    image: 'hf://acme/llm-7b@v2',
  };
  const withMode = (annotation?: string, recorded?: string) => {
    const isvc = inferenceService();
    isvc.metadata.annotations = annotation ? { 'serving.kserve.io/deploymentMode': annotation } : {};
    kube.put('inferenceservices', isvc);
    // KServe records the mode it chose; the fake controller does not, so record it by hand.
    if (recorded)
      kube.touch('inferenceservices', 'llm', (o) => (o.status = { ...o.status, deploymentMode: recorded }));
  };

  test.each([
    ['RawDeployment', undefined, "runs in KServe's RawDeployment deployment mode"],
    ['Standard', undefined, "runs in KServe's Standard deployment mode"],
    ['Knative', 'Standard', "runs in KServe's Standard deployment mode"],
    [undefined, undefined, 'records no deployment mode'],
  ])(
    'annotation %s, status %s: refused before any write, saying what to change',
    async (annotation, recorded, said) => {
      withMode(annotation, recorded);
      const writes = kube.writes().length;
      const error = await runStep(kube, kserve).catch((e: Error) => e);
      expect((error as Error).message).toContain(`InferenceService prod/llm ${said}`);
      expect((error as Error).message).toContain(
        'create it with the annotation serving.kserve.io/deploymentMode: Knative',
      );
      expect((error as Error).message).not.toContain('\n');
      expect(kube.writes().length).toBe(writes);
    },
  );

  test.each(['Knative', 'Serverless'])('%s mode rolls out', async (mode) => {
    withMode(mode);
    const { result } = await runStep(kube, kserve);
    expect(result).toMatchObject({ verdict: 'pass', outcome: 'promoted' });
  });
});
