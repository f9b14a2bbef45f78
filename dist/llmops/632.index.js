export const id = 632;
export const ids = [632];
export const modules = {

/***/ 4632:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  MEASUREMENT_COUNT: () => (/* reexport */ MEASUREMENT_COUNT),
  ManualClock: () => (/* reexport */ ManualClock),
  PRESETS: () => (/* reexport */ PRESETS),
  PRESET_NAMES: () => (/* reexport */ PRESET_NAMES),
  PromClient: () => (/* reexport */ PromClient),
  PromError: () => (/* reexport */ PromError),
  beyondTolerance: () => (/* reexport */ beyondTolerance),
  buildReport: () => (/* reexport */ buildReport),
  checkRunLength: () => (/* reexport */ checkRunLength),
  formatValue: () => (/* reexport */ formatValue),
  independentSamples: () => (/* reexport */ independentSamples),
  loadChecks: () => (/* reexport */ loadChecks),
  matchers: () => (/* reexport */ matchers),
  measureChecks: () => (/* reexport */ measureChecks),
  measurementInputs: () => (/* reexport */ measurementInputs),
  median: () => (/* reexport */ median),
  metricGateCommand: () => (/* reexport */ metricGateCommand),
  normalCdf: () => (/* reexport */ normalCdf),
  normalQuantile: () => (/* reexport */ normalQuantile),
  parseChecks: () => (/* reexport */ parseChecks),
  parseHeaders: () => (/* reexport */ parseHeaders),
  planMetricGate: () => (/* reexport */ planMetricGate),
  promConnection: () => (/* reexport */ promConnection),
  rankSum: () => (/* reexport */ rankSum),
  realClock: () => (/* reexport */ realClock),
  runLengthProblem: () => (/* reexport */ runLengthProblem),
  runMetricGate: () => (/* reexport */ runMetricGate),
  twoProportion: () => (/* reexport */ twoProportion)
});

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 15 modules
var schemas = __webpack_require__(9691);
// EXTERNAL MODULE: ./packages/core/src/index.ts + 13 modules
var src = __webpack_require__(2395);
;// CONCATENATED MODULE: ./packages/prom/src/presets.ts
/** `{a="b", extra}`: the user's selector (braces optional) joined with the preset's own matchers. */
function matchers(selector, ...extra) {
    const own = selector
        .trim()
        .replace(/^\{([\s\S]*)\}$/, '$1')
        .trim();
    return `{${[own, ...extra].filter(Boolean).join(',')}}`;
}
function quantile(q, metric) {
    return (selector, range) => `histogram_quantile(${q}, sum by (le) (rate(${metric}${matchers(selector)}[${range}])))`;
}
/** Either of two names for one histogram: the newer first, the older when the newer has no series. */
function quantileEither(q, newer, older) {
    return (selector, range) => `${quantile(q, newer)(selector, range)} or ${quantile(q, older)(selector, range)}`;
}
// vLLM metric names: docs.vllm.ai "Production Metrics" and docs/design/metrics.md. vLLM 0.11 renamed
// vllm:time_per_output_token_seconds to vllm:inter_token_latency_seconds (the old name was removed in
// 0.13). vllm:gpu_cache_usage_perc was deprecated for vllm:kv_cache_usage_perc by vLLM PR #18354
// (a separate change from the 0.11 rename), so the KV-cache preset reads either name.
const VLLM_TTFT = 'vllm:time_to_first_token_seconds_bucket';
const VLLM_E2E = 'vllm:e2e_request_latency_seconds_bucket';
const VLLM_ITL = 'vllm:inter_token_latency_seconds_bucket';
const VLLM_TPOT_OLD = 'vllm:time_per_output_token_seconds_bucket';
// vllm:request_success_total counts finished requests by finished_reason: stop and length are
// answers; abort (and error, where reported) are not.
const VLLM_FINISHED = 'vllm:request_success_total';
const VLLM_GOOD = 'finished_reason=~"stop|length"';
// TGI: huggingface.co/docs/text-generation-inference/reference/metrics (histograms in seconds).
// Istio standard metrics: istio_requests_total (response_code label), istio_request_duration_milliseconds.
// Both the client's and the server's sidecar report every request (label `reporter`): the presets
// count the server side (`reporter="destination"`) once, unless the selector names a reporter.
function istio(selector, ...extra) {
    const named = /(^|[{,\s])reporter\s*(=|!=|=~|!~)/.test(selector);
    return matchers(selector, ...(named ? [] : ['reporter="destination"']), ...extra);
}
const PRESETS = {
    'vllm-ttft-p50': {
        description: 'vLLM time to first token, p50 (s)',
        direction: 'increase',
        value: quantile(0.5, VLLM_TTFT),
    },
    'vllm-ttft-p95': {
        description: 'vLLM time to first token, p95 (s)',
        direction: 'increase',
        value: quantile(0.95, VLLM_TTFT),
    },
    'vllm-ttft-p99': {
        description: 'vLLM time to first token, p99 (s)',
        direction: 'increase',
        value: quantile(0.99, VLLM_TTFT),
    },
    'vllm-e2e-latency-p95': {
        description: 'vLLM end-to-end request latency, p95 (s)',
        direction: 'increase',
        value: quantile(0.95, VLLM_E2E),
    },
    'vllm-e2e-latency-p99': {
        description: 'vLLM end-to-end request latency, p99 (s)',
        direction: 'increase',
        value: quantile(0.99, VLLM_E2E),
    },
    'vllm-itl-p95': {
        description: 'vLLM inter-token latency, p95 (s); vllm:time_per_output_token_seconds before 0.11',
        direction: 'increase',
        value: quantileEither(0.95, VLLM_ITL, VLLM_TPOT_OLD),
    },
    'vllm-queue-depth': {
        description: 'vLLM requests waiting, summed over replicas, averaged over the window',
        direction: 'increase',
        value: (s, r) => `sum(avg_over_time(vllm:num_requests_waiting${matchers(s)}[${r}]))`,
    },
    'vllm-running-requests': {
        description: 'vLLM requests running, summed over replicas, averaged over the window',
        direction: 'either',
        value: (s, r) => `sum(avg_over_time(vllm:num_requests_running${matchers(s)}[${r}]))`,
    },
    'vllm-kv-cache-usage': {
        description: 'vLLM KV-cache usage (0–1), mean over replicas; vllm:gpu_cache_usage_perc before the rename',
        direction: 'increase',
        value: (s, r) => `avg(avg_over_time(vllm:kv_cache_usage_perc${matchers(s)}[${r}])) or avg(avg_over_time(vllm:gpu_cache_usage_perc${matchers(s)}[${r}]))`,
    },
    'vllm-generation-throughput': {
        description: 'vLLM generated tokens per second, summed over replicas',
        direction: 'decrease',
        value: (s, r) => `sum(rate(vllm:generation_tokens_total${matchers(s)}[${r}]))`,
    },
    'vllm-request-success-rate': {
        description: 'vLLM share of finished requests that stopped or hit max length (not aborted); the proportion test compares error rates',
        direction: 'decrease',
        value: (s, r) => `sum(rate(${VLLM_FINISHED}${matchers(s, VLLM_GOOD)}[${r}])) / sum(rate(${VLLM_FINISHED}${matchers(s)}[${r}]))`,
        counts: (s, r) => ({
            success: `sum(increase(${VLLM_FINISHED}${matchers(s, VLLM_GOOD)}[${r}]))`,
            total: `sum(increase(${VLLM_FINISHED}${matchers(s)}[${r}]))`,
        }),
    },
    'tgi-request-duration-p95': {
        description: 'TGI end-to-end request duration, p95 (s)',
        direction: 'increase',
        value: quantile(0.95, 'tgi_request_duration_bucket'),
    },
    'tgi-request-duration-p99': {
        description: 'TGI end-to-end request duration, p99 (s)',
        direction: 'increase',
        value: quantile(0.99, 'tgi_request_duration_bucket'),
    },
    'tgi-queue-time-p95': {
        description: 'TGI time requests spend queued, p95 (s)',
        direction: 'increase',
        value: quantile(0.95, 'tgi_request_queue_duration_bucket'),
    },
    'tgi-queue-time-p99': {
        description: 'TGI time requests spend queued, p99 (s)',
        direction: 'increase',
        value: quantile(0.99, 'tgi_request_queue_duration_bucket'),
    },
    'istio-5xx-rate': {
        description: 'Istio share of requests answered 5xx',
        direction: 'increase',
        // No 5xx series at all is a healthy service, not missing data: `or vector(0)`.
        value: (s, r) => `(sum(rate(istio_requests_total${istio(s, 'response_code=~"5.."')}[${r}])) or vector(0)) / sum(rate(istio_requests_total${istio(s)}[${r}]))`,
        counts: (s, r) => ({
            success: `sum(increase(istio_requests_total${istio(s, 'response_code!~"5.."')}[${r}]))`,
            total: `sum(increase(istio_requests_total${istio(s)}[${r}]))`,
        }),
    },
    'istio-request-duration-p99': {
        description: 'Istio request duration, p99 (ms)',
        direction: 'increase',
        value: (s, r) => `histogram_quantile(0.99, sum by (le) (rate(istio_request_duration_milliseconds_bucket${istio(s)}[${r}])))`,
    },
};
const PRESET_NAMES = Object.keys(PRESETS);

;// CONCATENATED MODULE: ./packages/prom/src/checks.ts




const TESTS = ['threshold', 'rank-sum', 'proportion'];
const NO_DATA = ['fail', 'inconclusive', 'pass'];
// The one duration reading (core's), as the inputs use it: at least 1 ms, at most what a timer holds.
const duration = schemas/* string */.YjP().superRefine((value, ctx) => {
    const problem = (0,src/* durationProblem */.YV)(value, { min: 1 });
    if (problem)
        ctx.addIssue({ code: 'custom', message: problem });
});
const checks_text = schemas/* string */.YjP().trim().min(1);
/** One entry of `checks`, as the user writes it (kebab-case keys, as in the action's inputs). */
const checkSchema = schemas/* object */.Ikc({
    name: checks_text,
    query: checks_text.optional(),
    preset: schemas/* enum */.k5n(PRESET_NAMES).optional(),
    selector: schemas/* string */.YjP().optional(),
    window: duration.optional(),
    step: duration.optional(),
    'rate-window': duration.optional(),
    min: schemas/* number */.aig().optional(),
    max: schemas/* number */.aig().optional(),
    'baseline-query': checks_text.optional(),
    'baseline-selector': schemas/* string */.YjP().optional(),
    'max-increase': schemas/* number */.aig().min(0).optional(),
    'max-decrease': schemas/* number */.aig().min(0).max(1).optional(),
    'success-query': checks_text.optional(),
    'total-query': checks_text.optional(),
    'baseline-success-query': checks_text.optional(),
    'baseline-total-query': checks_text.optional(),
    test: schemas/* enum */.k5n(TESTS).optional(),
    direction: schemas/* enum */.k5n(['increase', 'decrease', 'either']).optional(),
    tolerance: schemas/* number */.aig().min(0).optional(),
    confidence: schemas/* number */.aig().gt(0.5).lt(1).optional(),
    'min-samples': schemas/* number */.aig().int().min(1).optional(),
    'no-data': schemas/* enum */.k5n(NO_DATA).optional(),
})
    .strict();
const DEFAULTS = {
    window: '5m',
    /** rank-sum: also the default step, so the points do not overlap. */
    rankSumRateWindow: '1m',
    rankSumTolerance: 0.15,
    proportionTolerance: 0,
    confidence: 0.95,
    rankSumMinSamples: 10,
    proportionMinSamples: 100,
};
/**
 * How many of `points` consecutive range-query points of a rank-sum check are independent: one
 * per rate window when the step is shorter than it, each point otherwise.
 */
function independentSamples(check, points) {
    if (points <= 0 || !check.rateWindowMs || check.stepMs >= check.rateWindowMs)
        return Math.max(0, points);
    return Math.floor(((points - 1) * check.stepMs) / check.rateWindowMs) + 1;
}
/** Milliseconds as a Prometheus duration (`90s`, `1500ms`). */
function promDuration(ms) {
    return ms % 1000 === 0 ? `${ms / 1000}s` : `${Math.round(ms)}ms`;
}
function invalid(message, where, source) {
    return new src/* UserError */.yo(`checks: ${where}: ${message}`, source);
}
/** Keys that only make sense together (a bound with a baseline, a test with its settings). */
function checkCombination(spec, test, preset, hasBaseline, fail) {
    if (spec.query && spec.preset)
        throw fail("give 'query' or 'preset', not both");
    if (spec['baseline-selector'] !== undefined && !preset)
        throw fail("'baseline-selector' needs a 'preset'; use 'baseline-query' with 'query'");
    if (spec.selector !== undefined && !preset)
        throw fail("'selector' needs a 'preset'");
    const bounds = [spec.min, spec.max, spec['max-increase'], spec['max-decrease']].some((b) => b !== undefined);
    if (test !== 'threshold' && bounds)
        throw fail(`min, max, max-increase and max-decrease apply to test: threshold, not ${test}`);
    if (test === 'threshold' && !bounds)
        throw fail('a threshold check needs min, max, max-increase or max-decrease');
    if ((spec['max-increase'] !== undefined || spec['max-decrease'] !== undefined) && !hasBaseline) {
        throw fail("max-increase and max-decrease compare with a baseline: add 'baseline-query' or 'baseline-selector'");
    }
    if (test !== 'threshold' && !hasBaseline)
        throw fail(`test: ${test} compares canary with a baseline: add 'baseline-query' or 'baseline-selector'`);
    if (spec.tolerance !== undefined && test === 'threshold')
        throw fail("'tolerance' applies to rank-sum and proportion tests");
}
/** test: proportion: success and total counts for canary and baseline, from a preset or queries. */
function withCounts(check, spec, preset, fail) {
    if (spec.query || spec['baseline-query'])
        throw fail("test: proportion uses counts: 'success-query' and 'total-query' (and baseline-…), or a preset with counts");
    const range = promDuration(check.windowMs);
    if (preset) {
        if (!preset.counts) {
            const withCounts = PRESET_NAMES.filter((n) => PRESETS[n].counts).join(', ');
            throw fail(`preset '${spec.preset}' has no request counts for a proportion test; presets that do: ${withCounts}`);
        }
        check.counts = preset.counts(spec.selector ?? '', range);
        if (spec['baseline-selector'] !== undefined)
            check.baselineCounts = preset.counts(spec['baseline-selector'], range);
    }
    else {
        if (!spec['success-query'] || !spec['total-query'])
            throw fail("test: proportion needs 'success-query' and 'total-query' (or a preset)");
        check.counts = { success: spec['success-query'], total: spec['total-query'] };
    }
    if (spec['baseline-success-query'] || spec['baseline-total-query']) {
        if (!spec['baseline-success-query'] || !spec['baseline-total-query'])
            throw fail("give both 'baseline-success-query' and 'baseline-total-query'");
        check.baselineCounts = { success: spec['baseline-success-query'], total: spec['baseline-total-query'] };
    }
    if (!check.baselineCounts)
        throw fail("test: proportion needs 'baseline-selector' (with a preset) or 'baseline-success-query' and 'baseline-total-query'");
    return check;
}
/**
 * rank-sum samples the window every `step`, each point a rate over the (shorter) rate window.
 * The test takes its points as independent samples; points closer than the rate window overlap
 * (each is a rate over it), so the step defaults to the rate window and the window to one that
 * holds min-samples of them.
 */
function sampleEvery(check, spec) {
    const rateWindowMs = (0,src/* parseDuration */.E9)(spec['rate-window'] ?? DEFAULTS.rankSumRateWindow);
    check.rateWindowMs = rateWindowMs;
    check.stepMs = spec.step ? (0,src/* parseDuration */.E9)(spec.step) : rateWindowMs;
    if (!spec.window)
        check.windowMs = Math.max(check.windowMs, (check.minSamples - 1) * check.stepMs);
    const warnings = [];
    if (check.stepMs < rateWindowMs) {
        warnings.push(`step ${(0,src/* formatDuration */.a3)(check.stepMs)} is shorter than rate-window ${(0,src/* formatDuration */.a3)(rateWindowMs)}: neighbouring points share data, so the test uses only every ${Math.ceil(rateWindowMs / check.stepMs)}th point, one per rate window`);
    }
    const independent = independentSamples(check, Math.floor(check.windowMs / check.stepMs) + 1);
    if (independent < check.minSamples) {
        warnings.push(`window ${(0,src/* formatDuration */.a3)(check.windowMs)} holds about ${independent} independent samples, fewer than min-samples ${check.minSamples}: every measurement will be inconclusive; lengthen the window or shorten rate-window`);
    }
    if (warnings.length)
        check.warnings = warnings;
}
/** Resolve one user-written check into the queries and settings a measurement needs. */
function resolveCheck(written, source, defaults = {}) {
    const where = `check '${written.name}'`;
    const spec = { ...written };
    // A check that only bounds the canary (min or max) stays absolute: given a baseline it would
    // query the stable for nothing, and go unmeasured at 100% where the stable has no traffic.
    const compares = (spec.test ?? 'threshold') !== 'threshold' ||
        spec['max-increase'] !== undefined ||
        spec['max-decrease'] !== undefined;
    if (spec.preset) {
        spec.selector ??= defaults.selector;
        if (compares && spec['baseline-query'] === undefined)
            spec['baseline-selector'] ??= defaults.baselineSelector;
    }
    const fail = (message) => invalid(message, where, source);
    const test = spec.test ?? 'threshold';
    const preset = spec.preset ? PRESETS[spec.preset] : undefined;
    const windowMs = (0,src/* parseDuration */.E9)(spec.window ?? DEFAULTS.window);
    const hasBaseline = spec['baseline-query'] !== undefined ||
        spec['baseline-selector'] !== undefined ||
        spec['baseline-success-query'] !== undefined;
    checkCombination(spec, test, !!preset, hasBaseline, fail);
    const check = {
        name: spec.name,
        test,
        preset: spec.preset,
        windowMs,
        stepMs: 0,
        min: spec.min,
        max: spec.max,
        maxIncrease: spec['max-increase'],
        maxDecrease: spec['max-decrease'],
        direction: spec.direction ?? (test === 'proportion' ? 'increase' : (preset?.direction ?? 'increase')),
        tolerance: spec.tolerance ?? (test === 'proportion' ? DEFAULTS.proportionTolerance : DEFAULTS.rankSumTolerance),
        confidence: spec.confidence ?? DEFAULTS.confidence,
        minSamples: spec['min-samples'] ??
            (test === 'proportion'
                ? DEFAULTS.proportionMinSamples
                : test === 'rank-sum'
                    ? DEFAULTS.rankSumMinSamples
                    : 1),
        noData: spec['no-data'],
        source,
    };
    if (check.min !== undefined && check.max !== undefined && check.min > check.max)
        throw fail(`min ${check.min} is above max ${check.max}`);
    if (test === 'proportion')
        return withCounts(check, spec, preset, fail);
    for (const key of [
        'success-query',
        'total-query',
        'baseline-success-query',
        'baseline-total-query',
    ]) {
        if (spec[key] !== undefined)
            throw fail(`'${key}' applies to test: proportion`);
    }
    if (!spec.query && !preset)
        throw fail("needs 'query' (PromQL) or 'preset'");
    // A threshold check rates over the whole window; a rank-sum check samples it every `step`.
    if (test === 'rank-sum')
        sampleEvery(check, spec);
    else if (spec.step || spec['rate-window'])
        throw fail("'step' and 'rate-window' apply to test: rank-sum");
    const range = test === 'rank-sum' ? (spec['rate-window'] ?? DEFAULTS.rankSumRateWindow) : promDuration(windowMs);
    if (preset) {
        check.query = preset.value(spec.selector ?? '', range);
        if (spec['baseline-selector'] !== undefined)
            check.baselineQuery = preset.value(spec['baseline-selector'], range);
    }
    else {
        check.query = spec.query;
    }
    if (spec['baseline-query']) {
        if (check.baselineQuery)
            throw fail("give 'baseline-query' or 'baseline-selector', not both");
        check.baselineQuery = spec['baseline-query'];
    }
    return check;
}
function describeIssue(issue) {
    const key = issue.path.join('.');
    if (issue.code === 'unrecognized_keys')
        return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `'${k}'`).join(', ')}`;
    if (issue.code === 'invalid_value' && 'values' in issue)
        return `'${key}' must be one of ${issue.values.join(', ')}`;
    return key ? `'${key}': ${issue.message}` : issue.message;
}
/** Parse and resolve a YAML list of checks. `file` (workspace-relative) is only for messages. */
function parseChecks(yamlText, file, defaults) {
    const { doc, lines, problems, value: all } = (0,src/* loadYaml */.yv)(yamlText);
    const error = problems.find((p) => p.level === 'error');
    if (error) {
        throw new src/* UserError */.yo(`checks: ${error.message}${file ? '' : ` (line ${error.line}, column ${error.column})`}`, file ? { file, line: error.line, column: error.column } : undefined);
    }
    if (!(0,dist/* isSeq */.oP)(doc.contents))
        throw new src/* UserError */.yo('checks: expected a YAML list of checks', file ? { file, line: 1 } : undefined);
    const items = doc.contents.items;
    if (items.length === 0)
        throw new src/* UserError */.yo('checks: the list is empty', file ? { file, line: 1 } : undefined);
    const seen = new Set();
    return items.map((node, index) => {
        const offset = node.range?.[0];
        const source = file && offset !== undefined ? { file, line: lines.linePos(offset).line } : undefined;
        const value = all[index];
        const parsed = checkSchema.safeParse(value);
        const label = value && typeof value === 'object' && 'name' in value
            ? `check '${String(value.name)}'`
            : `checks[${index}]`;
        if (!parsed.success)
            throw invalid(describeIssue(parsed.error.issues[0]), label, source);
        if (seen.has(parsed.data.name))
            throw invalid('duplicate name: each check needs its own', label, source);
        seen.add(parsed.data.name);
        return resolveCheck(parsed.data, source, defaults);
    });
}
/**
 * The `checks` input: an inline YAML list, or the path of a YAML file inside the workspace.
 */
function loadChecks(value, workspace, defaults) {
    const trimmed = value.trim();
    if ((0,src/* isInlineYaml */.xZ)(trimmed))
        return parseChecks(trimmed, undefined, defaults);
    const { text, relative } = (0,src/* readWorkspaceFile */.sL)(workspace, trimmed, { input: 'checks' });
    return parseChecks(text, relative, defaults);
}

;// CONCATENATED MODULE: ./packages/prom/src/client.ts

/** A failed request: unreachable server, HTTP error, or a query Prometheus rejected (with its message). */
class PromError extends Error {
    kind;
    retriable;
    status;
    constructor(message, kind, 
    /** Worth another try: the server may come back (network, 5xx, 429); a bad query will not. */
    retriable, status) {
        super(message);
        this.kind = kind;
        this.retriable = retriable;
        this.status = status;
        this.name = 'PromError';
    }
}
/** Prometheus encodes sample values as strings, with NaN and ±Inf spelled out. */
function parseSampleValue(text) {
    if (text === '+Inf' || text === 'Inf')
        return Infinity;
    if (text === '-Inf')
        return -Infinity;
    if (text === 'NaN')
        return NaN;
    const value = Number(text);
    return typeof text === 'string' && text !== '' ? value : NaN;
}
/** The URL with credentials and key-like query values left out: how it appears in logs and reports. */
function displayUrl(url) {
    return (0,src/* redactUrl */.BO)(url).replace(/\/$/, '');
}
/**
 * Where requests go, as logs and reports show it: basic-auth credentials are sent as a header, so
 * the URL loses them; key-like query values are masked.
 */
function requestUrl(url) {
    try {
        const parsed = new URL(url);
        parsed.username = '';
        parsed.password = '';
        return (0,src/* redactUrl */.BO)(parsed.toString()).replace(/\/+$/, '');
    }
    catch {
        return displayUrl(url);
    }
}
class PromClient {
    /** Without credentials; a query string (`?orgId=1` for a proxy) is kept on every request. */
    base;
    headers;
    timeoutMs;
    fetch;
    /** Where requests go, without credentials. */
    displayUrl;
    constructor(options) {
        // The input schema checked it (input.requiredUrl); a caller from code gets the same masking.
        (0,src/* registerUrlSecrets */.AI)(options.url);
        let url;
        try {
            url = new URL(options.url);
        }
        catch {
            throw new src/* UserError */.yo(`input 'prometheus-url': '${displayUrl(options.url)}' is not a URL`);
        }
        if (url.protocol !== 'http:' && url.protocol !== 'https:') {
            throw new src/* UserError */.yo(`input 'prometheus-url': expected an http:// or https:// URL, got ${url.protocol}`);
        }
        const headers = { accept: 'application/json' };
        if (url.username || url.password) {
            const user = decodeURIComponent(url.username);
            const password = decodeURIComponent(url.password);
            const basic = Buffer.from(`${user}:${password}`).toString('base64');
            headers.authorization = `Basic ${basic}`;
            url.username = '';
            url.password = '';
        }
        if (options.token) {
            (0,src/* registerSecret */.cl)(options.token);
            headers.authorization = `Bearer ${options.token}`;
        }
        for (const [name, value] of Object.entries(options.headers ?? {})) {
            (0,src/* registerSecret */.cl)(value);
            for (const existing of Object.keys(headers))
                if (existing.toLowerCase() === name.toLowerCase())
                    delete headers[existing];
            headers[name] = value;
        }
        this.base = url;
        this.displayUrl = requestUrl(url.toString());
        this.headers = headers;
        this.timeoutMs = options.timeoutMs ?? 30_000;
        this.fetch = options.fetch ?? fetch;
    }
    async query(promql, time, signal) {
        const data = await this.call('query', { query: promql, time: (time / 1000).toFixed(3) }, signal);
        const result = data.result;
        switch (data.resultType) {
            case 'vector':
                return result.map((s) => ({
                    labels: s.metric ?? {},
                    value: parseSampleValue(s.value?.[1]),
                }));
            case 'scalar':
                return [{ labels: {}, value: parseSampleValue(result[1]) }];
            default:
                throw new PromError(`query returned a ${data.resultType ?? 'missing'} result; metric-gate needs an instant vector or a scalar`, 'query', false);
        }
    }
    async queryRange(promql, range, signal) {
        const data = await this.call('query_range', {
            query: promql,
            start: (range.start / 1000).toFixed(3),
            end: (range.end / 1000).toFixed(3),
            step: `${Math.max(1, Math.round(range.stepMs)) / 1000}`,
        }, signal);
        if (data.resultType !== 'matrix') {
            throw new PromError(`range query returned a ${data.resultType ?? 'missing'} result, not a matrix`, 'query', false);
        }
        return data.result.map((s) => ({
            labels: s.metric ?? {},
            values: (s.values ?? []).map(([t, v]) => [Number(t), parseSampleValue(v)]),
        }));
    }
    async call(endpoint, params, signal) {
        const target = new URL(this.base);
        target.pathname = `${target.pathname.replace(/\/+$/, '')}/api/v1/${endpoint}`;
        const url = target.toString();
        const timeout = AbortSignal.timeout(this.timeoutMs);
        let response;
        try {
            // POST keeps long PromQL out of URLs and proxy logs; Prometheus accepts form-encoded queries.
            response = await this.fetch(url, {
                method: 'POST',
                headers: { ...this.headers, 'content-type': 'application/x-www-form-urlencoded' },
                body: new URLSearchParams(params).toString(),
                signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
            });
        }
        catch (error) {
            if (signal?.aborted)
                throw signal.reason;
            if (timeout.aborted)
                throw new PromError(`Prometheus at ${this.displayUrl} did not answer within ${this.timeoutMs} ms`, 'timeout', true);
            const cause = error.cause;
            const why = cause?.code ?? cause?.message ?? error.message;
            throw new PromError(`cannot reach Prometheus at ${this.displayUrl}: ${why}`, 'unreachable', true);
        }
        let text;
        try {
            text = await response.text();
        }
        catch (error) {
            // The answer's headers came, its body did not: cancelled, too slow, or the connection broke.
            if (signal?.aborted)
                throw signal.reason;
            if (timeout.aborted)
                throw new PromError(`Prometheus at ${this.displayUrl} did not finish answering within ${this.timeoutMs} ms`, 'timeout', true);
            const cause = error.cause;
            throw new PromError(`the connection to Prometheus at ${this.displayUrl} broke while reading its answer: ${cause?.code ?? error.message}`, 'unreachable', true);
        }
        let body;
        try {
            body = JSON.parse(text);
        }
        catch {
            body = undefined;
        }
        const retriable = response.status >= 500 || response.status === 429;
        if (body?.status === 'error') {
            throw new PromError(`Prometheus ${response.status} ${body.errorType ?? 'error'}: ${body.error ?? '(no message)'}`, response.ok
                ? 'query'
                : body.errorType === 'bad_data' || body.errorType === 'execution'
                    ? 'query'
                    : 'http', retriable, response.status);
        }
        if (!response.ok) {
            const snippet = text.replace(/\s+/g, ' ').trim().slice(0, 200);
            const hint = response.status === 401 || response.status === 403
                ? ' (check prometheus-token, the URL credentials or prometheus-headers)'
                : '';
            throw new PromError(`HTTP ${response.status} from ${url}${hint}${snippet ? `: ${snippet}` : ''}`, 'http', retriable, response.status);
        }
        if (!body || body.status !== 'success' || !body.data) {
            throw new PromError(`unexpected answer from ${url}: not a Prometheus API response`, 'http', false, response.status);
        }
        return body.data;
    }
}

