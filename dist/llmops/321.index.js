export const id = 321;
export const ids = [321];
export const modules = {

/***/ 9386:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  dz: () => (/* reexport */ errors/* InputError */.dz),
  yo: () => (/* reexport */ errors/* UserError */.yo),
  xv: () => (/* reexport */ version/* VERSION */.x),
  OM: () => (/* reexport */ changedFilesSince),
  Gt: () => (/* reexport */ countFindings),
  mK: () => (/* reexport */ defaultBaseRef),
  a3: () => (/* reexport */ duration/* formatDuration */.a),
  oB: () => (/* reexport */ gitTopLevel),
  hF: () => (/* reexport */ inputs/* input */.hF),
  cm: () => (/* reexport */ workspace/* isInsideWorkspace */.cm),
  iU: () => (/* reexport */ errors/* isUserError */.iU),
  E9: () => (/* reexport */ duration/* parseDuration */.E),
  ZR: () => (/* reexport */ readFileAtRef),
  ji: () => (/* reexport */ context/* readGitHubRun */.j),
  fp: () => (/* reexport */ secrets/* redactSecrets */.fp),
  cl: () => (/* reexport */ secrets/* registerSecret */.cl),
  WH: () => (/* reexport */ sarif/* renderSarif */.W),
  OS: () => (/* reexport */ inputs/* reportingInputs */.OS),
  JN: () => (/* reexport */ resolveBaseRef),
  z1: () => (/* reexport */ workspace/* resolveInWorkspace */.z1),
  Vp: () => (/* reexport */ context/* runUrl */.V),
  CR: () => (/* reexport */ workspace/* toWorkspacePath */.CR),
  QS: () => (/* reexport */ src_escape/* truncate */.xv)
});

// UNUSED EXPORTS: VERDICTS, annotateCapped, commentMarker, escapeMarkdown, escapeXml, findingLocation, findingsTable, formatUserError, publish, publishCheckRun, readInputs, realPath, renderJunit, renderMarkdown, renderText, setSecretSink, upsertStickyComment, verdictFailsStep, workspaceRoot, worstVerdict

// EXTERNAL MODULE: ./packages/core/src/duration.ts
var duration = __webpack_require__(9713);
// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __webpack_require__(7638);
// EXTERNAL MODULE: ./packages/core/src/escape.ts
var src_escape = __webpack_require__(3066);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
;// CONCATENATED MODULE: ./packages/core/src/git.ts




const run = (0,external_node_util_.promisify)(external_node_child_process_.execFile);
async function git(cwd, args) {
    // quotePath off: non-ASCII paths come back as they are, not as quoted octal escapes.
    const { stdout } = await run('git', ['-c', 'core.quotePath=false', ...args], {
        cwd,
        maxBuffer: 64 * 1024 * 1024,
    });
    return stdout;
}
async function gitTopLevel(cwd) {
    return (await git(cwd, ['rev-parse', '--show-toplevel'])).trim();
}
/**
 * Contents of a file (path relative to the repository root) at a git ref, or undefined when the
 * file does not exist there. Any other git failure is an error, not a "new file".
 */
async function readFileAtRef(cwd, ref, repoPath) {
    try {
        await git(cwd, ['cat-file', '-e', `${ref}:${repoPath}`]);
    }
    catch {
        return undefined;
    }
    return git(cwd, ['show', `${ref}:${repoPath}`]);
}
/** Workspace-relative paths (forward slashes) that differ from `base`, committed or not, untracked included. */
async function changedFilesSince(workspace, base) {
    const top = await gitTopLevel(workspace);
    const diff = await git(workspace, ['diff', '-z', '--name-only', base, '--', '.']);
    const untracked = await git(workspace, [
        'ls-files',
        '-z',
        '--others',
        '--exclude-standard',
        '--full-name',
        '--',
        '.',
    ]);
    return new Set(`${diff}\0${untracked}`
        .split('\0')
        .filter(Boolean)
        .map((f) => external_node_path_default().relative(workspace, external_node_path_default().join(top, f)).split((external_node_path_default()).sep).join('/')));
}
/**
 * The commit to compare against: the merge base of HEAD and the ref, so a PR is compared with
 * where it branched. Tries `origin/<ref>` too, as runners check out the base only as a remote.
 */
