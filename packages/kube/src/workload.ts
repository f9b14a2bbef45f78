import { formatDuration, UserError } from '@llmops/core';
import type { Clock } from '@llmops/prom';
import type { Kind } from './client';
import { labelSelector, type KubeObject } from './objects';
import type { Writer } from './writer';

export const CREATED_FROM_ANNOTATION = 'canary-step.llmops.dev/created-from';

interface Container {
  name: string;
  image?: string;
  [key: string]: unknown;
}

interface DeploymentSpec {
  replicas?: number;
  selector?: { matchLabels?: Record<string, string> };
  template?: { metadata?: { labels?: Record<string, string> }; spec?: { containers?: Container[] } };
  [key: string]: unknown;
}

const spec = (d: KubeObject) => (d.spec ?? {}) as DeploymentSpec;
/** An image without its tag or digest. */
export const repository = (image: string) => image.replace(/@.*$/, '').replace(/:[^/:]*$/, '');

/** The container an image belongs to: the one running the same repository, else the first. */
export function containerFor(containers: Container[], image: string): number {
  const same = containers.findIndex((c) => c.image && repository(c.image) === repository(image));
  return same >= 0 ? same : 0;
}

export function imageOf(d: KubeObject, hint?: string): string | undefined {
  const containers = spec(d).template?.spec?.containers ?? [];
  return containers[hint ? containerFor(containers, hint) : 0]?.image;
}

/** A stable Deployment's labels as its canary copy has them: values naming the stable (or `stable`) name the canary. */
export function canaryLabels(
  stableName: string,
  canaryName: string,
  labels: Record<string, string> = {},
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(labels).map(([k, v]) => [
      k,
      v === stableName ? canaryName : v === 'stable' ? 'canary' : v,
    ]),
  );
}

export function matchLabelsOf(d: KubeObject): Record<string, string> {
  return spec(d).selector?.matchLabels ?? {};
}

/** One pod's cold start: from its creation to its Ready condition. */
export interface PodStart {
  pod: string;
  deployment: string;
  createdAt: string;
  readyMs: number;
}

export interface WaitOptions {
  timeoutMs: number;
  /** First poll interval: it doubles up to `maxPollMs` (5 s), quick when the cluster is, quiet when a GPU pod takes minutes. */
  pollMs: number;
  maxPollMs?: number;
  clock: Clock;
  log: (line: string) => void;
  signal?: AbortSignal;
}

/**
 * Poll until `ready` says so; `ready` gets the time waited so far. After `timeoutMs` the error
 * from `timedOut` is thrown.
 */
export async function pollUntil(
  wait: WaitOptions,
  ready: (elapsedMs: number) => Promise<boolean>,
  timedOut: () => Error,
): Promise<void> {
  const started = wait.clock.now();
  let delay = wait.pollMs;
  for (;;) {
    const elapsed = wait.clock.now() - started;
    if (await ready(elapsed)) return;
    if (elapsed >= wait.timeoutMs) throw timedOut();
    await wait.clock.sleep(delay, wait.signal);
    delay = Math.min(wait.maxPollMs ?? 5000, delay * 2);
  }
}

/**
 * Wait until `ready` says so of the object, following it with a watch (a GPU rollout waits for
 * minutes: one open stream instead of a request every few seconds). A stream the server closes is
 * opened again; a watch the server refuses (no `watch` in the Role) falls back to polling.
 */
