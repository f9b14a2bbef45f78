import './quiet-punycode';
import {
  ApiException,
  AppsV1Api,
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
  PatchStrategy,
  setHeaderMiddleware,
  Watch,
  type ConfigurationOptions,
  type RequestContext,
} from '@kubernetes/client-node';
import { parseRetryAfter, registerSecret, UserError } from '@llmops/core';
import type { KubeObject } from './objects';

/** The kinds canary-step reads and writes, and where they live in the API. */
export const KINDS = {
  VirtualService: { group: 'networking.istio.io', version: 'v1beta1', plural: 'virtualservices' },
  HTTPRoute: { group: 'gateway.networking.k8s.io', version: 'v1', plural: 'httproutes' },
  InferenceService: { group: 'serving.kserve.io', version: 'v1beta1', plural: 'inferenceservices' },
  Deployment: { group: 'apps', version: 'v1', plural: 'deployments' },
  Service: { group: '', version: 'v1', plural: 'services' },
  Pod: { group: '', version: 'v1', plural: 'pods' },
  DaemonSet: { group: 'apps', version: 'v1', plural: 'daemonsets' },
  HorizontalPodAutoscaler: { group: 'autoscaling', version: 'v2', plural: 'horizontalpodautoscalers' },
  ScaledObject: { group: 'keda.sh', version: 'v1alpha1', plural: 'scaledobjects' },
} as const;
export type Kind = keyof typeof KINDS;

export type PatchKind = 'merge' | 'json';

/** What canary-step needs from the API server; tests may pass their own. */
export interface KubeApi {
  readonly namespace: string;
  get(kind: Kind, name: string): Promise<KubeObject>;
  /** `undefined` when the object does not exist. */
  find(kind: Kind, name: string): Promise<KubeObject | undefined>;
  patch(kind: Kind, name: string, body: unknown, type: PatchKind): Promise<KubeObject>;
  create(kind: Kind, object: KubeObject): Promise<KubeObject>;
  /** Objects of a kind in the namespace, by label selector (empty: all). */
  list(kind: Kind, labelSelector?: string): Promise<KubeObject[]>;
  delete(kind: Kind, name: string): Promise<void>;
  /**
   * Follow one object: `onChange` gets it as it is now, then every change. The promise settles
   * once the stream is open (rejects when the server refuses it); `stop()` closes it, and
   * `ended` settles when the server closes it first.
   */
  watch(kind: Kind, name: string, onChange: (object: KubeObject) => void): Promise<KubeWatch>;
}

export interface KubeWatch {
  stop(): void;
  ended: Promise<void>;
}

type Verb = 'get' | 'list' | 'patch' | 'create' | 'delete' | 'watch';