async function resolveBaseRef(cwd, ref) {
    for (const candidate of [ref, `origin/${ref}`]) {
        try {
            return (await git(cwd, ['merge-base', 'HEAD', candidate])).trim();
        }
        catch {
            // try the next spelling
        }
    }
    throw new errors/* UserError */.yo(`base ref '${ref}' is not in the local clone; check out with 'fetch-depth: 0' (actions/checkout) or fetch the base branch`);
}
/** The PR's base branch from the runner's environment, when there is one. */
function defaultBaseRef(env = process.env) {
    return env.GITHUB_BASE_REF || undefined;
}

// EXTERNAL MODULE: ./packages/core/src/inputs.ts
var inputs = __webpack_require__(7276);
// EXTERNAL MODULE: ./packages/core/src/publish.ts + 1 modules
var publish = __webpack_require__(7402);
;// CONCATENATED MODULE: ./packages/core/src/report.ts
function countFindings(findings, level) {
    return findings.reduce((n, finding) => n + (finding.level === level ? 1 : 0), 0);
}

// EXTERNAL MODULE: ./packages/core/src/secrets.ts
var secrets = __webpack_require__(7620);
// EXTERNAL MODULE: ./packages/core/src/version.ts
var version = __webpack_require__(8109);
// EXTERNAL MODULE: ./packages/core/src/workspace.ts
var workspace = __webpack_require__(3268);
// EXTERNAL MODULE: ./packages/core/src/github/context.ts
var context = __webpack_require__(9594);
// EXTERNAL MODULE: ./packages/core/src/github/check-run.ts
var check_run = __webpack_require__(2793);
// EXTERNAL MODULE: ./packages/core/src/render/markdown.ts
var markdown = __webpack_require__(2901);
;// CONCATENATED MODULE: ./packages/core/src/render/text.ts

/** Plain text for a terminal (the CLI). */
function show(value) {
    if (value === null || value === undefined || value === '')
        return '-';
    return String(value).replace(/\s+/g, ' ');
}
function renderTable(table, maxRows) {
    const rows = table.rows.slice(0, maxRows).map((row) => row.map((c) => show(c).slice(0, 100)));
    const widths = table.columns.map((col, i) => Math.max(col.length, ...rows.map((r) => (r[i] ?? '').length)));
    const line = (cells) => cells
        .map((c, i) => c.padEnd(widths[i]))
        .join('  ')
        .trimEnd();
    const lines = [`${table.title}:`, `  ${line(table.columns)}`, ...rows.map((r) => `  ${line(r)}`)];
    if (table.rows.length > rows.length)
        lines.push(`  … ${table.rows.length - rows.length} more rows in the JSON report`);
    if (table.note)
        lines.push(`  ${table.note}`);
    return lines.join('\n');
}
function renderText(report, maxRows = 30) {
    const parts = [`${report.action}: ${report.verdict.toUpperCase()} — ${report.headline}`];
    if (report.reasons.length)
        parts.push(report.reasons.map((r) => `  - ${r}`).join('\n'));
    if (report.metrics.length)
        parts.push(report.metrics.map(([label, value]) => `${label}: ${value}`).join(' | '));
    const tables = [findingsTable(report.findings), ...report.tables].filter((t) => t !== undefined);
    for (const table of tables)
        parts.push(renderTable(table, maxRows));
    return `${parts.join('\n\n')}\n`;
}

// EXTERNAL MODULE: ./packages/core/src/render/sarif.ts
var sarif = __webpack_require__(6395);
// EXTERNAL MODULE: ./packages/core/src/render/junit.ts
var junit = __webpack_require__(1038);
;// CONCATENATED MODULE: ./packages/core/src/index.ts





















/***/ }),

/***/ 1321:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  l3: () => (/* reexport */ LlmClient),
  CC: () => (/* reexport */ ResponseCache),
  Q9: () => (/* reexport */ probeEndpoint),
  Qx: () => (/* reexport */ runRequests)
});

// UNUSED EXPORTS: AdaptiveLimiter, backoffMs, cacheKey, isRetryableStatus, normalizeBaseUrl, parseRetryAfter, sleep, sseChunks

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
;// CONCATENATED MODULE: ./packages/llm/src/cache.ts



