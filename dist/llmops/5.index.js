export const id = 5;
export const ids = [5];
export const modules = {

/***/ 8005:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ClientKube: () => (/* reexport */ ClientKube),
  KubeError: () => (/* reexport */ KubeError),
  STATE_ANNOTATION: () => (/* reexport */ STATE_ANNOTATION),
  buildReport: () => (/* reexport */ buildReport),
  canaryLabels: () => (/* reexport */ canaryLabels),
  canaryStepCommand: () => (/* reexport */ canaryStepCommand),
  canaryStepInputs: () => (/* reexport */ canaryStepInputs),
  canaryStepPostCommand: () => (/* reexport */ canaryStepPostCommand),
  loadKubeConfig: () => (/* reexport */ loadKubeConfig),
  namespaceOf: () => (/* reexport */ namespaceOf),
  planCanaryStep: () => (/* reexport */ planCanaryStep),
  runCanaryStep: () => (/* reexport */ runCanaryStep)
});

// EXTERNAL MODULE: ./packages/kube/src/quiet-punycode.ts
var quiet_punycode = __webpack_require__(1631);
// EXTERNAL MODULE: ./node_modules/@kubernetes/client-node/dist/index.js + 828 modules
var dist = __webpack_require__(2635);
// EXTERNAL MODULE: ./packages/core/src/index.ts + 13 modules
var src = __webpack_require__(2395);
;// CONCATENATED MODULE: ./packages/kube/src/client.ts



/** The kinds canary-step reads and writes, and where they live in the API. */
const KINDS = {
    VirtualService: { group: 'networking.istio.io', version: 'v1beta1', plural: 'virtualservices' },
    HTTPRoute: { group: 'gateway.networking.k8s.io', version: 'v1', plural: 'httproutes' },
    InferenceService: { group: 'serving.kserve.io', version: 'v1beta1', plural: 'inferenceservices' },
    Deployment: { group: 'apps', version: 'v1', plural: 'deployments' },
    Service: { group: '', version: 'v1', plural: 'services' },
    Pod: { group: '', version: 'v1', plural: 'pods' },
    DaemonSet: { group: 'apps', version: 'v1', plural: 'daemonsets' },
    HorizontalPodAutoscaler: { group: 'autoscaling', version: 'v2', plural: 'horizontalpodautoscalers' },
    ScaledObject: { group: 'keda.sh', version: 'v1alpha1', plural: 'scaledobjects' },
};
/** An API call that failed, naming the object and the verb; 403s say which permission is missing. */
class KubeError extends src/* UserError */.yo {
    status;
    retryAfterMs;
    constructor(message, status, 
    /** The server's `Retry-After` (429 from API priority and fairness, 503), in ms. */
    retryAfterMs) {
        super(message);
        this.status = status;
        this.retryAfterMs = retryAfterMs;
        this.name = 'KubeError';
    }
}
function describeTarget(kind, name, namespace) {
    return `${kind} ${namespace}/${name ?? '*'}`;
}
/** The rule a Role needs for this call, in the words of `kubectl create role`. */
function missingPermission(kind, verb, namespace) {
    const { group, plural } = KINDS[kind];
    return `verb '${verb}' on resource '${plural}' in API group '${group || '""'}' (namespace ${namespace})`;
}
function kubeError(error, kind, verb, name, namespace) {
    const target = describeTarget(kind, name, namespace);
    if (error instanceof dist/* ApiException */.UJ4) {
        const body = parseBody(error.body);
        const said = body?.message ?? '';
        if (error.code === 403)
            return new KubeError(`${verb} ${target}: forbidden (RBAC): the credentials lack ${missingPermission(kind, verb, namespace)}${said ? ` — ${said}` : ''}`, 403);
        if (error.code === 401)
            return new KubeError(`${verb} ${target}: unauthorized: the kubeconfig's credentials were rejected`, 401);
        if (error.code === 404)
            return new KubeError(`${verb} ${target}: not found${said ? ` — ${said}` : ''}`, 404);
        const headers = (error.headers ?? {});
        return new KubeError(`${verb} ${target}: HTTP ${error.code}${said ? ` — ${said}` : ''}`, error.code, (0,src/* parseRetryAfter */.mu)(headers['retry-after']));
    }
    const cause = error?.cause?.code ?? error?.code;
    return new KubeError(`${verb} ${target}: cannot reach the API server: ${cause ?? error?.message ?? String(error)}`, undefined);
}
function parseBody(body) {
    if (body && typeof body === 'object')
        return body;
    if (typeof body === 'string') {
        try {
            return JSON.parse(body);
        }
        catch {
            return { message: body.slice(0, 300) };
        }
    }
    return undefined;
}
function isConflict(error) {
    return error instanceof KubeError && error.status === 409;
}
/** Values in an exec plugin's arguments that look like credentials (`--token=…`, `--api-key x`). */
function secretArgs(args = []) {
    const named = /(token|key|secret|password|credential)/i;
    const found = [];
    args.forEach((arg, i) => {
        const m = /^--?([^=]+)=(.+)$/.exec(arg);
        if (m && named.test(m[1]))
            found.push(m[2]);
        else if (/^--?/.test(arg) && named.test(arg) && args[i + 1] && !args[i + 1].startsWith('-'))
            found.push(args[i + 1]);
    });
    return found;
}
/** Load the kubeconfig and register every credential in it as a secret before anything is logged. */
function loadKubeConfig(options) {
    const kc = new dist/* KubeConfig */.ypW();
    // Whole, before parsing: a parse error may quote it. Not split into words: those are ordinary.
    (0,src/* registerSecret */.cl)(options.kubeconfig, { split: false });
    try {
        if (options.kubeconfig)
            kc.loadFromString(options.kubeconfig);
        else
            kc.loadFromDefault();
    }
    catch (error) {
        throw new src/* UserError */.yo(`${options.kubeconfig ? "input 'kubeconfig'" : 'KUBECONFIG'}: not a kubeconfig: ${error.message.split('\n')[0]}`);
    }
    for (const user of kc.getUsers()) {
        (0,src/* registerSecret */.cl)(user.token);
        (0,src/* registerSecret */.cl)(user.password);
        (0,src/* registerSecret */.cl)(user.keyData);
        // exec credential plugins: their environment and credential-looking arguments
        const exec = user.exec;
        for (const env of exec?.env ?? [])
            (0,src/* registerSecret */.cl)(env.value);
        for (const value of secretArgs(exec?.args))
            (0,src/* registerSecret */.cl)(value);
        // auth-provider (oidc, gcp, azure) tokens and client secrets
        for (const value of Object.values((user.authProvider?.config ?? {})))
            if (typeof value === 'string' && value.length >= 16)
                (0,src/* registerSecret */.cl)(value);
    }
    if (options.context) {
        if (!kc.getContexts().some((c) => c.name === options.context))
            throw new src/* UserError */.yo(`input 'context': no context '${options.context}' in the kubeconfig (it has ${kc
                .getContexts()
                .map((c) => c.name)
                .join(', ')})`);
        kc.setCurrentContext(options.context);
    }
    if (!kc.getCurrentCluster())
        throw new src/* UserError */.yo('the kubeconfig has no current cluster: set `kubeconfig`, `KUBECONFIG` or `context`');
    return kc;
}
/** The namespace to work in: the input, else the kubeconfig context's, else `default`. */
function namespaceOf(kc, namespace) {
    if (namespace)
        return namespace;
    const context = kc.getContextObject(kc.getCurrentContext());
    return context?.namespace || 'default';
}
const CONTENT_TYPE = {
    merge: dist/* PatchStrategy */.Qve.MergePatch,
    json: dist/* PatchStrategy */.Qve.JsonPatch,
};
/** KubeApi over `@kubernetes/client-node`'s typed clients. */
class ClientKube {
    namespace;
    options;
    custom;
    apps;
    core;
    watcher;
    constructor(kc, namespace, options = {}) {
        this.namespace = namespace;
        this.options = options;
        this.custom = kc.makeApiClient(dist/* CustomObjectsApi */.aVm);
        this.apps = kc.makeApiClient(dist/* AppsV1Api */.eY6);
        this.core = kc.makeApiClient(dist/* CoreV1Api */.f5Y);
        this.watcher = new dist/* Watch */.ox1(kc);
    }
    timeoutMs() {
        return this.options.signal?.aborted
            ? (this.options.abortedTimeoutMs ?? 2500)
            : (this.options.timeoutMs ?? 20_000);
    }
    /** Per-call options: a content type, and a deadline the request is aborted at. */
    requestOptions(contentType = 'application/json') {
        const header = (0,dist/* setHeaderMiddleware */.Ofj)('Content-Type', contentType);
        const timeoutMs = this.timeoutMs();
        return {
            middleware: [
                {
                    pre: (request) => {
                        request.setSignal(AbortSignal.timeout(timeoutMs));
                        return header.pre(request);
                    },
                    post: header.post,
                },
            ],
            middlewareMergeStrategy: 'append',
        };
    }
    async call(kind, verb, name, run, contentType) {
        const timeoutMs = this.timeoutMs();
        try {
            return await run(this.requestOptions(contentType));
        }
        catch (error) {
            const name_ = error?.name;
            if (name_ === 'TimeoutError' || name_ === 'AbortError')
                throw new KubeError(`${verb} ${describeTarget(kind, name, this.namespace)}: no answer from the API server within ${timeoutMs / 1000}s`, undefined);
            throw kubeError(error, kind, verb, name, this.namespace);
        }
    }
    get(kind, name) {
        const namespace = this.namespace;
        return this.call(kind, 'get', name, async (options) => {
            if (kind === 'Deployment')
                return plain(await this.apps.readNamespacedDeployment({ name, namespace }, options));
            if (kind === 'Service')
                return plain(await this.core.readNamespacedService({ name, namespace }, options));
            const { group, version, plural } = KINDS[kind];
            return plain(await this.custom.getNamespacedCustomObject({ group, version, namespace, plural, name }, options));
        });
    }
    async find(kind, name) {
        try {
            return await this.get(kind, name);
        }
        catch (error) {
            if (error instanceof KubeError && error.status === 404)
                return undefined;
            throw error;
        }
    }
    patch(kind, name, body, type) {
        const namespace = this.namespace;
        return this.call(kind, 'patch', name, async (options) => {
            // The typed clients declare `body: object`; a JSON patch is an array, which is an object too.
            const b = body;
            if (kind === 'Deployment')
                return plain(await this.apps.patchNamespacedDeployment({ name, namespace, body: b }, options));
            if (kind === 'Service')
                return plain(await this.core.patchNamespacedService({ name, namespace, body: b }, options));
            const { group, version, plural } = KINDS[kind];
            return plain(await this.custom.patchNamespacedCustomObject({ group, version, namespace, plural, name, body: b }, options));
        }, CONTENT_TYPE[type]);
    }
    create(kind, object) {
        const namespace = this.namespace;
        return this.call(kind, 'create', object.metadata.name, async (options) => {
            if (kind === 'Deployment')
                return plain(await this.apps.createNamespacedDeployment({ namespace, body: object }, options));
            const { group, version, plural } = KINDS[kind];
            return plain(await this.custom.createNamespacedCustomObject({ group, version, namespace, plural, body: object }, options));
        });
    }
    list(kind, labelSelector = '') {
        const namespace = this.namespace;
        const selector = labelSelector || undefined;
        return this.call(kind, 'list', undefined, async (options) => {
            if (kind === 'Pod')
                return (await this.core.listNamespacedPod({ namespace, labelSelector: selector }, options)).items.map(plain);
            const { group, version, plural } = KINDS[kind];
            const list = (await this.custom.listNamespacedCustomObject({ group, version, namespace, plural, labelSelector: selector }, options));
            return (list.items ?? []).map(plain);
        });
    }
    delete(kind, name) {
        const namespace = this.namespace;
        return this.call(kind, 'delete', name, async (options) => {
            const { group, version, plural } = KINDS[kind];
            await this.custom.deleteNamespacedCustomObject({ group, version, namespace, plural, name }, options);
        });
    }
    async watch(kind, name, onChange) {
        const { group, version, plural } = KINDS[kind];
        const path = `${group ? `/apis/${group}/${version}` : `/api/${version}`}/namespaces/${this.namespace}/${plural}`;
        let failure;
        let ended = () => { };
        const end = new Promise((resolve) => (ended = resolve));
        // Resolves once the server answered: an error status has called `done` by then.
        const controller = await this.watcher.watch(path, { fieldSelector: `metadata.name=${name}` }, (type, object) => {
            if (type === 'ADDED' || type === 'MODIFIED')
                onChange(plain(object));
        }, (error) => {
            failure = error;
            ended();
        });
        if (failure) {
            const status = failure.statusCode;
            throw new KubeError(`watch ${describeTarget(kind, name, this.namespace)}: ${status ? `HTTP ${status}` : (failure.message ?? String(failure))}`, status);
        }
        return { stop: () => controller.abort(), ended: end };
    }
}
/**
 * client-node deserializes core objects into model classes (Dates, camelCase). Plain JSON is what
 * the routers and patches work on, so round-trip through the JSON the server sent.
 */
function plain(value) {
    return JSON.parse(JSON.stringify(value));
}

// EXTERNAL MODULE: ./packages/prom/src/index.ts + 17 modules
var prom_src = __webpack_require__(4632);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 15 modules
var schemas = __webpack_require__(9691);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./packages/kube/src/objects.ts
const isMap = (value) => !!value && typeof value === 'object' && !Array.isArray(value);
/** RFC 7386 JSON merge patch: what the API server does with `application/merge-patch+json` (dry runs apply it locally). */
function applyMergePatch(target, patch) {
    if (!isMap(patch))
        return structuredClone(patch);
    const result = isMap(target) ? { ...target } : {};
    for (const [key, value] of Object.entries(patch)) {
        if (value === null)
            delete result[key];
        else
            result[key] = applyMergePatch(result[key], value);
    }
    return result;
}
/** `a=b,c=d` from matchLabels. */
function labelSelector(labels) {
    return Object.entries(labels ?? {})
        .map(([k, v]) => `${k}=${v}`)
        .join(',');
}
const leaf = (v) => (v !== null && typeof v === 'object' ? JSON.stringify(v) : v);
/** The fields that differ between two versions of an object, as `a.b[0].c` paths (what a summary shows). */
function diffFields(before, after, path = '') {
    const bothArrays = Array.isArray(before) && Array.isArray(after);
    if ((isMap(before) && isMap(after)) || bothArrays) {
        const keys = bothArrays
            ? Array.from({ length: Math.max(before.length, after.length) }, (_, i) => i)
            : [...new Set([...Object.keys(before), ...Object.keys(after)])];
        return keys.flatMap((k) => diffFields(before[k], after[k], typeof k === 'number' ? `${path}[${k}]` : path ? `${path}.${k}` : k));
    }
    if (JSON.stringify(before) === JSON.stringify(after))
        return [];
    return [{ field: path, from: leaf(before), to: leaf(after) }];
}
/** The RFC 6902 operations canary-step sends (`test`, `replace`), applied to a local copy in dry runs. */
function applyJsonPatch(target, ops) {
    const doc = structuredClone(target);
    for (const op of ops) {
        const parts = op.path.split('/').slice(1);
        const last = parts.pop();
        let node = doc;
        for (const p of parts)
            node = node?.[p];
        if (node === undefined || node === null)
            throw new Error(`path ${op.path} does not exist`);
        if (op.op === 'test') {
            if (JSON.stringify(node[last]) !== JSON.stringify(op.value))
                throw new Error(`test failed at ${op.path}`);
        }
        else
            node[last] = structuredClone(op.value);
    }
    return doc;
}

