import { actionDefaults } from '../helpers/run-bundle';
import { HTTPRoute } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/HTTPRoute';
import { VirtualService } from '@kubernetes-models/istio/networking.istio.io/v1beta1/VirtualService';
import Ajv from 'ajv';
import { FakeKube, type KubeObject } from '../helpers/fake-kube';
import { inferenceServiceSchema } from './kserve-schema';

// Kubernetes' integer formats only say how wide the number is.
const ajv = new Ajv({ strict: false, allErrors: true, formats: { int64: true, int32: true } });
const validateIsvc = ajv.compile(inferenceServiceSchema);

/** Every object the action writes is checked against the real CRD schemas, as the API server would. */
export const validators = {
  VirtualService: (o: KubeObject) => {
    new VirtualService(o as never).validate();
    // Istio's validating webhook: a route's weights sum to 100.
    for (const h of (o.spec?.http ?? []) as Array<{ route?: Array<{ weight?: number }> }>) {
      const route = h.route ?? [];
      if (route.length > 1) {
        const sum = route.reduce((s, r) => s + (r.weight ?? 0), 0);
        if (sum !== 100) throw new Error(`http route weights sum to ${sum}, not 100`);
      }
    }
  },
  HTTPRoute: (o: KubeObject) => new HTTPRoute(o as never).validate(),
  InferenceService: (o: KubeObject) => {
    if (!validateIsvc(o)) throw new Error(ajv.errorsText(validateIsvc.errors));
  },
};

export function fakeKube(readyDelayMs = 30): FakeKube {
  return new FakeKube({ readyDelayMs, validators });
}

export function deployment(name: string, image: string, track: string, replicas = 2): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'prod', labels: { app: 'llm', track } },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'llm', track } },
      template: {
        metadata: { labels: { app: 'llm', track, version: track } },
        spec: {
          containers: [
            {
              name: 'vllm',
              image,
              args: ['--model', 'acme/llm-7b'],
              resources: { limits: { 'nvidia.com/gpu': '1' } },
            },
          ],
        },
      },
    },
  };
}

export function virtualService(): KubeObject {
  return {
    apiVersion: 'networking.istio.io/v1beta1',
    kind: 'VirtualService',
    metadata: { name: 'llm', namespace: 'prod' },
    spec: {
      hosts: ['llm.prod.svc.cluster.local'],
      http: [
        {
          name: 'primary',
          route: [
            {
              destination: { host: 'llm.prod.svc.cluster.local', subset: 'stable', port: { number: 8000 } },
              weight: 100,
            },
          ],
        },
      ],
    },
  };
}

export function httpRoute(): KubeObject {
  return {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'HTTPRoute',
    metadata: { name: 'llm', namespace: 'prod' },
    spec: {
      parentRefs: [{ name: 'gateway' }],
      rules: [{ backendRefs: [{ name: 'llm-stable', port: 8000, weight: 100 }] }],
    },
  };
}

export function inferenceService(storageUri = 'hf://acme/llm-7b@v1'): KubeObject {
  return {
    apiVersion: 'serving.kserve.io/v1beta1',
    kind: 'InferenceService',
    // Knative mode: the one whose revisions canaryTrafficPercent splits traffic between.
    metadata: {
      name: 'llm',
      namespace: 'prod',
      annotations: { 'serving.kserve.io/deploymentMode': 'Knative' },
    },
    spec: { predictor: { model: { modelFormat: { name: 'huggingface' }, storageUri } } },
  };
}

export function service(track = 'stable'): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'llm', namespace: 'prod' },
    spec: { selector: { app: 'llm', track }, ports: [{ port: 8000 }] },
  };
}

/** An image pre-puller: `image` in the pull container, or (`pause`) in an init container beside a pause container. */
export function prepuller(image: string, options: { pause?: boolean } = {}): KubeObject {
  const pull = { name: 'prepull', image, command: ['true'] };
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'llm-prepull', namespace: 'prod' },
    spec: {
      selector: { matchLabels: { app: 'llm-prepull' } },
      template: {
        metadata: { labels: { app: 'llm-prepull' } },
        spec: options.pause
          ? { initContainers: [pull], containers: [{ name: 'pause', image: 'registry.k8s.io/pause:3.10' }] }
          : { containers: [pull] },
      },
    },
  };
}

/** A cluster with the stable Deployment (v1), the canary Deployment at 0 replicas and the route objects. */
export function seed(kube: FakeKube, options: { canary?: boolean } = {}): void {
  kube.put('deployments', deployment('llm-stable', 'ghcr.io/acme/llm:1.0.0', 'stable'));
  if (options.canary !== false)
    kube.put('deployments', deployment('llm-canary', 'ghcr.io/acme/llm:1.0.0', 'canary', 0));
  kube.put('virtualservices', virtualService());
  kube.put('httproutes', httpRoute());
  kube.put('inferenceservices', inferenceService());
  kube.put('services', service());
}

/** Raw action inputs as the runner passes them (action.yml defaults filled), plus overrides. */
export function rawInputs(overrides: Record<string, string>): Record<string, string> {
  return {
    ...actionDefaults('canary-step'),
    router: 'istio',
    namespace: '',
    route: 'llm',
    'stable-backend': 'stable',
    'canary-backend': 'canary',
    'inference-service': '',
    service: '',
    'stable-deployment': 'llm-stable',
    'canary-deployment': 'llm-canary',
    image: 'ghcr.io/acme/llm:1.1.0',
    steps: '10,50,100',
    'bake-time': '0s',
    checks: '',
    'canary-selector': '',
    'baseline-selector': '',
    'prometheus-url': '',
    'prometheus-token': '',
    'prometheus-headers': '',
    interval: '1s',
    count: '2',
    'failure-limit': '0',
    'inconclusive-limit': '0',
    'error-limit': '2',
    'no-data': 'inconclusive',
    'on-failure': 'rollback',
    'scale-down-delay': '0s',
    prepull: '',
    action: 'rollout',
    'dry-run': 'false',
    kubeconfig: '',
    context: '',
    timeout: '30s',
    environment: '',
    'report-path': '',
    comment: 'false',
    'github-token': '',
    ...overrides,
  };
}
