import { rmSync } from 'node:fs';
import path from 'node:path';
import { canaryLabels } from '@llmops/kube';
import { PRESETS } from '@llmops/prom';
import type { KubeObject } from '../helpers/fake-kube';
import { schemaProblems } from './kube-schemas';
import { find, kustomize, manifestsDir, userKustomization } from './kustomize';
import { CHECKLIST, checklistProblems, type ChecklistItem } from './production-checklist';

// The reference manifests as users render them (`kubectl kustomize`, kustomize v5): every object
// against its schema, and every overlay against the production checklist.

const OVERLAYS = ['istio', 'gateway-api', 'kserve', 'blue-green'] as const;
const ROUTE_RULES: Record<(typeof OVERLAYS)[number], { group: string; resource: string }> = {
  istio: { group: 'networking.istio.io', resource: 'virtualservices' },
  'gateway-api': { group: 'gateway.networking.k8s.io', resource: 'httproutes' },
  kserve: { group: 'serving.kserve.io', resource: 'inferenceservices' },
  'blue-green': { group: '', resource: 'services' },
};

type Labels = Record<string, string>;
interface Container {
  image: string;
  args?: string[];
  env?: Array<{ name: string; value?: string }>;
}
interface PodSpec {
  containers: Container[];
  nodeSelector: Labels;
  tolerations: unknown[];
  volumes: Array<{ persistentVolumeClaim?: { claimName: string; readOnly?: boolean } }>;
}
interface Rule {
  apiGroups: string[];
  resources: string[];
  verbs: string[];
}
const podLabels = (d: KubeObject) =>
  (d.spec as { template: { metadata: { labels: Labels } } }).template.metadata.labels;
const matchLabels = (d: KubeObject) => (d.spec as { selector: { matchLabels: Labels } }).selector.matchLabels;
const selectorOf = (s: KubeObject) => (s.spec as { selector: Labels }).selector;
const only = (objects: KubeObject[], kind: string, name?: string) => {
  const found = find(objects, kind, name);
  expect(found).toHaveLength(1);
  return found[0]!;
};

