import type { KubeObject } from '../helpers/fake-kube';
import { schemaProblems } from './kube-schemas';

// The schema checks the rendered manifests go through refuse what the API server would.

const deployment = (replicas: unknown): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'llm-server-stable' },
  spec: {
    replicas,
    selector: { matchLabels: { app: 'llm-server' } },
    template: {
      metadata: { labels: { app: 'llm-server' } },
      spec: { containers: [{ name: 'vllm', image: 'llm-server@sha256:' + '0'.repeat(64) }] },
    },
  },
});

const inferenceService = (predictor: Record<string, unknown>): KubeObject => ({
  apiVersion: 'serving.kserve.io/v1beta1',
  kind: 'InferenceService',
  metadata: { name: 'llm-server' },
  spec: { predictor: { containers: [{ name: 'kserve-container', image: 'llm-server' }], ...predictor } },
});

it('accepts a valid Deployment and refuses a wrongly typed field', () => {
  expect(schemaProblems(deployment(2))).toEqual([]);
  expect(schemaProblems(deployment('two'))).toEqual([
    expect.stringMatching(/^Deployment\/llm-server-stable: .*replicas/),
  ]);
});

it("checks an InferenceService against KServe's CRD schema, refusing unknown fields as strict field validation does", () => {
  expect(schemaProblems(inferenceService({ canaryTrafficPercent: 10, minReplicas: 2 }))).toEqual([]);
  expect(schemaProblems(inferenceService({ canaryTrafficPercent: '10' }))).toEqual([
    expect.stringContaining('canaryTrafficPercent'),
  ]);
  expect(schemaProblems(inferenceService({ canaryTrafficPercnt: 10 }))).toEqual([
    expect.stringContaining('must NOT have additional properties'),
  ]);
});

it('refuses a KEDA ScaledObject without its target', () => {
  const scaled: KubeObject = {
    apiVersion: 'keda.sh/v1alpha1',
    kind: 'ScaledObject',
    metadata: { name: 'llm-server-stable' },
    spec: { triggers: [{ type: 'prometheus', metadata: {} }] },
  };
  expect(schemaProblems(scaled)).toEqual([expect.stringContaining('scaleTargetRef')]);
});

it('refuses a kind it has no schema for, rather than passing it', () => {
  const unknown: KubeObject = { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' } };
  expect(schemaProblems(unknown)).toEqual(['Widget/w: no schema for example.com/v1 Widget']);
});