export async function watchUntil(
  writer: Writer,
  kind: Kind,
  name: string,
  wait: WaitOptions,
  ready: (object: KubeObject, elapsedMs: number) => boolean,
  timedOut: () => Error,
): Promise<void> {
  const started = wait.clock.now();
  const elapsed = () => wait.clock.now() - started;
  let done = false;
  let failure: unknown;
  let wake = () => {};
  const woken = () => new Promise<void>((resolve) => (wake = resolve));
  const onChange = (object: KubeObject) => {
    try {
      done ||= ready(object, elapsed());
    } catch (error) {
      failure ??= error;
    }
    wake();
  };
  const deadline = new AbortController();
  const timer = wait.clock.sleep(
    wait.timeoutMs,
    AbortSignal.any([deadline.signal, ...(wait.signal ? [wait.signal] : [])]),
  );
  timer
    .then(
      () => (failure ??= timedOut()),
      () => (failure ??= wait.signal?.aborted ? (wait.signal.reason ?? new Error('cancelled')) : undefined),
    )
    .finally(() => wake());
  try {
    while (!done && !failure) {
      let stream;
      try {
        stream = await writer.kube.watch(kind, name, onChange);
      } catch (error) {
        wait.log(`cannot watch ${kind} ${writer.namespace}/${name} (${(error as Error).message}): polling`);
        const rest = { ...wait, timeoutMs: Math.max(0, wait.timeoutMs - elapsed()) };
        return await pollUntil(rest, async () => ready(await writer.get(kind, name), elapsed()), timedOut);
      }
      let ended = false;
      void stream.ended.then(() => {
        ended = true;
        wake();
      });
      // (a stream the server closed is opened again: it sends the object as it is now first)
      while (!done && !failure && !ended) await woken();
      stream.stop();
    }
    if (!done) throw failure;
  } finally {
    deadline.abort();
  }
}

/** Deployments: the canary's image and size, readiness with the reasons pods wait, the stable's promotion. */
export class Workloads {
  constructor(
    private readonly writer: Writer,
    private readonly wait: WaitOptions,
  ) {}

  private get log() {
    return this.wait.log;
  }

  /** Set `image` on the Deployment's container for it: a JSON patch of that one field, nothing else of the spec. */
  async setImage(name: string, image: string, reason: string): Promise<void> {
    const d = await this.writer.get('Deployment', name);
    const containers = spec(d).template?.spec?.containers ?? [];
    if (containers.length === 0)
      throw new UserError(`Deployment ${this.writer.namespace}/${name} has no containers`);
    const i = containerFor(containers, image);
    const container = containers[i]!;
    if (container.image === image) return;
    const at = `/spec/template/spec/containers/${i}`;
    await this.writer.patchFields(
      'Deployment',
      name,
      [
        { op: 'test', path: `${at}/name`, value: container.name },
        { op: 'replace', path: `${at}/image`, value: image },
      ],
      reason,
      [{ field: `spec.template.spec.containers[${container.name}].image`, from: container.image, to: image }],
    );
  }

