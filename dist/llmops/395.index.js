export const id = 395;
export const ids = [395];
export const modules = {

/***/ 2395:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  dz: () => (/* reexport */ errors/* InputError */.dz),
  yo: () => (/* reexport */ errors/* UserError */.yo),
  OM: () => (/* reexport */ changedFilesSince),
  cX: () => (/* reexport */ checkYaml),
  Gt: () => (/* reexport */ countFindings),
  mK: () => (/* reexport */ defaultBaseRef),
  NB: () => (/* reexport */ defineCommand),
  YV: () => (/* reexport */ durationProblem),
  _t: () => (/* reexport */ files/* findWorkspaceFiles */._t),
  a3: () => (/* reexport */ formatDuration),
  oB: () => (/* reexport */ gitTopLevel),
  hF: () => (/* reexport */ input),
  xZ: () => (/* reexport */ isInlineYaml),
  iU: () => (/* reexport */ errors/* isUserError */.iU),
  yv: () => (/* reexport */ loadYaml),
  vy: () => (/* reexport */ numberProblem),
  E9: () => (/* reexport */ parseDuration),
  f$: () => (/* reexport */ parseHttpUrl),
  mu: () => (/* reexport */ parseRetryAfter),
  hN: () => (/* reexport */ parseYaml),
  ZR: () => (/* reexport */ readFileAtRef),
  ji: () => (/* reexport */ context/* readGitHubRun */.j),
  tL: () => (/* reexport */ readReport),
  sL: () => (/* reexport */ files/* readWorkspaceFile */.sL),
  fp: () => (/* reexport */ secrets/* redactSecrets */.fp),
  BO: () => (/* reexport */ redactUrl),
  cl: () => (/* reexport */ secrets/* registerSecret */.cl),
  AI: () => (/* reexport */ registerUrlSecrets),
  OS: () => (/* reexport */ reportingInputs),
  JN: () => (/* reexport */ resolveBaseRef),
  z1: () => (/* reexport */ workspace/* resolveInWorkspace */.z1),
  Vp: () => (/* reexport */ context/* runUrl */.V),
  yy: () => (/* reexport */ sleep),
  CR: () => (/* reexport */ workspace/* toWorkspacePath */.CR),
  IR: () => (/* reexport */ totalDurationProblem),
  QS: () => (/* reexport */ src_escape/* truncate */.xv),
  Fn: () => (/* reexport */ urlSecrets),
  rF: () => (/* reexport */ wilson),
  b$: () => (/* reexport */ yamlPosition)
});

// UNUSED EXPORTS: MAX_TIMER_MS, VERSION, escapeMarkdown, executeCommand, formatUserError, logLines, publish, readInputs, readWorkspaceJson, renderJunit, renderMarkdown, renderSarif, renderText, trackIssue, workspaceRoot, writeOutputFile

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 15 modules
var schemas = __webpack_require__(9691);
// EXTERNAL MODULE: ./node_modules/zod/v4/core/core.js
var core = __webpack_require__(8532);
// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __webpack_require__(7638);
;// CONCATENATED MODULE: ./packages/core/src/duration.ts
const UNITS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
/**
 * The longest delay a timer holds: Node stores it in a signed 32-bit integer, and a longer
 * `setTimeout` fires after 1 ms instead (with only a warning). Every duration a user gives is
 * held to it, and so is a run made of many of them.
 */
const MAX_TIMER_MS = 2 ** 31 - 1;
/** "500ms", "30s", "5m", "1h30m" or a bare number of seconds → milliseconds; undefined if malformed. */
function parseDuration(text) {
    const value = text.trim();
    if (/^\d+(\.\d+)?$/.test(value))
        return Number(value) * 1000;
    const parts = [...value.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)];
    if (parts.length === 0 || parts.map((p) => p[0]).join('') !== value)
        return undefined;
    return parts.reduce((total, [, n, unit]) => total + Number(n) * UNITS[unit], 0);
}
function formatDuration(ms) {
    if (!Number.isFinite(ms))
        return `${ms}ms`;
    if (ms < 1000)
        return `${Math.round(ms)}ms`;
    if (ms < 60_000)
        return `${+(ms / 1000).toFixed(1)}s`;
    const total = Math.round(ms / 1000);
    const [h, m, s] = [Math.floor(total / 3600), Math.floor((total % 3600) / 60), total % 60];
    return `${h ? `${h}h` : ''}${m ? `${m}m` : ''}${s ? `${s}s` : ''}`;
}
/** `596h31m23s`: a bound as a user would write it, never above the bound itself. */
const bound = (ms) => formatDuration(ms >= 1000 ? Math.floor(ms / 1000) * 1000 : ms);
/**
 * What is wrong with a duration a user wrote, in the words of the rest of a message ("expected a
 * duration such as 30s, 5m or 1h, at most 596h31m23s"); undefined when it is fine. The one
 * reading of every duration: action inputs, check and step fields alike.
 */
