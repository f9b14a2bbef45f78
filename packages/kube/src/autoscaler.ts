import { KubeError, type Kind } from './client';
import type { KubeObject } from './objects';
import { canaryLabels, CREATED_FROM_ANNOTATION } from './workload';
import type { Writer } from './writer';

export type AutoscalerKind = 'ScaledObject' | 'HorizontalPodAutoscaler';
/** KEDA first: a ScaledObject drives an HPA of its own, which is KEDA's and not ours to copy. */
const AUTOSCALER_KINDS: AutoscalerKind[] = ['ScaledObject', 'HorizontalPodAutoscaler'];

/** An HPA (autoscaling/v2) or a KEDA ScaledObject, and the replica bounds it scales within. */
export interface Autoscaler {
  kind: AutoscalerKind;
  object: KubeObject;
  min: number;
  max: number;
}

interface ScalerSpec {
  scaleTargetRef?: { kind?: string; name?: string };
  minReplicas?: number;
  maxReplicas?: number;
  minReplicaCount?: number;
  maxReplicaCount?: number;
  triggers?: Array<{ metadata?: Record<string, unknown> }>;
  advanced?: { horizontalPodAutoscalerConfig?: { name?: string } };
}

const scalerSpec = (o: KubeObject) => (o.spec ?? {}) as ScalerSpec;

// Defaults of the APIs: HPA minReplicas 1; KEDA minReplicaCount 0, maxReplicaCount 100.
export function autoscalerBounds(kind: AutoscalerKind, o: KubeObject): { min: number; max: number } {
  const s = scalerSpec(o);
  return kind === 'HorizontalPodAutoscaler'
    ? { min: s.minReplicas ?? 1, max: s.maxReplicas ?? 1 }
    : { min: s.minReplicaCount ?? 0, max: s.maxReplicaCount ?? 100 };
}

const boundsPatch = (kind: AutoscalerKind, min: number, max: number) =>
  kind === 'HorizontalPodAutoscaler'
    ? { minReplicas: min, maxReplicas: max }
    : { minReplicaCount: min, maxReplicaCount: max };

function targets(o: KubeObject, deployment: string): boolean {
  const ref = scalerSpec(o).scaleTargetRef;
  return ref?.name === deployment && (ref.kind ?? 'Deployment') === 'Deployment';
}

const ownedByKeda = (o: KubeObject) =>
  ((o.metadata.ownerReferences ?? []) as Array<{ kind?: string }>).some((r) => r.kind === 'ScaledObject');

/** Objects of an autoscaler kind; a cluster without the kind (no KEDA) has none. */
async function listKind(writer: Writer, kind: Kind): Promise<KubeObject[]> {
  try {
    return await writer.kube.list(kind);
  } catch (error) {
    if (error instanceof KubeError && error.status === 404) return [];
    throw error;
  }
}

/** The autoscaler whose target is Deployment `deployment`: a ScaledObject, else an HPA KEDA does not own. */
export async function findAutoscaler(writer: Writer, deployment: string): Promise<Autoscaler | undefined> {
  for (const kind of AUTOSCALER_KINDS) {
    const object = (await listKind(writer, kind)).find(
      (o) => targets(o, deployment) && !(kind === 'HorizontalPodAutoscaler' && ownedByKeda(o)),
    );
    if (object) return { kind, object, ...autoscalerBounds(kind, object) };
  }
  return undefined;
}

/** The canary's own autoscaler (named as the canary Deployment), which canary-step created. */
export async function findCanaryAutoscaler(
  writer: Writer,
  canaryName: string,
): Promise<Autoscaler | undefined> {
  for (const kind of AUTOSCALER_KINDS) {
    let object: KubeObject | undefined;
    try {
      object = await writer.find(kind, canaryName);
    } catch (error) {
      // 404: no such kind here (no KEDA). 403: canary-step may not read it, so it cannot have
      // created one either (the copy needs that right first).
      if (error instanceof KubeError && (error.status === 404 || error.status === 403)) continue;
      throw error;
    }
    if (object?.metadata.annotations?.[CREATED_FROM_ANNOTATION] && targets(object, canaryName))
      return { kind, object, ...autoscalerBounds(kind, object) };
  }
  return undefined;
}

/**
 * The stable's autoscaler copied for the canary: the canary Deployment as its target, `min`/`max`
 * as bounds, labels renamed as the canary's are, and KEDA trigger queries that name the stable
 * (`"stable"`, `"<stable name>"`) naming the canary: a copy scaling the canary on the stable's
 * queue would size it for the wrong load.
 */
export function canaryAutoscaler(
  stable: Autoscaler,
  stableName: string,
  canaryName: string,
  min: number,
  max: number,
): KubeObject {
  const spec = structuredClone(scalerSpec(stable.object));
  spec.scaleTargetRef = { ...spec.scaleTargetRef, name: canaryName };
  // KEDA names its HPA after this field when it is set: the copy's HPA must not take the stable's.
  if (spec.advanced?.horizontalPodAutoscalerConfig?.name)
    delete spec.advanced.horizontalPodAutoscalerConfig.name;
  const quoted = new RegExp(`(["'])(stable|${stableName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})\\1`, 'g');
  for (const trigger of spec.triggers ?? [])
    for (const [key, value] of Object.entries(trigger.metadata ?? {}))
      if (typeof value === 'string')
        trigger.metadata![key] = value.replace(quoted, (_, q: string, v: string) =>
          v === 'stable' ? `${q}canary${q}` : `${q}${canaryName}${q}`,
        );
  return {
    apiVersion: stable.object.apiVersion,
    kind: stable.kind,
    metadata: {
      name: canaryName,
      namespace: stable.object.metadata.namespace,
      labels: canaryLabels(stableName, canaryName, stable.object.metadata.labels),
      annotations: { [CREATED_FROM_ANNOTATION]: `${stable.kind}/${stable.object.metadata.name}` },
    },
    spec: { ...spec, ...boundsPatch(stable.kind, min, max) },
  };
}

/** A merge patch of an autoscaler's bounds. */
export function autoscalerBoundsPatch(
  kind: AutoscalerKind,
  min: number,
  max: number,
): Record<string, unknown> {
  return { spec: boundsPatch(kind, min, max) };
}
