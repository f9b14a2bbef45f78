import { sleep } from '@llmops/core';
import { stringify } from 'yaml';
import { isConflict, KubeError, type Kind, type KubeApi } from './client';
import {
  applyJsonPatch,
  applyMergePatch,
  diffFields,
  type FieldChange,
  type JsonPatchOp,
  type KubeObject,
} from './objects';
import { STATE_ANNOTATION } from './state';

/**
 * One change canary-step made (or, in a dry run, would make): which fields, from what to what.
 * Never whole objects: container specs carry env values and arguments that may be secrets.
 */
export interface Change {
  verb: 'patch' | 'create' | 'delete';
  kind: Kind;
  name: string;
  /** Why, in a few words ("weight 10%", "scale canary to 0"). */
  reason: string;
  fields: FieldChange[];
}

export interface WriterOptions {
  /** Retries of a write (merge or JSON patch) after a 5xx, 429 or network error (0: none). */
  retries?: number;
  /** First retry delay; doubles, with jitter. */
  retryDelayMs?: number;
  /** Once aborted (SIGINT), at most one retry: the runner kills the process 7.5 s later. */
  signal?: AbortSignal;
}

const MAX_CONFLICT_RETRIES = 5;

/** Worth another try: the server or the network failed, not the request. */
function transient(error: unknown): boolean {
  return (
    error instanceof KubeError && (error.status === undefined || error.status === 429 || error.status >= 500)
  );
}

/** `ms` spread over ±50%, so writers retrying the same conflict do not collide again. */
const jitter = (ms: number) => Math.round(ms * (0.5 + Math.random()));

/** The longest `Retry-After` honoured: a rollback must not wait on a server's say-so for minutes. */
const MAX_RETRY_AFTER_MS = 10_000;
/** Once cancelled, the runner kills the process 7.5 s later: wait at most this long. */
const MAX_ABORTED_WAIT_MS = 1000;

/** The rollout state annotation as a short summary instead of its JSON. */
function summarizeState(field: FieldChange): FieldChange {
  const brief = (text: unknown) => {
    if (typeof text !== 'string') return text;
    try {
      const s = JSON.parse(text) as { outcome?: string; step?: number; weight?: number };
      return `${s.outcome} (step ${s.step}, canary weight ${s.weight}%)`;
    } catch {
      return text;
    }
  };
  return { field: 'rollout state', from: brief(field.from), to: brief(field.to) };
}

/**
 * Every write goes through here: merge patches carry the resourceVersion they were computed from,
 * so a concurrent change is a 409 and the change is re-computed on a fresh read. In a dry run the
 * patches are printed as YAML and applied to local copies only, so later steps see them.
 */
export class Writer {
  readonly changes: Change[] = [];
  private readonly overlay = new Map<string, KubeObject>();
  /** Objects a dry run deleted: later reads do not find them. */
  private readonly deleted = new Set<string>();
  conflicts = 0;

  constructor(
    readonly kube: KubeApi,
    readonly dryRun: boolean,
    private readonly log: (line: string) => void,
    private readonly options: WriterOptions = {},
  ) {}

  get namespace(): string {
    return this.kube.namespace;
  }

  private key(kind: Kind, name: string): string {
    return `${kind}/${name}`;
  }

  async get(kind: Kind, name: string): Promise<KubeObject> {
    return this.overlay.get(this.key(kind, name)) ?? (await this.kube.get(kind, name));
  }

  async find(kind: Kind, name: string): Promise<KubeObject | undefined> {
    if (this.deleted.has(this.key(kind, name))) return undefined;
    return this.overlay.get(this.key(kind, name)) ?? (await this.kube.find(kind, name));
  }

  /** Record a change; a dry run prints what it would send, one log line per YAML line. */
  private record(change: Change, printed: unknown): void {
    this.changes.push(change);
    const target = `${change.kind} ${this.namespace}/${change.name}`;
    if (this.dryRun) {
      this.log(`[dry-run] would ${change.verb} ${target} (${change.reason}):`);
      for (const line of stringify(printed, { lineWidth: 0 }).trimEnd().split('\n')) this.log(`    ${line}`);
    } else this.log(`${change.verb} ${target}: ${change.reason}`);
  }

