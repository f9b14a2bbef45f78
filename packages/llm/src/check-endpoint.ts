import { redactUrl, UserError } from '@llmops/core';
import { normalizeBaseUrl } from './client';
import { nodeFetch } from './http-fetch';

export interface EndpointCheck {
  /** Models the endpoint lists; undefined when it has no `/models` route. */
  served?: string[];
  /**
   * What the endpoint says about the model besides its name: vLLM's `root` (the weights' path or
   * repo) and `max_model_len`, when present. Part of the response cache key.
   */
  identity?: { root?: string; maxModelLen?: number };
}

/** `<base>/models`, keeping a query string (`?api-version=`) where it belongs. */
function modelsUrl(base: string): string {
  const url = new URL(base);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/models`;
  return url.toString();
}

/**
 * Start-up check of `GET <base>/models`: fails fast, with one line a person can act on, when the
 * endpoint is down, refuses the key, or does not serve the model (naming the ones it does).
 */
export async function checkEndpoint(
  options: { baseURL: string; apiKey?: string; model: string; timeoutMs?: number; what?: string },
  signal?: AbortSignal,
): Promise<EndpointCheck> {
  const url = normalizeBaseUrl(options.baseURL);
  // Shown without credentials (user:password@, ?key=); the request itself keeps them.
  const base = redactUrl(url);
  const what = options.what ?? 'base-url';
  const timeout = AbortSignal.timeout(options.timeoutMs ?? 10_000);
  let response: Response;
  try {
    // The chat client's transport: a URL with user:password@ works the same for both (fetch refuses it).
    response = await nodeFetch(`${modelsUrl(url)}`, {
      headers: options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {},
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
  } catch (error) {
    const cause = ((error as Error).cause as Error | undefined)?.message ?? (error as Error).message;
    throw new UserError(`${what} ${base} is unreachable (${cause}): is the server up and the URL right?`);
  }
  // Read whatever came, so the connection goes back to the pool (an unread body holds it open).
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    throw new UserError(`${what} ${base} broke off its answer to GET /models (${(error as Error).message})`);
  }
  if (response.status === 401 || response.status === 403) {
    throw new UserError(`${what} ${base} refused the API key (HTTP ${response.status}): check api-key`);
  }
  // Some gateways have no model list; the first request will tell.
  if (response.status === 404 || response.status === 405) return {};
  if (!response.ok) {
    throw new UserError(
      `${what} ${base} answered GET /models with HTTP ${response.status}: is the server healthy?`,
    );
  }
  let served: string[];
  let entry: { id?: unknown; root?: unknown; max_model_len?: unknown } | undefined;
  try {
    const body = JSON.parse(text) as {
      data?: Array<{ id?: unknown; root?: unknown; max_model_len?: unknown }>;
    };
    served = (body.data ?? []).map((m) => String(m.id));
    entry = body.data?.find((m) => String(m.id) === options.model);
  } catch {
    throw new UserError(`${what} ${base} answered GET /models with something that is not a model list`);
  }
  if (!served.includes(options.model)) {
    const list = served.length ? served.slice(0, 20).join(', ') : 'none';
    throw new UserError(`model '${options.model}' is not served by ${base}; it serves: ${list}`);
  }
  const identity: EndpointCheck['identity'] = {};
  if (typeof entry?.root === 'string') identity.root = entry.root;
  if (typeof entry?.max_model_len === 'number') identity.maxModelLen = entry.max_model_len;
  return Object.keys(identity).length ? { served, identity } : { served };
}