  /**
   * The canary Deployment running `image`: updated if it exists, else created from the stable one
   * with 0 replicas (each step sizes it). Its pods must be told apart from the stable pods, so
   * labels whose value is the stable Deployment's name or `stable` get the canary's name or `canary`.
   */
  async prepareCanary(stableName: string, canaryName: string, image: string | undefined): Promise<void> {
    const existing = await this.writer.find('Deployment', canaryName);
    if (existing) {
      if (image) await this.setImage(canaryName, image, `canary image ${image}`);
      return;
    }
    if (!image)
      throw new UserError(
        `Deployment ${this.writer.namespace}/${canaryName} does not exist: give 'image' to create it from '${stableName}'`,
      );
    const stable = await this.writer.get('Deployment', stableName);
    const rewrite = (labels?: Record<string, string>) => canaryLabels(stableName, canaryName, labels);
    const s = structuredClone(spec(stable));
    const matchLabels = rewrite(s.selector?.matchLabels);
    if (labelSelector(matchLabels) === labelSelector(s.selector?.matchLabels))
      throw new UserError(
        `cannot create canary Deployment '${canaryName}' from '${stableName}': no selector label has the value '${stableName}' or 'stable' to tell canary pods from stable ones; create '${canaryName}' yourself (its own labels, 0 replicas)`,
      );
    s.selector = { ...s.selector, matchLabels };
    s.template = {
      ...s.template,
      metadata: { ...s.template?.metadata, labels: rewrite(s.template?.metadata?.labels) },
    };
    const containers = [...(s.template.spec?.containers ?? [])];
    const i = containerFor(containers, image);
    if (containers[i]) containers[i] = { ...containers[i], image };
    s.template.spec = { ...s.template.spec, containers };
    s.replicas = 0;
    const object: KubeObject = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: {
        name: canaryName,
        namespace: this.writer.namespace,
        labels: rewrite(stable.metadata.labels),
        annotations: { [CREATED_FROM_ANNOTATION]: stableName },
      },
      spec: s,
    };
    const container = containers[i]?.name ?? '';
    await this.writer.create('Deployment', object, `canary from ${stableName} with ${image}`, [
      { field: 'created from', to: stableName },
      { field: 'spec.selector.matchLabels', to: labelSelector(matchLabels) },
      { field: `spec.template.spec.containers[${container}].image`, to: image },
      { field: 'spec.replicas', to: 0 },
    ]);
  }

  /** Grow a Deployment to `replicas` (never shrinks it mid-rollout) and wait until they are ready. */
  async scaleUp(name: string, replicas: number, reason: string): Promise<void> {
    const d = await this.writer.get('Deployment', name);
    const now = spec(d).replicas ?? 1;
    if (now < replicas) await this.writer.scale(name, replicas, reason, now);
    await this.waitReady(name);
  }

  async scaleTo(name: string, replicas: number, reason: string): Promise<void> {
    const d = await this.writer.find('Deployment', name);
    const now = d && (spec(d).replicas ?? 1);
    if (d && now !== replicas) await this.writer.scale(name, replicas, reason, now);
  }

  /**
   * Wait until the Deployment's current generation is rolled out and every replica is ready,
   * saying what it waits for: ready counts, and why pods are pending (the scheduler's message,
   * such as insufficient nvidia.com/gpu) or not starting (image pulls, crash loops).
   */
  async waitReady(name: string, atLeast = 0): Promise<void> {
    if (this.writer.dryRun) {
      this.log(`[dry-run] would wait for Deployment ${this.writer.namespace}/${name} to be ready`);
      return;
    }
    const { timeoutMs } = this.wait;
    const seen = new Set<string>();
    let lastLine = '';
    let lastReason = '';
    let progress = '';
    await pollUntil(
      this.wait,
      async (elapsed) => {
        const d = await this.writer.get('Deployment', name);
        const st = (d.status ?? {}) as {
          observedGeneration?: number;
          updatedReplicas?: number;
          readyReplicas?: number;
          availableReplicas?: number;
          conditions?: Array<{ type: string; status: string; reason?: string; message?: string }>;
        };
        // An autoscaler raising the count (its new minimum) has not always written it yet.
        const want = Math.max(spec(d).replicas ?? 1, atLeast);
        const observed = (st.observedGeneration ?? 0) >= (d.metadata.generation ?? 0);
        const ready = st.readyReplicas ?? 0;
        const updated = st.updatedReplicas ?? 0;
        if (observed && updated >= want && ready >= want && (st.availableReplicas ?? 0) >= want) {
          if (want > 0) this.log(`Deployment ${this.writer.namespace}/${name}: ${ready}/${want} ready`);
          return true;
        }
        const stuck = st.conditions?.find(
          (c) => c.type === 'Progressing' && c.reason === 'ProgressDeadlineExceeded',
        );
        if (stuck)
          throw new UserError(
            `Deployment ${this.writer.namespace}/${name} stopped progressing: ${stuck.message ?? 'progress deadline exceeded'}`,
          );
        progress = `${ready}/${want} ready`;
        const line = `waiting for Deployment ${this.writer.namespace}/${name}: ${ready}/${want} ready, ${updated} updated${observed ? '' : ', new generation not yet observed'}`;
        if (line !== lastLine) {
          this.log(`${line} (${formatDuration(elapsed)} of ${formatDuration(timeoutMs)})`);
          lastLine = line;
        }
        for (const reason of await this.podReasons(d)) {
          lastReason = reason;
          if (!seen.has(reason)) {
            seen.add(reason);
            this.log(`  ${reason}`);
          }
        }
        return false;
      },
      () =>
        new UserError(
          `Deployment ${this.writer.namespace}/${name} not ready after ${formatDuration(timeoutMs)} (input 'timeout'): ${progress}${lastReason ? `; ${lastReason}` : ''}`,
        ),
    );
  }

  /**
   * How long each ready pod of the Deployment took from creation to ready, as the API server
   * recorded it (creationTimestamp, the Ready condition's lastTransitionTime): the cold start
   * (scheduling, image pull, model load) a user pays for each new pod.
   */
  async podStarts(name: string): Promise<PodStart[]> {
    if (this.writer.dryRun) return [];
    const pods = await this.podsOf(await this.writer.get('Deployment', name));
    return pods.flatMap((pod) => {
      const created = Date.parse(String(pod.metadata.creationTimestamp ?? ''));
      const readyAt = (
        (pod.status?.conditions ?? []) as Array<{ type: string; status: string; lastTransitionTime?: string }>
      ).find((c) => c.type === 'Ready' && c.status === 'True')?.lastTransitionTime;
      const ready = Date.parse(readyAt ?? '');
      if (Number.isNaN(created) || Number.isNaN(ready)) return [];
      return [
        {
          pod: pod.metadata.name,
          deployment: name,
          createdAt: new Date(created).toISOString(),
          readyMs: Math.max(0, ready - created),
        },
      ];
    });
  }

  /** The Deployment's pods; none when they cannot be listed. */
  private async podsOf(d: KubeObject): Promise<KubeObject[]> {
    const selector = labelSelector(matchLabelsOf(d));
    if (!selector) return [];
    try {
      return await this.writer.kube.list('Pod', selector);
    } catch {
      return []; // reading pods is a nicety: a Role without `list pods` still rolls out
    }
  }

  /** Why the Deployment's pods are not ready, one line per distinct reason. */
  private async podReasons(d: KubeObject): Promise<string[]> {
    const pods = await this.podsOf(d);
    const reasons: string[] = [];
    for (const pod of pods) {
      const st = (pod.status ?? {}) as {
        phase?: string;
        conditions?: Array<{ type: string; status: string; reason?: string; message?: string }>;
        containerStatuses?: Array<{
          name: string;
          state?: { waiting?: { reason?: string; message?: string } };
        }>;
      };
      const unscheduled = st.conditions?.find((c) => c.type === 'PodScheduled' && c.status === 'False');
      if (unscheduled)
        reasons.push(
          `pod ${pod.metadata.name} is Pending (${unscheduled.reason ?? 'unscheduled'}): ${unscheduled.message ?? ''}`.trim(),
        );
      for (const c of st.containerStatuses ?? []) {
        const waiting = c.state?.waiting;
        if (waiting?.reason && waiting.reason !== 'ContainerCreating')
          reasons.push(
            `pod ${pod.metadata.name} container ${c.name}: ${waiting.reason}${waiting.message ? ` — ${waiting.message}` : ''}`,
          );
      }
    }
    return reasons;
  }
}