const temporary: string[] = [];
afterAll(() => temporary.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
function renderUserKustomization(kustomization: Parameters<typeof userKustomization>[0]): KubeObject[] {
  const dir = userKustomization(kustomization);
  temporary.push(dir);
  return kustomize(dir);
}

describe.each(OVERLAYS)('overlay %s', (overlay) => {
  const objects = kustomize(path.join(manifestsDir, 'overlays', overlay));
  const rbac = kustomize(path.join(manifestsDir, 'overlays', overlay, 'rbac'));

  it('renders objects that each pass their schema (Kubernetes, KEDA, Istio, Gateway API, KServe)', () => {
    expect(objects.length).toBeGreaterThan(3);
    expect(objects.flatMap(schemaProblems)).toEqual([]);
  });

  it('passes the production checklist', () => {
    expect(checklistProblems(objects)).toEqual([]);
  });

  it("gives canary-step's ServiceAccount the route object it moves, in a Role of its own", () => {
    expect(rbac.flatMap(schemaProblems)).toEqual([]);
    expect(rbac.map((o) => o.kind).sort()).toEqual(['Role', 'RoleBinding', 'ServiceAccount']);
    const rules = only(rbac, 'Role').rules as Rule[];
    const { group, resource } = ROUTE_RULES[overlay];
    const route = rules.find((r) => r.apiGroups.includes(group) && r.resources.includes(resource));
    expect(route?.verbs).toEqual(expect.arrayContaining(['get', 'patch']));
    // The grants are not part of what the deploy credentials apply.
    expect(find(objects, 'Role')).toEqual([]);
  });

  // The vLLM pod specs: the Deployments' templates, or KServe's predictor.
  const servers = objects.flatMap((o) => {
    const s = (
      o.kind === 'InferenceService' ? o.spec!.predictor : (o.spec?.template as { spec?: unknown })?.spec
    ) as PodSpec | undefined;
    return o.kind === 'DaemonSet' || o.kind === 'Job' || !s ? [] : [s];
  });

  it('pre-pulls the serving image on the GPU nodes the server runs on', () => {
    const prepull = only(objects, 'DaemonSet', 'llm-server-prepull');
    const spec = (prepull.spec as { template: { spec: Record<string, unknown> } }).template.spec;
    const pulled = (spec.initContainers as Array<{ image: string }>)[0]!.image;
    expect(servers.length).toBeGreaterThan(0);
    for (const server of servers) {
      expect(server.containers[0]!.image).toBe(pulled);
      expect(spec.nodeSelector).toEqual(server.nodeSelector);
      expect(spec.tolerations).toEqual(server.tolerations);
    }
  });

  it('preloads the model the servers serve into the cache they mount read-only, and they read it offline', () => {
    const preload = only(objects, 'Job', 'llm-model-preload');
    const download = (preload.spec as { template: { spec: PodSpec } }).template.spec.containers[0]!;
    const env = (c: Container) => Object.fromEntries((c.env ?? []).map((e) => [e.name, e.value]));
    const pvc = only(objects, 'PersistentVolumeClaim', 'llm-model-cache');
    expect(pvc.spec!.accessModes).toContain('ReadOnlyMany');
    for (const server of servers) {
      const vllm = server.containers[0]!;
      expect(vllm.args).toContain(`--model=${env(download).MODEL}`);
      expect(env(vllm)).toMatchObject({ HF_HOME: env(download).HF_HOME, HF_HUB_OFFLINE: '1' });
      const cache = server.volumes.find((v) => v.persistentVolumeClaim?.claimName === 'llm-model-cache');
      expect(cache?.persistentVolumeClaim?.readOnly).toBe(true);
    }
  });
});

describe('the kustomization the release workflow applies (deploy/k8s)', () => {
  const objects = kustomize(manifestsDir);

  it('is the istio overlay with the image named in `images`, by digest', () => {
    expect(objects.map((o) => `${o.kind}/${o.metadata.name}`).sort()).toEqual(
      kustomize(path.join(manifestsDir, 'overlays/istio'))
        .map((o) => `${o.kind}/${o.metadata.name}`)
        .sort(),
    );
    const deployment = only(objects, 'Deployment').spec as {
      template: { spec: { containers: Array<{ image: string }> } };
    };
    const image = deployment.template.spec.containers[0]!.image;
    expect(image).toMatch(/^ghcr\.io\/llmops-dev\/llm-server@sha256:[0-9a-f]{64}$/);
    expect(checklistProblems(objects)).toEqual([]);
  });
});

describe('a release (a new serving image)', () => {
  it('changes the servers and the pre-puller, and no Job, whose template cannot change', () => {
    const before = kustomize(path.join(manifestsDir, 'overlays/istio'));
    const image = `ghcr.io/acme/llm-server@sha256:${'a'.repeat(64)}`;
    const [name, digest] = image.split('@') as [string, string];
    const after = renderUserKustomization({
      resources: ['overlays/istio'],
      images: [{ name: 'llm-server', newName: name, digest }],
    });
    const changed = after
      .filter(
        (o) =>
          JSON.stringify(o) !==
          JSON.stringify(before.find((b) => b.kind === o.kind && b.metadata.name === o.metadata.name)),
      )
      .map((o) => `${o.kind}/${o.metadata.name}`);
    expect(changed.sort()).toEqual(['DaemonSet/llm-server-prepull', 'Deployment/llm-server-stable']);
    expect(JSON.stringify(only(after, 'Deployment'))).toContain(image);
  });
});

describe('routes and workloads as canary-step expects them', () => {
  it('blue-green: the canary Deployment is the stable one with canary labels, and the Service selects exactly the stable pods', () => {
    const objects = kustomize(path.join(manifestsDir, 'overlays/blue-green'));
    const stable = only(objects, 'Deployment', 'llm-server-stable');
    const canary = only(objects, 'Deployment', 'llm-server-canary');
    expect(matchLabels(canary)).toEqual(
      canaryLabels('llm-server-stable', 'llm-server-canary', matchLabels(stable)),
    );
    expect(podLabels(canary)).toEqual(
      canaryLabels('llm-server-stable', 'llm-server-canary', podLabels(stable)),
    );
    expect(canary.spec!.replicas).toBe(0);
    const podSpec = (d: KubeObject) => (d.spec as { template: { spec: unknown } }).template.spec;
    expect(podSpec(canary)).toEqual(podSpec(stable));
    expect(selectorOf(only(objects, 'Service', 'llm-server'))).toEqual(matchLabels(stable));
  });

  it('gateway-api: the HTTPRoute weights a stable and a canary Service, and no Service spans both', () => {
    const objects = kustomize(path.join(manifestsDir, 'overlays/gateway-api'));
    const stable = only(objects, 'Deployment', 'llm-server-stable');
    const route = only(objects, 'HTTPRoute', 'llm-server');
    const refs = (route.spec!.rules as Array<{ backendRefs: Array<{ name: string; weight: number }> }>)[0]!
      .backendRefs;
    expect(refs.map((r) => [r.name, r.weight])).toEqual([
      ['llm-server-stable', 100],
      ['llm-server-canary', 0],
    ]);
    const canaryPods = canaryLabels('llm-server-stable', 'llm-server-canary', podLabels(stable));
    const selects = (s: Labels, pods: Labels) => Object.entries(s).every(([k, v]) => pods[k] === v);
    const services = find(objects, 'Service');
    expect(services.map((s) => s.metadata.name).sort()).toEqual(['llm-server-canary', 'llm-server-stable']);
    const stableService = selectorOf(only(objects, 'Service', 'llm-server-stable'));
    const canaryService = selectorOf(only(objects, 'Service', 'llm-server-canary'));
    expect([selects(stableService, podLabels(stable)), selects(stableService, canaryPods)]).toEqual([
      true,
      false,
    ]);
    expect([selects(canaryService, canaryPods), selects(canaryService, podLabels(stable))]).toEqual([
      true,
      false,
    ]);
  });

  it("kserve: the InferenceService runs in Knative mode (canaryTrafficPercent's only one), with no Deployment of ours", () => {
    const objects = kustomize(path.join(manifestsDir, 'overlays/kserve'));
    const isvc = only(objects, 'InferenceService', 'llm-server');
    expect(isvc.metadata.annotations?.['serving.kserve.io/deploymentMode']).toBe('Knative');
    expect(find(objects, 'Deployment')).toEqual([]);
    expect(find(objects, 'ScaledObject')).toEqual([]);
    only(objects, 'PersistentVolumeClaim', 'llm-model-cache');
  });
});

describe('autoscaling', () => {
  const istio = kustomize(path.join(manifestsDir, 'overlays/istio'));

  it("KEDA scales the stable Deployment on vLLM's queue and time to first token, up fast and down slowly", () => {
    const scaled = only(istio, 'ScaledObject', 'llm-server-stable');
    const spec = scaled.spec as {
      scaleTargetRef: { name: string };
      minReplicaCount: number;
      triggers: Array<{ type: string; metadata: { query: string } }>;
      advanced: { horizontalPodAutoscalerConfig: { behavior: Behavior } };
    };
    expect(spec.scaleTargetRef.name).toBe('llm-server-stable');
    expect(spec.minReplicaCount).toBeGreaterThanOrEqual(2); // the PDB can then let one go
    const metrics = spec.triggers.flatMap((t) => t.metadata.query.match(/vllm:[a-z_]+/g) ?? []);
    expect(metrics.sort()).toEqual(['vllm:num_requests_waiting', 'vllm:time_to_first_token_seconds_bucket']);
    // The names metric-gate's presets (checked against vLLM's releases) query.
    const presetQueries = Object.values(PRESETS).map((p) => p.value('', '1m'));
    for (const m of metrics) expect(presetQueries.some((q) => q.includes(m))).toBe(true);
    expectUpFastDownSlow(spec.advanced.horizontalPodAutoscalerConfig.behavior);
    // No replica count in the Deployment for a re-apply to reset.
    expect(only(istio, 'Deployment', 'llm-server-stable').spec).not.toHaveProperty('replicas');
  });

  it('components/hpa swaps the ScaledObject for a plain HPA with the same behaviour', () => {
    const objects = renderUserKustomization({
      resources: ['overlays/istio'],
      components: ['components/hpa'],
    });
    expect(find(objects, 'ScaledObject')).toEqual([]);
    const hpa = only(objects, 'HorizontalPodAutoscaler', 'llm-server-stable');
    expect(schemaProblems(hpa)).toEqual([]);
    const spec = hpa.spec as { scaleTargetRef: { kind: string; name: string }; behavior: Behavior };
    expect(spec.scaleTargetRef).toMatchObject({ kind: 'Deployment', name: 'llm-server-stable' });
    expectUpFastDownSlow(spec.behavior);
    expect(checklistProblems(objects)).toEqual([]);
  });
});

interface Behavior {
  scaleUp: { stabilizationWindowSeconds: number };
  scaleDown: { stabilizationWindowSeconds: number; policies: Array<{ type: string; value: number }> };
}
function expectUpFastDownSlow(behavior: Behavior) {
  expect(behavior.scaleUp.stabilizationWindowSeconds).toBe(0);
  expect(behavior.scaleDown.stabilizationWindowSeconds).toBeGreaterThanOrEqual(300);
  expect(behavior.scaleDown.policies).toEqual([expect.objectContaining({ type: 'Pods', value: 1 })]);
}

describe('the checklist fails an overlay that breaks one item', () => {
  const server = (ops: object[]) => ({
    target: { kind: 'Deployment', name: 'llm-server-stable' },
    patch: JSON.stringify(ops),
  });
  const container = '/spec/template/spec/containers/0';
  const breaks: Record<ChecklistItem, object> = {
    'requests/limits': server([{ op: 'remove', path: `${container}/resources/requests/cpu` }]),
    probes: server([{ op: 'remove', path: `${container}/startupProbe` }]),
    PDB: {
      patch:
        'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: llm-server-stable}\n$patch: delete',
    },
    'anti-affinity': server([{ op: 'remove', path: '/spec/template/spec/affinity' }]),
    // Shorter than the VirtualService's 600 s timeout: long generations would be cut.
    'graceful shutdown': server([
      { op: 'replace', path: '/spec/template/spec/terminationGracePeriodSeconds', value: 120 },
    ]),
    'non-root': server([{ op: 'remove', path: '/spec/template/spec/securityContext/runAsNonRoot' }]),
    'pinned image': {
      target: { kind: 'DaemonSet', name: 'llm-server-prepull' },
      patch: JSON.stringify([
        {
          op: 'replace',
          path: '/spec/template/spec/containers/0/image',
          value: 'registry.k8s.io/pause:3.10',
        },
      ]),
    },
  };

  it.each(CHECKLIST)('%s', (item) => {
    const objects = renderUserKustomization({ resources: ['overlays/istio'], patches: [breaks[item]] });
    expect(objects.flatMap(schemaProblems)).toEqual([]);
    const problems = checklistProblems(objects);
    expect(problems.length).toBeGreaterThan(0);
    for (const p of problems) expect(p.startsWith(`${item}: `)).toBe(true);
  });
});