/** Content address of a request: anything that changes the answer changes the key. */
function cacheKey(parts) {
    const canonical = JSON.stringify([
        'v1',
        parts.model,
        parts.messages.map((m) => [m.role, m.content]),
        Object.keys(parts.params)
            .sort()
            .map((k) => [k, parts.params[k]])
            .filter(([, v]) => v !== undefined),
        parts.sample,
    ]);
    return (0,external_node_crypto_.createHash)('sha256').update(canonical).digest('hex');
}
/**
 * Answers on disk, one file per key (`<dir>/<ab>/<key>.json`). Writes go to a temporary file
 * then rename into place, so concurrent writers (parallel jobs sharing a restored cache, two
 * runs on one machine) never leave a torn entry; a file that does not parse is a miss.
 */
class ResponseCache {
    dir;
    madeDirs = new Set();
    constructor(dir) {
        this.dir = dir;
    }
    file(key) {
        return external_node_path_default().join(this.dir, key.slice(0, 2), `${key}.json`);
    }
    async get(key) {
        try {
            const entry = JSON.parse(await (0,promises_.readFile)(this.file(key), 'utf8'));
            return entry.key === key && typeof entry.answer?.text === 'string' ? entry.answer : undefined;
        }
        catch {
            return undefined;
        }
    }
    async set(key, answer) {
        const target = this.file(key);
        const dir = external_node_path_default().dirname(target);
        if (!this.madeDirs.has(dir)) {
            await (0,promises_.mkdir)(dir, { recursive: true });
            this.madeDirs.add(dir);
        }
        const temp = `${target}.${process.pid}.${(0,external_node_crypto_.randomBytes)(4).toString('hex')}.tmp`;
        await (0,promises_.writeFile)(temp, JSON.stringify({ key, answer }));
        await (0,promises_.rename)(temp, target);
    }
}

// EXTERNAL MODULE: ./node_modules/openai/index.mjs + 232 modules
var openai = __webpack_require__(8193);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
var external_node_http_default = /*#__PURE__*/__webpack_require__.n(external_node_http_);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
var external_node_https_default = /*#__PURE__*/__webpack_require__.n(external_node_https_);
;// CONCATENATED MODULE: ./packages/llm/src/http-fetch.ts


/**
 * The transport under the openai SDK (its `fetch` option): plain `node:http` with keep-alive
 * agents. The SDK still builds requests, decodes SSE and maps errors; this only avoids the cost
 * of undici and web streams per request (about 1 ms of CPU each, measured in bench/), which
 * dominates an eval run of thousands of short requests. The response body is the Node stream,
 * which the SDK iterates directly.
 */