/**
 * Wait until an InferenceService has observed its spec and its latest predictor revision is
 * ready (status.components.predictor.latestReadyRevision = latestCreatedRevision, Ready True).
 */
export async function waitInferenceService(writer: Writer, name: string, wait: WaitOptions): Promise<void> {
  if (writer.dryRun) {
    wait.log(`[dry-run] would wait for InferenceService ${writer.namespace}/${name} to be ready`);
    return;
  }
  let last = '';
  await pollUntil(
    wait,
    async (elapsed) => {
      const isvc = await writer.get('InferenceService', name);
      const st = (isvc.status ?? {}) as {
        observedGeneration?: number;
        conditions?: Array<{ type: string; status: string; reason?: string; message?: string }>;
        components?: { predictor?: { latestCreatedRevision?: string; latestReadyRevision?: string } };
      };
      const predictor = st.components?.predictor ?? {};
      const readyCondition = st.conditions?.find((c) => c.type === 'Ready');
      const observed = (st.observedGeneration ?? 0) >= (isvc.metadata.generation ?? 0);
      if (
        observed &&
        readyCondition?.status === 'True' &&
        predictor.latestCreatedRevision &&
        predictor.latestReadyRevision === predictor.latestCreatedRevision
      ) {
        wait.log(
          `InferenceService ${writer.namespace}/${name}: revision ${predictor.latestReadyRevision} ready`,
        );
        return true;
      }
      const line = `waiting for InferenceService ${writer.namespace}/${name}: latest revision ${predictor.latestCreatedRevision ?? '(none yet)'}, ready ${predictor.latestReadyRevision ?? '(none)'}${readyCondition?.message ? ` — ${readyCondition.message}` : ''}`;
      if (line !== last) {
        wait.log(`${line} (${formatDuration(elapsed)} of ${formatDuration(wait.timeoutMs)})`);
        last = line;
      }
      return false;
    },
    () =>
      new UserError(
        `InferenceService ${writer.namespace}/${name} not ready after ${formatDuration(wait.timeoutMs)} (input 'timeout'): ${last}`,
      ),
  );
}
