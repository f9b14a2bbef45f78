import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback stand-in for the Kubernetes API server, speaking its REST API for the objects
 * canary-step uses: Deployments, DaemonSets, Services, Pods, Events, HorizontalPodAutoscalers, and the
 * custom resources (VirtualService, HTTPRoute, InferenceService, KEDA's ScaledObject); it also stores
 * the other kinds the reference manifests render (Job, PVC, PDB, RBAC), with no controller. It keeps
 * what a real server keeps honest:
 * resourceVersion on every write (stale ones get 409 Conflict), generation bumps on spec changes,
 * merge patch (RFC 7386) and JSON patch (RFC 6902), Status bodies for 403/404/409/422, label and
 * field selectors, and watch streams. Writes are validated by the schemas the test registers (a
 * CRD's openAPIV3Schema is checked by the real server the same way), and small controllers make
 * Deployments, DaemonSets (on `nodes` nodes) and InferenceServices become ready. Pods carry their
 * creation time and their Ready condition's transition time, as a kubelet reports them.
 */

export type KubeObject = {
  apiVersion?: string;
  kind?: string;
  metadata: {
    name: string;
    namespace?: string;
    resourceVersion?: string;
    generation?: number;
    uid?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    creationTimestamp?: string;
  };
  spec?: Record<string, unknown>;
  status?: Record<string, unknown>;
  [key: string]: unknown;
};

interface Resource {
  group: string;
  version: string;
  plural: string;
  kind: string;
}

const RESOURCES: Resource[] = [
  { group: '', version: 'v1', plural: 'services', kind: 'Service' },
  { group: '', version: 'v1', plural: 'pods', kind: 'Pod' },
  { group: '', version: 'v1', plural: 'events', kind: 'Event' },
  { group: '', version: 'v1', plural: 'persistentvolumeclaims', kind: 'PersistentVolumeClaim' },
  { group: '', version: 'v1', plural: 'serviceaccounts', kind: 'ServiceAccount' },
  { group: '', version: 'v1', plural: 'configmaps', kind: 'ConfigMap' },
  { group: '', version: 'v1', plural: 'secrets', kind: 'Secret' },
  { group: 'apps', version: 'v1', plural: 'deployments', kind: 'Deployment' },
  { group: 'apps', version: 'v1', plural: 'daemonsets', kind: 'DaemonSet' },
  { group: 'batch', version: 'v1', plural: 'jobs', kind: 'Job' },
  { group: 'policy', version: 'v1', plural: 'poddisruptionbudgets', kind: 'PodDisruptionBudget' },
  {
    group: 'autoscaling',
    version: 'v2',
    plural: 'horizontalpodautoscalers',
    kind: 'HorizontalPodAutoscaler',
  },
  { group: 'keda.sh', version: 'v1alpha1', plural: 'scaledobjects', kind: 'ScaledObject' },
  { group: 'rbac.authorization.k8s.io', version: 'v1', plural: 'roles', kind: 'Role' },
  { group: 'rbac.authorization.k8s.io', version: 'v1', plural: 'rolebindings', kind: 'RoleBinding' },
  { group: 'networking.istio.io', version: 'v1beta1', plural: 'virtualservices', kind: 'VirtualService' },
  { group: 'networking.istio.io', version: 'v1', plural: 'virtualservices', kind: 'VirtualService' },
  { group: 'networking.istio.io', version: 'v1beta1', plural: 'destinationrules', kind: 'DestinationRule' },
  { group: 'gateway.networking.k8s.io', version: 'v1', plural: 'httproutes', kind: 'HTTPRoute' },
  { group: 'serving.kserve.io', version: 'v1beta1', plural: 'inferenceservices', kind: 'InferenceService' },
];

/**
 * The collection path of a kind this server serves (`/apis/apps/v1/namespaces/<ns>/deployments`),
 * as kubectl finds it by discovery; undefined for a kind it does not serve (a cluster without
 * that CRD).
 */
export function collectionPath(apiVersion: string, kind: string, namespace: string): string | undefined {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  const resource = RESOURCES.find((r) => r.group === group && r.version === version && r.kind === kind);
  if (!resource) return undefined;
  const base = group ? `/apis/${group}/${version}` : `/api/${version}`;
  return `${base}/namespaces/${namespace}/${resource.plural}`;
}

export interface RecordedKubeRequest {
  verb: string;
  method: string;
  path: string;
  query: string;
  contentType?: string;
  body?: unknown;
  status: number;
  /** `<plural>/<name>` (or `<plural>` for lists). */
  target: string;
}

export interface Fault {
  method?: string;
  /** Matched against `<plural>/<name>`. */
  target: RegExp;
  status: number;
  times?: number;
  message?: string;
  /** A `Retry-After` header on the answer (API priority and fairness sends one with its 429s). */
  retryAfter?: string;
}

/** RBAC denial: the user may not `verb` the resource (`get`, `list`, `patch`, `create`, `update`, `watch`). */
export interface Denial {
  verb: string;
  plural: string;
}

type Validator = (object: KubeObject) => void;

export interface FakeKubeOptions {
  /** How long a Deployment or InferenceService takes to become ready after a change. */
  readyDelayMs?: number;
  /** Schema checks per kind, run on every write (a 422 Invalid when they throw). */
  validators?: Record<string, Validator>;
}

const clone = <T>(value: T): T => structuredClone(value);

/** RFC 7386 JSON merge patch. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return clone(patch);
  const result: Record<string, unknown> =
    target && typeof target === 'object' && !Array.isArray(target)
      ? { ...(target as Record<string, unknown>) }
      : {};
  for (const [key, value] of Object.entries(patch as Record<string, unknown>)) {
    if (value === null) delete result[key];
    else result[key] = mergePatch(result[key], value);
  }
  return result;
}

class PatchError extends Error {}

function pointer(path: string): string[] {
  if (path === '') return [];
  return path
    .slice(1)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** RFC 6902 JSON patch (add, remove, replace, test, copy, move). */
export function jsonPatch(target: unknown, ops: Array<Record<string, unknown>>): unknown {
  let doc = clone(target);
  const parentOf = (path: string): [Record<string, unknown> | unknown[], string] => {
    const parts = pointer(path);
    const last = parts.pop();
    if (last === undefined) throw new PatchError(`cannot operate on the document root: ${path}`);
    let node: unknown = doc;
    for (const part of parts) {
      node = (node as Record<string, unknown>)?.[part];
      if (node === undefined || node === null) throw new PatchError(`path ${path} does not exist`);
    }
    return [node as Record<string, unknown>, last];
  };
  const get = (path: string): unknown => {
    let node: unknown = doc;
    for (const part of pointer(path)) {
      node = (node as Record<string, unknown>)?.[part];
      if (node === undefined) throw new PatchError(`path ${path} does not exist`);
    }
    return node;
  };
  const add = (path: string, value: unknown) => {
    if (path === '') {
      doc = clone(value);
      return;
    }
    const [parent, key] = parentOf(path);
    if (Array.isArray(parent)) {
      const index = key === '-' ? parent.length : Number(key);
      if (!(index >= 0 && index <= parent.length)) throw new PatchError(`index ${key} out of range`);
      parent.splice(index, 0, clone(value));
    } else parent[key] = clone(value);
  };
  const remove = (path: string) => {
    const [parent, key] = parentOf(path);
    if (Array.isArray(parent)) {
      const index = Number(key);
      if (!(index >= 0 && index < parent.length)) throw new PatchError(`index ${key} out of range`);
      parent.splice(index, 1);
    } else {
      if (!(key in parent)) throw new PatchError(`path ${path} does not exist`);
      delete parent[key];
    }
  };
  for (const op of ops) {
    const path = String(op.path ?? '');
    switch (op.op) {
      case 'add':
        add(path, op.value);
        break;
      case 'remove':
        remove(path);
        break;
      case 'replace':
        get(path);
        remove(path);
        add(path, op.value);
        break;
      case 'test':
        if (JSON.stringify(get(path)) !== JSON.stringify(op.value))
          throw new PatchError(`test failed at ${path}`);
        break;
      case 'copy':
        add(path, get(String(op.from)));
        break;
      case 'move': {
        const value = get(String(op.from));
        remove(String(op.from));
        add(path, value);
        break;
      }
      default:
        throw new PatchError(`unknown op ${String(op.op)}`);
    }
  }
  return doc;
}

/** `a=b,c!=d,e` label selectors (equality and existence, which is what Deployments use). */
export function matchesSelector(labels: Record<string, string> = {}, selector: string): boolean {
  for (const term of selector
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean)) {
    const neq = /^([^!=]+)!=(.*)$/.exec(term);
    const eq = /^([^!=]+)==?(.*)$/.exec(term);
    if (neq) {
      if (labels[neq[1]!.trim()] === neq[2]!.trim()) return false;
    } else if (eq) {
      if (labels[eq[1]!.trim()] !== eq[2]!.trim()) return false;
    } else if (term.startsWith('!')) {
      if (term.slice(1) in labels) return false;
    } else if (!(term in labels)) return false;
  }
  return true;
}

function fieldValue(object: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)?.[key], object);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (data += chunk));
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}