const agents = {
    'http:': new (external_node_http_default()).Agent({ keepAlive: true, maxSockets: Infinity }),
    'https:': new (external_node_https_default()).Agent({ keepAlive: true, maxSockets: Infinity }),
};
function headerObject(headers) {
    if (!headers)
        return {};
    if (headers instanceof Headers || Array.isArray(headers))
        return Object.fromEntries(headers);
    return headers;
}
/** The read side of `Headers`, over Node's raw header list (undici's Headers costs more per response). */
class ResponseHeaders {
    map = new Map();
    constructor(raw) {
        for (let i = 0; i < raw.length; i += 2) {
            const name = raw[i].toLowerCase();
            const prev = this.map.get(name);
            this.map.set(name, prev === undefined ? raw[i + 1] : `${prev}, ${raw[i + 1]}`);
        }
    }
    get(name) {
        return this.map.get(name.toLowerCase()) ?? null;
    }
    has(name) {
        return this.map.has(name.toLowerCase());
    }
    forEach(fn) {
        this.map.forEach((value, name) => fn(value, name));
    }
    entries() {
        return this.map.entries();
    }
    keys() {
        return this.map.keys();
    }
    values() {
        return this.map.values();
    }
    [Symbol.iterator]() {
        return this.map.entries();
    }
}
class NodeResponse {
    url;
    message;
    ok;
    status;
    statusText;
    headers;
    redirected = false;
    type = 'basic';
    body;
    constructor(url, message) {
        this.url = url;
        this.message = message;
        const body = message;
        // The SDK stops reading at `[DONE]`; a plain stream iterator would then destroy the socket.
        // Drain the rest instead, so the connection goes back to the keep-alive pool.
        this.body = {
            [Symbol.asyncIterator]: () => {
                const it = message.iterator({ destroyOnReturn: false });
                return {
                    next: () => it.next(),
                    return: async () => {
                        message.resume();
                        return { done: true, value: undefined };
                    },
                };
            },
        };
        this.status = body.statusCode ?? 0;
        this.ok = this.status >= 200 && this.status < 300;
        this.statusText = body.statusMessage ?? '';
        this.headers = new ResponseHeaders(body.rawHeaders);
    }
    async text() {
        const chunks = [];
        for await (const chunk of this.message)
            chunks.push(chunk);
        return Buffer.concat(chunks).toString('utf8');
    }
    async json() {
        return JSON.parse(await this.text());
    }
    async arrayBuffer() {
        const text = Buffer.from(await this.text());
        return text.buffer.slice(text.byteOffset, text.byteOffset + text.byteLength);
    }
}
function abortError(signal) {
    const reason = signal.reason;
    if (reason instanceof Error && reason.name === 'AbortError')
        return reason;
    const error = new Error('This operation was aborted');
    error.name = 'AbortError';
    return error;
}
async function nodeFetch(input, init = {}) {
    const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
    const agent = agents[url.protocol];
    if (!agent)
        throw new TypeError(`unsupported protocol ${url.protocol}`);
    const { signal } = init;
    if (signal?.aborted)
        throw abortError(signal);
    return new Promise((resolve, reject) => {
        const request = (url.protocol === 'https:' ? (external_node_https_default()) : (external_node_http_default())).request(url, {
            method: init.method ?? 'GET',
            headers: headerObject(init.headers),
            agent,
        });
        let responded = false;
        // Before a response, the abort rejects the fetch; after it, it ends the body being read.
        const onAbort = () => (responded ? request.destroy() : request.destroy(abortError(signal)));
        signal?.addEventListener('abort', onAbort, { once: true });
        const done = () => signal?.removeEventListener('abort', onAbort);
        request.once('response', (response) => {
            responded = true;
            response.on('error', () => undefined); // surfaced to whoever iterates the body
            // Once the body is read, an abort (the SDK aborts its controller after a stream) must not
            // destroy the socket: it goes back to the keep-alive pool.
            response.once('end', done);
            response.once('close', done);
            resolve(new NodeResponse(url.toString(), response));
        });
        request.once('error', (error) => {
            done();
            // Shaped like undici's "fetch failed" so the SDK reports a connection error.
            reject(Object.assign(new TypeError('fetch failed'), { cause: error }));
        });
        request.end(init.body ?? undefined);
    });
}

;// CONCATENATED MODULE: ./packages/llm/src/sse.ts

/**
 * Server-sent events of a chat completion stream, as JSON chunks: `data:` lines joined, ended
 * by `[DONE]`. An `event: error` or a chunk carrying `error` (vLLM and TGI report failures this
 * way after a 200) throws an APIError without status; a chunk that is not JSON throws a
 * SyntaxError. Same contract as the openai SDK's stream, at a fraction of its cost per event.
 */
async function* sseChunks(body) {
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const bytes of body) {
        buffer += decoder.decode(bytes, { stream: true });
        if (buffer.includes('\r'))
            buffer = buffer.replace(/\r\n?/g, '\n');
        let from = 0;
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n', from)) {
            const parsed = parseEvent(buffer.slice(from, end));
            from = end + 2;
            if (parsed === 'done')
                return;
            if (parsed)
                yield parsed;
        }
        buffer = from ? buffer.slice(from) : buffer;
    }
    buffer += decoder.decode();
    if (buffer.trim()) {
        const parsed = parseEvent(buffer.trim());
        if (parsed && parsed !== 'done')
            yield parsed;
    }
}
function parseEvent(block) {
    let event;
    let data;
    // The usual event is one `data: {...}` line.
    if (block.startsWith('data: ') && !block.includes('\n'))
        data = block.slice(6);
    else {
        for (const line of block.split('\n')) {
            if (line.startsWith('data:')) {
                const value = line.charCodeAt(5) === 32 ? line.slice(6) : line.slice(5);
                data = data === undefined ? value : `${data}\n${value}`;
            }
            else if (line.startsWith('event:')) {
                event = line.slice(6).trim();
            }
        }
    }
    if (data === undefined)
        return undefined;
    if (data === '[DONE]')
        return 'done';
    let json;
    try {
        json = JSON.parse(data);
    }
    catch {
        throw new SyntaxError('malformed server-sent event JSON');
    }
    if (event === 'error')
        throw new openai/* APIError */.LG(undefined, json.error ?? json, undefined, new Headers());
    if (json && json.error)
        throw new openai/* APIError */.LG(undefined, json.error, undefined, new Headers());
    return json;
}

