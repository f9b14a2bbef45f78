import { parseDuration } from '@llmops/core';
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IPodSpec } from 'kubernetes-models/v1/PodSpec';
import type { KubeObject } from '../helpers/fake-kube';

/**
 * The production checklist for a GPU serving stack, run on a rendered overlay: every item a
 * reviewer of the seed's production setup asks about, each a function returning what it found.
 */
export const CHECKLIST = [
  'requests/limits',
  'probes',
  'PDB',
  'anti-affinity',
  'graceful shutdown',
  'non-root',
  'pinned image',
] as const;
export type ChecklistItem = (typeof CHECKLIST)[number];

type Labels = Record<string, string>;

/** A pod template in a rendered object; `serving` when one of its containers takes a GPU. */
interface PodTemplate {
  id: string;
  labels: Labels;
  spec: IPodSpec;
  replicas?: number;
  serving: boolean;
}

const GPU = 'nvidia.com/gpu';
/** The startup probe must give a model load this long before the kubelet restarts the pod. */
export const MIN_STARTUP_SECONDS = 600;

const takesGpu = (c: IContainer) => !!(c.resources?.limits?.[GPU] ?? c.resources?.requests?.[GPU]);
const containersOf = (spec: IPodSpec) => [...(spec.initContainers ?? []), ...spec.containers];
/** The server in a serving pod: a container taking a GPU. */
const serversOf = (spec: IPodSpec) => spec.containers.filter(takesGpu);
const selects = (selector: Labels | undefined, labels: Labels) =>
  !!selector &&
  Object.keys(selector).length > 0 &&
  Object.entries(selector).every(([k, v]) => labels[k] === v);

function podTemplates(objects: KubeObject[]): PodTemplate[] {
  const templates: PodTemplate[] = [];
  for (const o of objects) {
    const id = `${o.kind}/${o.metadata.name}`;
    const spec = o.spec as Record<string, unknown> | undefined;
    if (['Deployment', 'DaemonSet', 'Job', 'StatefulSet'].includes(o.kind ?? '')) {
      const template = spec?.template as { metadata?: { labels?: Labels }; spec: IPodSpec };
      const replicas = spec?.replicas as number | undefined;
      templates.push({
        id,
        labels: template.metadata?.labels ?? {},
        spec: template.spec,
        replicas,
        serving: false,
      });
    } else if (o.kind === 'InferenceService') {
      // KServe's predictor is a pod spec; these are the labels KServe gives its pods.
      const labels = { 'serving.kserve.io/inferenceservice': o.metadata.name, component: 'predictor' };
      templates.push({ id, labels, spec: spec?.predictor as IPodSpec, serving: false });
    }
  }
  return templates.map((t) => ({ ...t, serving: serversOf(t.spec).length > 0 }));
}

function requestsAndLimits(t: PodTemplate): string[] {
  return containersOf(t.spec).flatMap((c) => {
    const { requests = {}, limits = {} } = c.resources ?? {};
    const missing = [
      requests.cpu === undefined && 'requests.cpu',
      requests.memory === undefined && 'requests.memory',
      limits.memory === undefined && 'limits.memory',
    ].filter(Boolean);
    const problems = missing.length ? [`container ${c.name} has no ${missing.join(', ')}`] : [];
    if (takesGpu(c) && String(requests[GPU]) !== String(limits[GPU]))
      problems.push(
        `container ${c.name} requests ${requests[GPU] ?? 'no'} GPU but limits ${limits[GPU] ?? 'none'}`,
      );
    return problems;
  });
}

function probes(t: PodTemplate): string[] {
  return serversOf(t.spec).flatMap((c) => {
    const missing = (['startupProbe', 'readinessProbe', 'livenessProbe'] as const).filter((p) => !c[p]);
    if (missing.length) return [`container ${c.name} has no ${missing.join(', ')}`];
    const s = c.startupProbe!;
    const budget = (s.initialDelaySeconds ?? 0) + (s.periodSeconds ?? 10) * (s.failureThreshold ?? 3);
    return budget < MIN_STARTUP_SECONDS
      ? [
          `container ${c.name}'s startup probe allows ${budget}s to load the model, under ${MIN_STARTUP_SECONDS}s`,
        ]
      : [];
  });
}

function disruptionBudget(t: PodTemplate, objects: KubeObject[]): string[] {
  if (t.replicas === 0) return [];
  const budgets = objects.filter((o) => o.kind === 'PodDisruptionBudget');
  const covered = budgets.some((b) =>
    selects((b.spec?.selector as { matchLabels?: Labels } | undefined)?.matchLabels, t.labels),
  );
  return covered ? [] : ['no PodDisruptionBudget selects its pods'];
}