;// CONCATENATED MODULE: ./packages/kube/src/state.ts
/** The annotation on the route object that carries the rollout's state, so a re-run can resume. */
const STATE_ANNOTATION = 'canary-step.llmops.dev/state';
const OUTCOMES = ['in-progress', 'paused', 'aborted', 'promoted', 'rolled-back'];
/** The same write: a state this run wrote (or read) is still the one on the route. */
function sameWrite(a, b) {
    if (!a || !b)
        return a === b;
    return (a.revision === b.revision &&
        a.startedAt === b.startedAt &&
        a.nonce === b.nonce &&
        a.updatedAt === b.updatedAt);
}
/** Unfinished: a different revision may not start until this one is rolled back or promoted. */
function inFlight(state) {
    return (!!state && (state.outcome === 'in-progress' || state.outcome === 'paused' || state.outcome === 'aborted'));
}
function readState(route) {
    const text = route.metadata.annotations?.[STATE_ANNOTATION];
    if (!text)
        return undefined;
    try {
        const parsed = JSON.parse(text);
        if (typeof parsed.revision !== 'string' || !OUTCOMES.includes(parsed.outcome))
            return undefined;
        return parsed;
    }
    catch {
        return undefined;
    }
}
/** The merge patch that records `state` on the route object. */
function statePatch(state) {
    return { metadata: { annotations: { [STATE_ANNOTATION]: JSON.stringify(state) } } };
}

;// CONCATENATED MODULE: ./packages/kube/src/workload.ts


const CREATED_FROM_ANNOTATION = 'canary-step.llmops.dev/created-from';
const spec = (d) => (d.spec ?? {});
/** An image without its tag or digest. */
const repository = (image) => image.replace(/@.*$/, '').replace(/:[^/:]*$/, '');
/** The container an image belongs to: the one running the same repository, else the first. */
function containerFor(containers, image) {
    const same = containers.findIndex((c) => c.image && repository(c.image) === repository(image));
    return same >= 0 ? same : 0;
}
function imageOf(d, hint) {
    const containers = spec(d).template?.spec?.containers ?? [];
    return containers[hint ? containerFor(containers, hint) : 0]?.image;
}
/** A stable Deployment's labels as its canary copy has them: values naming the stable (or `stable`) name the canary. */
function canaryLabels(stableName, canaryName, labels = {}) {
    return Object.fromEntries(Object.entries(labels).map(([k, v]) => [
        k,
        v === stableName ? canaryName : v === 'stable' ? 'canary' : v,
    ]));
}
function matchLabelsOf(d) {
    return spec(d).selector?.matchLabels ?? {};
}
/**
 * Poll until `ready` says so; `ready` gets the time waited so far. After `timeoutMs` the error
 * from `timedOut` is thrown.
 */
async function pollUntil(wait, ready, timedOut) {
    const started = wait.clock.now();
    let delay = wait.pollMs;
    for (;;) {
        const elapsed = wait.clock.now() - started;
        if (await ready(elapsed))
            return;
        if (elapsed >= wait.timeoutMs)
            throw timedOut();
        await wait.clock.sleep(delay, wait.signal);
        delay = Math.min(wait.maxPollMs ?? 5000, delay * 2);
    }
}
/**
 * Wait until `ready` says so of the object, following it with a watch (a GPU rollout waits for
 * minutes: one open stream instead of a request every few seconds). A stream the server closes is
 * opened again; a watch the server refuses (no `watch` in the Role) falls back to polling.
 */