function durationProblem(text, bounds = {}) {
    const min = bounds.min ?? 0;
    const max = Math.min(bounds.max ?? MAX_TIMER_MS, MAX_TIMER_MS);
    const ms = parseDuration(text);
    const range = min > 0 ? `from ${bound(min)} to ${bound(max)}` : `at most ${bound(max)}`;
    if (ms === undefined || !Number.isFinite(ms) || ms < min || ms > max)
        return `expected a duration such as 30s, 5m or 1h, ${range}`;
    return undefined;
}
/**
 * A total made of parts (count × interval): the message when it is past what a timer holds,
 * naming the parts, so a run can never overflow into one that "passes" at once.
 */
function totalDurationProblem(totalMs, how) {
    if (Number.isFinite(totalMs) && totalMs <= MAX_TIMER_MS)
        return undefined;
    return `${how} makes a run of ${formatDuration(totalMs)}, past the longest allowed (${bound(MAX_TIMER_MS)})`;
}

// EXTERNAL MODULE: ./packages/core/src/secrets.ts
var secrets = __webpack_require__(7620);
;// CONCATENATED MODULE: ./packages/core/src/url.ts

/**
 * Endpoint URLs carry credentials two ways: `user:password@host` and a query value
 * (`?key=`, `?api_key=`, `?token=`, Azure's `?sig=`). Both are registered as secrets when the
 * input is read and left out wherever a URL is shown; the rest of the URL stays readable.
 */
