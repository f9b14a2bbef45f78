export const id = 349;
export const ids = [349];
export const modules = {

/***/ 9730:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   scriptToOptions: () => (/* binding */ scriptToOptions),
/* harmony export */   startTestServer: () => (/* binding */ startTestServer)
/* harmony export */ });
/* unused harmony exports fakeTokens, TestServer */
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7067);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_http__WEBPACK_IMPORTED_MODULE_0__);

function scriptToOptions(script) {
    return {
        models: script.models,
        answer: script.answer,
        latencyMs: script.latencyMs,
        perTokenMs: script.perTokenMs,
        rules: (script.rules ?? []).map((r) => ({ match: new RegExp(r.pattern, 'i'), reply: r.reply })),
    };
}
/** Whitespace-led pieces, as a stand-in for tokens: "Yes, within" → ["Yes,", " within"]. */
function fakeTokens(text) {
    return text.match(/\s*\S+/g) ?? (text ? [text] : []);
}
const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/**
 * An OpenAI-compatible server on loopback for tests, benchmarks and the demo (where it is
 * labelled as a test double): `/v1/chat/completions` with and without streaming, `/v1/models`,
 * `/health`. Answers come from rules or a default; latency and faults are scriptable per request.
 */
class TestServer {
    options;
    url = '';
    /** Chat completion requests received, in order. */
    chats = [];
    server;
    sockets = new Set();
    faults = [];
    perRequest;
    nextId = 0;
    constructor(options = {}) {
        this.options = options;
    }
    /** The underlying Node server (tests watch its `request` events). */
    get http() {
        return this.server;
    }
    get chatRequests() {
        return this.chats.length;
    }
    /** The next `times` chat requests get this fault. */
    fail(fault, times = 1) {
        for (let i = 0; i < times; i++)
            this.faults.push(fault);
        return this;
    }
    /** Decide each request's reply (undefined falls through to faults, rules and the default). */
    script(fn) {
        this.perRequest = fn;
        return this;
    }
    async start() {
        this.server = (0,node_http__WEBPACK_IMPORTED_MODULE_0__.createServer)((req, res) => {
            this.handle(req, res).catch(() => res.destroy());
        });
        this.server.keepAliveTimeout = 30_000;
        this.server.on('connection', (socket) => {
            this.sockets.add(socket);
            socket.on('close', () => this.sockets.delete(socket));
        });
        await new Promise((resolve) => this.server.listen(0, '127.0.0.1', resolve));
        this.url = `http://127.0.0.1:${this.server.address().port}/v1`;
        return this;
    }
    async stop() {
        for (const socket of this.sockets)
            socket.destroy();
        await new Promise((resolve) => this.server?.close(resolve));
    }
    async handle(req, res) {
        const path = (req.url ?? '').split('?')[0];
        if (req.method === 'GET' && path === '/health')
            return json(res, 200, { status: 'ok' });
        if (req.method === 'GET' && path === '/v1/models') {
            const models = this.options.models ?? ['test-model'];
            return json(res, 200, {
                object: 'list',
                data: models.map((id) => ({
                    id,
                    object: 'model',
                    owned_by: 'llmops-test-server',
                    ...this.options.modelInfo,
                })),
            });
        }
        if (req.method !== 'POST' || path !== '/v1/chat/completions')
            return json(res, 404, { error: { message: `no route ${path}` } });
        const chunks = [];
        for await (const chunk of req)
            chunks.push(chunk);
        let body;
        try {
            body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        }
        catch {
            return json(res, 400, {
                error: { message: 'request body is not JSON', type: 'invalid_request_error' },
            });
        }
        const index = this.chats.length;
        this.chats.push(body);
        const reply = this.replyFor(body, index);
        const fault = typeof reply === 'object' ? reply.fault : undefined;
        const text = typeof reply === 'string' ? reply : (reply.text ?? '');
        const latency = (typeof reply === 'object' ? reply.latencyMs : undefined) ?? this.options.latencyMs ?? 0;
        if (fault?.kind === 'reset') {
            req.socket.destroy();
            return;
        }
        if (fault?.kind === 'raw') {
            const type = fault.contentType ?? (body.stream ? 'text/event-stream' : 'application/json');
            res.writeHead(200, { 'content-type': type, 'content-length': Buffer.byteLength(fault.body) });
            res.end(fault.body);
            return;
        }
        if (latency > 0)
            await wait(latency);
        if (fault &&
            fault.kind !== 'stream-error' &&
            fault.kind !== 'stall' &&
            fault.kind !== 'malformed' &&
            fault.kind !== 'empty-choices' &&
            fault.kind !== 'finish') {
            return this.errorStatus(res, fault, req);
        }
        return this.answer(res, body, text, fault);
    }
    /** A chat completion (or a stream of chunks) carrying `text`, with the fault that acts on the body. */
    async answer(res, body, text, fault) {
        const model = body.model ?? 'test-model';
        if (!this.models().includes(model)) {
            return json(res, 404, {
                error: { message: `The model \`${model}\` does not exist.`, type: 'NotFoundError', code: 404 },
            });
        }
        const tokens = fakeTokens(text);
        const usage = {
            prompt_tokens: (body.messages ?? []).reduce((n, m) => n + fakeTokens(String(m.content ?? '')).length, 0),
            completion_tokens: tokens.length,
            total_tokens: 0,
        };
        usage.total_tokens = usage.prompt_tokens + usage.completion_tokens;
        const id = `chatcmpl-test-${this.nextId++}`;
        const finish = fault?.kind === 'finish' ? fault.reason : 'stop';
        const created = Math.floor(Date.now() / 1000);
        if (!body.stream) {
            if (fault?.kind === 'malformed') {
                res.writeHead(200, { 'content-type': 'application/json' });
                res.end('{"id": "x", "choices": [{"message": ');
                return;
            }
            const choices = fault?.kind === 'empty-choices'
                ? []
                : [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: finish }];
            return json(res, 200, { id, object: 'chat.completion', created, model, choices, usage });
        }
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
        const event = (choices, extra = {}) => `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model, choices, ...extra })}\n\n`;
        const delta = (content, finish = null) => event([{ index: 0, delta: { content }, finish_reason: finish }]);
        const usageEvent = body.stream_options?.include_usage ? event([], { usage }) : '';
        if (fault?.kind === 'empty-choices') {
            res.end(`${usageEvent}data: [DONE]\n\n`);
            return;
        }
        const head = event([{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }]);
        if (fault?.kind === 'stream-error' || fault?.kind === 'stall' || fault?.kind === 'malformed') {
            res.write(head + delta(tokens[0] ?? 'x'));
            if (fault.kind === 'stall')
                return; // never ends; the client must time out
            if (fault.kind === 'malformed') {
                res.end('data: {"choices": [{"delta": \n\n');
                return;
            }
            const message = fault.message ?? 'the engine died while generating';
            res.end(`data: ${JSON.stringify({ error: { message, type: 'InternalServerError', code: 500 } })}\n\n`);
            return;
        }
        const perToken = this.options.perTokenMs ?? 0;
        if (perToken <= 0) {
            res.end(`${head}${tokens.map((t) => delta(t)).join('')}${delta('', finish)}${usageEvent}data: [DONE]\n\n`);
            return;
        }
        res.write(head);
        for (const token of tokens) {
            res.write(delta(token));
            await wait(perToken);
        }
        res.end(`${delta('', finish)}${usageEvent}data: [DONE]\n\n`);
    }
    models() {
        return this.options.models ?? ['test-model'];
    }
    replyFor(body, index) {
        const scripted = this.perRequest?.(body, index);
        if (scripted !== undefined)
            return scripted;
        const fault = this.faults.shift();
        if (fault)
            return { fault };
        const messages = body.messages ?? [];
        const lastUser = [...messages].reverse().find((m) => m.role === 'user')?.content ?? '';
        for (const rule of this.options.rules ?? []) {
            const hit = rule.match === undefined ||
                (typeof rule.match === 'string'
                    ? lastUser.toLowerCase().includes(rule.match.toLowerCase())
                    : rule.match.test(lastUser));
            if (hit)
                return typeof rule.reply === 'function' ? rule.reply(body) : rule.reply;
        }
        const answer = this.options.answer ?? 'OK';
        return typeof answer === 'function' ? answer(body) : answer;
    }
    errorStatus(res, fault, req) {
        if (fault.kind === 'echo-auth') {
            return json(res, 401, {
                error: {
                    message: `Incorrect API key provided: ${req.headers.authorization ?? '(none)'}`,
                    type: 'invalid_request_error',
                },
            });
        }
        if (fault.kind === 'tgi-error')
            return json(res, fault.status, {
                error: fault.message ?? 'Model is overloaded',
                error_type: 'overloaded',
            });
        if (fault.kind === 'vllm-error') {
            return json(res, fault.status, {
                object: 'error',
                message: fault.message ?? 'bad request',
                type: 'BadRequestError',
                param: null,
                code: fault.status,
            });
        }
        if (fault.kind !== 'status')
            return json(res, 500, { error: { message: 'unexpected fault' } });
        const headers = fault.retryAfter !== undefined ? { 'retry-after': String(fault.retryAfter) } : {};
        json(res, fault.status, fault.body ?? { error: { message: `test server fault: HTTP ${fault.status}`, type: 'server_error' } }, headers);
    }
}
function json(res, status, body, headers = {}) {
    const text = JSON.stringify(body);
    res.writeHead(status, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(text),
        ...headers,
    });
    res.end(text);
}
async function startTestServer(options = {}) {
    return new TestServer(options).start();
}


/***/ })

};