;// CONCATENATED MODULE: ./packages/prom/src/clock.ts

const realClock = {
    now: () => Date.now(),
    // Past 2^31-1 ms a bare setTimeout fires at once; core's sleep waits it out in pieces.
    sleep: (ms, signal) => (0,src/* sleep */.yy)(ms, signal),
};
/** A clock that jumps forward on every sleep instead of waiting: for tests and simulations. */
class ManualClock {
    time;
    sleeps = [];
    constructor(time = Date.UTC(2026, 0, 1)) {
        this.time = time;
    }
    now() {
        return this.time;
    }
    async sleep(ms, signal) {
        if (signal?.aborted)
            throw signal.reason;
        this.sleeps.push(ms);
        this.time += ms;
    }
}

;// CONCATENATED MODULE: ./packages/prom/src/headers.ts

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const HEADER_LINE = /^\s*([!#$%&'*+.^_`|~0-9A-Za-z-]+)\s*:(.*)$/;
/** `"v"` or `'v'` as YAML would read a quoted scalar on one line; anything else as written. */
function unquote(value) {
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
        try {
            return JSON.parse(value);
        }
        catch {
            return value;
        }
    }
    if (value.length >= 2 && value.startsWith("'") && value.endsWith("'"))
        return value.slice(1, -1).replace(/''/g, "'");
    return value;
}
/**
 * Extra request headers, from `prometheus-headers`: `Name: value` lines, or a YAML mapping.
 * Lines are read first and taken as written, because YAML would rewrite header values: `007`
 * becomes 7, `1e3` 1000, and `abc #def` loses its `#def` as a comment. Other YAML (a flow
 * mapping) is read with the failsafe schema, where every value stays a string.
 */
function parseHeaders(text) {
    if (!text?.trim())
        return {};
    const lines = text.split(/\r?\n/).filter((line) => line.trim() && !line.trim().startsWith('#'));
    const entries = [];
    if (lines.every((line) => HEADER_LINE.test(line))) {
        for (const line of lines) {
            const [, name, value] = HEADER_LINE.exec(line);
            entries.push([name, unquote(value.trim())]);
        }
    }
    else {
        const parsed = (0,src/* loadYaml */.yv)(text, { schema: 'failsafe' }).value;
        if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
            throw new src/* InputError */.dz(`input 'prometheus-headers': expected 'Name: value' lines or a YAML mapping, got a line without a name`);
        for (const [name, value] of Object.entries(parsed)) {
            if (value === null || typeof value === 'object')
                throw new src/* InputError */.dz(`input 'prometheus-headers': header '${name}' needs a text value`);
            entries.push([name, String(value)]);
        }
    }
    const headers = {};
    for (const [name, value] of entries) {
        if (!HEADER_NAME.test(name))
            throw new src/* InputError */.dz(`input 'prometheus-headers': '${name}' is not a valid header name`);
        if (/[\r\n]/.test(value))
            throw new src/* InputError */.dz(`input 'prometheus-headers': header '${name}' has a line break in its value`);
        headers[name] = value;
    }
    return headers;
}

;// CONCATENATED MODULE: ./packages/prom/src/action/inputs.ts




/** Measurements per check: the `count` input, and an analysis step's own `count`. */
const MEASUREMENT_COUNT = { min: 1, max: 10_000 };
/** How often checks are measured and how many bad measurements a run tolerates (canary-step takes them too). */
const measurementInputs = {
    interval: src/* input */.hF.duration(),
    count: src/* input */.hF.integer(MEASUREMENT_COUNT),
    'failure-limit': src/* input */.hF.integer({ min: 0 }),
    'inconclusive-limit': src/* input */.hF.integer({ min: 0 }),
    'error-limit': src/* input */.hF.integer({ min: 0 }),
    'no-data': src/* input */.hF.choice(NO_DATA),
};
/**
 * `count` measurements `interval` apart must fit in what a timer holds, as each interval does: a
 * run of weeks is a mistake, not a gate. Added to every schema that spreads `measurementInputs`.
 */
function checkRunLength(inputs, ctx) {
    const problem = runLengthProblem(inputs.count, inputs.interval);
    if (problem)
        ctx.addIssue({ code: 'custom', path: ['count'], message: problem });
}
/** The one line on a run of `count` measurements `intervalMs` apart that is too long; undefined if fine. */
function runLengthProblem(count, intervalMs) {
    return (0,src/* totalDurationProblem */.IR)((count - 1) * intervalMs, `${count} measurements ${(0,src/* formatDuration */.a3)(intervalMs)} apart (interval)`);
}
const metricGateInputs = schemas/* object */.Ikc({
    'prometheus-url': src/* input */.hF.requiredUrl(),
    'prometheus-token': src/* input */.hF.optional(),
    'prometheus-headers': src/* input */.hF.optional(),
    checks: src/* input */.hF.text(),
    ...measurementInputs,
    ...src/* reportingInputs */.OS,
})
    .superRefine(checkRunLength);
/**
 * How to reach Prometheus, from the three inputs metric-gate and canary-step share (token, extra
 * headers, basic auth in the URL): checked here, with no request; the client masks every credential.
 */
function promConnection(inputs) {
    return {
        url: inputs['prometheus-url'],
        token: inputs['prometheus-token'],
        headers: parseHeaders(inputs['prometheus-headers']),
    };
}

;// CONCATENATED MODULE: ./packages/prom/src/action/plan.ts




/** The checks (inline or a workspace file) and the connection settings; a bad one fails here. */
function planMetricGate(inputs, context) {
    const checks = loadChecks(inputs.checks, context.workspace);
    const prometheus = promConnection(inputs);
    const plan = {
        checks,
        prometheus,
        prometheusUrl: requestUrl(prometheus.url),
        count: inputs.count,
        intervalMs: inputs.interval,
        noData: inputs['no-data'],
        limits: {
            failureLimit: inputs['failure-limit'],
            inconclusiveLimit: inputs['inconclusive-limit'],
            errorLimit: inputs['error-limit'],
        },
    };
    context.log(`metric-gate: ${checks.length} check(s) against ${plan.prometheusUrl}, ${plan.count} measurement(s) ${(0,src/* formatDuration */.a3)(plan.intervalMs)} apart`);
    for (const check of checks) {
        const queries = check.test === 'proportion' ? [check.counts.success, check.counts.total] : [check.query];
        context.log(`  ${check.name} (${check.test}): ${queries.join(' | ')}`);
        for (const warning of check.warnings ?? [])
            context.log(`  warning: ${check.name}: ${warning}`);
    }
    return plan;
}

;// CONCATENATED MODULE: ./packages/prom/src/format.ts
/** A measured value for people: 4 significant digits, small values in exponent form, '' when absent. */
function formatValue(value) {
    if (value === undefined)
        return '';
    // As Prometheus spells them.
    if (!Number.isFinite(value))
        return Number.isNaN(value) ? 'NaN' : value > 0 ? '+Inf' : '-Inf';
    if (value !== 0 && Math.abs(value) < 1e-3)
        return value.toExponential(2);
    return String(+value.toPrecision(4));
}

;// CONCATENATED MODULE: ./packages/prom/src/stats/describe.ts
/** Median of a sample (mean of the middle two when even); NaN for an empty sample. */
function median(values) {
    if (values.length === 0)
        return NaN;
    const sorted = [...values].sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

;// CONCATENATED MODULE: ./packages/prom/src/stats/judge.ts
/**
 * Whether a shift (canary − baseline) is a regression: its confidence interval excludes zero on
 * a side that matters (the change is real) and its estimate lies outside the tolerance band
 * [−band, +band] (the change is big enough to matter), as automated canary analysis classifies a
 * metric "high" or "low". A shift inside the band, or one the data cannot tell from noise,
 * is not a failure.
 */
function beyondTolerance(estimate, interval, band, direction) {
    // NaN compares false both ways and would read as "no regression": refuse it instead.
    if ([estimate, ...interval, band].some(Number.isNaN))
        throw new RangeError('beyondTolerance: the estimate, interval and band must be numbers, got NaN');
    const [low, high] = interval;
    if (direction !== 'decrease' && low > 0 && estimate > band)
        return 'increase';
    if (direction !== 'increase' && high < 0 && estimate < -band)
        return 'decrease';
    return undefined;
}

;// CONCATENATED MODULE: ./packages/prom/src/stats/normal.ts
/**
 * The standard normal distribution, for the large-sample approximations of the rank-sum and
 * two-proportion tests.
 */
/** erfc(x), by the Chebyshev fit of Numerical Recipes §6.2 (fractional error below 1.2e-7 everywhere). */
function erfc(x) {
    const z = Math.abs(x);
    const t = 1 / (1 + 0.5 * z);
    const poly = -z * z -
        1.26551223 +
        t *
            (1.00002368 +
                t *
                    (0.37409196 +
                        t *
                            (0.09678418 +
                                t *
                                    (-0.18628806 +
                                        t *
                                            (0.27886807 +
                                                t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
    const r = t * Math.exp(poly);
    return x >= 0 ? r : 2 - r;
}
/** P(Z <= z). */
function normalCdf(z) {
    return 0.5 * erfc(-z / Math.SQRT2);
}
/** Two-sided p-value of a standard normal statistic. */
function twoSidedP(z) {
    return Math.min(1, erfc(Math.abs(z) / Math.SQRT2));
}
// Acklam's rational approximation of the normal quantile (relative error below 1.2e-9).
const A = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239,
];
const B = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
const C = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
];
const D = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
/** z such that P(Z <= z) = p, for 0 < p < 1. */
function normalQuantile(p) {
    if (!(p > 0 && p < 1))
        throw new RangeError(`normalQuantile: p must be in (0, 1), got ${p}`);
    const [a0, a1, a2, a3, a4, a5] = A;
    const [b0, b1, b2, b3, b4] = B;
    const [c0, c1, c2, c3, c4, c5] = C;
    const [d0, d1, d2, d3] = D;
    const low = 0.02425;
    if (p < low) {
        const q = Math.sqrt(-2 * Math.log(p));
        return ((((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) /
            ((((d0 * q + d1) * q + d2) * q + d3) * q + 1));
    }
    if (p > 1 - low)
        return -normalQuantile(1 - p);
    const q = p - 0.5;
    const r = q * q;
    return (((((((a0 * r + a1) * r + a2) * r + a3) * r + a4) * r + a5) * q) /
        (((((b0 * r + b1) * r + b2) * r + b3) * r + b4) * r + 1));
}

;// CONCATENATED MODULE: ./packages/prom/src/stats/proportion.ts


/**
 * Two-proportion test of the canary's event rate against the baseline's. Error rates from
 * sparse counters: a rank-sum test on mostly-zero samples is all ties and sees nothing, while a
 * test on the counts themselves does. Newcombe's interval stays sensible at 0 events, where
 * the Wald interval collapses to a point.
 */
function twoProportion(canary, baseline, confidence = 0.95) {
    for (const { events, total } of [canary, baseline]) {
        if (!Number.isInteger(total) || total <= 0)
            throw new RangeError(`twoProportion: totals must be positive whole numbers, got ${total}`);
        if (!Number.isInteger(events) || events < 0 || events > total)
            throw new RangeError(`twoProportion: events must be whole numbers from 0 to the total, got ${events}`);
    }
    const p1 = canary.events / canary.total;
    const p2 = baseline.events / baseline.total;
    const pooled = (canary.events + baseline.events) / (canary.total + baseline.total);
    const se = Math.sqrt(pooled * (1 - pooled) * (1 / canary.total + 1 / baseline.total));
    const z = se > 0 ? (p1 - p2) / se : 0;
    const p = se > 0 ? twoSidedP(z) : 1;
    const zq = normalQuantile(1 - (1 - confidence) / 2);
    const { low: l1, high: u1 } = (0,src/* wilson */.rF)(canary.events, canary.total, zq);
    const { low: l2, high: u2 } = (0,src/* wilson */.rF)(baseline.events, baseline.total, zq);
    const d = p1 - p2;
    const interval = [
        d - Math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2),
        d + Math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2),
    ];
    return { canary: p1, baseline: p2, difference: d, z, p, interval, confidence };
}

;// CONCATENATED MODULE: ./packages/prom/src/stats/rank-sum.ts


/** Average ranks (1-based) of the pooled sample, plus Σ(t³ − t) over groups of ties. */
function rank(values) {
    const order = values.map((value, index) => ({ value, index })).sort((a, b) => a.value - b.value);
    const ranks = new Array(values.length);
    let tieTerm = 0;
    for (let i = 0; i < order.length;) {
        let j = i;
        while (j + 1 < order.length && order[j + 1].value === order[i].value)
            j++;
        const average = (i + j + 2) / 2;
        for (let k = i; k <= j; k++)
            ranks[order[k].index] = average;
        const t = j - i + 1;
        tieTerm += t * t * t - t;
        i = j + 1;
    }
    return { ranks, tieTerm };
}
/**
 * Wilcoxon rank-sum test of `canary` against `baseline`. NaN samples are dropped first; each
 * sample needs at least one value, and ±Inf is refused (RangeError). The interval is the distribution-free one (Hollander & Wolfe,
 * "Nonparametric Statistical Methods", §4.3): the k-th smallest and k-th largest of the n·m
 * pairwise differences, k from the normal approximation with the tie-corrected variance.
 */
function rankSum(canary, baseline, confidence = 0.95) {
    const x = canary.filter((v) => !Number.isNaN(v));
    const y = baseline.filter((v) => !Number.isNaN(v));
    const n = x.length;
    const m = y.length;
    if (n === 0 || m === 0)
        throw new RangeError('rankSum: both samples need at least one value');
    // ±Inf ranks, but its differences (Inf − Inf = NaN) make the shift and interval meaningless.
    if (![...x, ...y].every(Number.isFinite))
        throw new RangeError('rankSum: samples must be finite (±Inf cannot be compared)');
    const total = n + m;
    const { ranks, tieTerm } = rank([...x, ...y]);
    let canaryRanks = 0;
    for (let i = 0; i < n; i++)
        canaryRanks += ranks[i];
    const w = canaryRanks - (n * (n + 1)) / 2;
    const variance = ((n * m) / 12) * (total + 1 - (total > 1 ? tieTerm / (total * (total - 1)) : 0));
    const sigma = Math.sqrt(Math.max(0, variance));
    const z = sigma > 0 ? (w - (n * m) / 2) / sigma : 0;
    const p = sigma > 0 ? twoSidedP(z) : 1;
    const differences = [];
    for (const a of x)
        for (const b of y)
            differences.push(a - b);
    differences.sort((a, b) => a - b);
    const count = differences.length;
    const shift = median(differences);
    const zq = normalQuantile(1 - (1 - confidence) / 2);
    // The ends are the k-th smallest and k-th largest differences: k − 1 are cut from each end
    // (k ≥ 1, so at worst the extremes are the interval).
    const k = Math.min(Math.max(Math.floor((n * m) / 2 - zq * sigma), 1), Math.ceil(count / 2));
    const interval = [differences[k - 1], differences[count - k]];
    return { n, m, w, z, p, shift, interval, confidence };
}

;// CONCATENATED MODULE: ./packages/prom/src/measure.ts






class NoData extends Error {
}
const fmt = (value) => formatValue(value) || '—';
/** A value, and how many requests it took (retries included). */
async function withRetries(options, attempt, tally) {
    const retries = options.retries ?? 2;
    for (let tryNo = 0;; tryNo++) {
        tally.attempts++;
        try {
            return await attempt();
        }
        catch (error) {
            if (!(error instanceof PromError) || !error.retriable || options.signal?.aborted)
                throw error;
            if (tryNo >= retries) {
                const tries = tryNo > 0 ? ` (after ${tryNo + 1} attempts)` : '';
                throw new PromError(`${error.message}${tries}`, error.kind, error.retriable, error.status);
            }
            await options.clock.sleep((options.retryDelayMs ?? 1000) * (tryNo + 1), options.signal);
        }
    }
}
/** The single value of an instant query, NaN and ±Inf included; undefined when it has no series. */
function single(samples, what) {
    if (samples.length > 1) {
        throw new PromError(`${what} returned ${samples.length} series; aggregate it to one (sum, avg, max …)`, 'query', false);
    }
    return samples[0]?.value;
}
/** NaN counts as no data (the `no-data` policy says what it is), as an absent series does. */
const absent = (value) => value === undefined || Number.isNaN(value);
const infinite = (value) => value === Infinity || value === -Infinity;
/**
 * A bound held against a value that may come from an infinity (histogram_quantile's +Inf bucket, a
 * division by zero in PromQL): no real latency or rate is infinite, so an infinity that keeps a
 * bound proves nothing (unknown), while one that breaks it (+Inf above a max) breaks it whatever
 * the true value is.
 */
function judge(holds, fromInfinity) {
    if (!holds)
        return 'broken';
    return fromInfinity ? 'unknown' : 'kept';
}
function thresholdBound(check) {
    const parts = [];
    if (check.min !== undefined)
        parts.push(`>= ${fmt(check.min)}`);
    if (check.max !== undefined)
        parts.push(`<= ${fmt(check.max)}`);
    if (check.maxIncrease !== undefined)
        parts.push(`ratio <= ${fmt(1 + check.maxIncrease)}`);
    if (check.maxDecrease !== undefined)
        parts.push(`ratio >= ${fmt(1 - check.maxDecrease)}`);
    return parts.join(', ');
}
function testBound(check) {
    const band = check.test === 'rank-sum'
        ? `${fmt(check.tolerance * 100)}% of baseline median`
        : `${fmt(check.tolerance)} error rate`;
    return `${check.test} ${check.direction}, ${check.confidence * 100}% CI, tolerance ${band}`;
}
function describeBound(check) {
    return check.test === 'threshold' ? thresholdBound(check) : testBound(check);
}
async function measureThreshold(check, options, time, tally) {
    const ask = (q, what) => withRetries(options, () => options.prom.query(q, time, options.signal), tally).then((s) => single(s, what));
    const [canary, baseline] = await Promise.all([
        ask(check.query, 'the query'),
        check.baselineQuery ? ask(check.baselineQuery, 'the baseline query') : Promise.resolve(undefined),
    ]);
    if (absent(canary))
        throw new NoData('no data: the query returned no series or NaN');
    if (check.baselineQuery && absent(baseline))
        throw new NoData('no data: the baseline query returned no series or NaN');
    // An infinite baseline leaves no ratio to judge; an infinite canary gives an infinite one.
    const ratio = baseline === undefined || infinite(baseline)
        ? undefined
        : baseline === 0
            ? canary === 0
                ? 1
                : Infinity * Math.sign(canary)
            : canary / baseline;
    const broken = [];
    const unknown = [];
    const hold = (holds, fromInfinity, text) => {
        const verdict = judge(holds, fromInfinity);
        if (verdict === 'broken')
            broken.push(text);
        if (verdict === 'unknown')
            unknown.push(text);
    };
    const canaryInf = infinite(canary);
    if (check.min !== undefined)
        hold(canary >= check.min, canaryInf, `${fmt(canary)} ${canary >= check.min ? '>=' : '<'} min ${fmt(check.min)}`);
    if (check.max !== undefined)
        hold(canary <= check.max, canaryInf, `${fmt(canary)} ${canary <= check.max ? '<=' : '>'} max ${fmt(check.max)}`);
    const relative = check.maxIncrease !== undefined || check.maxDecrease !== undefined;
    if (relative && ratio === undefined) {
        unknown.push(`baseline ${fmt(baseline)}: no ratio to judge`);
    }
    else if (ratio !== undefined) {
        if (check.maxIncrease !== undefined) {
            const holds = ratio <= 1 + check.maxIncrease;
            hold(holds, canaryInf, `ratio ${fmt(ratio)} ${holds ? '<=' : '>'} ${fmt(1 + check.maxIncrease)} (baseline ${fmt(baseline)})`);
        }
        if (check.maxDecrease !== undefined) {
            const holds = ratio >= 1 - check.maxDecrease;
            hold(holds, canaryInf, `ratio ${fmt(ratio)} ${holds ? '>=' : '<'} ${fmt(1 - check.maxDecrease)} (baseline ${fmt(baseline)})`);
        }
    }
    const message = broken.length
        ? broken.join('; ')
        : unknown.length
            ? `cannot judge an infinite value: ${unknown.join('; ')}`
            : `${fmt(canary)} within bounds`;
    return {
        outcome: broken.length ? 'failure' : unknown.length ? 'inconclusive' : 'success',
        message,
        canary,
        baseline,
        ratio,
    };
}
/**
 * What a comparison reading always shows (the two values, their ratio, the sample sizes), and the
 * inconclusive reading to return instead when either side has fewer than min-samples `counted`.
 */
function baseReading(check, values, counted, unit) {
    const { canary, baseline } = values;
    const base = {
        outcome: 'inconclusive',
        message: '',
        canary,
        baseline,
        ratio: canary !== undefined && baseline ? canary / baseline : undefined,
        samples: values.samples,
    };
    if (counted[0] >= check.minSamples && counted[1] >= check.minSamples)
        return { base };
    return {
        base,
        tooFew: {
            ...base,
            message: `too few ${unit}: ${counted[0]} canary, ${counted[1]} baseline (min-samples ${check.minSamples})`,
        },
    };
}
async function measureRankSum(check, options, time, tally) {
    const range = { start: time - check.windowMs, end: time, stepMs: check.stepMs };
    // Points closer than the rate window are rates over overlapping ranges: keep one per rate
    // window (counting back from the newest), so the test sees independent samples.
    const every = check.rateWindowMs && check.stepMs < check.rateWindowMs
        ? Math.ceil(check.rateWindowMs / check.stepMs)
        : 1;
    const ask = (q) => withRetries(options, () => options.prom.queryRange(q, range, options.signal), tally).then((series) => series
        // NaN points are points without data (a rate over nothing); infinities are kept, to be refused.
        .flatMap((s) => s.values.filter((_, i) => (s.values.length - 1 - i) % every === 0).map(([, v]) => v))
        .filter((v) => !Number.isNaN(v)));
    const [canary, baseline] = await Promise.all([ask(check.query), ask(check.baselineQuery)]);
    if (canary.length === 0)
        throw new NoData('no data: the query returned no samples (or only NaN) in the window');
    if (baseline.length === 0)
        throw new NoData('no data: the baseline query returned no samples (or only NaN) in the window');
    const infinities = [canary, baseline].map((sample) => sample.filter(infinite).length);
    if (infinities[0] || infinities[1]) {
        return {
            outcome: 'inconclusive',
            message: `cannot judge infinite samples: ${infinities[0]} canary, ${infinities[1]} baseline are ±Inf (a rank-sum test compares real values)`,
            samples: [canary.length, baseline.length],
        };
    }
    const canaryMedian = median(canary);
    const baselineMedian = median(baseline);
    const { base, tooFew } = baseReading(check, { canary: canaryMedian, baseline: baselineMedian, samples: [canary.length, baseline.length] }, [canary.length, baseline.length], every > 1 ? `independent samples (every ${every}th point: step < rate-window)` : 'samples');
    if (tooFew)
        return tooFew;
    const result = rankSum(canary, baseline, check.confidence);
    const band = check.tolerance * Math.abs(baselineMedian);
    const side = beyondTolerance(result.shift, result.interval, band, check.direction);
    const shift = `shift ${fmt(result.shift)} [${fmt(result.interval[0])}, ${fmt(result.interval[1])}], p=${fmt(result.p)}`;
    return {
        ...base,
        outcome: side ? 'failure' : 'success',
        message: side
            ? `canary ${side}d beyond tolerance ±${fmt(band)}: ${shift}`
            : `no shift beyond ±${fmt(band)}: ${shift}`,
        statistic: { name: 'W', value: result.w, z: result.z, p: result.p },
        interval: result.interval,
    };
}
async function measureProportion(check, options, time, tally) {
    const ask = (q) => withRetries(options, () => options.prom.query(q, time, options.signal), tally).then((s) => single(s, 'a count query'));
    const [cs, ct, bs, bt] = await Promise.all([
        ask(check.counts.success),
        ask(check.counts.total),
        ask(check.baselineCounts.success),
        ask(check.baselineCounts.total),
    ]);
    if (!ct)
        throw new NoData('no data: no canary requests in the window');
    if (!bt)
        throw new NoData('no data: no baseline requests in the window');
    // A count is a whole, finite number of requests; anything else cannot be tested.
    const odd = [
        ['canary success', cs],
        ['canary total', ct],
        ['baseline success', bs],
        ['baseline total', bt],
    ].filter(([, v]) => v !== undefined && !Number.isFinite(v));
    if (odd.length) {
        return {
            outcome: 'inconclusive',
            message: `cannot judge counts that are not numbers of requests: ${odd.map(([what, v]) => `${what} ${fmt(v)}`).join(', ')}`,
        };
    }
    // increase() extrapolates to fractions; the test wants whole requests. No success series = none succeeded.
    const counts = (success, total) => {
        const n = Math.round(total);
        return { events: Math.min(n, Math.max(0, n - Math.round(success ?? 0))), total: n };
    };
    const canary = counts(cs, ct);
    const baseline = counts(bs, bt);
    const rates = {
        canary: canary.total ? canary.events / canary.total : undefined,
        baseline: baseline.total ? baseline.events / baseline.total : undefined,
    };
    const { base, tooFew } = baseReading(check, { canary: rates.canary, baseline: rates.baseline, samples: [canary.total, baseline.total] }, [canary.total, baseline.total], 'requests');
    if (tooFew)
        return tooFew;
    const result = twoProportion(canary, baseline, check.confidence);
    const side = beyondTolerance(result.difference, result.interval, check.tolerance, check.direction);
    const detail = `errors ${canary.events}/${canary.total} vs ${baseline.events}/${baseline.total}, difference ${fmt(result.difference)} [${fmt(result.interval[0])}, ${fmt(result.interval[1])}], p=${fmt(result.p)}`;
    return {
        ...base,
        outcome: side ? 'failure' : 'success',
        message: side ? `error rate ${side}d beyond tolerance ${fmt(check.tolerance)}: ${detail}` : detail,
        statistic: { name: 'z', value: result.z, p: result.p },
        interval: result.interval,
    };
}
/**
 * Measure one check once. Never throws for Prometheus trouble (an `error` measurement) or for
 * cancellation (an `inconclusive` one).
 */
async function measureCheck(check, index, options) {
    const time = options.clock.now();
    const tally = { attempts: 0 };
    const head = { check: check.name, index, at: new Date(time).toISOString(), bound: describeBound(check) };
    try {
        const measure = check.test === 'rank-sum'
            ? measureRankSum
            : check.test === 'proportion'
                ? measureProportion
                : measureThreshold;
        return { ...head, ...(await measure(check, options, time, tally)), attempts: tally.attempts };
    }
    catch (error) {
        if (error instanceof NoData) {
            const policy = check.noData ?? options.noData;
            const outcome = policy === 'fail' ? 'failure' : policy === 'pass' ? 'success' : 'inconclusive';
            return { ...head, outcome, message: `${error.message} (no-data: ${policy})`, attempts: tally.attempts };
        }
        if (error instanceof PromError)
            return { ...head, outcome: 'error', message: error.message, attempts: tally.attempts };
        // The statistics refuse values they cannot test (infinities, impossible counts): never a pass.
        if (error instanceof RangeError)
            return {
                ...head,
                outcome: 'inconclusive',
                message: `cannot judge: ${error.message}`,
                attempts: tally.attempts,
            };
        // Cancelled while a query (or a retry's wait) was in flight: the client rethrows the signal's
        // reason. Not Prometheus's fault and not the canary's: inconclusive, and the run is cancelled.
        if (options.signal?.aborted)
            return {
                ...head,
                outcome: 'inconclusive',
                message: 'cancelled before Prometheus answered',
                attempts: tally.attempts,
            };
        throw error;
    }
}
const zero = () => ({ success: 0, failure: 0, inconclusive: 0, error: 0 });
/** A check's verdict from its tallies, as Argo Rollouts analysis counts them. */
function judgeCheck(check, counts, limits) {
    if (counts.failure > limits.failureLimit) {
        return {
            verdict: 'fail',
            reason: `${counts.failure} failed measurement${counts.failure > 1 ? 's' : ''} > failure-limit ${limits.failureLimit}`,
        };
    }
    if (counts.error > limits.errorLimit) {
        return {
            verdict: 'fail',
            reason: `${counts.error} errored measurement${counts.error > 1 ? 's' : ''} > error-limit ${limits.errorLimit}: Prometheus could not answer, so the canary cannot be judged`,
        };
    }
    if (counts.inconclusive > limits.inconclusiveLimit) {
        return {
            verdict: 'inconclusive',
            reason: `${counts.inconclusive} inconclusive measurement${counts.inconclusive > 1 ? 's' : ''} > inconclusive-limit ${limits.inconclusiveLimit}`,
        };
    }
    if (counts.success === 0) {
        return {
            verdict: 'inconclusive',
            reason: 'no successful measurement: every one errored or was inconclusive',
        };
    }
    return { verdict: 'pass', reason: '' };
}
/**
 * Measure every check `count` times, `intervalMs` apart, and judge the run. Stops early — without
 * waiting out the remaining intervals — once any check is past its failure or error limit.
 * Cancellation (the signal) stops the run with what was measured; a cancelled run never passes.
 */
async function measureChecks(checks, options) {
    const started = options.clock.now();
    const tallies = new Map(checks.map((c) => [c.name, zero()]));
    const measurements = [];
    let stoppedEarly;
    let cancelled = false;
    let rounds = 0;
    for (let round = 1; round <= options.count; round++) {
        if (round > 1) {
            try {
                await options.clock.sleep(options.intervalMs, options.signal);
            }
            catch (error) {
                if (!options.signal?.aborted)
                    throw error;
                cancelled = true;
                break;
            }
        }
        const results = await Promise.all(checks.map((check) => measureCheck(check, round, options)));
        rounds = round;
        for (const measurement of results) {
            measurements.push(measurement);
            tallies.get(measurement.check)[measurement.outcome]++;
            await options.onMeasurement?.(measurement);
        }
        if (options.signal?.aborted) {
            cancelled = true;
            break;
        }
        const decided = checks.filter((c) => judgeCheck(c, tallies.get(c.name), options.limits).verdict === 'fail');
        if (decided.length && round < options.count) {
            stoppedEarly = `stopped after ${round} of ${options.count} measurements: ${decided.map((c) => c.name).join(', ')} failed`;
            break;
        }
    }
    const results = checks.map((check) => {
        const counts = tallies.get(check.name);
        return { check, counts, ...judgeCheck(check, counts, options.limits) };
    });
    let verdict = results.some((r) => r.verdict === 'fail')
        ? 'fail'
        : results.some((r) => r.verdict === 'inconclusive')
            ? 'inconclusive'
            : 'pass';
    if (cancelled && verdict === 'pass')
        verdict = 'inconclusive';
    return {
        verdict,
        checks: results,
        measurements,
        rounds,
        count: options.count,
        stoppedEarly,
        cancelled,
        startedAt: new Date(started).toISOString(),
        durationMs: options.clock.now() - started,
    };
}

;// CONCATENATED MODULE: ./packages/prom/src/action/report.ts



const report_fmt = formatValue;
const ICON = {
    success: '✅ success',
    failure: '❌ failure',
    inconclusive: '⚠️ inconclusive',
    error: '💥 error',
};
function statistic(m) {
    if (!m.statistic)
        return '';
    const z = m.statistic.z !== undefined ? ` z=${report_fmt(m.statistic.z)}` : '';
    return `${m.statistic.name}=${report_fmt(m.statistic.value)}${z} p=${report_fmt(m.statistic.p)}`;
}
/** The last measurement of a check that was not a success: what its reason quotes. */
function lastBad(result, name) {
    return [...result.measurements].reverse().find((m) => m.check === name && m.outcome !== 'success');
}
function findingsOf(result) {
    const findings = result.checks
        .filter((c) => c.verdict !== 'pass')
        .map((c) => {
        const last = lastBad(result, c.check.name);
        return {
            ruleId: c.verdict === 'fail' ? 'metric-gate/check-failed' : 'metric-gate/check-inconclusive',
            level: c.verdict === 'fail' ? 'error' : 'warning',
            title: `metric-gate: ${c.check.name} ${c.verdict}`,
            message: `${c.check.name}: ${c.reason}${last ? ` — ${last.message}` : ''}`,
            file: c.check.source?.file,
            line: c.check.source?.line,
        };
    });
    // Settings that make a check's statistics weaker than they look: said on the check, every run.
    for (const c of result.checks) {
        for (const warning of c.check.warnings ?? []) {
            findings.push({
                ruleId: 'metric-gate/check-settings',
                level: 'warning',
                title: `metric-gate: ${c.check.name} settings`,
                message: `${c.check.name}: ${warning}`,
                file: c.check.source?.file,
                line: c.check.source?.line,
            });
        }
    }
    return findings;
}
function queryText(c) {
    return c.test === 'proportion'
        ? `success: ${c.counts.success} · total: ${c.counts.total} · baseline success: ${c.baselineCounts.success} · baseline total: ${c.baselineCounts.total}`
        : [c.query, c.baselineQuery && `baseline: ${c.baselineQuery}`].filter(Boolean).join(' · ');
}
function tablesOf(result) {
    return [
        {
            title: 'Checks',
            columns: ['Check', 'Verdict', 'Test', 'Bound', 'Success', 'Failure', 'Inconclusive', 'Error', 'PromQL'],
            rows: result.checks.map((c) => [
                c.check.name,
                c.verdict,
                c.check.test,
                describeBound(c.check),
                c.counts.success,
                c.counts.failure,
                c.counts.inconclusive,
                c.counts.error,
                queryText(c.check),
            ]),
        },
        {
            title: 'Measurements',
            columns: [
                'Check',
                '#',
                'Outcome',
                'Canary',
                'Baseline',
                'Ratio',
                'Statistic',
                'Interval',
                'Bound',
                'Detail',
            ],
            rows: result.measurements.map((m) => [
                m.check,
                m.index,
                ICON[m.outcome],
                report_fmt(m.canary),
                report_fmt(m.baseline),
                report_fmt(m.ratio),
                statistic(m),
                m.interval ? `[${report_fmt(m.interval[0])}, ${report_fmt(m.interval[1])}]` : '',
                m.bound,
                m.message,
            ]),
            note: 'Full PromQL and every value are in the JSON report.',
        },
    ];
}
function dataOf(result, plan) {
    return {
        prometheusUrl: plan.prometheusUrl,
        count: result.count,
        intervalMs: plan.intervalMs,
        rounds: result.rounds,
        stoppedEarly: result.stoppedEarly,
        cancelled: result.cancelled,
        startedAt: result.startedAt,
        durationMs: result.durationMs,
        checks: result.checks.map((c) => ({
            name: c.check.name,
            test: c.check.test,
            preset: c.check.preset,
            query: c.check.query,
            baselineQuery: c.check.baselineQuery,
            countQueries: c.check.counts,
            baselineCountQueries: c.check.baselineCounts,
            window: (0,src/* formatDuration */.a3)(c.check.windowMs),
            ...(c.check.test === 'rank-sum'
                ? { step: (0,src/* formatDuration */.a3)(c.check.stepMs), rateWindow: (0,src/* formatDuration */.a3)(c.check.rateWindowMs ?? 0) }
                : {}),
            warnings: c.check.warnings,
            bound: describeBound(c.check),
            verdict: c.verdict,
            reason: c.reason,
            outcomes: c.counts,
        })),
        measurements: result.measurements,
    };
}
/** The one report of a metric-gate run: summary, comment and JSON all render from it. */
function buildReport(result, plan) {
    const total = (key) => result.checks.reduce((n, c) => n + c.counts[key], 0);
    const failed = result.checks.filter((c) => c.verdict === 'fail').map((c) => c.check.name);
    const unsure = result.checks.filter((c) => c.verdict === 'inconclusive').map((c) => c.check.name);
    const measured = `${result.checks.length} check${result.checks.length === 1 ? '' : 's'} × ${result.rounds} measurement${result.rounds === 1 ? '' : 's'}`;
    const headline = result.verdict === 'pass'
        ? `${measured}: every check passed`
        : result.verdict === 'fail'
            ? `${measured}: ${failed.join(', ')} failed`
            : `${measured}: ${unsure.join(', ') || 'the run'} inconclusive`;
    const reasons = [];
    for (const c of result.checks) {
        if (c.verdict === 'pass')
            continue;
        const last = lastBad(result, c.check.name);
        reasons.push(`${c.check.name}: ${c.reason}${last ? ` — last: ${last.message}` : ''}`);
    }
    if (result.stoppedEarly)
        reasons.push(result.stoppedEarly);
    if (result.cancelled)
        reasons.push(`cancelled after ${result.rounds} of ${result.count} measurements`);
    const cases = result.checks.map((c) => ({
        suite: 'metric-gate',
        name: c.check.name,
        status: c.verdict === 'pass' ? 'passed' : c.verdict === 'fail' ? 'failed' : 'skipped',
        message: c.reason || undefined,
        file: c.check.source?.file,
        line: c.check.source?.line,
    }));
    return {
        action: 'metric-gate',
        verdict: result.verdict,
        headline,
        reasons,
        metrics: [
            ['Checks', result.checks.length],
            ['Measurements', result.measurements.length],
            ['Failures', total('failure')],
            ['Inconclusive', total('inconclusive')],
            ['Errors', total('error')],
            ['Duration', (0,src/* formatDuration */.a3)(result.durationMs)],
        ],
        tables: tablesOf(result),
        findings: findingsOf(result),
        cases,
        outputs: {
            'failed-checks': failed.join(','),
            measurements: result.measurements.length,
        },
        data: dataOf(result, plan),
    };
}

;// CONCATENATED MODULE: ./packages/prom/src/action/run.ts

function progress(m) {
    return `${m.check} #${m.index}: ${m.outcome} — ${m.message}`;
}
/** Measure the planned checks `count` times, `interval` apart, and judge them. */
function runMetricGate(plan, deps) {
    return measureChecks(plan.checks, {
        prom: deps.prom,
        clock: deps.clock,
        count: plan.count,
        intervalMs: plan.intervalMs,
        noData: plan.noData,
        limits: plan.limits,
        retryDelayMs: deps.retryDelayMs,
        signal: deps.signal,
        onMeasurement: (m) => deps.log?.(progress(m)),
    });
}

;// CONCATENATED MODULE: ./packages/prom/src/action/command.ts







const metricGateCommand = (0,src/* defineCommand */.NB)({
    name: 'metric-gate',
    inputs: metricGateInputs,
    secretInputs: ['prometheus-token', 'github-token'],
    plan: planMetricGate,
    run: (plan, context) => runMetricGate(plan, {
        prom: new PromClient(plan.prometheus),
        clock: realClock,
        log: context.log,
        signal: context.signal,
    }),
    report: buildReport,
});

;// CONCATENATED MODULE: ./packages/prom/src/index.ts



















/***/ })

};