function antiAffinity(t: PodTemplate): string[] {
  const anti = t.spec.affinity?.podAntiAffinity;
  const terms = [
    ...(anti?.requiredDuringSchedulingIgnoredDuringExecution ?? []),
    ...(anti?.preferredDuringSchedulingIgnoredDuringExecution ?? []).map((p) => p.podAffinityTerm),
  ];
  const spreads = terms.some(
    (term) =>
      term.topologyKey === 'kubernetes.io/hostname' &&
      selects(term.labelSelector?.matchLabels as Labels | undefined, t.labels),
  );
  return spreads ? [] : ['no pod anti-affinity across nodes (kubernetes.io/hostname) on its own pods'];
}

/** Seconds a preStop hook holds the container: `sleep N` (exec or the sleep action). */
function preStopSeconds(c: IContainer): number | undefined {
  const hook = c.lifecycle?.preStop as
    { exec?: { command?: string[] }; sleep?: { seconds: number }; httpGet?: unknown } | undefined;
  if (!hook) return undefined;
  if (hook.sleep) return hook.sleep.seconds;
  const sleep = hook.exec?.command?.join(' ').match(/\bsleep\s+(\d+)/);
  return sleep ? Number(sleep[1]) : 0;
}

/** The longest request the routes in the overlay let through, in seconds (0: none set). */
export function longestRouteTimeout(objects: KubeObject[]): number {
  const seconds = (text: unknown) => (typeof text === 'string' ? (parseDuration(text) ?? 0) / 1000 : 0);
  const timeouts = objects.flatMap((o) => {
    const spec = (o.spec ?? {}) as Record<string, unknown>;
    if (o.kind === 'VirtualService')
      return ((spec.http ?? []) as Array<{ timeout?: string }>).map((h) => seconds(h.timeout));
    if (o.kind === 'HTTPRoute')
      return ((spec.rules ?? []) as Array<{ timeouts?: { request?: string } }>).map((r) =>
        seconds(r.timeouts?.request),
      );
    if (o.kind === 'InferenceService')
      return [Number((spec.predictor as { timeout?: number })?.timeout ?? 0)];
    return [];
  });
  return Math.max(0, ...timeouts);
}

function gracefulShutdown(t: PodTemplate, objects: KubeObject[]): string[] {
  const grace = t.spec.terminationGracePeriodSeconds ?? 30;
  const longest = longestRouteTimeout(objects);
  return serversOf(t.spec).flatMap((c) => {
    const delay = preStopSeconds(c);
    if (delay === undefined) return [`container ${c.name} has no preStop hook to leave the endpoints first`];
    return grace < delay + longest || grace <= delay
      ? [
          `terminationGracePeriodSeconds ${grace} is under the preStop delay (${delay}s) plus the longest request the routes allow (${longest}s)`,
        ]
      : [];
  });
}

function nonRoot(t: PodTemplate): string[] {
  const pod = t.spec.securityContext ?? {};
  return containersOf(t.spec).flatMap((c) => {
    const sc = c.securityContext ?? {};
    const problems: string[] = [];
    if ((sc.runAsNonRoot ?? pod.runAsNonRoot) !== true) problems.push('runAsNonRoot is not true');
    if ((sc.runAsUser ?? pod.runAsUser) === 0) problems.push('runs as user 0');
    if (sc.allowPrivilegeEscalation !== false) problems.push('allowPrivilegeEscalation is not false');
    if (sc.privileged) problems.push('is privileged');
    return problems.map((p) => `container ${c.name} ${p}`);
  });
}

function pinnedImages(t: PodTemplate): string[] {
  return containersOf(t.spec)
    .filter((c) => !/@sha256:[0-9a-f]{64}$/.test(c.image ?? ''))
    .map((c) => `container ${c.name}'s image ${c.image} is not pinned by digest`);
}

/** Every checklist item's problems on a rendered overlay, as `item: Kind/name: what`. */
export function checklistProblems(objects: KubeObject[]): string[] {
  const templates = podTemplates(objects);
  const serving = templates.filter((t) => t.serving);
  const perTemplate: Array<[ChecklistItem, (t: PodTemplate) => string[], PodTemplate[]]> = [
    ['requests/limits', requestsAndLimits, templates],
    ['probes', probes, serving],
    ['PDB', (t) => disruptionBudget(t, objects), serving],
    ['anti-affinity', antiAffinity, serving],
    ['graceful shutdown', (t) => gracefulShutdown(t, objects), serving],
    ['non-root', nonRoot, templates],
    ['pinned image', pinnedImages, templates],
  ];
  const problems = serving.length ? [] : ['requests/limits: no workload requests a GPU'];
  for (const [item, check, among] of perTemplate)
    for (const t of among) problems.push(...check(t).map((p) => `${item}: ${t.id}: ${p}`));
  return problems;
}