async function watchUntil(writer, kind, name, wait, ready, timedOut) {
    const started = wait.clock.now();
    const elapsed = () => wait.clock.now() - started;
    let done = false;
    let failure;
    let wake = () => { };
    const woken = () => new Promise((resolve) => (wake = resolve));
    const onChange = (object) => {
        try {
            done ||= ready(object, elapsed());
        }
        catch (error) {
            failure ??= error;
        }
        wake();
    };
    const deadline = new AbortController();
    const timer = wait.clock.sleep(wait.timeoutMs, AbortSignal.any([deadline.signal, ...(wait.signal ? [wait.signal] : [])]));
    timer
        .then(() => (failure ??= timedOut()), () => (failure ??= wait.signal?.aborted ? (wait.signal.reason ?? new Error('cancelled')) : undefined))
        .finally(() => wake());
    try {
        while (!done && !failure) {
            let stream;
            try {
                stream = await writer.kube.watch(kind, name, onChange);
            }
            catch (error) {
                wait.log(`cannot watch ${kind} ${writer.namespace}/${name} (${error.message}): polling`);
                const rest = { ...wait, timeoutMs: Math.max(0, wait.timeoutMs - elapsed()) };
                return await pollUntil(rest, async () => ready(await writer.get(kind, name), elapsed()), timedOut);
            }
            let ended = false;
            void stream.ended.then(() => {
                ended = true;
                wake();
            });
            // (a stream the server closed is opened again: it sends the object as it is now first)
            while (!done && !failure && !ended)
                await woken();
            stream.stop();
        }
        if (!done)
            throw failure;
    }
    finally {
        deadline.abort();
    }
}
/** Deployments: the canary's image and size, readiness with the reasons pods wait, the stable's promotion. */
class Workloads {
    writer;
    wait;
    constructor(writer, wait) {
        this.writer = writer;
        this.wait = wait;
    }
    get log() {
        return this.wait.log;
    }
    /** Set `image` on the Deployment's container for it: a JSON patch of that one field, nothing else of the spec. */
    async setImage(name, image, reason) {
        const d = await this.writer.get('Deployment', name);
        const containers = spec(d).template?.spec?.containers ?? [];
        if (containers.length === 0)
            throw new src/* UserError */.yo(`Deployment ${this.writer.namespace}/${name} has no containers`);
        const i = containerFor(containers, image);
        const container = containers[i];
        if (container.image === image)
            return;
        const at = `/spec/template/spec/containers/${i}`;
        await this.writer.patchFields('Deployment', name, [
            { op: 'test', path: `${at}/name`, value: container.name },
            { op: 'replace', path: `${at}/image`, value: image },
        ], reason, [{ field: `spec.template.spec.containers[${container.name}].image`, from: container.image, to: image }]);
    }
    /**
     * The canary Deployment running `image`: updated if it exists, else created from the stable one
     * with 0 replicas (each step sizes it). Its pods must be told apart from the stable pods, so
     * labels whose value is the stable Deployment's name or `stable` get the canary's name or `canary`.
     */
    async prepareCanary(stableName, canaryName, image) {
        const existing = await this.writer.find('Deployment', canaryName);
        if (existing) {
            if (image)
                await this.setImage(canaryName, image, `canary image ${image}`);
            return;
        }
        if (!image)
            throw new src/* UserError */.yo(`Deployment ${this.writer.namespace}/${canaryName} does not exist: give 'image' to create it from '${stableName}'`);
        const stable = await this.writer.get('Deployment', stableName);
        const rewrite = (labels) => canaryLabels(stableName, canaryName, labels);
        const s = structuredClone(spec(stable));
        const matchLabels = rewrite(s.selector?.matchLabels);
        if (labelSelector(matchLabels) === labelSelector(s.selector?.matchLabels))
            throw new src/* UserError */.yo(`cannot create canary Deployment '${canaryName}' from '${stableName}': no selector label has the value '${stableName}' or 'stable' to tell canary pods from stable ones; create '${canaryName}' yourself (its own labels, 0 replicas)`);
        s.selector = { ...s.selector, matchLabels };
        s.template = {
            ...s.template,
            metadata: { ...s.template?.metadata, labels: rewrite(s.template?.metadata?.labels) },
        };
        const containers = [...(s.template.spec?.containers ?? [])];
        const i = containerFor(containers, image);
        if (containers[i])
            containers[i] = { ...containers[i], image };
        s.template.spec = { ...s.template.spec, containers };
        s.replicas = 0;
        const object = {
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
    async scaleUp(name, replicas, reason) {
        const d = await this.writer.get('Deployment', name);
        const now = spec(d).replicas ?? 1;
        if (now < replicas)
            await this.writer.scale(name, replicas, reason, now);
        await this.waitReady(name);
    }
    async scaleTo(name, replicas, reason) {
        const d = await this.writer.find('Deployment', name);
        const now = d && (spec(d).replicas ?? 1);
        if (d && now !== replicas)
            await this.writer.scale(name, replicas, reason, now);
    }
    /**
     * Wait until the Deployment's current generation is rolled out and every replica is ready,
     * saying what it waits for: ready counts, and why pods are pending (the scheduler's message,
     * such as insufficient nvidia.com/gpu) or not starting (image pulls, crash loops).
     */
    async waitReady(name, atLeast = 0) {
        if (this.writer.dryRun) {
            this.log(`[dry-run] would wait for Deployment ${this.writer.namespace}/${name} to be ready`);
            return;
        }
        const { timeoutMs } = this.wait;
        const seen = new Set();
        let lastLine = '';
        let lastReason = '';
        let progress = '';
        await pollUntil(this.wait, async (elapsed) => {
            const d = await this.writer.get('Deployment', name);
            const st = (d.status ?? {});
            // An autoscaler raising the count (its new minimum) has not always written it yet.
            const want = Math.max(spec(d).replicas ?? 1, atLeast);
            const observed = (st.observedGeneration ?? 0) >= (d.metadata.generation ?? 0);
            const ready = st.readyReplicas ?? 0;
            const updated = st.updatedReplicas ?? 0;
            if (observed && updated >= want && ready >= want && (st.availableReplicas ?? 0) >= want) {
                if (want > 0)
                    this.log(`Deployment ${this.writer.namespace}/${name}: ${ready}/${want} ready`);
                return true;
            }
            const stuck = st.conditions?.find((c) => c.type === 'Progressing' && c.reason === 'ProgressDeadlineExceeded');
            if (stuck)
                throw new src/* UserError */.yo(`Deployment ${this.writer.namespace}/${name} stopped progressing: ${stuck.message ?? 'progress deadline exceeded'}`);
            progress = `${ready}/${want} ready`;
            const line = `waiting for Deployment ${this.writer.namespace}/${name}: ${ready}/${want} ready, ${updated} updated${observed ? '' : ', new generation not yet observed'}`;
            if (line !== lastLine) {
                this.log(`${line} (${(0,src/* formatDuration */.a3)(elapsed)} of ${(0,src/* formatDuration */.a3)(timeoutMs)})`);
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
        }, () => new src/* UserError */.yo(`Deployment ${this.writer.namespace}/${name} not ready after ${(0,src/* formatDuration */.a3)(timeoutMs)} (input 'timeout'): ${progress}${lastReason ? `; ${lastReason}` : ''}`));
    }
    /**
     * How long each ready pod of the Deployment took from creation to ready, as the API server
     * recorded it (creationTimestamp, the Ready condition's lastTransitionTime): the cold start
     * (scheduling, image pull, model load) a user pays for each new pod.
     */
    async podStarts(name) {
        if (this.writer.dryRun)
            return [];
        const pods = await this.podsOf(await this.writer.get('Deployment', name));
        return pods.flatMap((pod) => {
            const created = Date.parse(String(pod.metadata.creationTimestamp ?? ''));
            const readyAt = (pod.status?.conditions ?? []).find((c) => c.type === 'Ready' && c.status === 'True')?.lastTransitionTime;
            const ready = Date.parse(readyAt ?? '');
            if (Number.isNaN(created) || Number.isNaN(ready))
                return [];
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
    async podsOf(d) {
        const selector = labelSelector(matchLabelsOf(d));
        if (!selector)
            return [];
        try {
            return await this.writer.kube.list('Pod', selector);
        }
        catch {
            return []; // reading pods is a nicety: a Role without `list pods` still rolls out
        }
    }
    /** Why the Deployment's pods are not ready, one line per distinct reason. */
    async podReasons(d) {
        const pods = await this.podsOf(d);
        const reasons = [];
        for (const pod of pods) {
            const st = (pod.status ?? {});
            const unscheduled = st.conditions?.find((c) => c.type === 'PodScheduled' && c.status === 'False');
            if (unscheduled)
                reasons.push(`pod ${pod.metadata.name} is Pending (${unscheduled.reason ?? 'unscheduled'}): ${unscheduled.message ?? ''}`.trim());
            for (const c of st.containerStatuses ?? []) {
                const waiting = c.state?.waiting;
                if (waiting?.reason && waiting.reason !== 'ContainerCreating')
                    reasons.push(`pod ${pod.metadata.name} container ${c.name}: ${waiting.reason}${waiting.message ? ` — ${waiting.message}` : ''}`);
            }
        }
        return reasons;
    }
}
/**
 * Wait until an InferenceService has observed its spec and its latest predictor revision is
 * ready (status.components.predictor.latestReadyRevision = latestCreatedRevision, Ready True).
 */
async function waitInferenceService(writer, name, wait) {
    if (writer.dryRun) {
        wait.log(`[dry-run] would wait for InferenceService ${writer.namespace}/${name} to be ready`);
        return;
    }
    let last = '';
    await pollUntil(wait, async (elapsed) => {
        const isvc = await writer.get('InferenceService', name);
        const st = (isvc.status ?? {});
        const predictor = st.components?.predictor ?? {};
        const readyCondition = st.conditions?.find((c) => c.type === 'Ready');
        const observed = (st.observedGeneration ?? 0) >= (isvc.metadata.generation ?? 0);
        if (observed &&
            readyCondition?.status === 'True' &&
            predictor.latestCreatedRevision &&
            predictor.latestReadyRevision === predictor.latestCreatedRevision) {
            wait.log(`InferenceService ${writer.namespace}/${name}: revision ${predictor.latestReadyRevision} ready`);
            return true;
        }
        const line = `waiting for InferenceService ${writer.namespace}/${name}: latest revision ${predictor.latestCreatedRevision ?? '(none yet)'}, ready ${predictor.latestReadyRevision ?? '(none)'}${readyCondition?.message ? ` — ${readyCondition.message}` : ''}`;
        if (line !== last) {
            wait.log(`${line} (${(0,src/* formatDuration */.a3)(elapsed)} of ${(0,src/* formatDuration */.a3)(wait.timeoutMs)})`);
            last = line;
        }
        return false;
    }, () => new src/* UserError */.yo(`InferenceService ${writer.namespace}/${name} not ready after ${(0,src/* formatDuration */.a3)(wait.timeoutMs)} (input 'timeout'): ${last}`));
}

;// CONCATENATED MODULE: ./packages/kube/src/autoscaler.ts


/** KEDA first: a ScaledObject drives an HPA of its own, which is KEDA's and not ours to copy. */
const AUTOSCALER_KINDS = ['ScaledObject', 'HorizontalPodAutoscaler'];
const scalerSpec = (o) => (o.spec ?? {});
// Defaults of the APIs: HPA minReplicas 1; KEDA minReplicaCount 0, maxReplicaCount 100.
function autoscalerBounds(kind, o) {
    const s = scalerSpec(o);
    return kind === 'HorizontalPodAutoscaler'
        ? { min: s.minReplicas ?? 1, max: s.maxReplicas ?? 1 }
        : { min: s.minReplicaCount ?? 0, max: s.maxReplicaCount ?? 100 };
}
const boundsPatch = (kind, min, max) => kind === 'HorizontalPodAutoscaler'
    ? { minReplicas: min, maxReplicas: max }
    : { minReplicaCount: min, maxReplicaCount: max };
function targets(o, deployment) {
    const ref = scalerSpec(o).scaleTargetRef;
    return ref?.name === deployment && (ref.kind ?? 'Deployment') === 'Deployment';
}
const ownedByKeda = (o) => (o.metadata.ownerReferences ?? []).some((r) => r.kind === 'ScaledObject');
/** Objects of an autoscaler kind; a cluster without the kind (no KEDA) has none. */
async function listKind(writer, kind) {
    try {
        return await writer.kube.list(kind);
    }
    catch (error) {
        if (error instanceof KubeError && error.status === 404)
            return [];
        throw error;
    }
}
/** The autoscaler whose target is Deployment `deployment`: a ScaledObject, else an HPA KEDA does not own. */
async function findAutoscaler(writer, deployment) {
    for (const kind of AUTOSCALER_KINDS) {
        const object = (await listKind(writer, kind)).find((o) => targets(o, deployment) && !(kind === 'HorizontalPodAutoscaler' && ownedByKeda(o)));
        if (object)
            return { kind, object, ...autoscalerBounds(kind, object) };
    }
    return undefined;
}
/** The canary's own autoscaler (named as the canary Deployment), which canary-step created. */
async function findCanaryAutoscaler(writer, canaryName) {
    for (const kind of AUTOSCALER_KINDS) {
        let object;
        try {
            object = await writer.find(kind, canaryName);
        }
        catch (error) {
            // 404: no such kind here (no KEDA). 403: canary-step may not read it, so it cannot have
            // created one either (the copy needs that right first).
            if (error instanceof KubeError && (error.status === 404 || error.status === 403))
                continue;
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
function canaryAutoscaler(stable, stableName, canaryName, min, max) {
    const spec = structuredClone(scalerSpec(stable.object));
    spec.scaleTargetRef = { ...spec.scaleTargetRef, name: canaryName };
    // KEDA names its HPA after this field when it is set: the copy's HPA must not take the stable's.
    if (spec.advanced?.horizontalPodAutoscalerConfig?.name)
        delete spec.advanced.horizontalPodAutoscalerConfig.name;
    const quoted = new RegExp(`(["'])(stable|${stableName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})\\1`, 'g');
    for (const trigger of spec.triggers ?? [])
        for (const [key, value] of Object.entries(trigger.metadata ?? {}))
            if (typeof value === 'string')
                trigger.metadata[key] = value.replace(quoted, (_, q, v) => v === 'stable' ? `${q}canary${q}` : `${q}${canaryName}${q}`);
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
function autoscalerBoundsPatch(kind, min, max) {
    return { spec: boundsPatch(kind, min, max) };
}

;// CONCATENATED MODULE: ./packages/kube/src/workloads/deployments.ts




const sortedLabels = (labels) => labelSelector(Object.fromEntries(Object.entries(labels).sort()));
const podLabels = (d) => (d.spec?.template
    ?.metadata?.labels ?? {});
/**
 * A stable and a canary Deployment behind istio, gateway-api or a plain Service. The canary is
 * sized for its share of traffic (blue-green on a Service: at full size, since the switch sends it
 * everything); promotion gives the stable Deployment the new image, then returns traffic to it.
 */
class DeploymentsWorkload {
    config;
    deps;
    revisionOnRoute = false;
    stableName;
    canaryName;
    workloads;
    /** A plain Service switches all traffic at once (weight 0 or 100). */
    blueGreen;
    /** The stable's HPA or ScaledObject (null: it has none), looked up once per run. */
    stableScaler;
    constructor(config, deps) {
        this.config = config;
        this.deps = deps;
        if (!config.stableDeployment || !config.canaryDeployment || !deps.workloads)
            throw new src/* UserError */.yo(`router '${config.router}' needs 'stable-deployment' and 'canary-deployment': the stable Deployment takes the new image on promotion`);
        this.stableName = config.stableDeployment;
        this.canaryName = config.canaryDeployment;
        this.workloads = deps.workloads;
        this.blueGreen = config.router === 'service';
    }
    async currentRevision() {
        const { writer } = this.deps;
        const canary = await writer.find('Deployment', this.canaryName);
        const image = canary && imageOf(canary);
        if (!image)
            throw new src/* UserError */.yo(`no 'image' given and Deployment ${writer.namespace}/${this.canaryName} does not exist: give 'image'`);
        return image;
    }
    /**
     * Blue-green: before the switch the Service must send nothing to the canary's pods, and switching
     * back restores the stable Deployment's matchLabels: so the Service's selector must be exactly those.
     */
    async checkRoute(route, switched) {
        if (!this.blueGreen || switched)
            return;
        const { writer } = this.deps;
        const selector = (route.spec?.selector ?? {});
        const stable = await writer.get('Deployment', this.stableName);
        const want = matchLabelsOf(stable);
        if (sortedLabels(selector) === sortedLabels(want))
            return;
        const canary = await writer.find('Deployment', this.canaryName);
        const canaryPods = canary
            ? podLabels(canary)
            : canaryLabels(this.stableName, this.canaryName, podLabels(stable));
        const selectsCanary = Object.entries(selector).every(([k, v]) => canaryPods[k] === v);
        throw new src/* UserError */.yo(`Service ${writer.namespace}/${route.metadata.name} selects '${sortedLabels(selector)}', not the stable Deployment's matchLabels '${sortedLabels(want)}'${selectsCanary ? ": it would send live traffic to the canary's pods before any analysis" : ''}; set its selector to exactly '${sortedLabels(want)}' before a blue-green rollout`);
    }
    async prepare(run, resume) {
        await run.write(resume ? `rollout of ${run.revision} resumed` : `rollout of ${run.revision} started`);
        await this.workloads.prepareCanary(this.stableName, this.canaryName, this.config.image);
    }
    async preparePromotion(image) {
        if (image)
            await this.workloads.prepareCanary(this.stableName, this.canaryName, image);
    }
    /** The canary's count for `percent` of traffic, from the count the stable has now (its autoscaler's choice, if any). */
    async canaryReplicas(percent) {
        const stable = await this.deps.writer.get('Deployment', this.stableName);
        const replicas = (stable.spec?.replicas ?? 1) || 1;
        return Math.max(1, Math.ceil((replicas * percent) / 100));
    }
    async stableAutoscaler() {
        if (this.stableScaler === undefined) {
            const found = await findAutoscaler(this.deps.writer, this.stableName);
            this.stableScaler = found ?? null;
            if (found)
                this.deps.log(`Deployment ${this.deps.writer.namespace}/${this.stableName} is scaled by ${found.kind} ${found.object.metadata.name} (${found.min}–${found.max} replicas): its replica count is left to it; the canary gets a ${found.kind} of its own for each step's share`);
        }
        return this.stableScaler ?? undefined;
    }
    /**
     * The canary sized for `share`% before it gets that traffic, and ready. With an autoscaled stable
     * the canary's count is its own autoscaler's: created (a copy of the stable's) once the canary
     * has its first pods, its minimum then raised at each step from the stable's count at that time.
     */
    async sizeCanary(run, share, reason) {
        await run.ensureOwn();
        const { writer } = this.deps;
        const replicas = await this.canaryReplicas(share);
        const scaler = await this.stableAutoscaler();
        const own = scaler && (await findCanaryAutoscaler(writer, this.canaryName));
        if (!scaler || !own)
            await this.workloads.scaleUp(this.canaryName, replicas, reason);
        if (scaler) {
            const max = Math.max(replicas, Math.ceil((scaler.max * share) / 100));
            const bounds = `${replicas}–${max} replicas`;
            if (!own) {
                // An HPA leaves a Deployment at 0 replicas alone: the canary has its first pods before it.
                await writer.create(scaler.kind, canaryAutoscaler(scaler, this.stableName, this.canaryName, replicas, max), `${reason}: the canary's own ${scaler.kind}, ${bounds}`, [
                    { field: 'copied from', to: `${scaler.kind} ${scaler.object.metadata.name}` },
                    { field: 'spec.scaleTargetRef.name', to: this.canaryName },
                    { field: 'replicas', to: bounds },
                ]);
            }
            else {
                await writer.update(own.kind, this.canaryName, `${reason}: ${bounds}`, (o) => {
                    const now = autoscalerBounds(own.kind, o);
                    return now.min === replicas && now.max === max
                        ? undefined
                        : autoscalerBoundsPatch(own.kind, replicas, max);
                });
                await this.workloads.waitReady(this.canaryName, replicas);
            }
        }
        run.ctx.recordPodStarts(await this.workloads.podStarts(this.canaryName));
    }
    async sizeFor(run, traffic) {
        const share = Math.max(traffic.weight, traffic.mirror);
        await this.sizeCanary(run, this.blueGreen ? 100 : share, `canary sized for ${share}% of traffic`);
    }
    async readyForAnalysis(run) {
        if (!this.blueGreen || run.state.weight >= 100)
            return;
        // Blue-green analyses the new Deployment before the switch: at full size, ready.
        await this.sizeCanary(run, 100, 'canary at full size for the analysis before the switch');
    }
    async promote(run) {
        const { writer } = this.deps;
        const canary = await writer.find('Deployment', this.canaryName);
        const image = this.config.image ?? (canary && imageOf(canary)) ?? run.revision;
        const stable = await writer.get('Deployment', this.stableName);
        const previous = imageOf(stable, image);
        // What the stable ran before this promotion (a resumed one recorded it before changing it).
        const before = run.state.stableImage ?? (previous !== image ? previous : undefined);
        if (previous && previous !== image && !run.state.stableImage) {
            // Recorded before the stable changes: a promotion that fails from here on restores it.
            run.state = { ...run.state, stableImage: previous };
            await run.write(`promote: stable ${this.stableName} was ${previous}`);
        }
        else
            await run.ensureOwn();
        await this.workloads.setImage(this.stableName, image, `promote: stable takes ${image}`);
        await this.workloads.waitReady(this.stableName);
        run.state = {
            ...run.state,
            stableImage: undefined,
            // An image left as it was is no promotion to undo: the last one that changed it stays recorded.
            ...(before ? { undo: { image: before, promoted: image, at: run.ctx.now() } } : {}),
        };
        await run.setTraffic({ weight: 0, mirror: 0 }, 'promoted', 'promote: all traffic to stable', {
            promote: true,
        });
        await this.scaleDown();
    }
    async checkUndo(undo) {
        const { writer } = this.deps;
        const now = imageOf(await writer.get('Deployment', this.stableName), undo.promoted);
        if (now !== undo.promoted && now !== undo.image)
            throw new src/* UserError */.yo(`Deployment ${writer.namespace}/${this.stableName} runs ${now ?? 'no image'}, not ${undo.promoted} as the last promotion (${undo.at}) left it: it changed since, so 'action: undo' leaves it alone`);
    }
    async restoreStable(run, guard) {
        const previous = run.state.stableImage;
        if (!previous)
            return;
        const { writer } = this.deps;
        const stable = await writer.get('Deployment', this.stableName);
        if (imageOf(stable, previous) !== previous) {
            if (guard)
                await run.ensureOwn();
            this.deps.log(`restoring Deployment ${writer.namespace}/${this.stableName} to ${previous}: the canary keeps its traffic until it is ready`);
            await this.workloads.setImage(this.stableName, previous, `rollback: stable back to ${previous}`);
        }
        await this.workloads.waitReady(this.stableName);
        run.state = { ...run.state, stableImage: undefined };
    }
    async scaleDown() {
        const { config, deps } = this;
        if (config.scaleDownDelayMs > 0 && !deps.writer.dryRun) {
            deps.log(`scaling the canary down in ${(0,src/* formatDuration */.a3)(config.scaleDownDelayMs)} (in-flight requests finish)`);
            try {
                await deps.clock.sleep(config.scaleDownDelayMs, deps.signal);
            }
            catch {
                // cancelled during the grace period: scale down now
            }
        }
        // The canary's autoscaler goes first: a count it owns is not ours to write.
        const own = await findCanaryAutoscaler(deps.writer, this.canaryName);
        if (own)
            await deps.writer.delete(own.kind, this.canaryName, "canary's autoscaler removed: the canary leaves service");
        await this.workloads.scaleTo(this.canaryName, 0, 'canary scaled to zero');
    }
}

;// CONCATENATED MODULE: ./packages/kube/src/workloads/kserve.ts


/** The storage URI or image that identifies a KServe predictor's revision. */
function predictorRevision(isvc) {
    const p = (isvc.spec?.predictor ?? {});
    return p.model?.storageUri ?? p.model?.image ?? p.containers?.[0]?.image;
}
/**
 * `revision` on the predictor: a merge patch of `model` (a storage URI or an image), or for custom
 * containers a JSON patch of the first container's image alone (the list holds env and args).
 */
function predictorChange(isvc, revision) {
    const p = (isvc.spec?.predictor ?? {});
    const before = predictorRevision(isvc);
    if (before === revision)
        return undefined;
    const isUri = /^[a-z][a-z0-9+.-]*:\/\//i.test(revision);
    if (p.model) {
        const key = isUri ? 'storageUri' : 'image';
        return {
            merge: { spec: { predictor: { model: { [key]: revision } } } },
            fields: [{ field: `spec.predictor.model.${key}`, from: before, to: revision }],
        };
    }
    if (p.containers?.length) {
        if (isUri)
            throw new src/* UserError */.yo(`InferenceService ${isvc.metadata.name} runs custom containers: 'image' must be a container image, not ${revision}`);
        const first = p.containers[0];
        return {
            ops: [
                { op: 'test', path: '/spec/predictor/containers/0/name', value: first.name },
                { op: 'replace', path: '/spec/predictor/containers/0/image', value: revision },
            ],
            fields: [{ field: `spec.predictor.containers[${first.name}].image`, from: first.image, to: revision }],
        };
    }
    throw new src/* UserError */.yo(`InferenceService ${isvc.metadata.name} has neither spec.predictor.model nor containers`);
}
const DEPLOYMENT_MODE_ANNOTATION = 'serving.kserve.io/deploymentMode';
/**
 * Why `canaryTrafficPercent` would split no traffic on this InferenceService, or undefined when it
 * does. Only KServe's Knative mode (`Serverless` before KServe 0.16) keeps revisions to split
 * between; in Standard mode (`RawDeployment`) the field is ignored and the new version takes all
 * traffic at once. KServe records the mode it chose in status.deploymentMode, else the annotation
 * decides, else the cluster default, which is Standard since 0.16 (kserve.github.io, "Canary
 * Rollout Strategy": "only supported in serverless deployment mode").
 */
function deploymentModeProblem(isvc) {
    const recorded = isvc.status?.deploymentMode;
    const annotated = isvc.metadata.annotations?.[DEPLOYMENT_MODE_ANNOTATION];
    const mode = recorded || annotated;
    if (mode === 'Knative' || mode === 'Serverless')
        return undefined;
    const fix = `create it with the annotation ${DEPLOYMENT_MODE_ANNOTATION}: Knative ('Serverless' before KServe 0.16; KServe does not change the mode of an existing InferenceService), or use router 'istio' or 'gateway-api' with two Deployments`;
    const name = `InferenceService ${isvc.metadata.namespace ?? ''}${isvc.metadata.namespace ? '/' : ''}${isvc.metadata.name}`;
    if (!mode)
        return `${name} records no deployment mode (no status.deploymentMode, no ${DEPLOYMENT_MODE_ANNOTATION} annotation), and KServe's default since 0.16 is Standard, where canaryTrafficPercent splits no traffic: ${fix}`;
    return `${name} runs in KServe's ${mode} deployment mode, where canaryTrafficPercent splits no traffic (only Knative mode keeps revisions to split between): ${fix}`;
}
/**
 * A KServe InferenceService: the route object is the workload. The predictor takes the new
 * revision, `canaryTrafficPercent` splits traffic between its latest and previous revisions, and
 * KServe scales them: nothing to size, restore or scale down here.
 */
class InferenceServiceWorkload {
    router;
    writer;
    waitReady;
    revisionOnRoute = true;
    constructor(router, writer, 
    /** Wait for the InferenceService's latest revision to be ready. */
    waitReady) {
        this.router = router;
        this.writer = writer;
        this.waitReady = waitReady;
    }
    async currentRevision(route) {
        const revision = predictorRevision(route);
        if (!revision)
            throw new src/* UserError */.yo(`InferenceService ${route.metadata.name}: no predictor storageUri or image`);
        return revision;
    }
    async checkRoute(route) {
        const problem = deploymentModeProblem(route);
        if (problem)
            throw new src/* UserError */.yo(problem);
    }
    async prepare(run, resume) {
        const { router, writer } = this;
        const { revision } = run;
        // The canary share is set (0, or where a resumed run was) with or before the new revision:
        // a predictor change without canaryTrafficPercent would send it all traffic at once.
        let containers;
        await run.write(`predictor ${revision}`, run.state, (isvc) => {
            const change = predictorChange(isvc, revision);
            containers = change?.ops ? change : undefined;
            const keep = resume ? router.traffic(isvc) : { weight: 0, mirror: 0 };
            return applyMergePatch(change?.merge ?? {}, router.trafficPatch(isvc, keep));
        });
        if (containers?.ops)
            await writer.patchFields(router.kind, router.name, containers.ops, `predictor ${revision}`, containers.fields);
        await this.waitReady?.(router.name);
    }
    async preparePromotion() { }
    async sizeFor() { }
    async readyForAnalysis() { }
    async promote(run) {
        await run.setTraffic({ weight: 0, mirror: 0 }, 'promoted', 'promote: the latest revision takes all traffic', {
            promote: true,
        });
        await this.waitReady?.(this.router.name);
        run.state = { ...run.state, weight: 100 };
    }
    async checkUndo() {
        // The plan refuses 'action: undo' with router 'kserve'; this is the backstop.
        throw new src/* UserError */.yo(`InferenceService ${this.router.name}: 'action: undo' restores a stable Deployment's image; KServe has none (roll out the previous storage URI or image instead)`);
    }
    async restoreStable() { }
    async scaleDown() { }
}

;// CONCATENATED MODULE: ./packages/kube/src/rollout/run.ts






/** Someone else (a manual rollback, another run) wrote the route since this run did: stop, touch nothing. */
class Superseded extends src/* UserError */.yo {
    current;
    constructor(current) {
        super(`superseded by ${current
            ? `${current.run ? `run ${current.run}` : 'another run'}: ${current.revision} ${current.outcome}, canary weight ${current.weight}% (${current.updatedAt})`
            : 'another writer: the rollout state was removed from the route'}: this run stopped without touching traffic`);
        this.current = current;
    }
}
/** What every action of canary-step works with: the inputs, the clients and the workload behind the route. */
class RolloutContext {
    config;
    deps;
    workload;
    coldStart = { pods: [] };
    constructor(config, deps) {
        this.config = config;
        this.deps = deps;
        this.workload =
            config.router === 'kserve'
                ? new InferenceServiceWorkload(deps.router, deps.writer, deps.waitInferenceService)
                : new DeploymentsWorkload(config, deps);
    }
    log(line) {
        this.deps.log(line);
    }
    /** Canary pods' start times, each pod once (a later step lists the earlier pods again). */
    recordPodStarts(starts) {
        for (const start of starts)
            if (!this.coldStart.pods.some((p) => p.pod === start.pod)) {
                this.coldStart.pods.push(start);
                this.log(`pod ${start.pod}: ready ${(0,src/* formatDuration */.a3)(start.readyMs)} after it was created`);
            }
    }
    now() {
        return new Date(this.deps.clock.now()).toISOString();
    }
    routeLabel() {
        return `${this.deps.router.kind} ${this.deps.writer.namespace}/${this.deps.router.name}`;
    }
    /** `step 2/3`, or the promotion after the last step. */
    where(index) {
        const total = this.config.steps.length;
        return index >= total ? `promotion (after step ${total}/${total})` : `step ${index + 1}/${total}`;
    }
    /** The route as it is now, with the rollout state it carries. */
    async readRoute() {
        const { router, writer } = this.deps;
        const route = await writer.get(router.kind, router.name);
        return { route, state: readState(route) };
    }
    result(fields) {
        const { config, deps } = this;
        const { state, steps = [], resumedAt } = fields;
        const passed = steps.filter((s) => s.outcome === 'passed').length;
        const promoted = state?.outcome === 'promoted';
        const completed = Math.max((resumedAt ?? 1) - 1 + passed, promoted ? config.steps.length : 0);
        return {
            action: config.action,
            router: config.router,
            route: this.routeLabel(),
            verdict: fields.verdict,
            outcome: state?.outcome ?? 'none',
            revision: fields.revision,
            finalWeight: promoted ? 100 : fields.finalWeight,
            rolledBack: fields.rolledBack ?? false,
            stepsCompleted: config.action === 'rollout' ? completed : (state?.step ?? 0),
            totalSteps: config.steps.length,
            resumedAt,
            steps,
            headline: fields.headline,
            reasons: fields.reasons,
            changes: deps.writer.changes,
            conflicts: deps.writer.conflicts,
            dryRun: deps.writer.dryRun,
            state,
            ...(this.coldStart.prepull || this.coldStart.pods.length ? { coldStart: this.coldStart } : {}),
        };
    }
}
/**
 * One rollout of one revision once its state exists. Every write of the state checks that the
 * route still holds what this run last wrote (or read): a manual rollback or another run in
 * between supersedes this one, which then stops.
 */
class RolloutRun {
    ctx;
    revision;
    state;
    seen;
    steps = [];
    resumedAt;
    rolledBack = false;
    nonce = (0,external_node_crypto_.randomUUID)();
    /**
     * @param state what this run records on the route with its next write
     * @param seen the state this run last wrote or read on the route: what a guarded write expects to find
     */
    constructor(ctx, revision, state, seen) {
        this.ctx = ctx;
        this.revision = revision;
        this.state = state;
        this.seen = seen;
    }
    /** The next state this run writes: its nonce and run id, a fresh `updatedAt`. */
    stamp(state) {
        const { run } = this.ctx.config;
        return { ...state, updatedAt: this.ctx.now(), nonce: this.nonce, ...(run ? { run } : {}) };
    }
    /** Throws `Superseded` unless the route still holds the state this run last wrote or read. */
    expectOwn(route) {
        const current = readState(route);
        if (!sameWrite(current, this.seen))
            throw new Superseded(current);
    }
    /** Before changing a workload: is the rollout still this run's? */
    async ensureOwn() {
        const { router, writer } = this.ctx.deps;
        this.expectOwn(await writer.get(router.kind, router.name));
    }
    /**
     * Record `next` on the route, merged with `patch` of the route, in one update; it becomes this
     * run's state once written. Guarded (the default): only while the route holds this run's last
     * state; unguarded takes the route over.
     */
    async write(reason, next = this.state, patch = () => ({}), guard = true) {
        const { router, writer } = this.ctx.deps;
        const state = this.stamp(next);
        await writer.update(router.kind, router.name, reason, (route) => {
            if (guard)
                this.expectOwn(route);
            return applyMergePatch(patch(route), statePatch(state));
        });
        this.state = state;
        this.seen = state;
    }
    /** Write the route's traffic and the state in one patch (guarded unless `guard: false`). */
    async setTraffic(traffic, outcome, reason, options = {}) {
        const { router } = this.ctx.deps;
        await this.write(reason, { ...this.state, weight: traffic.weight, mirror: traffic.mirror, outcome }, (route) => (options.promote ? router.promotePatch(route) : router.trafficPatch(route, traffic)), options.guard !== false);
    }
    /** Take the route over by hand (a rollout in flight is superseded): record the state unguarded. */
    async takeOver(reason) {
        await this.write(reason, this.state, () => ({}), false);
    }
    async promote() {
        this.ctx.log(`promoting ${this.revision}`);
        await this.ctx.workload.promote(this);
    }
    /**
     * The stable back on its old image if a promotion changed it (the canary keeps serving until it
     * is ready), then the canary out of traffic, then scaled down after the grace period.
     */
    async rollback(reason, guard = true) {
        this.ctx.log(`rolling back: ${reason}`);
        await this.ctx.workload.restoreStable(this, guard);
        await this.setTraffic({ weight: 0, mirror: 0 }, 'rolled-back', 'rollback: canary weight to 0', { guard });
        this.rolledBack = true;
        await this.ctx.workload.scaleDown();
    }
    result(verdict, headline, reasons, finalWeight) {
        return this.ctx.result({
            verdict,
            headline,
            reasons,
            finalWeight,
            revision: this.revision,
            state: this.state,
            steps: this.steps,
            resumedAt: this.resumedAt,
            rolledBack: this.rolledBack,
        });
    }
    /** This run stopped because someone else took the route over: report what holds it now. */
    superseded(error, index) {
        return this.ctx.result({
            verdict: 'fail',
            headline: `stopped at ${this.ctx.where(index)}: ${error.message}`,
            reasons: [error.message],
            finalWeight: error.current?.weight ?? 0,
            revision: this.revision,
            state: error.current,
            steps: this.steps,
            resumedAt: this.resumedAt,
            rolledBack: this.rolledBack,
        });
    }
}

;// CONCATENATED MODULE: ./packages/kube/src/rollout/cleanup.ts

/**
 * The post step: roll back what this job left unfinished — only a rollout this workflow run
 * last wrote (not another job's, not a paused one: that was asked for).
 */
async function cleanup(ctx) {
    const { config, deps } = ctx;
    const { route, state } = await ctx.readRoute();
    const leftAlone = (headline, finalWeight) => ctx.result({
        verdict: 'pass',
        headline,
        reasons: [],
        finalWeight,
        revision: config.image ?? state?.revision ?? '',
        state,
    });
    if (!state || (state.outcome !== 'in-progress' && state.outcome !== 'aborted'))
        return leftAlone(`post: nothing unfinished on ${ctx.routeLabel()}`, deps.router.traffic(route).weight);
    if (config.image && state.revision !== config.image)
        return leftAlone(`post: the rollout in flight is ${state.revision}, not this job's ${config.image}: left alone`, state.weight);
    if (state.run !== config.run)
        return leftAlone(`post: the rollout in flight was last written by ${state.run ? `run ${state.run}` : 'another run'}, not this one${config.run ? ` (${config.run})` : ''}: left alone`, state.weight);
    const run = new RolloutRun(ctx, state.revision, state, state);
    try {
        await run.rollback(`the job ended with the rollout ${state.outcome} at step ${Math.min(state.step + 1, state.steps)}/${state.steps}`);
    }
    catch (error) {
        if (error instanceof Superseded)
            return run.superseded(error, state.step);
        throw error;
    }
    return run.result('pass', `post: rolled back the unfinished rollout of ${state.revision}`, [], 0);
}

// EXTERNAL MODULE: ./node_modules/zod/v4/core/core.js
var core = __webpack_require__(8532);
;// CONCATENATED MODULE: ./packages/kube/src/steps.ts



const ROUTERS = ['istio', 'gateway-api', 'kserve', 'service'];
function describeStep(step) {
    switch (step.kind) {
        case 'weight':
            return `weight ${step.weight}%`;
        case 'mirror':
            return `mirror ${step.percent}%`;
        case 'pause':
            return `pause ${Math.round(step.ms / 1000)}s`;
        case 'hold':
            return 'hold until the next run';
        case 'analysis':
            return 'analysis';
    }
}
function bad(message) {
    return new src/* InputError */.dz(`input 'steps': ${message}`);
}
const STEP_KINDS = 'weight, pause, analysis, mirror';
/** A step's duration: as the inputs read one (a bare number is seconds), within what a timer holds. */
const duration = (what) => schemas/* unknown */.L5J().transform((value, ctx) => {
    const text = typeof value === 'number' || typeof value === 'string' ? String(value) : '';
    const problem = (0,src/* durationProblem */.YV)(text);
    if (!problem)
        return (0,src/* parseDuration */.E9)(text);
    ctx.addIssue({ code: 'custom', message: `${what} ${JSON.stringify(value)}: ${problem}` });
    return core/* NEVER */.tm;
});
const percent = (what, min) => schemas/* unknown */.L5J().transform((value, ctx) => {
    const n = typeof value === 'string' ? Number(value.replace(/%$/, '')) : value;
    if (typeof n === 'number' && Number.isInteger(n) && n >= min && n <= 100)
        return n;
    ctx.addIssue({
        code: 'custom',
        message: `${what} must be a whole percentage from ${min} to 100, got ${JSON.stringify(value)}`,
    });
    return core/* NEVER */.tm;
});
const count = schemas/* unknown */.L5J().transform((value, ctx) => {
    const problem = (0,src/* numberProblem */.vy)(String(value), { ...prom_src.MEASUREMENT_COUNT, integer: true });
    if (typeof value === 'number' && !problem)
        return value;
    ctx.addIssue({
        code: 'custom',
        message: `analysis count ${JSON.stringify(value)}: ${problem ?? 'expected a number'}`,
    });
    return core/* NEVER */.tm;
});
/** The YAML form of `steps`: a list of one-key mappings. The one definition of the format. */
function stepsSchema(defaults) {
    const analysis = schemas/* strictObject */.rej({
        checks: schemas/* unknown */.L5J()
            .transform((c) => (typeof c === 'string' ? c : JSON.stringify(c)))
            .optional(),
        count: count.optional(),
        interval: duration('analysis interval').optional(),
    }, {
        error: (issue) => issue.code === 'unrecognized_keys'
            ? `analysis has unknown key ${issue.keys.join(', ')} (checks, count, interval)`
            : 'analysis takes a mapping of checks, count and interval',
    })
        .nullish()
        .transform((o, ctx) => {
        const override = {};
        if (o?.checks !== undefined)
            override.checks = o.checks;
        if (o?.count !== undefined)
            override.count = o.count;
        if (o?.interval !== undefined)
            override.intervalMs = o.interval;
        if (defaults && (override.count !== undefined || override.intervalMs !== undefined)) {
            const problem = (0,prom_src.runLengthProblem)(override.count ?? defaults.count, override.intervalMs ?? defaults.intervalMs);
            if (problem)
                ctx.addIssue({ code: 'custom', message: `analysis: ${problem}` });
        }
        return { kind: 'analysis', override };
    });
    const step = schemas/* strictObject */.rej({
        weight: percent('weight', 1)
            .transform((weight) => ({ kind: 'weight', weight }))
            .optional(),
        mirror: percent('mirror', 1)
            .transform((p) => ({ kind: 'mirror', percent: p }))
            .optional(),
        pause: schemas/* unknown */.L5J()
            .transform((value, ctx) => {
            if (value === 'hold')
                return { kind: 'hold' };
            const parsed = duration('pause').safeParse(value);
            if (parsed.success)
                return { kind: 'pause', ms: parsed.data };
            ctx.addIssue({ code: 'custom', message: parsed.error.issues[0].message });
            return core/* NEVER */.tm;
        })
            .optional(),
        analysis: analysis.optional(),
    }, {
        error: (issue) => issue.code === 'unrecognized_keys'
            ? `unknown step '${issue.keys[0]}' (${STEP_KINDS})`
            : `expected one of ${STEP_KINDS}`,
    })
        .refine((o) => Object.keys(o).length === 1, `expected one of ${STEP_KINDS}, one per step`)
        .transform((o) => Object.values(o)[0]);
    return schemas/* array */.YOg(step, { error: 'expected `10,50,100` or a YAML list of steps' });
}
/**
 * `10,50,100`, or a YAML list of `weight: 10`, `pause: 5m`, `pause: hold`, `analysis: {checks, count,
 * interval}` and `mirror: 20`. Empty gives the router's default: 10 → 50 → 100, or for blue-green an analysis
 * of the new Deployment before it (when there are checks to run), then the switch.
 */
function parseSteps(text, router, hasChecks = true, defaults) {
    const blueGreen = hasChecks ? '- analysis: {}\n- weight: 100' : '- weight: 100';
    const value = text.trim() || (router === 'service' ? blueGreen : '10,50,100');
    let steps;
    if (/^[\d\s,%]+$/.test(value)) {
        const weight = percent('a weight', 1);
        steps = value
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
            .map((s) => {
            const parsed = weight.safeParse(s);
            if (!parsed.success)
                throw bad(parsed.error.issues[0].message);
            return { kind: 'weight', weight: parsed.data };
        });
    }
    else {
        const yaml = (0,src/* loadYaml */.yv)(value);
        const problem = yaml.problems.find((p) => p.level === 'error');
        if (problem)
            throw bad(`not YAML: ${problem.message} (line ${problem.line}, column ${problem.column})`);
        const checked = (0,src/* checkYaml */.cX)(stepsSchema(defaults), yaml);
        if (!checked.success) {
            const { path, message, line, column } = checked.issues[0];
            const step = typeof path[0] === 'number' ? `step ${path[0] + 1}: ` : '';
            throw bad(`${step}${message} (line ${line}, column ${column})`);
        }
        steps = checked.data;
    }
    if (steps.length === 0)
        throw bad('no steps');
    if (router === 'service') {
        const partial = steps.find((s) => (s.kind === 'weight' && s.weight !== 100) || s.kind === 'mirror');
        if (partial)
            throw bad(`router 'service' (blue-green) switches all traffic at once: use 'weight: 100' with pause and analysis steps, not ${describeStep(partial)}`);
    }
    if (router === 'kserve' && steps.some((s) => s.kind === 'mirror'))
        throw bad("router 'kserve' has no request mirroring: use istio or gateway-api for shadow steps");
    return steps;
}

;// CONCATENATED MODULE: ./packages/kube/src/rollout/engine.ts





/** What identifies a step list: a resumed run must run the same one. */
function stepsHash(steps) {
    return (0,external_node_crypto_.createHash)('sha256').update(JSON.stringify(steps)).digest('hex').slice(0, 16);
}
/** A step did not pass: the rollout rolls back or pauses. */
class Failed extends Error {
}
/**
 * 'action: rollout': each step sets the canary's share, bakes, and is judged by the analysis;
 * passing every step promotes, a failure rolls back (or pauses), cancellation sets the canary's
 * weight to 0 at once. The state rides on the route with every traffic change, so a re-run resumes.
 */
async function rollout(ctx, route, state) {
    const { config, workload } = ctx;
    const revision = config.image ? config.image : await workload.currentRevision(route);
    if (inFlight(state) && state.revision !== revision) {
        throw new src/* UserError */.yo(`${ctx.routeLabel()} has a rollout of ${state.revision} in flight (${state.outcome} at step ${state.step + 1}/${state.steps}, canary weight ${state.weight}%, since ${state.startedAt}): run with 'action: rollback' (or 'promote') before rolling out ${revision}`);
    }
    if (state && state.revision === revision && state.outcome === 'promoted') {
        return ctx.result({
            verdict: 'pass',
            headline: `${revision} was already promoted on ${ctx.routeLabel()} (${state.updatedAt}): nothing to do`,
            reasons: [],
            finalWeight: 0,
            revision,
            state,
        });
    }
    const resume = inFlight(state) && state.revision === revision;
    await workload.checkRoute(route, resume && state.weight >= 100);
    // Before the route is claimed: a pre-pull that fails or times out leaves nothing to roll back.
    if (config.prepull && ctx.deps.prepull)
        ctx.coldStart.prepull = await ctx.deps.prepull(config.prepull, revision);
    const run = resume ? resumed(ctx, revision, state) : started(ctx, revision, state);
    return runSteps(run, resume);
}
/** Resume the rollout in flight of the same revision at the step it was at, with the same steps. */
function resumed(ctx, revision, state) {
    const total = ctx.config.steps.length;
    const plan = stepsHash(ctx.config.steps);
    if (state.plan ? state.plan !== plan : state.steps !== total)
        throw new src/* UserError */.yo(`${ctx.routeLabel()}: the rollout of ${revision} in flight (${state.outcome} at step ${state.step + 1}/${state.steps}) was started with other 'steps' than these ${total}: re-run with the same steps, or roll it back (or promote it) first`);
    const start = Math.min(state.step, total);
    const run = new RolloutRun(ctx, revision, { ...state, steps: total, plan, outcome: 'in-progress' }, state);
    run.resumedAt = start + 1;
    ctx.log(`resuming the rollout of ${revision} on ${ctx.routeLabel()} at step ${start + 1}/${total} (was ${state.outcome}, canary weight ${state.weight}%, started ${state.startedAt})`);
    return run;
}
function started(ctx, revision, seen) {
    const { steps } = ctx.config;
    const state = {
        revision,
        step: 0,
        steps: steps.length,
        weight: 0,
        mirror: 0,
        startedAt: ctx.now(),
        updatedAt: ctx.now(),
        outcome: 'in-progress',
        plan: stepsHash(steps),
        // The last promotion stays undoable until this rollout promotes.
        ...(seen?.undo ? { undo: seen.undo } : {}),
    };
    ctx.log(`rolling out ${revision} on ${ctx.routeLabel()}: ${steps.map(describeStep).join(' → ')}`);
    return new RolloutRun(ctx, revision, state, seen);
}
/** The rollout claimed on the route, then each step from where it starts, then the promotion. */
async function runSteps(run, resume) {
    const { ctx } = run;
    const { steps } = ctx.config;
    const total = steps.length;
    let index = (run.resumedAt ?? 1) - 1;
    try {
        await ctx.workload.prepare(run, resume);
        for (; index < total; index++) {
            checkCancelled(ctx);
            if (steps[index].kind === 'hold')
                return await hold(run, index);
            run.state = { ...run.state, step: index };
            const record = await runStep(run, index, steps[index]);
            run.steps.push(record);
            if (record.outcome !== 'passed') {
                const why = `step ${index + 1} (${record.step}) ${record.outcome}: ${record.analysis?.reason || record.note || ''}`;
                throw new Failed(why);
            }
            run.state = { ...run.state, step: index + 1 };
            await run.write(`step ${index + 1}/${total} passed`);
        }
        checkCancelled(ctx);
        await run.promote();
        return run.result('pass', `${run.revision} promoted on ${ctx.routeLabel()} after ${total} step${total === 1 ? '' : 's'}`, [], 0);
    }
    catch (error) {
        return onError(run, error, index);
    }
}
/**
 * `pause: hold`: the rollout stays as it is (paused, so the post step leaves it), and this run
 * passes; canary-step run again with the same steps resumes after the hold — e.g. a shadow stage
 * (mirror steps) in one job, the comparison of the two models, then the canary in the next job.
 */
async function hold(run, index) {
    const { ctx } = run;
    const total = ctx.config.steps.length;
    run.state = { ...run.state, step: index + 1, outcome: 'paused' };
    await run.write(`held at step ${index + 1}/${total}`);
    const { weight, mirror } = run.state;
    return run.result('pass', `${run.revision} held at step ${index + 1}/${total} on ${ctx.routeLabel()} (canary weight ${weight}%${mirror ? `, mirror ${mirror}%` : ''}): run canary-step again with the same steps to go on`, [], weight);
}
function checkCancelled(ctx) {
    const { signal } = ctx.deps;
    if (signal?.aborted)
        throw signal.reason ?? new Error('cancelled');
}
/** One step: the canary's share (sized first), the bake, then the analysis. */
async function runStep(run, index, step) {
    const { ctx } = run;
    const { config, deps } = ctx;
    const label = `step ${index + 1}/${config.steps.length} (${describeStep(step)})`;
    const started = deps.clock.now();
    const record = {
        index,
        step: describeStep(step),
        weight: run.state.weight,
        mirror: run.state.mirror,
        bakeMs: 0,
        outcome: 'passed',
        startedAt: ctx.now(),
        durationMs: 0,
    };
    ctx.log(`${label}: starting`);
    const finish = () => {
        record.durationMs = deps.clock.now() - started;
        return record;
    };
    if (step.kind === 'pause') {
        await deps.clock.sleep(step.ms, deps.signal);
        return finish();
    }
    if (step.kind === 'weight' || step.kind === 'mirror') {
        const traffic = step.kind === 'weight' ? { weight: step.weight, mirror: 0 } : { weight: 0, mirror: step.percent };
        await ctx.workload.sizeFor(run, traffic);
        await run.setTraffic(traffic, 'in-progress', `${label}: canary weight ${traffic.weight}%${traffic.mirror ? `, mirror ${traffic.mirror}%` : ''}`);
        record.weight = traffic.weight;
        record.mirror = traffic.mirror;
        if (config.bakeMs > 0 && !deps.writer.dryRun) {
            ctx.log(`${label}: baking for ${(0,src/* formatDuration */.a3)(config.bakeMs)}`);
            await deps.clock.sleep(config.bakeMs, deps.signal);
        }
        record.bakeMs = config.bakeMs;
    }
    const override = step.kind === 'analysis' ? step.override : undefined;
    if (!deps.analysis || (deps.analysis.checks === 0 && !override?.checks))
        return finish();
    if (step.kind === 'analysis')
        await ctx.workload.readyForAnalysis(run);
    if (deps.writer.dryRun) {
        record.note = `dry run: ${deps.analysis.checks} check(s) not measured`;
        return finish();
    }
    // At 100% the stable serves nothing: a comparison with it has no baseline to compare with.
    const absoluteOnly = run.state.weight >= 100;
    const result = await deps.analysis.run(label, override, deps.signal, { absoluteOnly });
    record.analysis = result;
    if (result.note)
        record.note = result.note;
    checkCancelled(ctx);
    record.outcome =
        result.verdict === 'pass' ? 'passed' : result.verdict === 'fail' ? 'failed' : 'inconclusive';
    return finish();
}
/** A step failed, the run was cancelled or superseded, or a write failed: leave the route safe and say so. */
async function onError(run, error, index) {
    if (error instanceof Superseded)
        return run.superseded(error, index);
    if (run.ctx.deps.signal?.aborted)
        return onCancel(run, index);
    const { ctx } = run;
    const message = error instanceof Error ? error.message : String(error);
    if (!(error instanceof Failed) && !(0,src/* isUserError */.iU)(error))
        throw error;
    if (ctx.config.onFailure === 'pause') {
        run.state = { ...run.state, outcome: 'paused' };
        try {
            await run.write(`paused at ${ctx.where(index)}`);
        }
        catch (saveError) {
            if (saveError instanceof Superseded)
                return run.superseded(saveError, index);
            ctx.log(`could not record the pause: ${saveError.message}`);
        }
        return run.result('fail', `paused at ${ctx.where(index)} with the canary at ${run.state.weight}% (on-failure: pause): roll back or promote by hand`, [message], run.state.weight);
    }
    try {
        await run.rollback(message);
    }
    catch (rollbackError) {
        if (rollbackError instanceof Superseded)
            return run.superseded(rollbackError, index);
        return run.result('fail', `${ctx.where(index)} failed and the rollback failed too: the post step will retry it`, [message, `rollback: ${rollbackError.message}`], run.state.weight);
    }
    return run.result('fail', `rolled back at ${ctx.where(index)}`, [message], 0);
}
/**
 * The runner sends SIGINT, then SIGTERM 7.5 s later: take the canary out of traffic first;
 * the post step scales it down.
 */
async function onCancel(run, index) {
    const { ctx } = run;
    if (!run.steps.some((s) => s.index === index))
        run.steps.push({
            index,
            step: describeStep(ctx.config.steps[index] ?? { kind: 'analysis', override: {} }),
            weight: run.state.weight,
            mirror: run.state.mirror,
            bakeMs: 0,
            outcome: 'cancelled',
            startedAt: ctx.now(),
            durationMs: 0,
        });
    try {
        await run.setTraffic({ weight: 0, mirror: 0 }, 'aborted', 'cancelled: canary weight to 0');
    }
    catch (cancelError) {
        if (cancelError instanceof Superseded)
            return run.superseded(cancelError, index);
        throw cancelError;
    }
    return run.result('fail', `cancelled at ${ctx.where(index)}: canary weight set to 0; the post step scales the canary down`, ['the job was cancelled'], 0);
}

;// CONCATENATED MODULE: ./packages/kube/src/rollout/manual.ts



/** 'action: status': what the route holds, changing nothing. */
function manual_status(ctx, state, traffic) {
    return ctx.result({
        verdict: 'pass',
        headline: (state
            ? `${ctx.routeLabel()}: ${state.revision} ${state.outcome} at step ${Math.min(state.step + 1, state.steps)}/${state.steps}, canary weight ${traffic.weight}%`
            : `${ctx.routeLabel()}: no rollout recorded, canary weight ${traffic.weight}%`) +
            (state?.undo ? `; 'action: undo' would set the stable back to ${state.undo.image}` : ''),
        reasons: [],
        finalWeight: traffic.weight,
        revision: state?.revision ?? '',
        state,
    });
}
/** 'action: rollback': by hand, this run takes the route over; a rollout in flight finds itself superseded. */
async function manualRollback(ctx, state, traffic) {
    const revision = state?.revision ?? ctx.config.image ?? '';
    if (!inFlight(state) && traffic.weight === 0 && traffic.mirror === 0) {
        return ctx.result({
            verdict: 'pass',
            headline: `${ctx.routeLabel()}: nothing in flight to roll back (canary weight 0%)`,
            reasons: [],
            finalWeight: 0,
            revision,
            state,
        });
    }
    const claimed = state ?? {
        revision: revision || 'unknown',
        step: 0,
        steps: 0,
        weight: traffic.weight,
        mirror: traffic.mirror,
        startedAt: ctx.now(),
        updatedAt: ctx.now(),
        outcome: 'in-progress',
    };
    const run = new RolloutRun(ctx, revision, claimed, state);
    await run.rollback("requested with 'action: rollback'", false);
    return run.result('pass', `${revision || 'the canary'} rolled back on ${ctx.routeLabel()}`, [], 0);
}
/** 'action: promote': by hand, take the route over, then promote as a rollout would. */
async function manualPromote(ctx, route, state) {
    const { config, workload } = ctx;
    // The last promotion stays undoable until this one finishes.
    const undo = state?.undo;
    let revision;
    if (inFlight(state))
        revision = state.revision;
    else if (config.image)
        revision = config.image;
    else if (workload.revisionOnRoute)
        revision = await workload.currentRevision(route);
    else
        throw new src/* UserError */.yo(`${ctx.routeLabel()}: no rollout in flight and no 'image' given: nothing to promote`);
    const claimed = inFlight(state)
        ? { ...state, outcome: 'in-progress' }
        : {
            revision,
            step: config.steps.length,
            steps: config.steps.length,
            weight: 0,
            mirror: 0,
            startedAt: ctx.now(),
            updatedAt: ctx.now(),
            outcome: 'in-progress',
            ...(undo ? { undo } : {}),
        };
    const run = new RolloutRun(ctx, revision, claimed, state);
    await run.takeOver("promote requested with 'action: promote'");
    await workload.preparePromotion(config.image);
    try {
        await run.promote();
    }
    catch (error) {
        if (!(0,src/* isUserError */.iU)(error) || error instanceof Superseded)
            throw error;
        await run.rollback(`promotion failed: ${error.message}`);
        return run.result('fail', `promotion of ${revision} failed: rolled back`, [error.message], 0);
    }
    return run.result('pass', `${revision} promoted on ${ctx.routeLabel()} ('action: promote')`, [], 0);
}
/**
 * 'action: undo': the stable Deployment back on the image it ran before the last promotion, with
 * a rollback's care: the route is taken over, the image restored and waited for until ready, the
 * canary kept out of traffic and scaled down, and the state records the promotion as undone.
 */
async function manualUndo(ctx, state) {
    const label = ctx.routeLabel();
    const undo = state?.undo;
    if (!state || !undo)
        throw new src/* UserError */.yo(`${label}: no promotion recorded to undo${state ? ` (the state holds ${state.revision}, ${state.outcome}, with no earlier stable image)` : ''}: 'action: undo' restores the stable image a canary-step promotion replaced`);
    const recorded = state;
    if (inFlight(state))
        throw new src/* UserError */.yo(`${label} has a rollout of ${state.revision} in flight (${state.outcome}, canary weight ${state.weight}%): 'action: undo' reverts a finished promotion; use 'action: rollback' for this one`);
    await ctx.workload.checkUndo(undo);
    const claimed = {
        ...recorded,
        outcome: 'in-progress',
        stableImage: undo.image,
        undo: undefined,
    };
    const run = new RolloutRun(ctx, undo.promoted, claimed, recorded);
    await run.takeOver(`undo requested with 'action: undo': stable back to ${undo.image}`);
    const what = `the promotion of ${undo.promoted} (${undo.at})`;
    try {
        await run.rollback(`undoing ${what}`);
    }
    catch (error) {
        if (!(0,src/* isUserError */.iU)(error) || error instanceof Superseded)
            throw error;
        return run.result('fail', `undo of ${what} on ${label} did not finish: run 'action: rollback' to finish it`, [error.message], 0);
    }
    return run.result('pass', `undid ${what} on ${label}: the stable runs ${undo.image} again`, [], 0);
}

;// CONCATENATED MODULE: ./packages/kube/src/rollout.ts






const ACTIONS = ['rollout', 'promote', 'rollback', 'undo', 'status'];
/**
 * Progressive delivery over a router and the workload behind it (two Deployments, or a KServe
 * InferenceService): `run()` does the action asked for, `cleanup()` is the post step. The engine
 * (rollout/engine.ts), the manual actions (rollout/manual.ts) and the post step
 * (rollout/cleanup.ts) share one RolloutRun per revision, whose state guards every write.
 */
class Rollout {
    ctx;
    constructor(config, deps) {
        this.ctx = new RolloutContext(config, deps);
    }
    async run() {
        const { ctx } = this;
        const { route, state } = await ctx.readRoute();
        const traffic = ctx.deps.router.traffic(route);
        switch (ctx.config.action) {
            case 'status':
                return manual_status(ctx, state, traffic);
            case 'rollback':
                return manualRollback(ctx, state, traffic);
            case 'promote':
                return manualPromote(ctx, route, state);
            case 'undo':
                return manualUndo(ctx, state);
            default:
                return rollout(ctx, route, state);
        }
    }
    /** The post step: roll back a rollout this workflow run left unfinished. */
    cleanup() {
        return cleanup(this.ctx);
    }
}

;// CONCATENATED MODULE: ./packages/kube/src/action/inputs.ts





const canaryStepFields = schemas/* object */.Ikc({
    router: src/* input */.hF.choice(ROUTERS),
    namespace: src/* input */.hF.optional(),
    route: src/* input */.hF.optional(),
    'stable-backend': src/* input */.hF.optional(),
    'canary-backend': src/* input */.hF.optional(),
    'inference-service': src/* input */.hF.optional(),
    service: src/* input */.hF.optional(),
    'stable-deployment': src/* input */.hF.optional(),
    'canary-deployment': src/* input */.hF.optional(),
    image: src/* input */.hF.optional(),
    steps: src/* input */.hF.optional(),
    'bake-time': src/* input */.hF.duration(),
    checks: src/* input */.hF.optional(),
    'canary-selector': src/* input */.hF.optional(),
    'baseline-selector': src/* input */.hF.optional(),
    'prometheus-url': src/* input */.hF.url(),
    'prometheus-token': src/* input */.hF.optional(),
    'prometheus-headers': src/* input */.hF.optional(),
    ...prom_src.measurementInputs,
    'on-failure': src/* input */.hF.choice(['rollback', 'pause']),
    'scale-down-delay': src/* input */.hF.duration(),
    prepull: src/* input */.hF.optional(),
    action: src/* input */.hF.choice(ACTIONS),
    'dry-run': src/* input */.hF.bool(),
    kubeconfig: src/* input */.hF.optional(),
    context: src/* input */.hF.optional(),
    timeout: src/* input */.hF.duration({ min: 1000 }),
    environment: src/* input */.hF.optional(),
    ...src/* reportingInputs */.OS,
});
const canaryStepInputs = canaryStepFields.superRefine(prom_src.checkRunLength);
/** The `post:` entry reads the same inputs but writes no report file and no comment of its own. */
const canaryStepPostInputs = canaryStepFields
    .omit({ 'report-path': true, comment: true })
    .superRefine(prom_src.checkRunLength);
// The kubeconfig is not listed: secret inputs are split into words, and a kubeconfig's words are
// ordinary. loadKubeConfig masks it whole (unsplit) before parsing it, then each credential in it.
const SECRET_INPUTS = ['prometheus-token', 'prometheus-headers', 'github-token'];

;// CONCATENATED MODULE: ./packages/kube/src/action/plan.ts




function need(inputs, name, why) {
    const value = inputs[name];
    if (typeof value !== 'string' || !value)
        throw new src/* InputError */.dz(`input '${name}' is required ${why}`);
    return value;
}
function planRoute(inputs) {
    const { router } = inputs;
    if (router === 'istio' || router === 'gateway-api') {
        const why = `with router '${router}'`;
        return {
            router,
            name: need(inputs, 'route', `${why} (the ${router === 'istio' ? 'VirtualService' : 'HTTPRoute'})`),
            stableBackend: need(inputs, 'stable-backend', why),
            canaryBackend: need(inputs, 'canary-backend', why),
        };
    }
    if (router === 'kserve') {
        const name = inputs['inference-service'] ?? inputs.route;
        if (!name)
            throw new src/* InputError */.dz("input 'inference-service' is required with router 'kserve'");
        return { router, name };
    }
    const name = inputs.service ?? inputs.route;
    if (!name)
        throw new src/* InputError */.dz("input 'service' is required with router 'service'");
    return {
        router,
        name,
        stableDeployment: need(inputs, 'stable-deployment', "with router 'service'"),
        canaryDeployment: need(inputs, 'canary-deployment', "with router 'service'"),
    };
}
/** The checks of a rollout, read and parsed; undefined when no step measures anything. */
function planAnalysis(inputs, steps, context) {
    const bare = steps.findIndex((s) => s.kind === 'analysis' && !s.override.checks);
    if (!inputs.checks && bare >= 0)
        throw new src/* InputError */.dz(`input 'steps': step ${bare + 1} is an analysis with no checks: give 'checks', or checks on the step (\`- analysis: {checks: ...}\`)`);
    const analysisSteps = steps.flatMap((s) => (s.kind === 'analysis' ? [s.override] : []));
    if (!inputs.checks && analysisSteps.length === 0) {
        context.log("no 'checks' given: each step bakes, then moves on without metric analysis");
        return undefined;
    }
    if (!inputs['prometheus-url'])
        throw new src/* InputError */.dz("input 'prometheus-url' is required when 'checks' are given");
    const selectors = { selector: inputs['canary-selector'], baselineSelector: inputs['baseline-selector'] };
    const load = (text) => (0,prom_src.loadChecks)(text, context.workspace, selectors);
    const stepChecks = new Map();
    for (const { checks } of analysisSteps)
        if (checks && !stepChecks.has(checks))
            stepChecks.set(checks, load(checks));
    if (!inputs.checks)
        context.log("no 'checks' given: only analysis steps with their own checks measure; other steps bake, then move on");
    return {
        checks: inputs.checks?.trim() ? load(inputs.checks) : [],
        stepChecks,
        count: inputs.count,
        intervalMs: inputs.interval,
        limits: {
            failureLimit: inputs['failure-limit'],
            inconclusiveLimit: inputs['inconclusive-limit'],
            errorLimit: inputs['error-limit'],
        },
        noData: inputs['no-data'],
    };
}
function runId(env) {
    return env.GITHUB_RUN_ID ? `${env.GITHUB_RUN_ID}/${env.GITHUB_RUN_ATTEMPT ?? '1'}` : undefined;
}
/**
 * Steps, route settings, checks, Prometheus settings and the kubeconfig, all checked: a bad one is
 * an input error before any cluster read. `post` plans the clean-up, which measures nothing.
 */
function planCanaryStep(inputs, context, mode = 'main') {
    const { router } = inputs;
    // (the default steps of blue-green have an analysis only when there are checks to run)
    const steps = parseSteps(inputs.steps ?? '', router, !!inputs.checks, {
        count: inputs.count,
        intervalMs: inputs.interval,
    });
    const route = planRoute(inputs);
    if (inputs.action === 'undo' && router === 'kserve')
        throw new src/* InputError */.dz("input 'action': 'undo' restores the image a stable Deployment ran before the last promotion, and router 'kserve' has no stable Deployment: roll out the previous storage URI or image instead (allowed with kserve: rollout, promote, rollback, status)");
    if (router === 'istio' || router === 'gateway-api') {
        // The stable Deployment takes the new image on promotion; the canary serves it until then.
        need(inputs, 'stable-deployment', `with router '${router}'`);
        need(inputs, 'canary-deployment', `with router '${router}'`);
    }
    if (inputs.prepull && inputs.image && /^[a-z][a-z0-9+.-]*:\/\//i.test(inputs.image))
        throw new src/* InputError */.dz(`input 'prepull': the DaemonSet pre-pulls a container image, and 'image' is the storage URI ${inputs.image}: remove 'prepull' (a storage URI is not pulled by nodes)`);
    const analysis = mode === 'main' && inputs.action === 'rollout' ? planAnalysis(inputs, steps, context) : undefined;
    const kubeConfig = loadKubeConfig({ kubeconfig: inputs.kubeconfig, context: inputs.context });
    const token = inputs['github-token'];
    const tracked = inputs.environment && token && !inputs['dry-run'] && inputs.action !== 'status';
    return {
        config: {
            action: inputs.action,
            router,
            image: inputs.image,
            stableDeployment: inputs['stable-deployment'],
            canaryDeployment: inputs['canary-deployment'],
            steps,
            bakeMs: inputs['bake-time'],
            onFailure: inputs['on-failure'],
            scaleDownDelayMs: inputs['scale-down-delay'],
            ...(inputs.prepull ? { prepull: inputs.prepull } : {}),
            // only a rollout this workflow run left unfinished is the post step's to roll back
            run: runId(context.env),
        },
        route,
        ...(analysis ? { analysis } : {}),
        ...(inputs['prometheus-url']
            ? { prometheus: (0,prom_src.promConnection)({ ...inputs, 'prometheus-url': inputs['prometheus-url'] }) }
            : {}),
        kube: { config: kubeConfig, namespace: namespaceOf(kubeConfig, inputs.namespace) },
        dryRun: inputs['dry-run'],
        timeoutMs: inputs.timeout,
        ...(tracked ? { deployment: { environment: inputs.environment, token: token } } : {}),
    };
}

;// CONCATENATED MODULE: ./packages/kube/src/action/report.ts

const ICON = {
    passed: '✅ passed',
    failed: '❌ failed',
    inconclusive: '⚠️ inconclusive',
    cancelled: '🛑 cancelled',
    error: '💥 error',
    pass: '✅',
    fail: '❌',
};
/** The one report of a canary-step run: summary, PR comment and JSON render from it. */
function buildReport(result) {
    const stepsTable = {
        title: 'Steps',
        columns: ['#', 'Step', 'Weight', 'Bake', 'Checks', 'Outcome'],
        rows: result.steps.map((s) => [
            s.index + 1,
            s.step,
            s.mirror ? `${s.weight}% (+${s.mirror}% mirrored)` : `${s.weight}%`,
            s.bakeMs ? (0,src/* formatDuration */.a3)(s.bakeMs) : '—',
            [
                ...(s.analysis?.checks ?? []).map((c) => `${ICON[c.verdict] ?? c.verdict} ${c.name}: ${c.values || 'no value'} (${c.measurements} measured)${c.reason ? ` — ${c.reason}` : ''}`),
                ...(s.note ? [s.note] : []),
            ].join(' · ') || '—',
            ICON[s.outcome] ?? s.outcome,
        ]),
        note: result.resumedAt
            ? `Resumed at step ${result.resumedAt}: earlier steps passed in an earlier run.`
            : undefined,
    };
    const tables = result.steps.length ? [stepsTable] : [];
    if (result.dryRun && result.changes.length) {
        tables.push({
            title: 'Changes a real run would make',
            columns: ['Verb', 'Object', 'Why', 'Fields'],
            rows: result.changes.map((c) => [
                c.verb,
                `${c.kind} ${c.name}`,
                c.reason,
                c.fields
                    .map((f) => `${f.field}: ${f.from === undefined ? '' : `${String(f.from)} → `}${String(f.to)}`)
                    .join('; ')
                    .slice(0, 400),
            ]),
        });
    }
    const { coldStart } = result;
    if (coldStart?.pods.length)
        tables.push({
            title: 'Canary pod cold starts',
            columns: ['Pod', 'Created', 'Creation to ready'],
            rows: coldStart.pods.map((p) => [p.pod, p.createdAt, (0,src/* formatDuration */.a3)(p.readyMs)]),
        });
    const prepull = coldStart?.prepull;
    const findings = result.verdict === 'pass'
        ? []
        : [
            {
                ruleId: result.rolledBack ? 'canary-step/rolled-back' : 'canary-step/failed',
                level: 'error',
                title: `canary-step: ${result.rolledBack ? 'rolled back' : result.outcome}`,
                message: [result.headline, ...result.reasons].join(' — '),
            },
        ];
    const { verdict, headline, reasons, ...data } = result;
    return {
        action: 'canary-step',
        verdict,
        headline: result.dryRun ? `[dry run] ${headline}` : headline,
        reasons,
        metrics: [
            ['Revision', result.revision || '—'],
            ['Route', result.route],
            ['Action', result.action],
            ['Outcome', result.outcome],
            ['Steps completed', `${result.stepsCompleted}/${result.totalSteps}`],
            ['Final weight', `${result.finalWeight}%`],
            ['Rolled back', result.rolledBack ? 'yes' : 'no'],
            ...(result.conflicts ? [['Write conflicts retried', result.conflicts]] : []),
            ...(prepull
                ? [
                    [
                        'Pre-pull',
                        `${prepull.image} on ${prepull.nodes} node(s) by DaemonSet ${prepull.daemonSet} in ${(0,src/* formatDuration */.a3)(prepull.durationMs)}`,
                    ],
                ]
                : []),
        ],
        tables,
        findings,
        outputs: {
            'final-weight': result.finalWeight,
            'rolled-back': result.rolledBack,
            'steps-completed': result.stepsCompleted,
            revision: result.revision,
        },
        data,
    };
}

;// CONCATENATED MODULE: ./packages/kube/src/analysis.ts

/** A check judged against the stable version's metrics (needs baseline traffic). */
function isComparative(check) {
    return check.test === 'rank-sum' || !!check.baselineQuery || !!check.baselineCounts;
}
function values(m) {
    if (!m)
        return '';
    if (m.canary === undefined)
        return m.message;
    const canary = (0,prom_src.formatValue)(m.canary);
    if (m.baseline === undefined)
        return canary;
    const ratio = m.ratio !== undefined && Number.isFinite(m.ratio) ? ` (×${(0,prom_src.formatValue)(m.ratio)})` : '';
    return `canary ${canary} vs baseline ${(0,prom_src.formatValue)(m.baseline)}${ratio}`;
}
function stepChecksOf(planned, text) {
    const checks = planned.get(text);
    // The plan parses every analysis step's checks before the first write.
    if (!checks)
        throw new Error(`an analysis step's checks were not planned: ${text}`);
    return checks;
}
/** metric-gate's checks and limits, run at a step against the canary and baseline selectors. */
function promAnalysis(options) {
    const base = options.checks;
    return {
        checks: base.length,
        async run(label, override, signal, runOptions) {
            const all = override?.checks ? stepChecksOf(options.stepChecks, override.checks) : base;
            const skipped = runOptions?.absoluteOnly ? all.filter(isComparative) : [];
            const checks = all.filter((c) => !skipped.includes(c));
            const note = skipped.length
                ? `canary at 100%: no baseline traffic, comparative check(s) not measured: ${skipped.map((c) => c.name).join(', ')}`
                : undefined;
            if (note)
                options.log(`${label}: ${note}`);
            if (checks.length === 0)
                return { verdict: 'pass', checks: [], reason: '', cancelled: false, measurements: [], note };
            const count = override?.count ?? options.count;
            const intervalMs = override?.intervalMs ?? options.intervalMs;
            options.log(`${label}: analysis of ${checks.length} check(s), ${count} measurement(s) ${Math.round(intervalMs / 1000)}s apart`);
            const result = await (0,prom_src.measureChecks)(checks, {
                prom: options.prom,
                clock: options.clock,
                count,
                intervalMs,
                noData: options.noData,
                limits: options.limits,
                retryDelayMs: options.retryDelayMs,
                signal,
                onMeasurement: (m) => options.log(`  ${m.check} #${m.index}: ${m.outcome} — ${m.message}`),
            });
            const outcomes = result.checks.map((c) => {
                const mine = result.measurements.filter((m) => m.check === c.check.name);
                const last = [...mine].reverse().find((m) => m.canary !== undefined) ?? mine[mine.length - 1];
                const lastBad = [...mine].reverse().find((m) => m.outcome !== 'success');
                return {
                    name: c.check.name,
                    verdict: c.verdict,
                    values: values(last),
                    reason: c.verdict === 'pass' ? '' : `${c.reason}${lastBad ? ` — last: ${lastBad.message}` : ''}`,
                    measurements: mine.length,
                };
            });
            const bad = outcomes.filter((c) => c.verdict !== 'pass');
            return {
                verdict: result.verdict,
                checks: outcomes,
                reason: [
                    ...bad.map((c) => `${c.name}: ${c.reason}`),
                    ...(result.cancelled ? ['cancelled'] : []),
                ].join('; '),
                cancelled: result.cancelled,
                measurements: result.measurements,
                note,
            };
        },
    };
}

;// CONCATENATED MODULE: ./packages/kube/src/github-deployment.ts

/**
 * A GitHub deployment for the environment, with statuses as the rollout moves (REST: POST
 * /repos/{owner}/{repo}/deployments and /deployments/{id}/statuses). Failures to report are
 * warnings: the rollout itself never depends on GitHub.
 */
async function startDeployment(token, run, environment, revision, warn) {
    try {
        const { getOctokit } = await __webpack_require__.e(/* import() */ 413).then(__webpack_require__.bind(__webpack_require__, 2413));
        const octokit = getOctokit(token, { baseUrl: run.apiUrl });
        const created = await octokit.rest.repos.createDeployment({
            owner: run.owner,
            repo: run.repo,
            ref: run.pullRequest?.headSha || run.sha || 'HEAD',
            environment,
            auto_merge: false,
            required_contexts: [],
            description: `canary ${revision}`.slice(0, 140),
            payload: { revision, tool: 'llmops canary-step' },
        });
        const id = created.data.id;
        if (!id) {
            warn(`GitHub did not create a deployment for ${environment}: ${JSON.stringify(created.data).slice(0, 200)}`);
            return undefined;
        }
        const tracker = {
            async status(state, description) {
                try {
                    await octokit.rest.repos.createDeploymentStatus({
                        owner: run.owner,
                        repo: run.repo,
                        deployment_id: id,
                        state,
                        description: description.slice(0, 140),
                        environment,
                        ...((0,src/* runUrl */.Vp)(run) ? { log_url: (0,src/* runUrl */.Vp)(run) } : {}),
                        auto_inactive: state === 'success',
                    });
                }
                catch (error) {
                    warn(`could not set deployment status '${state}': ${error.message}`);
                }
            },
        };
        await tracker.status('in_progress', `canary ${revision} rolling out`);
        return tracker;
    }
    catch (error) {
        warn(`could not create a GitHub deployment for '${environment}': ${error.message}. The token needs 'deployments: write'.`);
        return undefined;
    }
}

;// CONCATENATED MODULE: ./packages/kube/src/routers/router.ts

/**
 * A route's backend weights with the canary at `percent`: other backends keep theirs and the stable
 * gets the rest of 100. `what` names the route and its backends for the error when they hold too much.
 */
function splitWeights(weights, stable, canary, percent, what) {
    const others = weights.reduce((sum, w, i) => (i === stable || i === canary ? sum : sum + w), 0);
    if (others + percent > 100)
        throw new src/* UserError */.yo(`${what} hold ${others}% of the route; the canary cannot get ${percent}%`);
    return weights.map((w, i) => (i === stable ? 100 - others - percent : i === canary ? percent : w));
}

;// CONCATENATED MODULE: ./packages/kube/src/routers/gateway-api.ts


class GatewayApiRouter {
    name;
    stable;
    canary;
    kind = 'HTTPRoute';
    constructor(name, stable, canary) {
        this.name = name;
        this.stable = stable;
        this.canary = canary;
    }
    rules(route) {
        const rules = (route.spec?.rules ?? []);
        if (!rules.some((r) => (r.backendRefs ?? []).some((b) => b.name === this.stable)))
            throw new src/* UserError */.yo(`HTTPRoute ${route.metadata.namespace}/${route.metadata.name} has no rule with a backendRef '${this.stable}' (input 'stable-backend')`);
        return rules;
    }
    isCanaryMirror = (f) => f.type === 'RequestMirror' && f.requestMirror?.backendRef?.name === this.canary;
    traffic(route) {
        const rule = this.rules(route).find((r) => (r.backendRefs ?? []).some((b) => b.name === this.stable));
        const refs = rule.backendRefs ?? [];
        const total = refs.reduce((sum, b) => sum + (b.weight ?? 1), 0);
        const canary = refs.find((b) => b.name === this.canary);
        const weight = canary && total > 0 ? Math.round(((canary.weight ?? 1) * 100) / total) : 0;
        const mirror = (rule.filters ?? []).find(this.isCanaryMirror);
        return { weight, mirror: mirror ? (mirror.requestMirror.percent ?? 100) : 0 };
    }
    trafficPatch(route, traffic) {
        const rules = this.rules(route).map((rule) => {
            const refs = [...(rule.backendRefs ?? [])];
            const s = refs.findIndex((b) => b.name === this.stable);
            if (s < 0)
                return rule;
            const stableRef = refs[s];
            let c = refs.findIndex((b) => b.name === this.canary);
            const canaryRef = c >= 0 ? refs[c] : { ...stableRef, name: this.canary, weight: 0 };
            if (c < 0) {
                refs.push(canaryRef);
                c = refs.length - 1;
            }
            const weights = splitWeights(refs.map((b) => b.weight ?? 1), s, c, traffic.weight, `HTTPRoute ${route.metadata.name}: other backendRefs`);
            const next = refs.map((b, i) => (i === s || i === c ? { ...b, weight: weights[i] } : b));
            const filters = (rule.filters ?? []).filter((f) => !this.isCanaryMirror(f));
            if (traffic.mirror > 0) {
                const { weight: _weight, ...ref } = canaryRef;
                void _weight;
                filters.push({ type: 'RequestMirror', requestMirror: { backendRef: ref, percent: traffic.mirror } });
            }
            const out = { ...rule, backendRefs: next };
            if (filters.length)
                out.filters = filters;
            else
                delete out.filters;
            return out;
        });
        return { spec: { rules } };
    }
    promotePatch(route) {
        return this.trafficPatch(route, { weight: 0, mirror: 0 });
    }
}

;// CONCATENATED MODULE: ./packages/kube/src/routers/istio.ts


const shortHost = (host) => host.split('.')[0];
/** The index of the destination that a backend input names: a subset first, else a host (short or full). */
function findDestination(route, backend, skip = -1) {
    const bySubset = route.findIndex((r, i) => i !== skip && r.destination?.subset === backend);
    if (bySubset >= 0)
        return bySubset;
    return route.findIndex((r, i) => i !== skip &&
        !r.destination?.subset &&
        (r.destination?.host === backend || shortHost(r.destination?.host ?? '') === backend));
}
const sameDestination = (a, b) => !!a && a.host === b.host && (a.subset ?? '') === (b.subset ?? '');
class IstioRouter {
    name;
    stable;
    canary;
    kind = 'VirtualService';
    constructor(name, stable, canary) {
        this.name = name;
        this.stable = stable;
        this.canary = canary;
    }
    http(route) {
        const http = (route.spec?.http ?? []);
        const mine = http.filter((h) => findDestination(h.route ?? [], this.stable) >= 0);
        if (mine.length === 0)
            throw new src/* UserError */.yo(`VirtualService ${route.metadata.namespace}/${route.metadata.name} has no http route with a destination '${this.stable}' (input 'stable-backend': a subset or a host)`);
        return http;
    }
    canaryDestination(h) {
        const route = h.route ?? [];
        const s = findDestination(route, this.stable);
        const c = findDestination(route, this.canary, s);
        if (c >= 0)
            return route[c].destination;
        const stable = route[s].destination;
        // A canary not on the route yet: a subset of the stable host, or a host of its own.
        return stable.subset ? { ...stable, subset: this.canary } : { ...stable, host: this.canary };
    }
    traffic(route) {
        const h = this.http(route).find((x) => findDestination(x.route ?? [], this.stable) >= 0);
        const dests = h.route ?? [];
        const s = findDestination(dests, this.stable);
        const c = findDestination(dests, this.canary, s);
        const weight = c < 0 ? 0 : (dests[c].weight ?? (dests.length === 1 ? 100 : 0));
        const mirror = sameDestination(h.mirror, this.canaryDestination(h))
            ? (h.mirrorPercentage?.value ?? 100)
            : 0;
        return { weight, mirror };
    }
    trafficPatch(route, traffic) {
        const http = this.http(route).map((h) => {
            const dests = [...(h.route ?? [])];
            const s = findDestination(dests, this.stable);
            if (s < 0)
                return h;
            const canaryDest = this.canaryDestination(h);
            let c = findDestination(dests, this.canary, s);
            if (c < 0) {
                dests.push({ destination: canaryDest, weight: 0 });
                c = dests.length - 1;
            }
            const weights = splitWeights(dests.map((d) => d.weight ?? 0), s, c, traffic.weight, `VirtualService ${route.metadata.name}: other destinations`);
            const next = dests.map((d, i) => (i === s || i === c ? { ...d, weight: weights[i] } : d));
            const out = { ...h, route: next };
            if (traffic.mirror > 0) {
                out.mirror = canaryDest;
                out.mirrorPercentage = { value: traffic.mirror };
            }
            else if (sameDestination(h.mirror, canaryDest)) {
                delete out.mirror;
                delete out.mirrorPercentage;
            }
            return out;
        });
        return { spec: { http } };
    }
    promotePatch(route) {
        return this.trafficPatch(route, { weight: 0, mirror: 0 });
    }
}

;// CONCATENATED MODULE: ./packages/kube/src/routers/kserve.ts
// KServe InferenceService (serving.kserve.io/v1beta1, serverless mode): spec.predictor.canaryTrafficPercent
// sends that share to the latest ready revision and the rest to the last rolled-out one; removing it
// promotes the latest revision, and 0 rolls back to the previous one (kserve.github.io, "Canary Rollout").
class KServeRouter {
    name;
    kind = 'InferenceService';
    constructor(name) {
        this.name = name;
    }
    traffic(route) {
        const percent = route.spec?.predictor
            ?.canaryTrafficPercent;
        return { weight: percent ?? 0, mirror: 0 };
    }
    trafficPatch(_route, traffic) {
        return { spec: { predictor: { canaryTrafficPercent: traffic.weight } } };
    }
    promotePatch() {
        return { spec: { predictor: { canaryTrafficPercent: null } } };
    }
}

;// CONCATENATED MODULE: ./packages/kube/src/prepull.ts


/**
 * The container of the pre-puller that holds the serving image: the one (init or not) running the
 * same repository, else the only one. A pre-puller pulls in an init container and idles in a
 * pause container, so "the first" would pick the wrong one.
 */
function prepullContainer(ds, image) {
    const spec = (ds.spec?.template?.spec ?? {});
    const lists = [
        ['initContainers', spec.initContainers ?? []],
        ['containers', spec.containers ?? []],
    ];
    for (const [field, list] of lists) {
        const i = list.findIndex((c) => c.image && repository(c.image) === repository(image));
        if (i >= 0)
            return { path: `/spec/template/spec/${field}/${i}`, name: list[i].name, image: list[i].image };
    }
    const all = lists.flatMap(([field, list]) => list.map((c, i) => ({ field, c, i })));
    if (all.length === 1) {
        const { field, c, i } = all[0];
        return { path: `/spec/template/spec/${field}/${i}`, name: c.name, image: c.image };
    }
    throw new src/* UserError */.yo(`input 'prepull': DaemonSet ${ds.metadata.name} has no container running ${repository(image)} (it has ${all.map(({ c }) => `${c.name}: ${c.image}`).join(', ') || 'none'}): give its pull container that image's repository`);
}
/**
 * Point the pre-puller DaemonSet at `image` and wait (watching it) until its pod on every node
 * runs the new template and is ready: the image is then on every node the canary may land on.
 */
async function prepull(writer, name, image, wait) {
    const ds = await writer.get('DaemonSet', name);
    const target = prepullContainer(ds, image);
    if (target.image !== image)
        await writer.patchFields('DaemonSet', name, [
            { op: 'test', path: `${target.path}/name`, value: target.name },
            { op: 'replace', path: `${target.path}/image`, value: image },
        ], `pre-pull ${image} on every node`, [{ field: `spec.template.spec[${target.name}].image`, from: target.image, to: image }]);
    const label = `DaemonSet ${writer.namespace}/${name}`;
    if (writer.dryRun) {
        wait.log(`[dry-run] would wait for ${label} to pull ${image} on every node`);
        return { daemonSet: name, image, nodes: 0, durationMs: 0 };
    }
    const started = wait.clock.now();
    let nodes = 0;
    let progress = '';
    await watchUntil(writer, 'DaemonSet', name, wait, (object, elapsed) => {
        const st = (object.status ?? {});
        const want = st.desiredNumberScheduled ?? 0;
        const observed = (st.observedGeneration ?? 0) >= (object.metadata.generation ?? 0);
        nodes = want;
        const line = `${st.updatedNumberScheduled ?? 0} of ${want} nodes updated, ${st.numberReady ?? 0} ready`;
        if (observed && (st.updatedNumberScheduled ?? 0) >= want && (st.numberReady ?? 0) >= want)
            return true;
        if (line !== progress)
            wait.log(`pre-pulling ${image} with ${label}: ${line} (${(0,src/* formatDuration */.a3)(elapsed)})`);
        progress = line;
        return false;
    }, () => new src/* UserError */.yo(`${label} did not pull ${image} on every node within ${(0,src/* formatDuration */.a3)(wait.timeoutMs)} (input 'timeout'): ${progress}`));
    const durationMs = wait.clock.now() - started;
    if (nodes === 0)
        wait.log(`${label} runs on no node: nothing was pre-pulled`);
    else
        wait.log(`${label}: ${image} pulled on ${nodes} node(s) in ${(0,src/* formatDuration */.a3)(durationMs)}`);
    return { daemonSet: name, image, nodes, durationMs };
}

;// CONCATENATED MODULE: ./packages/kube/src/routers/service.ts
/**
 * Blue-green on a plain Service: its selector points at the stable Deployment's pods, and at the
 * new Deployment's pods once that is ready and has passed analysis (weight 100); switching back is
 * the rollback. The selectors are the Deployments' `spec.selector.matchLabels`.
 */
class ServiceRouter {
    name;
    stableSelector;
    canarySelector;
    kind = 'Service';
    constructor(name, stableSelector, canarySelector) {
        this.name = name;
        this.stableSelector = stableSelector;
        this.canarySelector = canarySelector;
    }
    selector(route) {
        return (route.spec?.selector ?? {});
    }
    traffic(route) {
        const current = this.selector(route);
        const matches = (want) => Object.keys(want).length === Object.keys(current).length &&
            Object.entries(want).every(([k, v]) => current[k] === v);
        return { weight: matches(this.canarySelector) && !matches(this.stableSelector) ? 100 : 0, mirror: 0 };
    }
    /** A merge patch replacing the selector map: keys the target lacks are removed (null). */
    switchTo(route, target) {
        const patch = { ...target };
        for (const key of Object.keys(this.selector(route)))
            if (!(key in target))
                patch[key] = null;
        return { spec: { selector: patch } };
    }
    trafficPatch(route, traffic) {
        return this.switchTo(route, traffic.weight >= 100 ? this.canarySelector : this.stableSelector);
    }
    promotePatch(route) {
        return this.switchTo(route, this.stableSelector);
    }
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var yaml_dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./packages/kube/src/writer.ts





const MAX_CONFLICT_RETRIES = 5;
/** Worth another try: the server or the network failed, not the request. */
function writer_transient(error) {
    return (error instanceof KubeError && (error.status === undefined || error.status === 429 || error.status >= 500));
}
/** `ms` spread over ±50%, so writers retrying the same conflict do not collide again. */
const jitter = (ms) => Math.round(ms * (0.5 + Math.random()));
/** The longest `Retry-After` honoured: a rollback must not wait on a server's say-so for minutes. */
const MAX_RETRY_AFTER_MS = 10_000;
/** Once cancelled, the runner kills the process 7.5 s later: wait at most this long. */
const MAX_ABORTED_WAIT_MS = 1000;
/** The rollout state annotation as a short summary instead of its JSON. */
function summarizeState(field) {
    const brief = (text) => {
        if (typeof text !== 'string')
            return text;
        try {
            const s = JSON.parse(text);
            return `${s.outcome} (step ${s.step}, canary weight ${s.weight}%)`;
        }
        catch {
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
class Writer {
    kube;
    dryRun;
    log;
    options;
    changes = [];
    overlay = new Map();
    /** Objects a dry run deleted: later reads do not find them. */
    deleted = new Set();
    conflicts = 0;
    constructor(kube, dryRun, log, options = {}) {
        this.kube = kube;
        this.dryRun = dryRun;
        this.log = log;
        this.options = options;
    }
    get namespace() {
        return this.kube.namespace;
    }
    key(kind, name) {
        return `${kind}/${name}`;
    }
    async get(kind, name) {
        return this.overlay.get(this.key(kind, name)) ?? (await this.kube.get(kind, name));
    }
    async find(kind, name) {
        if (this.deleted.has(this.key(kind, name)))
            return undefined;
        return this.overlay.get(this.key(kind, name)) ?? (await this.kube.find(kind, name));
    }
    /** Record a change; a dry run prints what it would send, one log line per YAML line. */
    record(change, printed) {
        this.changes.push(change);
        const target = `${change.kind} ${this.namespace}/${change.name}`;
        if (this.dryRun) {
            this.log(`[dry-run] would ${change.verb} ${target} (${change.reason}):`);
            for (const line of (0,yaml_dist/* stringify */.As)(printed, { lineWidth: 0 }).trimEnd().split('\n'))
                this.log(`    ${line}`);
        }
        else
            this.log(`${change.verb} ${target}: ${change.reason}`);
    }
    /**
     * Run one write, retrying what is worth it: a 409 (merge patches only: re-read and recompute) a
     * few times, and transient failures (5xx, 429, no answer) `retries` times with backoff, waiting
     * at least what the server's Retry-After asks (capped). Every write goes through here: a
     * rollback to weight 0 or a scale-down must land through an API server shedding load.
     */
    async retrying(kind, name, write, { conflicts: retryConflicts }) {
        const retries = this.options.retries ?? 3;
        const delay = this.options.retryDelayMs ?? 250;
        for (let conflicts = 0, failures = 0;;) {
            try {
                return await write();
            }
            catch (error) {
                if (retryConflicts && isConflict(error) && conflicts < MAX_CONFLICT_RETRIES) {
                    conflicts++;
                    this.conflicts++;
                    this.log(`conflict writing ${kind} ${this.namespace}/${name} (changed by someone else): re-reading and retrying`);
                    await (0,src/* sleep */.yy)(jitter(50 * conflicts));
                    continue;
                }
                const aborted = this.options.signal?.aborted;
                const budget = aborted ? Math.min(retries, 1) : retries;
                if (!writer_transient(error) || failures >= budget)
                    throw error;
                failures++;
                const asked = Math.min(error.retryAfterMs ?? 0, MAX_RETRY_AFTER_MS);
                const backoff = jitter(delay * 2 ** (failures - 1));
                const wait = Math.min(Math.max(backoff, asked), aborted ? MAX_ABORTED_WAIT_MS : MAX_RETRY_AFTER_MS);
                const why = asked && wait === asked ? ', as Retry-After asks' : '';
                this.log(`${error.message}: retrying in ${wait} ms${why} (${failures}/${budget})`);
                await (0,src/* sleep */.yy)(wait);
            }
        }
    }
    /**
     * Read the object, let `change` compute a merge patch from it (undefined: nothing to do), and
     * write it with the resourceVersion it was read at; on a 409 read again and recompute.
     */
    async update(kind, name, reason, change) {
        return this.retrying(kind, name, () => this.updateOnce(kind, name, reason, change), { conflicts: true });
    }
    async updateOnce(kind, name, reason, change) {
        const current = await this.get(kind, name);
        const patch = change(current);
        if (!patch)
            return current;
        const next = applyMergePatch(current, patch);
        const fields = diffFields(current, next).map((f) => f.field === `metadata.annotations.${STATE_ANNOTATION}` ? summarizeState(f) : f);
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
    async patchFields(kind, name, ops, reason, fields) {
        if (this.dryRun) {
            this.record({ verb: 'patch', kind, name, reason, fields }, ops);
            const current = await this.find(kind, name);
            if (current)
                this.overlay.set(this.key(kind, name), applyJsonPatch(current, ops));
            return;
        }
        // Replacing a field is idempotent (and `test` ops check names, not the values replaced), so
        // a write that failed in transit is safely sent again.
        await this.retrying(kind, name, () => this.kube.patch(kind, name, ops, 'json'), { conflicts: false });
        this.record({ verb: 'patch', kind, name, reason, fields }, ops);
    }
    /** Replica count. */
    async scale(name, replicas, reason, from) {
        await this.patchFields('Deployment', name, [{ op: 'replace', path: '/spec/replicas', value: replicas }], reason, [{ field: 'spec.replicas', from, to: replicas }]);
    }
    /** Create an object; the record names only `fields` (the object may hold secrets). */
    async create(kind, object, reason, fields) {
        this.record({ verb: 'create', kind, name: object.metadata.name, reason, fields }, Object.fromEntries(fields.map((f) => [f.field, f.to])));
        if (this.dryRun) {
            this.overlay.set(this.key(kind, object.metadata.name), object);
            this.deleted.delete(this.key(kind, object.metadata.name));
            return object;
        }
        return this.kube.create(kind, object);
    }
    /** Delete an object (what canary-step created: the canary's autoscaler). */
    async delete(kind, name, reason) {
        if (this.dryRun) {
            this.record({ verb: 'delete', kind, name, reason, fields: [] }, { delete: `${kind}/${name}` });
            this.overlay.delete(this.key(kind, name));
            this.deleted.add(this.key(kind, name));
            return;
        }
        // Gone already (a retried delete whose first answer was lost) is deleted all the same.
        const once = () => this.kube.delete(kind, name).catch((error) => {
            if (!(error instanceof KubeError && error.status === 404))
                throw error;
        });
        await this.retrying(kind, name, once, { conflicts: false });
        this.record({ verb: 'delete', kind, name, reason, fields: [] }, {});
    }
}

;// CONCATENATED MODULE: ./packages/kube/src/action/run.ts













/** The router for the planned route; blue-green reads the Deployments' selectors from the cluster. */
async function makeRouter(route, kube) {
    switch (route.router) {
        case 'istio':
            return new IstioRouter(route.name, route.stableBackend, route.canaryBackend);
        case 'gateway-api':
            return new GatewayApiRouter(route.name, route.stableBackend, route.canaryBackend);
        case 'kserve':
            return new KServeRouter(route.name);
        case 'service': {
            const stable = await kube.get('Deployment', route.stableDeployment);
            const canary = await kube.find('Deployment', route.canaryDeployment);
            const stableSelector = matchLabelsOf(stable);
            const canarySelector = canary
                ? matchLabelsOf(canary)
                : canaryLabels(route.stableDeployment, route.canaryDeployment, stableSelector);
            return new ServiceRouter(route.name, stableSelector, canarySelector);
        }
    }
}
function analysisFor(plan, deps) {
    if (deps.analysis)
        return deps.analysis;
    if (!plan.analysis)
        return undefined;
    const prom = deps.prom ?? (plan.prometheus && new prom_src.PromClient(plan.prometheus));
    // The plan requires prometheus-url whenever it plans checks.
    if (!prom)
        throw new Error('planned checks without a Prometheus to measure them');
    return promAnalysis({
        ...plan.analysis,
        prom,
        clock: deps.clock,
        retryDelayMs: deps.retryDelayMs,
        log: deps.log,
    });
}
/** canary-step over plain objects (a Kubernetes API, a Prometheus client): the action asked for, or the post step's clean-up. */
async function runCanaryStep(plan, deps, mode = 'main') {
    const router = await makeRouter(plan.route, deps.kube);
    const main = mode === 'main';
    const signal = main ? deps.signal : undefined;
    const writer = new Writer(deps.kube, plan.dryRun, deps.log, {
        signal,
        retryDelayMs: deps.writeRetryDelayMs,
    });
    const wait = {
        timeoutMs: plan.timeoutMs,
        pollMs: deps.pollMs ?? 500,
        clock: deps.clock,
        log: deps.log,
        signal,
    };
    const rollout = new Rollout(plan.config, {
        writer,
        router,
        workloads: plan.route.router === 'kserve' ? undefined : new Workloads(writer, wait),
        analysis: main && plan.config.action === 'rollout' ? analysisFor(plan, deps) : undefined,
        clock: deps.clock,
        log: deps.log,
        signal,
        waitInferenceService: (name) => waitInferenceService(writer, name, wait),
        prepull: (name, image) => prepull(writer, name, image, wait),
    });
    return main ? rollout.run() : rollout.cleanup();
}
function kubeFrom(plan, signal) {
    return new ClientKube(plan.kube.config, plan.kube.namespace, { signal });
}
/** The action's run: the rollout against the cluster, recorded as a GitHub deployment when one is planned. */
async function runCanaryStepAction(plan, context) {
    const run = (0,src/* readGitHubRun */.ji)(context.env);
    let tracker;
    if (plan.deployment && run)
        tracker = await startDeployment(plan.deployment.token, run, plan.deployment.environment, plan.config.image ?? plan.config.action, context.log);
    try {
        const result = await runCanaryStep(plan, {
            kube: kubeFrom(plan, context.signal),
            clock: prom_src.realClock,
            log: context.log,
            signal: context.signal,
        });
        await tracker?.status(result.verdict !== 'pass'
            ? 'failure'
            : result.action === 'rollback' || result.action === 'undo'
                ? 'inactive'
                : 'success', result.headline);
        return result;
    }
    catch (error) {
        await tracker?.status('error', error.message ?? String(error));
        throw error;
    }
}
/** The post step's run: roll back what this workflow run left unfinished. */
async function runCanaryStepCleanup(plan, context) {
    const result = await runCanaryStep(plan, { kube: kubeFrom(plan), clock: prom_src.realClock, log: context.log }, 'post');
    context.log(result.headline);
    return result;
}

;// CONCATENATED MODULE: ./packages/kube/src/action/command.ts





const canaryStepCommand = (0,src/* defineCommand */.NB)({
    name: 'canary-step',
    inputs: canaryStepInputs,
    secretInputs: SECRET_INPUTS,
    plan: (inputs, context) => planCanaryStep(inputs, context),
    run: runCanaryStepAction,
    report: buildReport,
});
/** The `post:` entry: rolls back a rollout this job left unfinished (failed or cancelled). */
const canaryStepPostCommand = (0,src/* defineCommand */.NB)({
    name: 'canary-step-post',
    inputs: canaryStepPostInputs,
    secretInputs: SECRET_INPUTS,
    plan(inputs, context) {
        if (inputs.action !== 'rollout')
            return { nothing: `post: nothing to clean up after 'action: ${inputs.action}'` };
        if (inputs['dry-run'])
            return { nothing: 'post: dry run, nothing to clean up' };
        return planCanaryStep({ ...inputs, 'report-path': undefined, comment: false }, context, 'post');
    },
    run: async (plan, context) => ('nothing' in plan ? plan : runCanaryStepCleanup(plan, context)),
    report(result) {
        if ('nothing' in result)
            return {
                action: 'canary-step-post',
                verdict: 'pass',
                headline: result.nothing,
                reasons: [],
                metrics: [],
                tables: [],
                findings: [],
                outputs: {},
            };
        return { ...buildReport(result), action: 'canary-step-post' };
    },
});

;// CONCATENATED MODULE: ./packages/kube/src/index.ts










/***/ }),

/***/ 1631:
/***/ (() => {


// @kubernetes/client-node's URL dependencies load Node's deprecated `punycode` module. Inside a
// bundle (not under node_modules) Node prints DEP0040 on every run: noise that users cannot act on.
// Imported before the client so the filter is in place when that module loads.
const emitWarning = process.emitWarning.bind(process);
process.emitWarning = ((warning, ...rest) => {
    const code = typeof rest[0] === 'object' ? rest[0]?.code : rest[1];
    if (code === 'DEP0040')
        return;
    emitWarning(warning, ...rest);
});


/***/ })

};
