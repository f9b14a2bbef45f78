import http from 'node:http';
import https from 'node:https';

/**
 * The transport under the openai SDK (its `fetch` option): plain `node:http` with keep-alive
 * agents. The SDK builds requests, reads unary bodies and maps error statuses to APIErrors; stream
 * bodies are read by our SSE parser (sse.ts). This avoids the cost of undici and web streams per
 * request (about 1 ms of CPU each, measured in bench/), which dominates an eval run of thousands
 * of short requests. The response body is the Node stream, iterated directly.
 */
const agents = {
  'http:': new http.Agent({ keepAlive: true, maxSockets: Infinity }),
  'https:': new https.Agent({ keepAlive: true, maxSockets: Infinity }),
};

interface FetchInit {
  method?: string;
  headers?: Headers | Record<string, string> | Array<[string, string]>;
  body?: string | Uint8Array | null;
  signal?: AbortSignal | null;
}

function headerObject(headers: FetchInit['headers']): Record<string, string> {
  if (!headers) return {};
  if (headers instanceof Headers || Array.isArray(headers))
    return Object.fromEntries(headers as Iterable<[string, string]>);
  return headers;
}

/** The read side of `Headers`, over Node's raw header list (undici's Headers costs more per response). */
class ResponseHeaders {
  private readonly map = new Map<string, string>();

  constructor(raw: string[]) {
    for (let i = 0; i < raw.length; i += 2) {
      const name = raw[i]!.toLowerCase();
      const prev = this.map.get(name);
      this.map.set(name, prev === undefined ? raw[i + 1]! : `${prev}, ${raw[i + 1]}`);
    }
  }

  get(name: string): string | null {
    return this.map.get(name.toLowerCase()) ?? null;
  }

  has(name: string): boolean {
    return this.map.has(name.toLowerCase());
  }

  forEach(fn: (value: string, name: string) => void): void {
    this.map.forEach((value, name) => fn(value, name));
  }

  entries(): IterableIterator<[string, string]> {
    return this.map.entries();
  }

  keys(): IterableIterator<string> {
    return this.map.keys();
  }

  values(): IterableIterator<string> {
    return this.map.values();
  }

  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.map.entries();
  }
}

class NodeResponse {
  readonly ok: boolean;
  readonly status: number;
  readonly statusText: string;
  readonly headers: ResponseHeaders;
  readonly redirected = false;
  readonly type = 'basic';

  readonly body: AsyncIterable<Buffer>;

  constructor(
    readonly url: string,
    private readonly message: http.IncomingMessage,
  ) {
    const body = message;
    // The SSE parser stops reading at `[DONE]`; a plain stream iterator would then destroy the
    // socket. Drain the rest instead, so the connection goes back to the keep-alive pool.
    this.body = {
      [Symbol.asyncIterator]: () => {
        const it = message.iterator({ destroyOnReturn: false });
        return {
          next: () => it.next(),
          return: async () => {
            message.resume();
            return { done: true as const, value: undefined };
          },
        };
      },
    };
    this.status = body.statusCode ?? 0;
    this.ok = this.status >= 200 && this.status < 300;
    this.statusText = body.statusMessage ?? '';
    this.headers = new ResponseHeaders(body.rawHeaders);
  }

  async text(): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const chunk of this.message) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }

  async json(): Promise<unknown> {
    return JSON.parse(await this.text());
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    const text = Buffer.from(await this.text());
    return text.buffer.slice(text.byteOffset, text.byteOffset + text.byteLength);
  }
}

function abortError(signal: AbortSignal): Error {
  const reason = signal.reason;
  if (reason instanceof Error && reason.name === 'AbortError') return reason;
  const error = new Error('This operation was aborted');
  error.name = 'AbortError';
  return error;
}

export async function nodeFetch(input: string | URL | Request, init: FetchInit = {}): Promise<Response> {
  const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
  const agent = agents[url.protocol as keyof typeof agents];
  if (!agent) throw new TypeError(`unsupported protocol ${url.protocol}`);
  const { signal } = init;
  if (signal?.aborted) throw abortError(signal);
  return new Promise((resolve, reject) => {
    const request = (url.protocol === 'https:' ? https : http).request(url, {
      method: init.method ?? 'GET',
      headers: headerObject(init.headers),
      agent,
    });
    let responded = false;
    // Before a response, the abort rejects the fetch; after it, it ends the body being read.
    const onAbort = () => (responded ? request.destroy() : request.destroy(abortError(signal!)));
    signal?.addEventListener('abort', onAbort, { once: true });
    const done = () => signal?.removeEventListener('abort', onAbort);
    request.once('response', (response) => {
      responded = true;
      response.on('error', () => undefined); // surfaced to whoever iterates the body
      // Once the body is read, a later abort (the job's cancellation, a timeout firing late) must
      // not destroy the socket: it goes back to the keep-alive pool.
      response.once('end', done);
      response.once('close', done);
      resolve(new NodeResponse(url.toString(), response) as unknown as Response);
    });
    request.once('error', (error) => {
      done();
      // Shaped like undici's "fetch failed" so the SDK reports a connection error.
      reject(Object.assign(new TypeError('fetch failed'), { cause: error }));
    });
    request.end(init.body ?? undefined);
  });
}
