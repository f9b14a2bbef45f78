import { InputError } from '@llmops/core';
import type { ResponseCache } from './cache';
import { checkEndpoint, type EndpointCheck } from './check-endpoint';
import { LlmClient, normalizeBaseUrl } from './client';
import { judgeApiKey } from './judge-key';
import { AdaptiveLimiter } from './limiter';
import { startTestDouble, testDoubleScript } from './test-double';

/** The endpoint inputs of every command that asks a model, as action.yml names them. */
export interface EndpointInputs {
  'base-url'?: string;
  'api-key'?: string;
  model?: string;
  'judge-base-url'?: string;
  'judge-api-key'?: string;
  'judge-model'?: string;
  /** llm-quality-gate's comparison mode: the production endpoint the target is compared with. */
  'compare-base-url'?: string;
  'compare-api-key'?: string;
  'compare-model'?: string;
}

interface Endpoint {
  baseURL: string;
  apiKey?: string;
  model: string;
}

/**
 * Where requests will go, settled from the inputs and the environment with no request sent:
 * the target and the judge, or the test double (`LLMOPS_TEST_DOUBLE`) standing in for both.
 */
export type EndpointPlan = { notes: string[] } & (
  | { testDouble: string; compare: boolean }
  | { testDouble?: undefined; target: Endpoint; judge: Endpoint; compare?: Endpoint }
);

const TEST_DOUBLE_NOTE = 'TEST DOUBLE: the model was the llmops test server, not a real model';

function endpointsOf(inputs: EndpointInputs, double?: { url: string; model: string }) {
  const baseURL = double?.url ?? inputs['base-url'];
  const model = double?.model ?? inputs.model;
  if (!baseURL)
    throw new InputError(
      `input 'base-url' is required: the OpenAI-compatible endpoint, e.g. http://vllm:8000/v1`,
    );
  if (!model) throw new InputError(`input 'model' is required: the model name the endpoint serves`);
  const apiKey = inputs['api-key'];
  const judgeKey = judgeApiKey({
    baseURL,
    apiKey,
    judgeBaseURL: double ? undefined : inputs['judge-base-url'],
    judgeApiKey: inputs['judge-api-key'],
  });
  return {
    target: { baseURL, apiKey, model },
    compare: compareEndpointOf(inputs, double),
    judge: {
      baseURL: double?.url ?? inputs['judge-base-url'] ?? baseURL,
      apiKey: judgeKey,
      model: double?.model ?? inputs['judge-model'] ?? model,
    },
  };
}

/** The production endpoint of a comparison, or none; its model is required when its URL is set. */
function compareEndpointOf(
  inputs: EndpointInputs,
  double?: { url: string; model: string },
): Endpoint | undefined {
  const baseURL = inputs['compare-base-url'];
  if (!baseURL) {
    for (const name of ['compare-model', 'compare-api-key'] as const)
      if (inputs[name])
        throw new InputError(`input '${name}' is set but 'compare-base-url' is not: set both, or neither`);
    return undefined;
  }
  const model = inputs['compare-model'];
  if (!model)
    throw new InputError(
      `input 'compare-model' is required when 'compare-base-url' is set: the model the production endpoint serves`,
    );
  // The test double stands in for production too (the demo compares it with itself).
  if (double) return { baseURL: double.url, model: double.model };
  return { baseURL, apiKey: inputs['compare-api-key'], model };
}

/** Check the endpoint inputs (a missing `base-url` or `model` fails here) without contacting anything. */
export function planEndpoints(
  inputs: EndpointInputs,
  env: NodeJS.ProcessEnv,
  log: (line: string) => void,
): EndpointPlan {
  const testDouble = testDoubleScript(env, log);
  if (testDouble) {
    // Checked as for a real run, so a bad compare input fails the demo as it would in CI.
    const compare = compareEndpointOf(inputs) !== undefined;
    return { testDouble, compare, notes: [TEST_DOUBLE_NOTE] };
  }
  const notes = env.LLMOPS_TEST_DOUBLE
    ? ['LLMOPS_TEST_DOUBLE was set and ignored: GitHub Actions runs always evaluate base-url']
    : [];
  return { ...endpointsOf(inputs), notes };
}

export interface EndpointOptions {
  /** Per attempt, including a stream that stalls. */
  timeoutMs: number;
  maxRetries: number;
  /** Requests in flight at once to one endpoint (base URL and key), whichever client sends them. */
  concurrency: number;
  /** Whether the target streams (for TTFT); judges never do. */
  stream: boolean;
  cache?: ResponseCache;
  /** Part of every cache key, besides what `GET /models` says of the weights. */
  cacheSalt?: string;
  /** Which endpoints to check with `GET /models` before the first request (none when nothing will be sent). */
  check: { target: boolean; judge: boolean };
  /** Models besides the judge's that evaluators ask for on the judge endpoint (gh-models' `llm.modelId`). */
  judgeModels?: readonly string[];
}

