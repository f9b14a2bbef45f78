/** A Kubernetes object as JSON: what the routers read and the patches change. */
export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata: {
    name: string;
    namespace?: string;
    resourceVersion?: string;
    generation?: number;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    [key: string]: unknown;
  };
  spec?: Record<string, unknown>;
  status?: Record<string, unknown>;
  [key: string]: unknown;
}

const isMap = (value: unknown): value is Record<string, unknown> =>
  !!value && typeof value === 'object' && !Array.isArray(value);

/** RFC 7386 JSON merge patch: what the API server does with `application/merge-patch+json` (dry runs apply it locally). */
export function applyMergePatch<T>(target: T, patch: unknown): T {
  if (!isMap(patch)) return structuredClone(patch) as T;
  const result: Record<string, unknown> = isMap(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = applyMergePatch(result[key], value);
  }
  return result as T;
}

/** `a=b,c=d` from matchLabels. */
export function labelSelector(labels: Record<string, string> | undefined): string {
  return Object.entries(labels ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
}

/** One field a change sets: where, what it held, what it holds after. */
export interface FieldChange {
  field: string;
  from?: unknown;
  to?: unknown;
}

const leaf = (v: unknown): unknown => (v !== null && typeof v === 'object' ? JSON.stringify(v) : v);

/** The fields that differ between two versions of an object, as `a.b[0].c` paths (what a summary shows). */
export function diffFields(before: unknown, after: unknown, path = ''): FieldChange[] {
  const bothArrays = Array.isArray(before) && Array.isArray(after);
  if ((isMap(before) && isMap(after)) || bothArrays) {
    const keys = bothArrays
      ? Array.from({ length: Math.max(before.length, after.length) }, (_, i) => i)
      : [...new Set([...Object.keys(before as object), ...Object.keys(after as object)])];
    return keys.flatMap((k) =>
      diffFields(
        (before as Record<string | number, unknown>)[k],
        (after as Record<string | number, unknown>)[k],
        typeof k === 'number' ? `${path}[${k}]` : path ? `${path}.${k}` : k,
      ),
    );
  }
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  return [{ field: path, from: leaf(before), to: leaf(after) }];
}

/** The RFC 6902 operations canary-step sends (`test`, `replace`), applied to a local copy in dry runs. */
export function applyJsonPatch<T>(target: T, ops: JsonPatchOp[]): T {
  const doc = structuredClone(target) as Record<string, unknown>;
  for (const op of ops) {
    const parts = op.path.split('/').slice(1);
    const last = parts.pop()!;
    let node = doc as Record<string, unknown>;
    for (const p of parts) node = node?.[p] as Record<string, unknown>;
    if (node === undefined || node === null) throw new Error(`path ${op.path} does not exist`);
    if (op.op === 'test') {
      if (JSON.stringify(node[last]) !== JSON.stringify(op.value))
        throw new Error(`test failed at ${op.path}`);
    } else node[last] = structuredClone(op.value);
  }
  return doc as T;
}

export interface JsonPatchOp {
  op: 'test' | 'replace';
  path: string;
  value: unknown;
}