;// CONCATENATED MODULE: ./packages/llm/src/limiter.ts
/**
 * A concurrency limit that backs off under sustained rate limiting: each 429 halves the
 * number of requests in flight (never below 1), each success lets one more back in, up to the
 * configured limit (additive increase, multiplicative decrease, as TCP does).
 */
class AdaptiveLimiter {
    max;
    active = 0;
    current;
    queue = [];
    lastCut = 0;
    constructor(max) {
        this.max = max;
        this.current = Math.max(1, max);
    }
    get limit() {
        return this.current;
    }
    async run(task) {
        await this.acquire();
        try {
            return await task();
        }
        finally {
            this.release();
        }
    }
    /** A 429 came back. Cuts at most once per 500 ms, so a burst of 429s counts as one signal. */
    rateLimited(now = Date.now()) {
        if (now - this.lastCut < 500)
            return;
        this.lastCut = now;
        this.current = Math.max(1, Math.floor(this.current / 2));
    }
    succeeded() {
        if (this.current < this.max) {
            this.current++;
            this.drain();
        }
    }
    acquire() {
        if (this.active < this.current) {
            this.active++;
            return Promise.resolve();
        }
        return new Promise((resolve) => this.queue.push(resolve));
    }
    release() {
        this.active--;
        this.drain();
    }
    drain() {
        while (this.active < this.current && this.queue.length > 0) {
            this.active++;
            this.queue.shift()();
        }
    }
}

;// CONCATENATED MODULE: ./packages/llm/src/retry.ts
/** Statuses worth another attempt: timeouts, conflicts, rate limits and server errors. */
function isRetryableStatus(status) {
    return status === 408 || status === 409 || status === 429 || status >= 500;
}
/**
 * `Retry-After` (seconds or an HTTP date) and the `retry-after-ms` header OpenAI sends, in
 * milliseconds; undefined when absent or unreadable.
 */