interface Watcher {
  key: string;
  res: ServerResponse;
  /** Label and field selectors of the watch request. */
  matches: (object: KubeObject) => boolean;
}

export class FakeKube {
  url = '';
  readonly requests: RecordedKubeRequest[] = [];
  readonly objects = new Map<string, KubeObject>();
  private server?: Server;
  private version = 1000;
  private faults: Fault[] = [];
  private denials: Denial[] = [];
  private watchers: Watcher[] = [];
  private timers = new Set<NodeJS.Timeout>();
  private listeners: Array<(object: KubeObject, kind: string) => void> = [];
  private beforeWriteHooks: Array<(plural: string, name: string, verb: string, body: unknown) => void> = [];
  /** Nodes a DaemonSet schedules a pod on. */
  nodes = 3;
  /** Deployments whose pods cannot be scheduled (name → the scheduler's message). */
  readonly unschedulable = new Map<string, string>();
  readyDelayMs: number;
  private readonly validators: Record<string, Validator>;

  constructor(options: FakeKubeOptions = {}) {
    this.readyDelayMs = options.readyDelayMs ?? 50;
    this.validators = options.validators ?? {};
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error) => {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify(status(500, 'InternalError', String(error))));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    for (const w of this.watchers) w.res.end();
    this.watchers = [];
    this.server?.closeAllConnections();
    await new Promise((resolve) => (this.server ? this.server.close(resolve) : resolve(undefined)));
  }

  /** A kubeconfig (YAML) whose only cluster is this server, authenticated with a bearer token. */
  kubeconfig(namespace = 'prod', token = 'fake-token-0123456789'): string {
    return [
      'apiVersion: v1',
      'kind: Config',
      'clusters:',
      '  - name: fake',
      '    cluster:',
      `      server: ${this.url}`,
      // client-node refuses plain http unless TLS verification is off; this server is loopback only.
      '      insecure-skip-tls-verify: true',
      'users:',
      '  - name: ci',
      '    user:',
      `      token: ${token}`,
      'contexts:',
      '  - name: fake',
      '    context:',
      '      cluster: fake',
      '      user: ci',
      `      namespace: ${namespace}`,
      'current-context: fake',
      '',
    ].join('\n');
  }

  /** Answer matching requests with an error status (`times` times, default once). */
  fail(fault: Fault): void {
    this.faults.push({ times: 1, ...fault });
  }

  deny(denial: Denial): void {
    this.denials.push(denial);
  }

  /** Called before a write to `<plural>/<name>` is applied: tests use it to race another writer. */
  beforeWrite(hook: (plural: string, name: string, verb: string, body: unknown) => void): void {
    this.beforeWriteHooks.push(hook);
  }

  /** Called after every stored change. */
  onChange(listener: (object: KubeObject, kind: string) => void): void {
    this.listeners.push(listener);
  }

  private key(plural: string, namespace: string, name: string): string {
    return `${plural}/${namespace}/${name}`;
  }

  get(plural: string, name: string, namespace = 'prod'): KubeObject | undefined {
    const found = this.objects.get(this.key(plural, namespace, name));
    return found && clone(found);
  }

  /** Store an object as `kubectl apply` would have created it (no validation, no request recorded). */
  put(plural: string, object: KubeObject): KubeObject {
    const namespace = object.metadata.namespace ?? 'prod';
    const stored = clone(object);
    stored.metadata.namespace = namespace;
    stored.metadata.resourceVersion = String(++this.version);
    stored.metadata.generation ??= 1;
    stored.metadata.uid ??= `uid-${this.version}`;
    stored.metadata.creationTimestamp ??= new Date().toISOString();
    this.store(plural, stored);
    this.reconcile(plural, stored.metadata.name, namespace);
    return clone(stored);
  }

  /** Change an object as another client would (bumps resourceVersion): for conflict tests. */
  touch(plural: string, name: string, mutate: (object: KubeObject) => void, namespace = 'prod'): void {
    const object = this.objects.get(this.key(plural, namespace, name));
    if (!object) throw new Error(`no ${plural}/${name}`);
    const spec = JSON.stringify(object.spec);
    mutate(object);
    // A spec change is a new generation, which the controllers roll out (an autoscaler's write).
    const specChanged = JSON.stringify(object.spec) !== spec;
    if (specChanged) object.metadata.generation = (object.metadata.generation ?? 1) + 1;
    object.metadata.resourceVersion = String(++this.version);
    this.store(plural, object);
    if (specChanged) this.reconcile(plural, name, namespace);
  }

  private store(plural: string, object: KubeObject): void {
    const key = this.key(plural, object.metadata.namespace!, object.metadata.name);
    const existed = this.objects.has(key);
    this.objects.set(key, object);
    const resource = RESOURCES.find((r) => r.plural === plural)!;
    for (const listener of this.listeners) listener(clone(object), resource.kind);
    for (const w of this.watchers.filter((w) => w.key === key || key.startsWith(`${w.key}/`))) {
      if (w.matches(object))
        w.res.write(`${JSON.stringify({ type: existed ? 'MODIFIED' : 'ADDED', object })}\n`);
    }
  }

  private remove(plural: string, object: KubeObject): void {
    this.objects.delete(this.key(plural, object.metadata.namespace!, object.metadata.name));
    const key = this.key(plural, object.metadata.namespace!, object.metadata.name);
    for (const w of this.watchers.filter((w) => w.key === key || key.startsWith(`${w.key}/`)))
      if (w.matches(object)) w.res.write(`${JSON.stringify({ type: 'DELETED', object })}\n`);
  }

  /** The controllers: Deployments roll out, InferenceServices get a ready revision, after a delay. */
  private reconcile(plural: string, name: string, namespace: string): void {
    if (!['deployments', 'inferenceservices', 'daemonsets'].includes(plural)) return;
    // Pods of the new generation are created now and become ready after the delay.
    const createdAt = new Date().toISOString();
    const generation = this.objects.get(this.key(plural, namespace, name))?.metadata.generation;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      const object = this.objects.get(this.key(plural, namespace, name));
      // A newer generation is rolled out by its own timer, after its own delay.
      if (!object || object.metadata.generation !== generation) return;
      if (plural === 'deployments') this.reconcileDeployment(object, createdAt);
      else if (plural === 'daemonsets') this.reconcileDaemonSet(object);
      else this.reconcileInferenceService(object);
      object.metadata.resourceVersion = String(++this.version);
      this.store(plural, object);
    }, this.readyDelayMs);
    this.timers.add(timer);
  }

  private reconcileDaemonSet(ds: KubeObject): void {
    ds.status = {
      observedGeneration: ds.metadata.generation,
      desiredNumberScheduled: this.nodes,
      currentNumberScheduled: this.nodes,
      updatedNumberScheduled: this.nodes,
      numberReady: this.nodes,
      numberAvailable: this.nodes,
    };
  }

  private reconcileDeployment(d: KubeObject, createdAt: string): void {
    const spec = d.spec as {
      replicas?: number;
      selector?: { matchLabels?: Record<string, string> };
      template?: { metadata?: { labels?: Record<string, string> } };
    };
    const replicas = spec.replicas ?? 1;
    const blocked = this.unschedulable.get(d.metadata.name);
    const ready = blocked ? 0 : replicas;
    d.status = {
      observedGeneration: d.metadata.generation,
      replicas,
      updatedReplicas: replicas,
      readyReplicas: ready,
      availableReplicas: ready,
      ...(replicas - ready > 0 ? { unavailableReplicas: replicas - ready } : {}),
    };
    // Pods: one per replica, Pending with the scheduler's reason when blocked.
    for (const key of this.objects.keys()) {
      if (key.startsWith(`pods/${d.metadata.namespace}/${d.metadata.name}-`)) this.objects.delete(key);
    }
    for (let i = 0; i < replicas; i++) {
      const pod: KubeObject = {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {
          name: `${d.metadata.name}-${d.metadata.generation}-${i}`,
          namespace: d.metadata.namespace,
          labels: { ...(spec.template?.metadata?.labels ?? {}) },
          resourceVersion: String(++this.version),
          creationTimestamp: createdAt,
        },
        status: blocked
          ? {
              phase: 'Pending',
              conditions: [
                { type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: blocked },
              ],
            }
          : {
              phase: 'Running',
              conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: new Date().toISOString() }],
            },
      };
      this.objects.set(this.key('pods', d.metadata.namespace!, pod.metadata.name), pod);
    }
  }

  private reconcileInferenceService(isvc: KubeObject): void {
    const generation = isvc.metadata.generation ?? 1;
    const predictor = (isvc.spec?.predictor ?? {}) as { canaryTrafficPercent?: number };
    const status = (isvc.status ?? {}) as {
      components?: { predictor?: { latestRolledoutRevision?: string; latestReadyRevision?: string } };
    };
    const latest = `${isvc.metadata.name}-predictor-${String(generation).padStart(5, '0')}`;
    const before = status.components?.predictor ?? {};
    // KServe promotes the latest revision to "rolled out" when no canary percent is set.
    const canary = predictor.canaryTrafficPercent;
    const rolledOut = canary === undefined ? latest : (before.latestRolledoutRevision ?? latest);
    const traffic =
      canary === undefined || rolledOut === latest
        ? [{ revisionName: latest, percent: 100, latestRevision: true }]
        : [
            { revisionName: rolledOut, percent: 100 - canary, tag: 'prev', latestRevision: false },
            { revisionName: latest, percent: canary, latestRevision: true },
          ];
    isvc.status = {
      observedGeneration: generation,
      conditions: [{ type: 'Ready', status: 'True' }],
      components: {
        predictor: {
          latestCreatedRevision: latest,
          latestReadyRevision: latest,
          latestRolledoutRevision: rolledOut,
          traffic,
        },
      },
    };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url!, 'http://fake');
    const text = await readBody(req);
    const contentType = (req.headers['content-type'] ?? '').split(';')[0]!.trim();
    const m =
      /^\/(?:api\/(v1)|apis\/([^/]+)\/([^/]+))\/namespaces\/([^/]+)\/([^/]+)(?:\/([^/]+))?(?:\/(status|scale))?$/.exec(
        url.pathname,
      );
    const record: RecordedKubeRequest = {
      verb: '',
      method: req.method!,
      path: url.pathname,
      query: url.search,
      contentType,
      status: 0,
      target: '',
    };
    this.requests.push(record);
    const reply = (code: number, body: unknown, headers: Record<string, string> = {}) => {
      record.status = code;
      res.writeHead(code, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    if (!m) return reply(404, status(404, 'NotFound', `the server could not find the requested resource`));
    const group = m[2] ?? '';
    const version = m[1] ?? m[3]!;
    const namespace = m[4]!;
    const plural = m[5]!;
    const name = m[6];
    const resource = RESOURCES.find((r) => r.group === group && r.version === version && r.plural === plural);
    const gr = group ? `${plural}.${group}` : plural;
    if (!resource)
      return reply(404, status(404, 'NotFound', `the server could not find the requested resource`));
    const watch = url.searchParams.get('watch') === 'true' || url.searchParams.get('watch') === '1';
    const verb =
      req.method === 'GET'
        ? watch
          ? 'watch'
          : name
            ? 'get'
            : 'list'
        : req.method === 'POST'
          ? 'create'
          : req.method === 'PUT'
            ? 'update'
            : req.method === 'PATCH'
              ? 'patch'
              : req.method === 'DELETE'
                ? 'delete'
                : '?';
    record.verb = verb;
    record.target = name ? `${plural}/${name}` : plural;
    if (text) {
      try {
        record.body = JSON.parse(text);
      } catch {
        record.body = text;
      }
    }

    if (!req.headers.authorization) return reply(401, status(401, 'Unauthorized', 'Unauthorized'));
    if (this.denials.some((d) => d.verb === verb && d.plural === plural)) {
      const what = name ? `${gr} "${name}"` : gr;
      return reply(
        403,
        status(
          403,
          'Forbidden',
          `${what} is forbidden: User "system:serviceaccount:ci:deployer" cannot ${verb} resource "${plural}" in API group "${group}" in the namespace "${namespace}"`,
          { name, group, kind: plural },
        ),
      );
    }
    const fault = this.faults.find(
      (f) => (f.method ?? req.method) === req.method && f.target.test(record.target) && (f.times ?? 1) > 0,
    );
    if (fault) {
      fault.times = (fault.times ?? 1) - 1;
      const reason =
        fault.status === 409
          ? 'Conflict'
          : fault.status === 404
            ? 'NotFound'
            : fault.status === 429
              ? 'TooManyRequests'
              : 'InternalError';
      return reply(
        fault.status,
        status(fault.status, reason, fault.message ?? `injected ${fault.status} on ${record.target}`, {
          name,
          group,
          kind: plural,
        }),
        fault.retryAfter ? { 'retry-after': fault.retryAfter } : {},
      );
    }

    const key = name ? this.key(plural, namespace, name) : undefined;
    const existing = key ? this.objects.get(key) : undefined;
    const notFound = () =>
      reply(404, status(404, 'NotFound', `${gr} "${name}" not found`, { name, group, kind: plural }));

    const labelSelector = url.searchParams.get('labelSelector') ?? '';
    const fieldSelector = url.searchParams.get('fieldSelector') ?? '';
    const selected = (o: KubeObject) =>
      matchesSelector(o.metadata.labels, labelSelector) &&
      fieldSelector
        .split(',')
        .filter(Boolean)
        .every((term) => {
          const [path, value] = term.split('=');
          return String(fieldValue(o, path!)) === value;
        });
    if (verb === 'watch')
      return this.startWatch(res, record, this.key(plural, namespace, name ?? ''), selected);
    if (verb === 'list') {
      const items = [...this.objects.entries()]
        .filter(([k]) => k.startsWith(`${plural}/${namespace}/`))
        .map(([, o]) => o)
        .filter(selected);
      return reply(200, {
        apiVersion: group ? `${group}/${version}` : version,
        kind: `${resource.kind}List`,
        metadata: { resourceVersion: String(this.version) },
        items,
      });
    }
    if (verb === 'get') return existing ? reply(200, existing) : notFound();

    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      return reply(400, status(400, 'BadRequest', 'the request body is not JSON'));
    }
    if (verb === 'create') {
      const object = body as KubeObject;
      const newName = object?.metadata?.name;
      if (!newName) return reply(422, status(422, 'Invalid', 'metadata.name: Required value'));
      const createKey = this.key(plural, namespace, newName);
      if (this.objects.has(createKey))
        return reply(
          409,
          status(409, 'AlreadyExists', `${gr} "${newName}" already exists`, {
            name: newName,
            group,
            kind: plural,
          }),
        );
      for (const hook of this.beforeWriteHooks) hook(plural, newName, verb, body);
      const invalid = this.validate(resource, object);
      if (invalid) return reply(422, invalid);
      object.metadata = {
        ...object.metadata,
        namespace,
        resourceVersion: String(++this.version),
        generation: 1,
        uid: `uid-${this.version}`,
        creationTimestamp: new Date().toISOString(),
      };
      delete object.status;
      this.store(plural, object);
      this.reconcile(plural, newName, namespace);
      return reply(201, object);
    }
    if (!existing) return notFound();
    for (const hook of this.beforeWriteHooks) hook(plural, name!, verb, body);
    if (verb === 'delete') {
      this.remove(plural, existing);
      return reply(200, status(200, 'Success', `${gr} "${name}" deleted`));
    }
    const current = this.objects.get(key!)!;
    let next: KubeObject;
    try {
      if (verb === 'update') next = clone(body as KubeObject);
      else if (contentType === 'application/json-patch+json') {
        if (!Array.isArray(body))
          return reply(400, status(400, 'BadRequest', 'json patch body must be an array'));
        next = jsonPatch(current, body as Array<Record<string, unknown>>) as KubeObject;
      } else if (
        contentType === 'application/merge-patch+json' ||
        contentType === 'application/strategic-merge-patch+json'
      ) {
        next = mergePatch(current, body) as KubeObject;
      } else {
        return reply(
          415,
          status(
            415,
            'UnsupportedMediaType',
            `the body of the request was in an unknown format: ${contentType}`,
          ),
        );
      }
    } catch (error) {
      if (error instanceof PatchError)
        return reply(422, status(422, 'Invalid', `the server rejected our request: ${error.message}`));
      throw error;
    }
    // Optimistic concurrency: a write naming a resourceVersion must name the current one.
    const sentVersion = next.metadata?.resourceVersion;
    const precondition = verb === 'update' ? (body as KubeObject)?.metadata?.resourceVersion : sentVersion;
    if (verb === 'update' && !precondition)
      return reply(
        422,
        status(
          422,
          'Invalid',
          'metadata.resourceVersion: Invalid value: 0x0: must be specified for an update',
        ),
      );
    if (precondition && precondition !== current.metadata.resourceVersion) {
      return reply(
        409,
        status(
          409,
          'Conflict',
          `Operation cannot be fulfilled on ${gr} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
          { name, group, kind: plural },
        ),
      );
    }
    if (next.metadata?.name !== name)
      return reply(
        400,
        status(400, 'BadRequest', 'the name of the object does not match the name on the URL'),
      );
    const invalid = this.validate(resource, next);
    if (invalid) return reply(422, invalid);
    next.metadata.namespace = namespace;
    next.metadata.uid = current.metadata.uid;
    next.metadata.creationTimestamp = current.metadata.creationTimestamp;
    next.status = current.status;
    const specChanged = JSON.stringify(next.spec) !== JSON.stringify(current.spec);
    next.metadata.generation = (current.metadata.generation ?? 1) + (specChanged ? 1 : 0);
    next.metadata.resourceVersion = String(++this.version);
    this.store(plural, next);
    if (specChanged) this.reconcile(plural, name!, namespace);
    return reply(200, next);
  }

  private validate(resource: Resource, object: KubeObject): Record<string, unknown> | undefined {
    const validator = this.validators[resource.kind];
    if (!validator) return undefined;
    try {
      validator(object);
      return undefined;
    } catch (error) {
      return status(
        422,
        'Invalid',
        `${resource.kind}.${resource.group} "${object.metadata?.name}" is invalid: ${(error as Error).message}`,
      );
    }
  }

  private startWatch(
    res: ServerResponse,
    record: RecordedKubeRequest,
    key: string,
    matches: (object: KubeObject) => boolean,
  ): void {
    record.status = 200;
    res.writeHead(200, { 'content-type': 'application/json', 'transfer-encoding': 'chunked' });
    const watcher = { key: key.replace(/\/$/, ''), res, matches };
    this.watchers.push(watcher);
    // Without a resourceVersion a watch starts with what exists now, as ADDED events.
    for (const [k, object] of this.objects)
      if ((k === watcher.key || k.startsWith(`${watcher.key}/`)) && matches(object))
        res.write(`${JSON.stringify({ type: 'ADDED', object })}\n`);
    res.on('close', () => (this.watchers = this.watchers.filter((w) => w !== watcher)));
  }

  /** Requests that changed something (create, update, patch, delete), in order. */
  writes(target?: RegExp): RecordedKubeRequest[] {
    return this.requests.filter(
      (r) => ['create', 'update', 'patch', 'delete'].includes(r.verb) && (!target || target.test(r.target)),
    );
  }
}

function status(
  code: number,
  reason: string,
  message: string,
  details?: { name?: string; group?: string; kind?: string },
): Record<string, unknown> {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    ...(details ? { details } : {}),
    code,
  };
}