/** The clients of one run, sharing one limiter per endpoint. */
export interface Endpoints {
  target: LlmClient;
  /** The production endpoint of a comparison (its own limiter, unless it is the target's endpoint and key). */
  compare?: LlmClient;
  compareLabel?: string;
  /** The target itself when the judge is the same endpoint, model and key. */
  judge: LlmClient;
  /** The judge for a model an evaluator asks for, when the judge endpoint serves it. */
  judgeFor(model: string): LlmClient | undefined;
  /** Asked-for judge models the judge endpoint does not serve, or cannot list (`judgeListsModels` false). */
  unservedJudgeModels: string[];
  judgeListsModels: boolean;
  /** The model names for the report, marked when the test double answered. */
  targetLabel: string;
  judgeLabel: string;
  notes: string[];
  /** HTTP requests sent and cache hits, over every client. */
  stats(): { requests: number; cacheHits: number };
  /** Stops the test double, if one was started. */
  stop(): Promise<void>;
}

/**
 * Start the test double if the plan has one, check the endpoints (`GET /models`) and build the
 * clients. Clients of the same base URL and key share one limiter, so `concurrency` bounds the
 * requests in flight to that endpoint, however many models are asked there.
 */
export async function openEndpoints(
  plan: EndpointPlan,
  options: EndpointOptions,
  signal: AbortSignal,
  log: (line: string) => void,
): Promise<Endpoints> {
  const double = plan.testDouble ? await startTestDouble(plan.testDouble, log) : undefined;
  try {
    const { target, judge, compare } =
      plan.testDouble === undefined
        ? plan
        : endpointsOf(
            plan.compare ? { 'compare-base-url': double!.url, 'compare-model': double!.model } : {},
            double,
          );
    const label = (model: string) => (double ? `${model} (test double)` : model);
    const { evaluatorJudges, ...clients } = await buildClients({ target, judge, compare }, options, signal);
    return {
      ...clients,
      judgeFor: (model) => evaluatorJudges.get(model),
      targetLabel: label(target.model),
      judgeLabel: label(judge.model),
      ...(compare ? { compareLabel: label(compare.model) } : {}),
      notes: plan.notes,
      stats() {
        const all = new Set([clients.target, clients.judge, ...evaluatorJudges.values()]);
        if (clients.compare) all.add(clients.compare);
        let requests = 0;
        let cacheHits = 0;
        for (const client of all) {
          requests += client.stats.requests;
          cacheHits += client.stats.cacheHits;
        }
        return { requests, cacheHits };
      },
      stop: async () => double?.stop(),
    };
  } catch (error) {
    await double?.stop();
    throw error;
  }
}

async function buildClients(
  { target, judge, compare }: { target: Endpoint; judge: Endpoint; compare?: Endpoint },
  options: EndpointOptions,
  signal: AbortSignal,
) {
  const judgeDiffers = judge.baseURL !== target.baseURL || judge.model !== target.model;
  let targetCheck: EndpointCheck = {};
  let judgeCheck: EndpointCheck = {};
  let compareCheck: EndpointCheck = {};
  if (options.check.target) {
    targetCheck = await checkEndpoint(target, signal);
    if (compare) compareCheck = await checkEndpoint({ ...compare, what: 'compare-base-url' }, signal);
    judgeCheck = targetCheck;
    if (options.check.judge && judgeDiffers)
      judgeCheck = await checkEndpoint({ ...judge, what: 'judge-base-url' }, signal);
  }
  const limiters = new Map<string, AdaptiveLimiter>();
  const limiterOf = ({ baseURL, apiKey }: Endpoint) => {
    const key = JSON.stringify([normalizeBaseUrl(baseURL), apiKey ?? '']);
    let limiter = limiters.get(key);
    if (!limiter) limiters.set(key, (limiter = new AdaptiveLimiter(options.concurrency)));
    return limiter;
  };
  const client = (endpoint: Endpoint, check: EndpointCheck, stream: boolean) =>
    new LlmClient({
      ...endpoint,
      stream,
      timeoutMs: options.timeoutMs,
      maxRetries: options.maxRetries,
      concurrency: options.concurrency,
      limiter: limiterOf(endpoint),
      cache: options.cache,
      // The cache key holds endpoint and model; this adds what /models says of the weights, and the salt.
      cacheIdentity: JSON.stringify([check.identity ?? {}, options.cacheSalt ?? '']),
      signal,
      // A server may echo a key in an error body; neither key may reach a report.
      secrets: [target.apiKey, judge.apiKey, compare?.apiKey].filter((k): k is string => !!k),
    });
  const targetClient = client(target, targetCheck, options.stream);
  const sameJudge = !judgeDiffers && judge.apiKey === target.apiKey;
  const judgeClient = sameJudge ? targetClient : client(judge, judgeCheck, false);
  const evaluatorJudges = new Map<string, LlmClient>();
  const unservedJudgeModels: string[] = [];
  for (const model of new Set(options.judgeModels ?? [])) {
    if (model === judge.model) continue;
    if (judgeCheck.served?.includes(model))
      evaluatorJudges.set(model, client({ ...judge, model }, judgeCheck, false));
    else unservedJudgeModels.push(model);
  }
  return {
    target: targetClient,
    // Streams as the target does: TTFT is compared like for like.
    ...(compare ? { compare: client(compare, compareCheck, options.stream) } : {}),
    judge: judgeClient,
    evaluatorJudges,
    unservedJudgeModels,
    judgeListsModels: judgeCheck.served !== undefined,
  };
}
