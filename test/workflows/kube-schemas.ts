import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ScaledObject } from '@kubernetes-models/keda/keda.sh/v1alpha1/ScaledObject';
import { DestinationRule } from '@kubernetes-models/istio/networking.istio.io/v1beta1/DestinationRule';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { DaemonSet } from 'kubernetes-models/apps/v1/DaemonSet';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { Role } from 'kubernetes-models/rbac.authorization.k8s.io/v1/Role';
import { RoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1/RoleBinding';
import { PersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim';
import { Service } from 'kubernetes-models/v1/Service';
import { ServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import { repoRoot } from '../helpers/run-bundle';
import type { KubeObject } from '../helpers/fake-kube';
import { validators } from '../kube/fixtures';

/** A structural schema made strict: unknown fields are refused where the API server prunes or refuses them. */
function strict(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(strict);
  if (!schema || typeof schema !== 'object') return schema;
  const node = Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, strict(v)])) as Record<
    string,
    unknown
  >;
  const open = node['x-kubernetes-preserve-unknown-fields'] === true || 'additionalProperties' in node;
  if (node.properties && !open) node.additionalProperties = false;
  return node;
}

// KServe has no model package: its CRD's schema, vendored (test/fixtures/crds/README.md).
const kserveSchema = JSON.parse(
  readFileSync(path.join(repoRoot, 'test/fixtures/crds/kserve-inferenceservice-v1beta1.schema.json'), 'utf8'),
);
// Kubernetes' integer formats only say how wide the number is.
const ajv = new Ajv({ strict: false, allErrors: true, formats: { int64: true, int32: true } });
addFormats(ajv);
const validateInferenceService = ajv.compile(strict(kserveSchema) as object);

type Check = (o: KubeObject) => void;
const model =
  (Model: new (data: never) => { validate(): void }): Check =>
  (o) =>
    new Model(o as never).validate();

/** Each apiVersion/kind the reference manifests use, with the schema it is checked against. */
const SCHEMAS: Record<string, Check> = {
  'v1/Service': model(Service),
  'v1/ServiceAccount': model(ServiceAccount),
  'v1/PersistentVolumeClaim': model(PersistentVolumeClaim),
  'apps/v1/Deployment': model(Deployment),
  'apps/v1/DaemonSet': model(DaemonSet),
  'batch/v1/Job': model(Job),
  'policy/v1/PodDisruptionBudget': model(PodDisruptionBudget),
  'autoscaling/v2/HorizontalPodAutoscaler': model(HorizontalPodAutoscaler),
  'rbac.authorization.k8s.io/v1/Role': model(Role),
  'rbac.authorization.k8s.io/v1/RoleBinding': model(RoleBinding),
  'keda.sh/v1alpha1/ScaledObject': model(ScaledObject),
  'networking.istio.io/v1beta1/DestinationRule': model(DestinationRule),
  'networking.istio.io/v1beta1/VirtualService': validators.VirtualService,
  'gateway.networking.k8s.io/v1/HTTPRoute': validators.HTTPRoute,
  'serving.kserve.io/v1beta1/InferenceService': (o) => {
    if (!validateInferenceService(o)) throw new Error(ajv.errorsText(validateInferenceService.errors));
  },
};

/** `Kind/name: what is wrong` for an object its schema refuses, or one with no schema here. */
export function schemaProblems(o: KubeObject): string[] {
  const id = `${o.kind}/${o.metadata?.name}`;
  const check = SCHEMAS[`${o.apiVersion}/${o.kind}`];
  if (!check) return [`${id}: no schema for ${o.apiVersion} ${o.kind}`];
  try {
    check(o);
    return [];
  } catch (error) {
    return [`${id}: ${(error as Error).message}`];
  }
}