  /**
   * Run one write, retrying what is worth it: a 409 (merge patches only: re-read and recompute) a
   * few times, and transient failures (5xx, 429, no answer) `retries` times with backoff, waiting
   * at least what the server's Retry-After asks (capped). Every write goes through here: a
   * rollback to weight 0 or a scale-down must land through an API server shedding load.
   */
  private async retrying<T>(
    kind: Kind,
    name: string,
    write: () => Promise<T>,
    { conflicts: retryConflicts }: { conflicts: boolean },
  ): Promise<T> {
    const retries = this.options.retries ?? 3;
    const delay = this.options.retryDelayMs ?? 250;
    for (let conflicts = 0, failures = 0; ;) {
      try {
        return await write();
      } catch (error) {
        if (retryConflicts && isConflict(error) && conflicts < MAX_CONFLICT_RETRIES) {
          conflicts++;
          this.conflicts++;
          this.log(
            `conflict writing ${kind} ${this.namespace}/${name} (changed by someone else): re-reading and retrying`,
          );
          await sleep(jitter(50 * conflicts));
          continue;
        }
        const aborted = this.options.signal?.aborted;
        const budget = aborted ? Math.min(retries, 1) : retries;
        if (!transient(error) || failures >= budget) throw error;
        failures++;
        const asked = Math.min((error as KubeError).retryAfterMs ?? 0, MAX_RETRY_AFTER_MS);
        const backoff = jitter(delay * 2 ** (failures - 1));
        const wait = Math.min(Math.max(backoff, asked), aborted ? MAX_ABORTED_WAIT_MS : MAX_RETRY_AFTER_MS);
        const why = asked && wait === asked ? ', as Retry-After asks' : '';
        this.log(`${(error as Error).message}: retrying in ${wait} ms${why} (${failures}/${budget})`);
        await sleep(wait);
      }
    }
  }

  /**
   * Read the object, let `change` compute a merge patch from it (undefined: nothing to do), and
   * write it with the resourceVersion it was read at; on a 409 read again and recompute.
   */
  async update(
    kind: Kind,
    name: string,
    reason: string,
    change: (object: KubeObject) => Record<string, unknown> | undefined,
  ): Promise<KubeObject> {
    return this.retrying(kind, name, () => this.updateOnce(kind, name, reason, change), { conflicts: true });
  }

  private async updateOnce(
    kind: Kind,
    name: string,
    reason: string,
    change: (object: KubeObject) => Record<string, unknown> | undefined,
  ): Promise<KubeObject> {
    const current = await this.get(kind, name);
    const patch = change(current);
    if (!patch) return current;
    const next = applyMergePatch(current, patch);
    const fields = diffFields(current, next).map((f) =>
      f.field === `metadata.annotations.${STATE_ANNOTATION}` ? summarizeState(f) : f,
    );
    if (this.dryRun) {
      this.record({ verb: 'patch', kind, name, reason, fields }, patch);
      this.overlay.set(this.key(kind, name), next);
      return next;
    }
    const guarded = applyMergePatch(patch, {
      metadata: { resourceVersion: current.metadata.resourceVersion },
    });
    const written = await this.kube.patch(kind, name, guarded, 'merge');
    this.record({ verb: 'patch', kind, name, reason, fields }, patch);
    return written;
  }

  /**
   * A JSON patch of single fields (an image, a replica count): it needs no resourceVersion, and
   * `test` operations make it fail rather than change the wrong container.
   */
  async patchFields(
    kind: Kind,
    name: string,
    ops: JsonPatchOp[],
    reason: string,
    fields: FieldChange[],
  ): Promise<void> {
    if (this.dryRun) {
      this.record({ verb: 'patch', kind, name, reason, fields }, ops);
      const current = await this.find(kind, name);
      if (current) this.overlay.set(this.key(kind, name), applyJsonPatch(current, ops));
      return;
    }
    // Replacing a field is idempotent (and `test` ops check names, not the values replaced), so
    // a write that failed in transit is safely sent again.
    await this.retrying(kind, name, () => this.kube.patch(kind, name, ops, 'json'), { conflicts: false });
    this.record({ verb: 'patch', kind, name, reason, fields }, ops);
  }

  /** Replica count. */
  async scale(name: string, replicas: number, reason: string, from?: number): Promise<void> {
    await this.patchFields(
      'Deployment',
      name,
      [{ op: 'replace', path: '/spec/replicas', value: replicas }],
      reason,
      [{ field: 'spec.replicas', from, to: replicas }],
    );
  }

  /** Create an object; the record names only `fields` (the object may hold secrets). */
  async create(kind: Kind, object: KubeObject, reason: string, fields: FieldChange[]): Promise<KubeObject> {
    this.record(
      { verb: 'create', kind, name: object.metadata.name, reason, fields },
      Object.fromEntries(fields.map((f) => [f.field, f.to])),
    );
    if (this.dryRun) {
      this.overlay.set(this.key(kind, object.metadata.name), object);
      this.deleted.delete(this.key(kind, object.metadata.name));
      return object;
    }
    return this.kube.create(kind, object);
  }

  /** Delete an object (what canary-step created: the canary's autoscaler). */
  async delete(kind: Kind, name: string, reason: string): Promise<void> {
    if (this.dryRun) {
      this.record({ verb: 'delete', kind, name, reason, fields: [] }, { delete: `${kind}/${name}` });
      this.overlay.delete(this.key(kind, name));
      this.deleted.add(this.key(kind, name));
      return;
    }
    // Gone already (a retried delete whose first answer was lost) is deleted all the same.
    const once = () =>
      this.kube.delete(kind, name).catch((error: unknown) => {
        if (!(error instanceof KubeError && error.status === 404)) throw error;
      });
    await this.retrying(kind, name, once, { conflicts: false });
    this.record({ verb: 'delete', kind, name, reason, fields: [] }, {});
  }
}