function parseRetryAfter(headers, now = Date.now()) {
    if (!headers)
        return undefined;
    const ms = headers.get('retry-after-ms');
    if (ms && Number.isFinite(Number(ms)))
        return Math.max(0, Number(ms));
    const value = headers.get('retry-after');
    if (!value)
        return undefined;
    if (/^\d+(\.\d+)?$/.test(value.trim()))
        return Number(value) * 1000;
    const date = Date.parse(value);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
/** Exponential backoff with full jitter (AWS architecture blog), capped. */
function backoffMs(attempt, baseMs = 250, capMs = 20_000, random = Math.random) {
    const ceiling = Math.min(capMs, baseMs * 2 ** attempt);
    return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
/** Resolves after ms, or rejects when the signal aborts. */
function sleep(ms, signal) {
    return new Promise((resolve, reject) => {
        if (signal?.aborted)
            return reject(signal.reason);
        const timer = setTimeout(() => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
        }, ms);
        const onAbort = () => {
            clearTimeout(timer);
            reject(signal.reason);
        };
        signal?.addEventListener('abort', onAbort, { once: true });
    });
}

;// CONCATENATED MODULE: ./packages/llm/src/client.ts






/** `http://host:8000` → `http://host:8000/v1`; anything with a path is kept as given. */
function normalizeBaseUrl(baseURL) {
    const url = new URL(baseURL);
    if (url.pathname === '/' || url.pathname === '')
        url.pathname = '/v1';
    return url.toString().replace(/\/+$/, '');
}
class AttemptError extends Error {
    failure;
    retryAfterMs;
    constructor(failure, retryAfterMs) {
        super(failure.message);
        this.failure = failure;
        this.retryAfterMs = retryAfterMs;
    }
}
const RETRYABLE_KINDS = new Set(['network', 'timeout', 'stream', 'malformed', 'empty']);
function retryable(error) {
    if (error.failure.kind === 'http')
        return isRetryableStatus(error.failure.status ?? 0);
    return RETRYABLE_KINDS.has(error.failure.kind);
}
/** The message a server put in its error body: OpenAI `{error: {message}}`, TGI `{error: "..."}`, vLLM `{message, code}`. */
function serverMessage(error) {
    const body = error.error;
    if (typeof body === 'string')
        return body;
    if (body && typeof body === 'object') {
        const b = body;
        if (typeof b.message === 'string')
            return b.message;
        if (typeof b.error === 'string')
            return b.error;
    }
    return error.message;
}
function classify(error, timedOut, cancelled) {
    if (error instanceof AttemptError)
        return error;
    if (cancelled)
        return new AttemptError({ kind: 'cancelled', message: 'cancelled' });
    if (timedOut || error instanceof openai/* APIConnectionTimeoutError */.qA) {
        return new AttemptError({
            kind: 'timeout',
            message: 'request timed out (no complete answer within timeout-ms)',
        });
    }
    if (error instanceof openai/* APIUserAbortError */.cH)
        return new AttemptError({ kind: 'cancelled', message: 'cancelled' });
    if (error instanceof openai/* APIConnectionError */.xX) {
        const cause = error.cause?.message;
        return new AttemptError({ kind: 'network', message: `connection failed${cause ? `: ${cause}` : ''}` });
    }
    if (error instanceof openai/* APIError */.LG) {
        const message = serverMessage(error).slice(0, 500);
        // A status means the server refused the request; none means an error event inside a 200 stream.
        if (error.status) {
            return new AttemptError({ kind: 'http', status: error.status, message: `HTTP ${error.status}: ${message}` }, parseRetryAfter(error.headers));
        }
        return new AttemptError({ kind: 'stream', message: `error inside the response stream: ${message}` });
    }
    if (error instanceof SyntaxError)
        return new AttemptError({ kind: 'malformed', message: `malformed response: ${error.message}` });
    const text = error?.message ?? String(error);
    // undici reports a reset mid-body as "terminated" / "other side closed".
    return new AttemptError({ kind: 'network', message: `connection failed: ${text}` });
}
/**
 * An OpenAI-compatible chat client for evaluation: one answer per request, with timings,
 * usage, retries, a per-attempt timeout, a concurrency limit and a response cache. `complete`
 * never throws for a failed request: the failure is part of the result, so callers count it.
 */
class LlmClient {
    options;
    stats = { requests: 0, retries: 0, cacheHits: 0, rateLimited: 0 };
    model;
    baseURL;
    openai;
    limiter;
    inFlight = new Map();
    /** Attempts in flight, aborted together on cancellation (one listener, not one per request). */
    controllers = new Set();
    constructor(options) {
        this.options = options;
        this.model = options.model;
        this.baseURL = normalizeBaseUrl(options.baseURL);
        this.openai = new openai/* default */.Ay({
            baseURL: this.baseURL,
            apiKey: options.apiKey || 'none',
            maxRetries: 0,
            timeout: options.timeoutMs,
            fetch: nodeFetch,
            // Failures are returned in results; the SDK's own console logging would only duplicate them.
            logLevel: 'off',
        });
        this.limiter = new AdaptiveLimiter(options.concurrency);
        options.signal?.addEventListener('abort', () => {
            for (const controller of this.controllers)
                controller.abort();
        });
    }
    /** Cache key of a request to this client's model. */
    keyOf(request) {
        return cacheKey({
            model: this.model,
            messages: request.messages,
            params: request.params ?? {},
            sample: request.sample ?? 0,
        });
    }
    async complete(request) {
        const key = this.keyOf(request);
        // Identical requests in flight at once (a base-ref case the PR left alone) share one answer.
        const pending = this.inFlight.get(key);
        if (pending) {
            const shared = await pending;
            if (shared.error)
                return shared;
            this.stats.cacheHits++;
            return { ...shared, cached: true, attempts: 0 };
        }
        const promise = this.completeUncached(key, request).finally(() => this.inFlight.delete(key));
        this.inFlight.set(key, promise);
        return promise;
    }
    async completeUncached(key, request) {
        const { cache } = this.options;
        if (cache) {
            const hit = await cache.get(key);
            if (hit) {
                this.stats.cacheHits++;
                return { ...hit, cached: true, attempts: 0 };
            }
        }
        let attempts = 0;
        for (let attempt = 0;; attempt++) {
            if (this.options.signal?.aborted)
                return failed({ kind: 'cancelled', message: 'cancelled' }, attempts);
            attempts++;
            this.stats.requests++;
            try {
                const answer = await this.limiter.run(() => this.attempt(request));
                this.limiter.succeeded();
                if (cache)
                    await cache.set(key, answer).catch(() => undefined);
                return { ...answer, cached: false, attempts };
            }
            catch (caught) {
                const error = caught;
                if (error.failure.status === 429) {
                    this.stats.rateLimited++;
                    this.limiter.rateLimited();
                }
                if (!retryable(error) || attempt >= this.options.maxRetries)
                    return failed(error.failure, attempts);
                const wait = Math.min(error.retryAfterMs ??
                    backoffMs(attempt, this.options.backoffBaseMs ?? 250, 20_000, this.options.random), this.options.maxBackoffMs ?? 60_000);
                this.stats.retries++;
                try {
                    await sleep(wait, this.options.signal);
                }
                catch {
                    return failed({ kind: 'cancelled', message: 'cancelled while waiting to retry' }, attempts);
                }
            }
        }
    }
    /** One HTTP request; throws AttemptError. */
    async attempt(request) {
        const controller = new AbortController();
        let timedOut = false;
        const timer = setTimeout(() => {
            timedOut = true;
            controller.abort();
        }, this.options.timeoutMs);
        const outer = this.options.signal;
        this.controllers.add(controller);
        const body = { model: this.model, messages: request.messages, ...(request.params ?? {}) };
        const start = performance.now();
        try {
            const answer = this.options.stream
                ? await this.streamed(body, controller.signal, start)
                : await this.unary(body, controller.signal, start);
            // The SDK ends an aborted stream quietly: an abort here is a timeout, never an answer.
            if (controller.signal.aborted)
                throw new Error('aborted');
            return answer;
        }
        catch (error) {
            throw classify(error, timedOut, !!outer?.aborted);
        }
        finally {
            clearTimeout(timer);
            this.controllers.delete(controller);
        }
    }
    async unary(body, signal, start) {
        const response = (await this.openai.chat.completions.create({ ...body, stream: false }, { signal, maxRetries: 0 }));
        if (response.error) {
            const message = typeof response.error === 'string' ? response.error : JSON.stringify(response.error);
            throw new AttemptError({ kind: 'stream', message: `error in response body: ${message.slice(0, 500)}` });
        }
        const choice = response.choices?.[0];
        if (!choice)
            throw new AttemptError({ kind: 'empty', message: 'response has no choices' });
        return {
            text: choice.message?.content ?? '',
            latencyMs: performance.now() - start,
            usage: response.usage
                ? {
                    promptTokens: response.usage.prompt_tokens ?? 0,
                    completionTokens: response.usage.completion_tokens ?? 0,
                }
                : undefined,
            finishReason: choice.finish_reason ?? undefined,
        };
    }
    async streamed(body, signal, start) {
        // The SDK builds and sends the request and turns error statuses into APIErrors; the body is
        // read by our SSE parser (the SDK's costs more CPU per event than the rest of a request).
        const response = await this.openai.chat.completions
            .create({
            ...body,
            stream: true,
            stream_options: { include_usage: true },
        }, { signal, maxRetries: 0 })
            .asResponse();
        if (!response.body)
            throw new AttemptError({ kind: 'empty', message: 'response has no body' });
        let text = '';
        let first;
        let last = start;
        let chunks = 0;
        let finishReason;
        let usage;
        for await (const chunk of sseChunks(response.body)) {
            // The usage chunk comes last with empty `choices`.
            if (chunk.usage) {
                usage = {
                    promptTokens: chunk.usage.prompt_tokens ?? 0,
                    completionTokens: chunk.usage.completion_tokens ?? 0,
                };
            }
            for (const choice of chunk.choices ?? []) {
                if (choice.index !== undefined && choice.index !== 0)
                    continue;
                const piece = choice.delta?.content;
                if (piece) {
                    const now = performance.now();
                    first ??= now;
                    last = now;
                    chunks++;
                    text += piece;
                }
                if (choice.finish_reason)
                    finishReason = choice.finish_reason;
            }
        }
        if (signal.aborted)
            throw new Error('aborted');
        if (!finishReason) {
            throw new AttemptError({
                kind: chunks === 0 ? 'empty' : 'stream',
                message: chunks === 0 ? 'stream ended without any choice' : 'stream ended before the answer finished',
            });
        }
        const end = performance.now();
        const tokens = usage?.completionTokens || chunks;
        return {
            text,
            ttftMs: first !== undefined ? first - start : undefined,
            tpotMs: first !== undefined && tokens > 1 ? (last - first) / (tokens - 1) : undefined,
            latencyMs: end - start,
            usage,
            finishReason,
        };
    }
}
function failed(error, attempts) {
    return { text: '', cached: false, attempts, error };
}

// EXTERNAL MODULE: ./packages/core/src/index.ts + 3 modules
var src = __webpack_require__(9386);
;// CONCATENATED MODULE: ./packages/llm/src/probe.ts


/**
 * Start-up check of `GET <base>/models`: fails fast, with one line a person can act on, when the
 * endpoint is down, refuses the key, or does not serve the model (naming the ones it does).
 */
async function probeEndpoint(options, signal) {
    const base = normalizeBaseUrl(options.baseURL);
    const what = options.what ?? 'base-url';
    const timeout = AbortSignal.timeout(options.timeoutMs ?? 10_000);
    let response;
    try {
        response = await fetch(`${base}/models`, {
            headers: options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {},
            signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
        });
    }
    catch (error) {
        const cause = error.cause?.message ?? error.message;
        throw new src/* UserError */.yo(`${what} ${base} is unreachable (${cause}): is the server up and the URL right?`);
    }
    if (response.status === 401 || response.status === 403) {
        throw new src/* UserError */.yo(`${what} ${base} refused the API key (HTTP ${response.status}): check api-key`);
    }
    // Some gateways have no model list; the first request will tell.
    if (response.status === 404 || response.status === 405)
        return {};
    if (!response.ok) {
        throw new src/* UserError */.yo(`${what} ${base} answered GET /models with HTTP ${response.status}: is the server healthy?`);
    }
    let served;
    try {
        const body = (await response.json());
        served = (body.data ?? []).map((m) => String(m.id));
    }
    catch {
        throw new src/* UserError */.yo(`${what} ${base} answered GET /models with something that is not a model list`);
    }
    if (!served.includes(options.model)) {
        const list = served.length ? served.slice(0, 20).join(', ') : 'none';
        throw new src/* UserError */.yo(`model '${options.model}' is not served by ${base}; it serves: ${list}`);
    }
    return { served };
}

;// CONCATENATED MODULE: ./packages/llm/src/runner.ts
/**
 * Send many requests through one client and collect every result in input order. The client's
 * limiter bounds concurrency; this only keeps enough work queued to fill it. What each result
 * means (assertions, detectors) is the caller's business — the quality gate and the safety
 * tests sit on top of this.
 */
async function runRequests(client, items, toRequest, onResult) {
    const before = { ...client.stats };
    const start = performance.now();
    const results = new Array(items.length);
    await Promise.all(items.map(async (item, index) => {
        const result = await client.complete(toRequest(item, index));
        results[index] = result;
        await onResult?.(result, item, index);
    }));
    let promptTokens = 0;
    let completionTokens = 0;
    let errors = 0;
    for (const r of results) {
        if (r.error)
            errors++;
        if (!r.cached && r.usage) {
            promptTokens += r.usage.promptTokens;
            completionTokens += r.usage.completionTokens;
        }
    }
    return {
        results,
        totals: {
            requests: client.stats.requests - before.requests,
            cacheHits: client.stats.cacheHits - before.cacheHits,
            errors,
            promptTokens,
            completionTokens,
            wallMs: performance.now() - start,
        },
    };
}

;// CONCATENATED MODULE: ./packages/llm/src/index.ts










/***/ })

};