const SECRET_PARAM = /key|token|secret|passw|sig|auth|cred|session|code/i;
// By hand rather than with `URL`: a value that does not parse still has to be shown without them.
const USERINFO = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#@]*)@/i;
const QUERY_PAIR = /([?&;])([^=&;#]*)=([^&;#]*)/g;
function decoded(text) {
    try {
        return decodeURIComponent(text);
    }
    catch {
        return text;
    }
}
/** The secret parts of a URL (parsed or not): the password (or a lone user, a token), key-like query values. */
function urlSecrets(text) {
    const found = [];
    const userinfo = USERINFO.exec(text)?.[2];
    if (userinfo) {
        const at = userinfo.indexOf(':');
        const user = at < 0 ? userinfo : userinfo.slice(0, at);
        const password = at < 0 ? '' : userinfo.slice(at + 1);
        // `https://TOKEN@host` puts the credential in the user part; with a password, or when short
        // (`admin@`), the user is a name, and masking it would hide that word in every log line.
        for (const part of password ? [password] : user.length >= 8 ? [user] : [])
            found.push(part, decoded(part));
        if (password)
            found.push(Buffer.from(`${decoded(user)}:${decoded(password)}`).toString('base64'));
    }
    const query = text.slice(text.indexOf('?') + 1 || text.length).split('#')[0];
    for (const match of `?${query}`.matchAll(QUERY_PAIR)) {
        if (SECRET_PARAM.test(decoded(match[2])) && match[3])
            found.push(match[3], decoded(match[3]));
    }
    return [...new Set(found)].filter((s) => s.length > 0);
}
/** Register a URL's credentials as secrets (before anything prints it). */
function registerUrlSecrets(text) {
    if (!text)
        return;
    for (const secret of urlSecrets(text))
        (0,secrets/* registerSecret */.cl)(secret, { split: false });
}
/** The URL as logs and reports show it: credentials and key-like query values as `***`. */
function redactUrl(text) {
    const [head, ...fragment] = text.split('#');
    const shown = head
        .replace(USERINFO, (_, scheme) => `${scheme}***@`)
        .replace(QUERY_PAIR, (pair, sep, name, value) => value && SECRET_PARAM.test(decoded(name)) ? `${sep}${name}=***` : pair);
    return fragment.length ? `${shown}#${fragment.join('#')}` : shown;
}
/**
 * An http(s) URL input: `undefined` when empty, the trimmed text otherwise. Its credentials are
 * registered as secrets first, so even the line rejecting it shows them masked.
 */
function parseHttpUrl(text) {
    if (text === '')
        return {};
    registerUrlSecrets(text);
    let url;
    try {
        url = new URL(text);
    }
    catch {
        return { problem: 'expected an http:// or https:// URL, e.g. http://vllm:8000/v1' };
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
        return { problem: `expected an http:// or https:// URL, not ${url.protocol}` };
    return { url: text };
}

;// CONCATENATED MODULE: ./packages/core/src/inputs.ts





/**
 * Action inputs arrive as strings (the runner fills in action.yml defaults; the CLI does the
 * same from the generated manifest). Each helper parses one string and says what is allowed.
 */
const raw = () => schemas/* string */.YjP().transform((value) => value.trim());
function fail(ctx, message) {
    ctx.addIssue({ code: 'custom', message });
    return core/* NEVER */.tm;
}
/**
 * What is wrong with a number a user wrote ("expected an integer from 1 to 1000"); undefined when
 * it is fine. The one reading of numeric inputs.
 */
function numberProblem(value, bounds = {}) {
    const n = Number(value.trim());
    const min = bounds.min;
    const max = bounds.integer ? Math.min(bounds.max ?? MAX_TIMER_MS, MAX_TIMER_MS) : bounds.max;
    const kind = bounds.integer ? 'an integer' : 'a number';
    const range = min !== undefined && max !== undefined
        ? ` from ${min} to ${max}`
        : min !== undefined
            ? ` >= ${min}`
            : max !== undefined
                ? ` <= ${max}`
                : '';
    const bad = value.trim() === '' ||
        !Number.isFinite(n) ||
        (bounds.integer && !Number.isInteger(n)) ||
        (min !== undefined && n < min) ||
        (max !== undefined && n > max);
    return bad ? `expected ${kind}${range}` : undefined;
}
const numberInput = (bounds) => raw().transform((value, ctx) => {
    const problem = numberProblem(value, bounds);
    return problem === undefined ? Number(value) : fail(ctx, problem);
});
const TRUE = new Set(['true', 'True', 'TRUE']);
const FALSE = new Set(['false', 'False', 'FALSE']);
const input = {
    /** Required text. */
    text: () => raw().transform((value, ctx) => (value === '' ? fail(ctx, 'a value is required') : value)),
    /** Optional text: empty means not given. */
    optional: () => raw().transform((value) => (value === '' ? undefined : value)),
    /** The YAML 1.2 core booleans the runner's getBooleanInput accepts. */
    bool: () => raw().transform((value, ctx) => {
        if (TRUE.has(value))
            return true;
        if (FALSE.has(value))
            return false;
        return fail(ctx, 'expected true or false');
    }),
    /** A number within bounds (rates, scores, thresholds); `integer: true` is `input.integer`. */
    number: (bounds = {}) => numberInput(bounds),
    /**
     * A whole number within bounds: counts, limits, retries, milliseconds. Never more than
     * MAX_TIMER_MS, so one can feed a timer (a longer setTimeout fires after 1 ms).
     */
    integer: (bounds = {}) => numberInput({ ...bounds, integer: true }),
    choice: (values) => raw().transform((value, ctx) => values.includes(value)
        ? value
        : fail(ctx, `expected one of ${values.join(', ')}`)),
    /** Newline- or comma-separated list; blanks dropped. */
    list: () => schemas/* string */.YjP().transform((value) => value
        .split(/[\n,]/)
        .map((item) => item.trim())
        .filter(Boolean)),
    /** An http(s) URL (undefined when empty); credentials in it are registered as secrets (url.ts). */
    url: () => raw().transform((value, ctx) => {
        const { url, problem } = parseHttpUrl(value);
        return problem ? fail(ctx, problem) : url;
    }),
    /** A required http(s) URL. */
    requiredUrl: () => raw().transform((value, ctx) => {
        const { url, problem } = parseHttpUrl(value);
        return problem || !url ? fail(ctx, problem ?? 'a value is required') : url;
    }),
    /** A duration such as 500ms, 30s, 5m, 1h, within bounds (at most MAX_TIMER_MS); returns milliseconds. */
    duration: (bounds = {}) => raw().transform((value, ctx) => {
        const problem = durationProblem(value, bounds);
        return problem === undefined ? parseDuration(value) : fail(ctx, problem);
    }),
};
/** Inputs every action shares for its reports. */
const reportingInputs = {
    'report-path': input.optional(),
    comment: input.bool(),
    'github-token': input.optional(),
    'fail-on-inconclusive': input.bool(),
};
/** Parse raw inputs with a schema; the first problem becomes one line naming input, value and what is allowed. */
function readInputs(schema, source, secretInputs = []) {
    const values = {};
    for (const name of Object.keys(schema.shape))
        values[name] = source(name) ?? '';
    const parsed = schema.safeParse(values);
    if (parsed.success)
        return parsed.data;
    const issue = parsed.error.issues[0];
    const name = String(issue.path[0] ?? '');
    // Registered secrets (a URL's password) are masked before cutting: the runner masks no prefix.
    const value = (0,secrets/* redactSecrets */.fp)(values[name] ?? '');
    // A prefix of a secret is not masked by the runner: never show secret values.
    const shown = secretInputs.includes(name) ? '***' : value.length > 80 ? `${value.slice(0, 77)}...` : value;
    throw new errors/* InputError */.dz(`input '${name}' has value '${shown}': ${issue.message}`);
}

;// CONCATENATED MODULE: ./packages/core/src/command.ts


/** The inputs every renderer and publisher reads, typed (each is optional: not every action has all). */
const reportingOptions = schemas/* object */.Ikc({
    'report-path': schemas/* string */.YjP().optional(),
    'sarif-path': schemas/* string */.YjP().optional(),
    'junit-path': schemas/* string */.YjP().optional(),
    comment: schemas/* boolean */.zMY().optional(),
    'check-run': schemas/* boolean */.zMY().optional(),
    'github-token': schemas/* string */.YjP().optional(),
    'fail-on-inconclusive': schemas/* boolean */.zMY().optional(),
});
function defineCommand(definition) {
    const { name, inputs: schema, secretInputs, sarifTool } = definition;
    return {
        name,
        inputs: schema,
        secretInputs,
        ...(sarifTool ? { sarifTool } : {}),
        read(source) {
            const inputs = readInputs(schema, source, secretInputs);
            return {
                reporting: reportingOptions.parse(inputs),
                async execute(context) {
                    const plan = await definition.plan(inputs, context);
                    return definition.report(await definition.run(plan, context), plan);
                },
            };
        },
    };
}

// EXTERNAL MODULE: ./packages/core/src/escape.ts
var src_escape = __webpack_require__(3066);
// EXTERNAL MODULE: ./packages/core/src/execute.ts
var execute = __webpack_require__(998);
// EXTERNAL MODULE: ./packages/core/src/files.ts + 3 modules
var files = __webpack_require__(5177);
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

// EXTERNAL MODULE: ./packages/core/src/github/context.ts
var context = __webpack_require__(9594);
;// CONCATENATED MODULE: ./packages/core/src/inline-yaml.ts
/**
 * Whether an input that takes "a YAML list, inline or a file path" holds the list itself: a
 * newline, or a leading `-` (block list) or `[` (flow list). A path never has those.
 */
function isInlineYaml(value) {
    const trimmed = value.trim();
    return trimmed.includes('\n') || trimmed.startsWith('-') || trimmed.startsWith('[');
}

// EXTERNAL MODULE: ./packages/core/src/publish.ts + 4 modules
var publish = __webpack_require__(7071);
// EXTERNAL MODULE: ./packages/core/src/version.ts
var version = __webpack_require__(8109);
;// CONCATENATED MODULE: ./packages/core/src/read-report.ts



/** Reports are read back only from the same release line: semver major, or minor while major is 0. */
function sameLine(a, b) {
    const line = (v) => {
        const [major, minor] = v.split('.');
        return major === '0' ? `0.${minor}` : major;
    };
    return line(a) === line(b);
}
/**
 * An action's JSON report read back (a baseline, a shard to merge, last night's run), as publish
 * wrote it (`{version, ...report}`): the action, the llmops release line and the shape of `data`
 * are checked, each failure one line naming the input and the file.
 */
function readReport(workspace, file, expected) {
    const { input, action, data } = expected;
    const report = (0,files/* readWorkspaceJson */.a)(workspace, file, { input }).data;
    const where = `input '${input}': ${file}`;
    if (!report || typeof report !== 'object' || report.action !== action)
        throw new errors/* UserError */.yo(`${where} is not a report of ${action}`);
    if (typeof report.version !== 'string' || !sameLine(report.version, version/* VERSION */.x)) {
        const written = typeof report.version === 'string' ? `llmops ${report.version}` : 'no llmops version';
        throw new errors/* UserError */.yo(`${where} is a report of ${written}, and this is llmops ${version/* VERSION */.x}: re-run ${action} with this version to write one it can read`);
    }
    const parsed = data.safeParse(report.data);
    if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const at = ['data', ...issue.path].join('.');
        throw new errors/* UserError */.yo(`${where} is not a report of ${action} in this shape: '${at}': ${issue.message}`);
    }
    return parsed.data;
}

// EXTERNAL MODULE: ./packages/core/src/render/junit.ts
var junit = __webpack_require__(1038);
// EXTERNAL MODULE: ./packages/core/src/render/markdown.ts
var markdown = __webpack_require__(2901);
// EXTERNAL MODULE: ./packages/core/src/render/sarif.ts
var sarif = __webpack_require__(6395);
;// CONCATENATED MODULE: ./packages/core/src/render/text.ts

/** Plain text for a terminal (the CLI). */
function show(value) {
    if (value === null || value === undefined || value === '')
        return '-';
    return String(value).replace(/\s+/g, ' ');
}
function renderTable(table, maxRows) {
    const rows = table.rows.slice(0, maxRows).map((row) => row.map((c) => show(c).slice(0, 100)));
    const widths = table.columns.map((col, i) => rows.reduce((w, r) => Math.max(w, (r[i] ?? '').length), col.length));
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

;// CONCATENATED MODULE: ./packages/core/src/report.ts
function countFindings(findings, level) {
    return findings.reduce((n, finding) => n + (finding.level === level ? 1 : 0), 0);
}

;// CONCATENATED MODULE: ./packages/core/src/retry-after.ts
/**
 * An HTTP `Retry-After` value (RFC 9110 §10.2.3: delay-seconds or an HTTP-date) in milliseconds;
 * undefined when absent or unreadable. Callers cap it: a server must not make a run wait for days.
 */
function parseRetryAfter(value, now = Date.now()) {
    const text = value?.trim();
    if (!text)
        return undefined;
    if (/^\d+(\.\d+)?$/.test(text))
        return Number(text) * 1000;
    const date = Date.parse(text);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

// EXTERNAL MODULE: ./packages/core/src/safe-text.ts
var safe_text = __webpack_require__(2638);
;// CONCATENATED MODULE: ./packages/core/src/sleep.ts

/**
 * Resolves after `ms`, or rejects with the signal's reason once it aborts. A delay past what one
 * timer holds (MAX_TIMER_MS) is waited out in pieces: a bare setTimeout would fire after 1 ms.
 */
function sleep(ms, signal) {
    if (!(ms >= 0))
        return Promise.reject(new RangeError(`sleep: expected a delay >= 0 ms, got ${ms}`));
    return new Promise((resolve, reject) => {
        if (signal?.aborted)
            return reject(signal.reason);
        const end = Date.now() + ms;
        let timer;
        const onAbort = () => {
            clearTimeout(timer);
            reject(signal.reason);
        };
        const wait = (left) => {
            timer = setTimeout(() => {
                const rest = end - Date.now();
                if (left > MAX_TIMER_MS && rest > 0)
                    return wait(rest);
                signal?.removeEventListener('abort', onAbort);
                resolve();
            }, Math.min(left, MAX_TIMER_MS));
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        wait(ms);
    });
}

;// CONCATENATED MODULE: ./packages/core/src/wilson.ts
/** Wilson score interval: well-behaved at 0, 1 and small n, unlike the normal approximation. */
function wilson(successes, trials, z = 1.959964) {
    if (trials <= 0)
        return { successes: 0, trials: 0, rate: 0, low: 0, high: 1 };
    const p = successes / trials;
    const z2 = z * z;
    const denominator = 1 + z2 / trials;
    const centre = (p + z2 / (2 * trials)) / denominator;
    const margin = (z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))) / denominator;
    return {
        successes,
        trials,
        rate: p,
        // Exact at the edges: floating point would give 0.9999999999999999 for 10/10.
        low: successes === 0 ? 0 : Math.max(0, centre - margin),
        high: successes === trials ? 1 : Math.min(1, centre + margin),
    };
}

// EXTERNAL MODULE: ./packages/core/src/workspace.ts
var workspace = __webpack_require__(3268);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./packages/core/src/yaml.ts


/**
 * How many alias expansions one document may make (counted the way `yaml` counts them). Files
 * come from pull requests: a billion-laughs document must stop here, not exhaust memory.
 */
const MAX_YAML_ALIASES = 10_000;
function firstLine(message) {
    return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}
/**
 * The one YAML loader: parse with positions, report syntax problems with line and column, and
 * convert to plain data with the alias limit. Duplicate keys are errors unless `uniqueKeys: false`.
 */
function loadYaml(text, options = {}) {
    const lines = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(text, {
        lineCounter: lines,
        prettyErrors: false,
        uniqueKeys: options.uniqueKeys ?? true,
        ...(options.schema ? { schema: options.schema } : {}),
    });
    const at = (offset) => lines.linePos(offset ?? 0);
    const problems = [];
    for (const [level, list] of [
        ['error', doc.errors],
        ['warning', doc.warnings],
    ]) {
        for (const e of list) {
            const pos = at(e.pos[0]);
            problems.push({ level, message: `YAML: ${firstLine(e.message)}`, line: pos.line, column: pos.col });
        }
    }
    let value;
    if (!doc.errors.length) {
        try {
            value = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
        }
        catch (error) {
            // The alias limit, or an alias before its anchor: a bad file, not a crash.
            const message = /Excessive alias/.test(error.message)
                ? `YAML: too many aliases (over ${MAX_YAML_ALIASES} expansions): refusing a document that expands without bound`
                : `YAML: ${firstLine(error.message)}`;
            problems.push({ level: 'error', message, line: 1, column: 1 });
        }
    }
    return { doc, lines, problems, value };
}
/**
 * Parse YAML text into plain data, or throw one `UserError` at the first problem's place.
 * `what` starts the message (e.g. "checks"), `file` is the workspace-relative path if any.
 */
function parseYaml(text, context) {
    const loaded = loadYaml(text);
    const error = loaded.problems.find((p) => p.level === 'error');
    if (error) {
        const line = error.line + (context.lineOffset ?? 0);
        if (!context.file)
            throw new errors/* UserError */.yo(`${context.what}: ${error.message} (line ${line}, column ${error.column})`);
        throw new errors/* UserError */.yo(`${context.what}: ${error.message}`, {
            file: context.file,
            line,
            column: error.column,
        });
    }
    return loaded.value;
}
/** Where a path in a loaded document points: the deepest node that exists along it (1-based). */
function yamlPosition(loaded, path, 
/** Point at the last key of the path itself, not its value: where "unknown key" points. */
options = {}) {
    let node = loaded.doc.contents;
    for (const [i, key] of path.entries()) {
        if ((0,dist/* isMap */.jh)(node)) {
            const pair = node.items.find((p) => p.key?.value === key);
            if (!pair)
                break;
            node = (options.key && i === path.length - 1 ? null : pair.value) ?? pair.key;
        }
        else if ((0,dist/* isSeq */.oP)(node) && typeof key === 'number' && node.items[key]) {
            node = node.items[key];
        }
        else
            break;
    }
    const { line, col } = loaded.lines.linePos(node?.range?.[0] ?? 0);
    return { line, column: col };
}
/**
 * Check a loaded YAML document's value against a zod schema (the format's one definition): the
 * typed value, or every issue with the line and column of the node it is about.
 */
function checkYaml(schema, loaded) {
    const parsed = schema.safeParse(loaded.value);
    if (parsed.success)
        return { success: true, data: parsed.data };
    const issues = parsed.error.issues.map((issue) => {
        // An unknown key is about the key, not the mapping it is in.
        const unknown = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]] : undefined;
        return {
            code: issue.code,
            path: unknown ?? issue.path,
            message: issue.message,
            ...yamlPosition(loaded, unknown ?? issue.path, { key: !!unknown }),
        };
    });
    return { success: false, issues };
}

;// CONCATENATED MODULE: ./packages/core/src/index.ts





























/***/ })

};
