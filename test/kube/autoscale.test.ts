import type { FakeKube, KubeObject } from '../helpers/fake-kube';
import { fakeKube, prepuller, seed } from './fixtures';
import { istioCanaryWeights, replicasOf, runStep, scriptedAnalysis, stateOf } from './harness';

// canary-step with an autoscaled stable: an HPA or a KEDA ScaledObject owns its replica count.

let kube: FakeKube;
beforeEach(async () => {
  kube = await fakeKube().start();
  seed(kube);
});
afterEach(() => kube.stop());

const PLURAL = {
  HorizontalPodAutoscaler: 'horizontalpodautoscalers',
  ScaledObject: 'scaledobjects',
} as const;
type ScalerKind = keyof typeof PLURAL;

function stableScaler(kind: ScalerKind): KubeObject {
  const ref = { apiVersion: 'apps/v1', kind: 'Deployment', name: 'llm-stable' };
  return kind === 'HorizontalPodAutoscaler'
    ? {
        apiVersion: 'autoscaling/v2',
        kind,
        metadata: { name: 'llm-stable', namespace: 'prod', labels: { app: 'llm', track: 'stable' } },
        spec: { scaleTargetRef: ref, minReplicas: 2, maxReplicas: 8 },
      }
    : {
        apiVersion: 'keda.sh/v1alpha1',
        kind,
        metadata: { name: 'llm-stable', namespace: 'prod' },
        spec: {
          scaleTargetRef: { name: 'llm-stable' },
          minReplicaCount: 2,
          maxReplicaCount: 8,
          triggers: [
            {
              type: 'prometheus',
              metadata: { query: 'sum(vllm:num_requests_waiting{track="stable"})', threshold: '5' },
            },
          ],
        },
      };
}

const bounds = (o: KubeObject) => {
  const s = o.spec as Record<string, number>;
  return { min: (s.minReplicas ?? s.minReplicaCount)!, max: (s.maxReplicas ?? s.maxReplicaCount)! };
};
const targetOf = (o: KubeObject) => (o.spec as { scaleTargetRef: { name: string } }).scaleTargetRef.name;

/** Every HPA and ScaledObject in the namespace, by the Deployment it scales. */
function autoscalersOf(deployment: string): KubeObject[] {
  return Object.values(PLURAL).flatMap((plural) =>
    [...kube.objects.entries()]
      .filter(([key]) => key.startsWith(`${plural}/prod/`))
      .map(([, o]) => o)
      .filter((o) => targetOf(o) === deployment),
  );
}

/**
 * The autoscaler controller's stand-in: each autoscaler keeps its target's count inside its
 * bounds (every 10 ms), and the stable's load rises the moment the canary gets 50% of traffic:
 * its autoscaler takes the stable to 5 pods in the middle of the rollout.
 */
function standIn(): { stop: () => void } {
  let load = 0;
  let stopped = false;
  const tick = () => {
    if (stopped) return;
    for (const plural of Object.values(PLURAL))
      for (const [key, scaler] of kube.objects) {
        if (!key.startsWith(`${plural}/prod/`)) continue;
        const target = targetOf(scaler);
        const now = replicasOf(kube, target);
        // An HPA leaves a Deployment at 0 replicas alone.
        if (now === undefined || now === 0) continue;
        const { min, max } = bounds(scaler);
        const wanted = Math.min(max, Math.max(min, target === 'llm-stable' && load ? load : now));
        if (wanted !== now)
          kube.touch('deployments', target, (d) => ((d.spec as { replicas: number }).replicas = wanted));
      }
  };
  kube.onChange((object, kind) => {
    if (kind !== 'VirtualService' || load) return;
    const http = (object.spec?.http ?? []) as Array<{
      route: Array<{ destination: { subset?: string }; weight?: number }>;
    }>;
    if (http[0]?.route.find((d) => d.destination.subset === 'canary')?.weight === 50) {
      load = 5;
      tick();
    }
  });
  const timer = setInterval(tick, 10);
  return {
    stop: () => {
      stopped = true;
      clearInterval(timer);
    },
  };
}

/** Writes of a replica count to a Deployment an autoscaler targeted at that moment. */
function watchForFights(): string[] {
  const fights: string[] = [];
  kube.beforeWrite((plural, name, verb, body) => {
    if (plural !== 'deployments' || verb !== 'patch') return;
    const text = JSON.stringify(body);
    if (!/replicas/.test(text)) return;
    const owners = autoscalersOf(name);
    if (owners.length)
      fights.push(`${name} ← ${text} while ${owners.map((o) => o.metadata.name).join(', ')} owns it`);
  });
  return fights;
}