/** An API call that failed, naming the object and the verb; 403s say which permission is missing. */
export class KubeError extends UserError {
  constructor(
    message: string,
    readonly status: number | undefined,
    /** The server's `Retry-After` (429 from API priority and fairness, 503), in ms. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'KubeError';
  }
}

function describeTarget(kind: Kind, name: string | undefined, namespace: string): string {
  return `${kind} ${namespace}/${name ?? '*'}`;
}

/** The rule a Role needs for this call, in the words of `kubectl create role`. */
export function missingPermission(kind: Kind, verb: Verb, namespace: string): string {
  const { group, plural } = KINDS[kind];
  return `verb '${verb}' on resource '${plural}' in API group '${group || '""'}' (namespace ${namespace})`;
}

export function kubeError(
  error: unknown,
  kind: Kind,
  verb: Verb,
  name: string | undefined,
  namespace: string,
): Error {
  const target = describeTarget(kind, name, namespace);
  if (error instanceof ApiException) {
    const body = parseBody(error.body);
    const said = body?.message ?? '';
    if (error.code === 403)
      return new KubeError(
        `${verb} ${target}: forbidden (RBAC): the credentials lack ${missingPermission(kind, verb, namespace)}${said ? ` — ${said}` : ''}`,
        403,
      );
    if (error.code === 401)
      return new KubeError(
        `${verb} ${target}: unauthorized: the kubeconfig's credentials were rejected`,
        401,
      );
    if (error.code === 404)
      return new KubeError(`${verb} ${target}: not found${said ? ` — ${said}` : ''}`, 404);
    const headers = (error.headers ?? {}) as Record<string, string | undefined>;
    return new KubeError(
      `${verb} ${target}: HTTP ${error.code}${said ? ` — ${said}` : ''}`,
      error.code,
      parseRetryAfter(headers['retry-after']),
    );
  }
  const cause = (error as { cause?: { code?: string } })?.cause?.code ?? (error as { code?: string })?.code;
  return new KubeError(
    `${verb} ${target}: cannot reach the API server: ${cause ?? (error as Error)?.message ?? String(error)}`,
    undefined,
  );
}

function parseBody(body: unknown): { message?: string; reason?: string } | undefined {
  if (body && typeof body === 'object') return body as { message?: string };
  if (typeof body === 'string') {
    try {
      return JSON.parse(body) as { message?: string };
    } catch {
      return { message: body.slice(0, 300) };
    }
  }
  return undefined;
}

export function isConflict(error: unknown): boolean {
  return error instanceof KubeError && error.status === 409;
}

export interface KubeConfigOptions {
  /** Kubeconfig contents (the `kubeconfig` input); empty means `KUBECONFIG` or ~/.kube/config. */
  kubeconfig?: string;
  context?: string;
  namespace?: string;
}

/** Values in an exec plugin's arguments that look like credentials (`--token=…`, `--api-key x`). */
function secretArgs(args: string[] = []): string[] {
  const named = /(token|key|secret|password|credential)/i;
  const found: string[] = [];
  args.forEach((arg, i) => {
    const m = /^--?([^=]+)=(.+)$/.exec(arg);
    if (m && named.test(m[1]!)) found.push(m[2]!);
    else if (/^--?/.test(arg) && named.test(arg) && args[i + 1] && !args[i + 1]!.startsWith('-'))
      found.push(args[i + 1]!);
  });
  return found;
}

/** Load the kubeconfig and register every credential in it as a secret before anything is logged. */
export function loadKubeConfig(options: KubeConfigOptions): KubeConfig {
  const kc = new KubeConfig();
  // Whole, before parsing: a parse error may quote it. Not split into words: those are ordinary.
  registerSecret(options.kubeconfig, { split: false });
  try {
    if (options.kubeconfig) kc.loadFromString(options.kubeconfig);
    else kc.loadFromDefault();
  } catch (error) {
    throw new UserError(
      `${options.kubeconfig ? "input 'kubeconfig'" : 'KUBECONFIG'}: not a kubeconfig: ${(error as Error).message.split('\n')[0]}`,
    );
  }
  for (const user of kc.getUsers()) {
    registerSecret(user.token);
    registerSecret(user.password);
    registerSecret(user.keyData);
    // exec credential plugins: their environment and credential-looking arguments
    const exec = user.exec as { env?: Array<{ value?: string }>; args?: string[] } | undefined;
    for (const env of exec?.env ?? []) registerSecret(env.value);
    for (const value of secretArgs(exec?.args)) registerSecret(value);
    // auth-provider (oidc, gcp, azure) tokens and client secrets
    for (const value of Object.values((user.authProvider?.config ?? {}) as Record<string, unknown>))
      if (typeof value === 'string' && value.length >= 16) registerSecret(value);
  }
  if (options.context) {
    if (!kc.getContexts().some((c) => c.name === options.context))
      throw new UserError(
        `input 'context': no context '${options.context}' in the kubeconfig (it has ${kc
          .getContexts()
          .map((c) => c.name)
          .join(', ')})`,
      );
    kc.setCurrentContext(options.context);
  }
  if (!kc.getCurrentCluster())
    throw new UserError('the kubeconfig has no current cluster: set `kubeconfig`, `KUBECONFIG` or `context`');
  return kc;
}

/** The namespace to work in: the input, else the kubeconfig context's, else `default`. */
export function namespaceOf(kc: KubeConfig, namespace?: string): string {
  if (namespace) return namespace;
  const context = kc.getContextObject(kc.getCurrentContext());
  return context?.namespace || 'default';
}

const CONTENT_TYPE: Record<PatchKind, string> = {
  merge: PatchStrategy.MergePatch,
  json: PatchStrategy.JsonPatch,
};

export interface ClientKubeOptions {
  /** Longest wait for one API call (default 20 s). */
  timeoutMs?: number;
  /**
   * Once `signal` is aborted (SIGINT), calls get `abortedTimeoutMs` (default 2.5 s): the rollback
   * to weight 0 must finish inside the runner's 7.5 s before it kills the process.
   */
  signal?: AbortSignal;
  abortedTimeoutMs?: number;
}

/** KubeApi over `@kubernetes/client-node`'s typed clients. */
export class ClientKube implements KubeApi {
  private readonly custom: CustomObjectsApi;
  private readonly apps: AppsV1Api;
  private readonly core: CoreV1Api;
  private readonly watcher: Watch;

  constructor(
    kc: KubeConfig,
    readonly namespace: string,
    private readonly options: ClientKubeOptions = {},
  ) {
    this.custom = kc.makeApiClient(CustomObjectsApi);
    this.apps = kc.makeApiClient(AppsV1Api);
    this.core = kc.makeApiClient(CoreV1Api);
    this.watcher = new Watch(kc);
  }

  private timeoutMs(): number {
    return this.options.signal?.aborted
      ? (this.options.abortedTimeoutMs ?? 2500)
      : (this.options.timeoutMs ?? 20_000);
  }

  /** Per-call options: a content type, and a deadline the request is aborted at. */
  private requestOptions(contentType = 'application/json'): ConfigurationOptions {
    const header = setHeaderMiddleware('Content-Type', contentType);
    const timeoutMs = this.timeoutMs();
    return {
      middleware: [
        {
          pre: (request: RequestContext) => {
            request.setSignal(AbortSignal.timeout(timeoutMs));
            return header.pre(request);
          },
          post: header.post,
        },
      ],
      middlewareMergeStrategy: 'append',
    };
  }

  private async call<T>(
    kind: Kind,
    verb: Verb,
    name: string | undefined,
    run: (options: ConfigurationOptions) => Promise<T>,
    contentType?: string,
  ): Promise<T> {
    const timeoutMs = this.timeoutMs();
    try {
      return await run(this.requestOptions(contentType));
    } catch (error) {
      const name_ = (error as { name?: string })?.name;
      if (name_ === 'TimeoutError' || name_ === 'AbortError')
        throw new KubeError(
          `${verb} ${describeTarget(kind, name, this.namespace)}: no answer from the API server within ${timeoutMs / 1000}s`,
          undefined,
        );
      throw kubeError(error, kind, verb, name, this.namespace);
    }
  }

  get(kind: Kind, name: string): Promise<KubeObject> {
    const namespace = this.namespace;
    return this.call(kind, 'get', name, async (options) => {
      if (kind === 'Deployment')
        return plain(await this.apps.readNamespacedDeployment({ name, namespace }, options));
      if (kind === 'Service')
        return plain(await this.core.readNamespacedService({ name, namespace }, options));
      const { group, version, plural } = KINDS[kind];
      return plain(
        await this.custom.getNamespacedCustomObject({ group, version, namespace, plural, name }, options),
      );
    });
  }

  async find(kind: Kind, name: string): Promise<KubeObject | undefined> {
    try {
      return await this.get(kind, name);
    } catch (error) {
      if (error instanceof KubeError && error.status === 404) return undefined;
      throw error;
    }
  }

  patch(kind: Kind, name: string, body: unknown, type: PatchKind): Promise<KubeObject> {
    const namespace = this.namespace;
    return this.call(
      kind,
      'patch',
      name,
      async (options) => {
        // The typed clients declare `body: object`; a JSON patch is an array, which is an object too.
        const b = body as object;
        if (kind === 'Deployment')
          return plain(await this.apps.patchNamespacedDeployment({ name, namespace, body: b }, options));
        if (kind === 'Service')
          return plain(await this.core.patchNamespacedService({ name, namespace, body: b }, options));
        const { group, version, plural } = KINDS[kind];
        return plain(
          await this.custom.patchNamespacedCustomObject(
            { group, version, namespace, plural, name, body: b },
            options,
          ),
        );
      },
      CONTENT_TYPE[type],
    );
  }

  create(kind: Kind, object: KubeObject): Promise<KubeObject> {
    const namespace = this.namespace;
    return this.call(kind, 'create', object.metadata.name, async (options) => {
      if (kind === 'Deployment')
        return plain(
          await this.apps.createNamespacedDeployment({ namespace, body: object as never }, options),
        );
      const { group, version, plural } = KINDS[kind];
      return plain(
        await this.custom.createNamespacedCustomObject(
          { group, version, namespace, plural, body: object },
          options,
        ),
      );
    });
  }

  list(kind: Kind, labelSelector = ''): Promise<KubeObject[]> {
    const namespace = this.namespace;
    const selector = labelSelector || undefined;
    return this.call(kind, 'list', undefined, async (options) => {
      if (kind === 'Pod')
        return (await this.core.listNamespacedPod({ namespace, labelSelector: selector }, options)).items.map(
          plain,
        );
      const { group, version, plural } = KINDS[kind];
      const list = (await this.custom.listNamespacedCustomObject(
        { group, version, namespace, plural, labelSelector: selector },
        options,
      )) as { items?: unknown[] };
      return (list.items ?? []).map(plain);
    });
  }

  delete(kind: Kind, name: string): Promise<void> {
    const namespace = this.namespace;
    return this.call(kind, 'delete', name, async (options) => {
      const { group, version, plural } = KINDS[kind];
      await this.custom.deleteNamespacedCustomObject({ group, version, namespace, plural, name }, options);
    });
  }

  async watch(kind: Kind, name: string, onChange: (object: KubeObject) => void): Promise<KubeWatch> {
    const { group, version, plural } = KINDS[kind];
    const path = `${group ? `/apis/${group}/${version}` : `/api/${version}`}/namespaces/${this.namespace}/${plural}`;
    let failure: unknown;
    let ended: () => void = () => {};
    const end = new Promise<void>((resolve) => (ended = resolve));
    // Resolves once the server answered: an error status has called `done` by then.
    const controller = await this.watcher.watch(
      path,
      { fieldSelector: `metadata.name=${name}` },
      (type: string, object: unknown) => {
        if (type === 'ADDED' || type === 'MODIFIED') onChange(plain(object));
      },
      (error: unknown) => {
        failure = error;
        ended();
      },
    );
    if (failure) {
      const status = (failure as { statusCode?: number }).statusCode;
      throw new KubeError(
        `watch ${describeTarget(kind, name, this.namespace)}: ${status ? `HTTP ${status}` : ((failure as Error).message ?? String(failure))}`,
        status,
      );
    }
    return { stop: () => controller.abort(), ended: end };
  }
}

/**
 * client-node deserializes core objects into model classes (Dates, camelCase). Plain JSON is what
 * the routers and patches work on, so round-trip through the JSON the server sent.
 */
function plain(value: unknown): KubeObject {
  return JSON.parse(JSON.stringify(value)) as KubeObject;
}
