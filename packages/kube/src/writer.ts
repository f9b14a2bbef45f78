import { stringify } from 'yaml';
import { isConflict, KubeError, type Kind, type KubeApi } from './client';
import { applyMergePatch, type KubeObject } from './objects';

/** One change canary-step made (or, in a dry run, would make). */
export interface Change {
  verb: 'patch' | 'create';
  kind: Kind;
  name: string;
  /** Why, in a few words ("weight 10%", "scale canary to 0"). */
  reason: string;
  patch: unknown;
}

const MAX_CONFLICT_RETRIES = 5;

/**
 * Every write goes through here: merge patches carry the resourceVersion they were computed from,
 * so a concurrent change is a 409 and the change is re-computed on a fresh read. In a dry run the
 * patches are printed as YAML and applied to local copies only, so later steps see them.
 */
export class Writer {
  readonly changes: Change[] = [];
  private readonly overlay = new Map<string, KubeObject>();
  conflicts = 0;

  constructor(
    readonly kube: KubeApi,
    readonly dryRun: boolean,
    private readonly log: (line: string) => void,
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
    return this.overlay.get(this.key(kind, name)) ?? (await this.kube.find(kind, name));
  }

  private record(change: Change): void {
    this.changes.push(change);
    if (this.dryRun) {
      const body = stringify(change.patch, { lineWidth: 0 }).trimEnd();
      this.log(
        `[dry-run] would ${change.verb} ${change.kind} ${this.namespace}/${change.name} (${change.reason}):\n${body
          .split('\n')
          .map((l) => `    ${l}`)
          .join('\n')}`,
      );
    } else this.log(`${change.verb} ${change.kind} ${this.namespace}/${change.name}: ${change.reason}`);
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
    for (let attempt = 0; ; attempt++) {
      const current = await this.get(kind, name);
      const patch = change(current);
      if (!patch) return current;
      if (this.dryRun) {
        this.record({ verb: 'patch', kind, name, reason, patch });
        const next = applyMergePatch(current, patch);
        this.overlay.set(this.key(kind, name), next);
        return next;
      }
      const guarded = applyMergePatch(patch, {
        metadata: { resourceVersion: current.metadata.resourceVersion },
      });
      try {
        const written = await this.kube.patch(kind, name, guarded, 'merge');
        this.record({ verb: 'patch', kind, name, reason, patch });
        return written;
      } catch (error) {
        if (!isConflict(error) || attempt >= MAX_CONFLICT_RETRIES) throw error;
        this.conflicts++;
        this.log(
          `conflict writing ${kind} ${this.namespace}/${name} (changed by someone else): re-reading and retrying`,
        );
      }
    }
  }

  /** Replica count: a JSON patch, which needs no resourceVersion (the result is the same whatever changed meanwhile). */
  async scale(name: string, replicas: number, reason: string): Promise<void> {
    const patch = [{ op: 'replace', path: '/spec/replicas', value: replicas }];
    if (this.dryRun) {
      this.record({ verb: 'patch', kind: 'Deployment', name, reason, patch });
      const current = await this.find('Deployment', name);
      if (current)
        this.overlay.set(this.key('Deployment', name), applyMergePatch(current, { spec: { replicas } }));
      return;
    }
    await this.kube.patch('Deployment', name, patch, 'json');
    this.record({ verb: 'patch', kind: 'Deployment', name, reason, patch });
  }

  async create(kind: Kind, object: KubeObject, reason: string): Promise<KubeObject> {
    this.record({ verb: 'create', kind, name: object.metadata.name, reason, patch: object });
    if (this.dryRun) {
      this.overlay.set(this.key(kind, object.metadata.name), object);
      return object;
    }
    return this.kube.create(kind, object);
  }
}

export { KubeError };