describe.each(['HorizontalPodAutoscaler', 'ScaledObject'] as const)('stable scaled by a %s', (kind) => {
  beforeEach(() => kube.put(PLURAL[kind], stableScaler(kind)));

  test('a rollout gives the canary its own autoscaler, never writes an owned count, and promotes to exactly one', async () => {
    const fights = watchForFights();
    const canaryBounds: Array<{ min: number; max: number }> = [];
    kube.onChange((object, changed) => {
      if (changed === kind && object.metadata.name === 'llm-canary') canaryBounds.push(bounds(object));
    });
    const scaler = standIn();
    try {
      const { result, logs } = await runStep(
        kube,
        { steps: '10,50,100' },
        { analysis: scriptedAnalysis([]) },
      );
      expect(result).toMatchObject({ verdict: 'pass', outcome: 'promoted' });
      expect(logs.some((l) => l.includes(`is scaled by ${kind} llm-stable (2–8 replicas)`))).toBe(true);
    } finally {
      scaler.stop();
    }
    expect(fights).toEqual([]);
    // The canary's bounds follow the stable's count at each step: 10% of 2 pods at first, and
    // 100% of 5 at the last step (the stand-in raised the stable to 5 during the 50% step).
    expect(canaryBounds[0]).toEqual({ min: 1, max: 1 });
    expect(canaryBounds.at(-1)).toEqual({ min: 5, max: 8 });
    // Exactly one autoscaler at the end, on the serving Deployment, untouched; the canary's is gone.
    expect(autoscalersOf('llm-stable').map((o) => o.metadata.name)).toEqual(['llm-stable']);
    expect(bounds(autoscalersOf('llm-stable')[0]!)).toEqual({ min: 2, max: 8 });
    expect(autoscalersOf('llm-canary')).toEqual([]);
    expect(replicasOf(kube, 'llm-canary')).toBe(0);
    expect(kube.writes(new RegExp(`^${PLURAL[kind]}/llm-stable$`))).toEqual([]);
  });

  test('a failed step rolls back to exactly one autoscaler, without writing an owned count', async () => {
    const fights = watchForFights();
    const scaler = standIn();
    try {
      const analysis = scriptedAnalysis(['pass', 'pass', 'fail']);
      const { result } = await runStep(kube, {}, { analysis });
      expect(result).toMatchObject({ verdict: 'fail', outcome: 'rolled-back', rolledBack: true });
    } finally {
      scaler.stop();
    }
    expect(fights).toEqual([]);
    expect(istioCanaryWeights(kube)).toEqual([10, 50, 100, 0]);
    expect(autoscalersOf('llm-stable')).toHaveLength(1);
    expect(autoscalersOf('llm-canary')).toEqual([]);
    expect(replicasOf(kube, 'llm-canary')).toBe(0);
    // The stable kept the count its autoscaler gave it mid-rollout.
    expect(replicasOf(kube, 'llm-stable')).toBe(5);
    expect(stateOf(kube.get('virtualservices', 'llm'))).toMatchObject({ outcome: 'rolled-back' });
  });
});

test("the canary's ScaledObject queries the canary's series, not the stable's", async () => {
  kube.put('scaledobjects', stableScaler('ScaledObject'));
  let copy: KubeObject | undefined;
  kube.onChange((object, changed) => {
    if (changed === 'ScaledObject' && object.metadata.name === 'llm-canary') copy ??= object;
  });
  await runStep(kube, { steps: '10' });
  expect(
    (copy!.spec as { triggers: Array<{ metadata: { query: string } }> }).triggers[0]!.metadata.query,
  ).toBe('sum(vllm:num_requests_waiting{track="canary"})');
});

test('a stable with no autoscaler is sized by canary-step as before: no autoscaler is created', async () => {
  await runStep(kube, { steps: '50,100' });
  expect(autoscalersOf('llm-canary')).toEqual([]);
  expect(kube.writes(/^(horizontalpodautoscalers|scaledobjects)\//)).toEqual([]);
});

test('an autoscaled stable with prepull, to 100% and rolled back: pre-pulled first, no fight, one autoscaler left', async () => {
  kube.put('horizontalpodautoscalers', stableScaler('HorizontalPodAutoscaler'));
  kube.put('daemonsets', prepuller('ghcr.io/acme/llm:1.0.0'));
  const fights = watchForFights();
  const scaler = standIn();
  try {
    const analysis = scriptedAnalysis(['pass', 'pass', 'fail']);
    const { result } = await runStep(kube, { prepull: 'llm-prepull' }, { analysis });
    expect(result).toMatchObject({ verdict: 'fail', outcome: 'rolled-back' });
    expect(result.coldStart?.prepull).toMatchObject({ image: 'ghcr.io/acme/llm:1.1.0', nodes: 3 });
  } finally {
    scaler.stop();
  }
  const order = kube.writes().map((r) => r.target);
  expect(order[0]).toBe('daemonsets/llm-prepull');
  expect(istioCanaryWeights(kube)).toEqual([10, 50, 100, 0]);
  expect(fights).toEqual([]);
  expect(autoscalersOf('llm-stable')).toHaveLength(1);
  expect(autoscalersOf('llm-canary')).toEqual([]);
});

test('a dry run shows the canary autoscaler it would create, resize and delete, and writes nothing', async () => {
  kube.put('horizontalpodautoscalers', stableScaler('HorizontalPodAutoscaler'));
  const { result } = await runStep(kube, { 'dry-run': 'true' });
  expect(kube.writes()).toEqual([]);
  const hpa = result.changes.filter((c) => c.kind === 'HorizontalPodAutoscaler').map((c) => c.verb);
  expect(hpa).toEqual(['create', 'patch', 'patch', 'delete']);
});
