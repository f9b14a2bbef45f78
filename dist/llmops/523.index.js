export const id = 523;
export const ids = [523];
export const modules = {

/***/ 7523:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DOWNLOAD_BASE_ENV: () => (/* reexport */ DOWNLOAD_BASE_ENV),
  INSTALL_MARKER: () => (/* reexport */ INSTALL_MARKER),
  PINNED_SUMS: () => (/* reexport */ PINNED_SUMS),
  PINNED_TRIVY_VERSION: () => (/* reexport */ PINNED_TRIVY_VERSION),
  assetName: () => (/* reexport */ assetName),
  buildReport: () => (/* reexport */ buildReport),
  bySeverity: () => (/* reexport */ bySeverity),
  gatedSeverities: () => (/* reexport */ gatedSeverities),
  installTrivy: () => (/* reexport */ installTrivy),
  loadAllowlist: () => (/* reexport */ loadAllowlist),
  parseTrivyReport: () => (/* reexport */ parseTrivyReport),
  toFinding: () => (/* reexport */ toFinding),
  trivyWrapCommand: () => (/* reexport */ trivyWrapCommand)
});

// EXTERNAL MODULE: ./packages/core/src/index.ts + 13 modules
var src = __webpack_require__(2395);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 15 modules
var schemas = __webpack_require__(9691);
// EXTERNAL MODULE: ./node_modules/zod/v4/core/core.js
var core = __webpack_require__(8532);
;// CONCATENATED MODULE: ./packages/trivy/src/allowlist.ts



/**
 * An accepted risk: one finding id (CVE, GHSA, check or secret rule id), why it is accepted, and
 * until when. Optional `package` and `target` narrow it to one package or
 * one Trivy target (`*` and `?` wildcards).
 */
const entrySchema = schemas/* object */.Ikc({
    id: schemas/* string */.YjP({ error: 'id is required' }).trim().min(1, 'id is required'),
    reason: schemas/* string */.YjP({ error: 'reason is required: say why this risk is accepted' })
        .trim()
        .min(1, 'reason is required: say why this risk is accepted'),
    expires: schemas/* union */.KCZ([schemas/* string */.YjP(), schemas/* date */.p6U()], { error: 'expires is required (YYYY-MM-DD)' })
        .transform((value, ctx) => {
        const text = value instanceof Date ? value.toISOString().slice(0, 10) : value.trim();
        const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
        const date = day ? new Date(`${text}T00:00:00Z`) : undefined;
        if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text) {
            ctx.addIssue({ code: 'custom', message: `expires '${text}' is not a date (YYYY-MM-DD)` });
            return core/* NEVER */.tm;
        }
        return text;
    }),
    package: schemas/* string */.YjP().trim().min(1).optional(),
    target: schemas/* string */.YjP().trim().min(1).optional(),
})
    // A misspelt `pakage:` would otherwise be dropped, widening the entry to every package.
    .strict();
/**
 * The `allowlist` input: an inline YAML list (a newline, or a leading `-` or `[`), or the path of a
 * YAML file inside the workspace. Either way one parser reads it, and errors name line and column.
 */
async function loadAllowlist(workspace, value) {
    if ((0,src/* isInlineYaml */.xZ)(value))
        return parseAllowlist(value);
    const { text, relative } = (0,src/* readWorkspaceFile */.sL)(workspace, value.trim(), { input: 'allowlist' });
    return parseAllowlist(text, relative);
}
/**
 * Validate an allowlist's YAML text with the entry schema. `file` places errors in a file (as
 * annotations); without it, the text is the `allowlist` input and errors say line and column in it.
 */
function parseAllowlist(source, file) {
    const { doc, lines, problems, value } = (0,src/* loadYaml */.yv)(source);
    const place = (line, column, message) => file
        ? new src/* UserError */.yo(message, { file, line, column })
        : new src/* UserError */.yo(`input 'allowlist', line ${line}, column ${column}: ${message}`);
    const problem = (message, offset) => {
        const { line, col } = offset === undefined ? { line: 1, col: 1 } : lines.linePos(offset);
        return place(line, col, message);
    };
    const first = problems.find((p) => p.level === 'error');
    if (first)
        throw place(first.line, first.column, `allowlist is not valid YAML: ${first.message}`);
    const root = doc.contents;
    if (root === null || root === undefined)
        return { file, entries: [] };
    if (!(0,dist/* isSeq */.oP)(root)) {
        throw problem('allowlist must be a YAML list of entries {id, reason, expires, package?, target?}', root.range?.[0]);
    }
    const entries = [];
    root.items.forEach((node, index) => {
        const offset = node.range?.[0];
        const line = offset === undefined ? 1 : lines.linePos(offset).line;
        if (!(0,dist/* isMap */.jh)(node))
            throw problem(`allowlist entry ${index + 1} must be a mapping {id, reason, expires}`, offset);
        const parsed = entrySchema.safeParse(value[index]);
        if (!parsed.success) {
            const issue = parsed.error.issues[0];
            if (issue.code === 'unrecognized_keys') {
                const key = issue.keys[0];
                const pair = node.items.find((item) => (0,dist/* isScalar */.jn)(item.key) && String(item.key.value) === key);
                throw problem(`allowlist entry ${index + 1}: unknown key '${key}' (allowed: ${Object.keys(entrySchema.shape).join(', ')})`, (0,dist/* isScalar */.jn)(pair?.key) ? pair.key.range?.[0] : offset);
            }
            // Point at the value the schema refused when it is there, else at the entry.
            const pair = node.items.find((item) => (0,dist/* isScalar */.jn)(item.key) && String(item.key.value) === issue.path[0]);
            const at = pair?.value?.range?.[0];
            throw problem(`allowlist entry ${index + 1}: ${issue.message}`, at ?? offset);
        }
        entries.push({ ...parsed.data, line });
    });
    return { file, entries };
}
/** End of the `expires` day in UTC: an entry is good through its whole last day. */
function isExpired(entry, now) {
    return now.getTime() >= new Date(`${entry.expires}T00:00:00Z`).getTime() + 86_400_000;
}
/** Whether an entry names this finding (its id, and its package and target when the entry gives them). */
function entryMatches(entry, finding) {
    const id = entry.id.toUpperCase();
    if (![finding.id, ...finding.aliases].some((candidate) => candidate.toUpperCase() === id))
        return false;
    if (entry.package !== undefined && entry.package !== finding.pkg)
        return false;
    if (entry.target !== undefined && !wildcard(entry.target).test(finding.target))
        return false;
    return true;
}
/** `*` matches any run of characters, `?` one: Trivy targets are image names as often as paths. */
function wildcard(pattern) {
    const body = pattern
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*')
        .replace(/\?/g, '.');
    return new RegExp(`^${body}$`);
}

;// CONCATENATED MODULE: ./packages/trivy/src/severity.ts
/** Trivy's severities, most severe first (Trivy JSON `Severity`). */
const SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'UNKNOWN'];
const RANK = { CRITICAL: 4, HIGH: 3, MEDIUM: 2, LOW: 1, UNKNOWN: 0 };
/** Any string Trivy writes becomes one of ours; vendors' odd values count as UNKNOWN. */
function toSeverity(value) {
    const upper = (value ?? '').toUpperCase();
    return SEVERITIES.includes(upper) ? upper : 'UNKNOWN';
}
function severityRank(severity) {
    return RANK[severity];
}
/**
 * The severities that fail the gate. `severity` is Trivy-style (`CRITICAL,HIGH`), read as a
 * threshold: everything at or above its lowest known entry gates. UNKNOWN has no place on that
 * scale, so it gates only when listed.
 */
function gatedSeverities(listed) {
    const known = listed.filter((s) => s !== 'UNKNOWN');
    const floor = known.reduce((min, s) => Math.min(min, severityRank(s)), Infinity);
    const gated = new Set(SEVERITIES.filter((s) => s !== 'UNKNOWN' && RANK[s] >= floor));
    if (listed.includes('UNKNOWN'))
        gated.add('UNKNOWN');
    return gated;
}
// GitHub code scanning reads `security-severity` as: >= 9.0 critical, 7.0–8.9 high, 4.0–6.9
// medium, 0.1–3.9 low. Used when Trivy gives no CVSS score (misconfigurations, secrets).
const SCORE_FOR = {
    CRITICAL: 9.5,
    HIGH: 8.0,
    MEDIUM: 5.5,
    LOW: 2.0,
    UNKNOWN: undefined,
};
function fallbackScore(severity) {
    return SCORE_FOR[severity];
}

;// CONCATENATED MODULE: ./packages/trivy/src/action/inputs.ts



const SCANNERS = ['vuln', 'misconfig', 'secret', 'license'];
/** A comma- or newline-separated list whose every item is one of `allowed` (case-insensitive). */
const listOf = (allowed, { required }) => src/* input */.hF.list().transform((items, ctx) => {
    const values = items.map((item) => item.toLowerCase());
    const known = allowed.map((a) => a.toLowerCase());
    const bad = values.find((value) => !known.includes(value));
    if (bad !== undefined || (required && values.length === 0)) {
        ctx.addIssue({ code: 'custom', message: `expected a comma-separated list of ${allowed.join(', ')}` });
        return core/* NEVER */.tm;
    }
    return [...new Set(values.map((value) => allowed[known.indexOf(value)]))];
});
const trivyWrapInputs = schemas/* object */.Ikc({
    'scan-type': src/* input */.hF.choice(['image', 'fs', 'config', 'repo']),
    target: src/* input */.hF.optional().refine((target) => !target?.startsWith('-'), {
        message: "expected an image reference, path or URL; one starting with '-' reads as a flag (write ./-name for such a path)",
    }),
    'trivy-version': src/* input */.hF.text(),
    'trivy-path': src/* input */.hF.optional(),
    severity: listOf(SEVERITIES, { required: true }),
    'ignore-unfixed': src/* input */.hF.bool(),
    scanners: listOf(SCANNERS, { required: false }),
    allowlist: src/* input */.hF.optional(),
    trivyignores: src/* input */.hF.list(),
    'cache-dir': src/* input */.hF.optional(),
    'skip-db-update': src/* input */.hF.bool(),
    dockerfile: src/* input */.hF.optional(),
    timeout: src/* input */.hF.duration({ min: 1000 }),
    'sarif-path': src/* input */.hF.optional(),
    ...src/* reportingInputs */.OS,
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./packages/trivy/src/locations.ts



/** The folder Trivy's Result.Target paths are relative to. */
function targetBase(scanRoot) {
    return (0,external_node_fs_.existsSync)(scanRoot) && (0,external_node_fs_.statSync)(scanRoot).isFile() ? external_node_path_default().dirname(scanRoot) : scanRoot;
}
/**
 * The workspace file a Trivy target names. Image findings have no file in the repository, so they
 * point at the Dockerfile; code scanning needs a location on every result.
 */
function targetFile(target, context) {
    if (context.scanType === 'image')
        return context.dockerfile?.file;
    if (!context.scanRoot)
        return target.split((external_node_path_default()).sep).join('/');
    const absolute = external_node_path_default().resolve(targetBase(context.scanRoot), target);
    const relative = (0,src/* toWorkspacePath */.CR)(context.workspace, absolute);
    return relative.startsWith('..') ? target : relative;
}
const positive = (n) => (n !== undefined && n > 0 ? n : undefined);
/** A line range from Trivy (misconfiguration cause, secret), or the Dockerfile's for images. */
function placeAt(target, context, startLine, endLine) {
    if (context.scanType === 'image')
        return { ...context.dockerfile };
    const line = positive(startLine);
    const end = positive(endLine);
    return {
        file: targetFile(target, context),
        line,
        endLine: line !== undefined && end !== undefined && end >= line ? end : undefined,
    };
}
/** A vulnerable package's line in its lockfile or manifest, when Trivy listed the package with one. */
function placeOfPackage(target, vulnerability, packages, context) {
    if (context.scanType === 'image')
        return { ...context.dockerfile };
    const uid = vulnerability.PkgIdentifier?.UID;
    const found = (uid && packages.find((p) => p.Identifier?.UID === uid)) ||
        (vulnerability.PkgID && packages.find((p) => p.ID === vulnerability.PkgID)) ||
        packages.find((p) => p.Name === vulnerability.PkgName && p.Version === vulnerability.InstalledVersion);
    const where = found ? found.Locations?.[0] : undefined;
    return placeAt(target, context, where?.StartLine, where?.EndLine);
}
/** The Dockerfile and the line of its last FROM: the base image most OS packages come from. */
function dockerfilePlace(workspace, absolute) {
    const file = (0,src/* toWorkspacePath */.CR)(workspace, absolute);
    if (!(0,external_node_fs_.existsSync)(absolute))
        return { file };
    const lines = (0,src/* readWorkspaceFile */.sL)(workspace, absolute, { input: 'dockerfile' }).text.split(/\r?\n/);
    let from;
    lines.forEach((text, index) => {
        if (/^\s*FROM\s/i.test(text))
            from = index + 1;
    });
    return { file, line: from };
}

;// CONCATENATED MODULE: ./packages/trivy/src/action/plan.ts





/** A local path input: relative to the workspace, or absolute (a runner's own tool or cache folder). */
function localPath(workspace, value) {
    return external_node_path_default().resolve(workspace, value);
}
const isUrl = (target) => /^[a-z][a-z0-9+.-]*:\/\//i.test(target) || /^git@/.test(target);
/**
 * `trivyignores` as one `--ignorefile`: Trivy takes a single file, so several plain ones are
 * joined; none is an empty file, so Trivy never falls back to the workspace's `.trivyignore`.
 */
function ignoreOf(files, workspace) {
    const resolved = files.map((file) => (0,src/* resolveInWorkspace */.z1)(workspace, file, { input: 'trivyignores' }));
    if (resolved.length === 0)
        return { text: '' };
    if (resolved.length === 1)
        return { file: resolved[0] };
    if (resolved.some((file) => /\.ya?ml$/i.test(file))) {
        throw new src/* UserError */.yo("input 'trivyignores': a YAML ignore file (.trivyignore.yaml) must be the only one given");
    }
    const parts = files.map((file) => (0,src/* readWorkspaceFile */.sL)(workspace, file, { input: 'trivyignores' }).text);
    return { text: parts.join('\n') };
}
/** The target, the Dockerfile, the allowlist and the ignore files, checked: a bad one fails before Trivy runs. */
async function planTrivyWrap(inputs, context) {
    const { workspace } = context;
    const scanType = inputs['scan-type'];
    const target = inputs.target ?? (scanType === 'image' ? undefined : '.');
    if (!target)
        throw new src/* UserError */.yo("input 'target' is required for scan-type image: the image reference to scan");
    const local = scanType !== 'image' && !(scanType === 'repo' && isUrl(target));
    const scanTarget = local ? (0,src/* resolveInWorkspace */.z1)(workspace, target, { input: 'target' }) : target;
    const dockerfile = scanType === 'image'
        ? dockerfilePlace(workspace, (0,src/* resolveInWorkspace */.z1)(workspace, inputs.dockerfile ?? 'Dockerfile', { input: 'dockerfile' }))
        : undefined;
    return {
        scanType,
        target,
        scanTarget,
        ...(local ? { scanRoot: scanTarget } : {}),
        ...(dockerfile ? { dockerfile } : {}),
        ...(inputs.allowlist ? { allowlist: await loadAllowlist(workspace, inputs.allowlist) } : {}),
        ignore: ignoreOf(inputs.trivyignores, workspace),
        ...(inputs['trivy-path'] ? { trivyPath: localPath(workspace, inputs['trivy-path']) } : {}),
        trivyVersion: inputs['trivy-version'],
        ...(inputs['cache-dir'] ? { cacheDir: localPath(workspace, inputs['cache-dir']) } : {}),
        skipDbUpdate: inputs['skip-db-update'],
        scanners: inputs.scanners,
        severity: inputs.severity,
        gated: gatedSeverities(inputs.severity),
        ignoreUnfixed: inputs['ignore-unfixed'],
        timeoutMs: inputs.timeout,
    };
}

;// CONCATENATED MODULE: ./packages/trivy/src/findings.ts



/** The CVSS score to report: NVD's first, then the source Trivy took the severity from, then any. */
function cvssScore(cvss, source) {
    if (!cvss)
        return undefined;
    const order = [...new Set(['nvd', ...(source ? [source] : []), ...Object.keys(cvss)])];
    for (const key of order) {
        const score = cvss[key]?.V3Score ?? cvss[key]?.V40Score;
        if (score !== undefined && score >= 0 && score <= 10)
            return score;
    }
    return undefined;
}
/** Every vulnerability, failed misconfiguration, secret and license finding in a Trivy report. */
function collectFindings(report, context) {
    const found = [];
    for (const result of report.Results) {
        const base = { target: result.Target, type: result.Type, status: 'open' };
        for (const v of result.Vulnerabilities) {
            found.push({
                ...base,
                kind: 'vulnerability',
                id: v.VulnerabilityID,
                aliases: [],
                severity: toSeverity(v.Severity),
                pkg: v.PkgName,
                installed: v.InstalledVersion,
                fixed: v.FixedVersion || undefined,
                title: v.Title || v.VulnerabilityID,
                description: v.Description,
                url: v.PrimaryURL || v.References?.[0],
                cvss: cvssScore(v.CVSS, v.SeveritySource),
                ...placeOfPackage(result.Target, v, result.Packages, context),
            });
        }
        for (const m of result.Misconfigurations) {
            // PASS and EXCEPTION are not findings (Trivy lists them only with --include-non-failures).
            if ((m.Status ?? 'FAIL').toUpperCase() !== 'FAIL')
                continue;
            const id = m.ID || m.AVDID || 'misconfiguration';
            found.push({
                ...base,
                kind: 'misconfiguration',
                id,
                aliases: m.AVDID && m.AVDID !== id ? [m.AVDID] : [],
                severity: toSeverity(m.Severity),
                title: m.Title || id,
                detail: m.Message,
                description: m.Description,
                resolution: m.Resolution,
                url: m.PrimaryURL || m.References?.[0],
                ...placeAt(result.Target, context, m.CauseMetadata?.StartLine, m.CauseMetadata?.EndLine),
            });
        }
        for (const s of result.Secrets) {
            found.push({
                ...base,
                kind: 'secret',
                id: s.RuleID,
                aliases: [],
                severity: toSeverity(s.Severity),
                title: s.Title || s.RuleID,
                // Never the match itself: it is (part of) the secret.
                detail: s.Category ? `${s.Category} secret` : 'secret',
                ...placeAt(result.Target, context, s.StartLine, s.EndLine),
            });
        }
        // Trivy rates each license by its category (forbidden CRITICAL, restricted HIGH, …): the
        // severity gate and the allowlist treat it like any other finding, id = the license name.
        for (const l of result.Licenses) {
            const id = l.Name || 'unknown license';
            const category = l.Category?.toLowerCase();
            found.push({
                ...base,
                kind: 'license',
                id,
                aliases: [],
                severity: toSeverity(l.Severity),
                pkg: l.PkgName || undefined,
                title: `${id} license${category ? ` (${category})` : ''}`,
                detail: category,
                url: l.Link || undefined,
                ...(l.FilePath
                    ? placeAt(l.FilePath, context, undefined, undefined)
                    : context.scanType === 'image'
                        ? { ...context.dockerfile }
                        : {}),
            });
        }
    }
    return found;
}
/** Decide each finding's status: ignore-unfixed, then the allowlist, then the severity gate. */
function gateFindings(findings, options) {
    const entries = (options.allowlist?.entries ?? []).map((entry) => ({
        entry,
        expired: isExpired(entry, options.now),
        matched: 0,
    }));
    const gatedFindings = findings.map((finding) => {
        if (options.ignoreUnfixed && finding.kind === 'vulnerability' && !finding.fixed) {
            return { ...finding, status: 'unfixed' };
        }
        const matching = entries.filter((use) => entryMatches(use.entry, finding));
        for (const use of matching)
            use.matched++;
        const active = matching.find((use) => !use.expired);
        if (active)
            return { ...finding, status: 'allowlisted', allowlistLine: active.entry.line };
        const status = options.gated.has(finding.severity) ? 'gated' : 'open';
        return { ...finding, status, allowlistLine: matching[0]?.entry.line };
    });
    return { findings: gatedFindings, entries };
}
/** Most severe first; among equals, the higher CVSS score, then the id. */
function bySeverity(a, b) {
    return (severityRank(b.severity) - severityRank(a.severity) ||
        (b.cvss ?? fallbackScore(b.severity) ?? 0) - (a.cvss ?? fallbackScore(a.severity) ?? 0) ||
        a.id.localeCompare(b.id));
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./node_modules/@actions/tool-cache/lib/tool-cache.js + 2 modules
var tool_cache = __webpack_require__(9805);
;// CONCATENATED MODULE: ./packages/trivy/src/pinned.ts
/**
 * Trivy releases we install, pinned by the SHA-256 of each release archive.
 *
 * The sums live in our source on purpose: a checksums file fetched from the same release as the
 * archive proves nothing once that release is tampered with — as in March 2026, when Trivy's
 * release automation was compromised and published a malicious v0.69.4, and releases 0.27–0.69.1
 * were pulled from GitHub. 0.69.3 is the last release before that compromise.
 *
 * Provenance of these sums: transcribed from `trivy_0.69.3_checksums.txt` as quoted, identically,
 * by several independent public projects that pin Trivy 0.69.3 (install scripts, Makefiles,
 * Dockerfiles). They were NOT recomputed from the archives here (this machine cannot reach
 * GitHub). NEEDS VERIFICATION against the release's own checksums file and its cosign signature
 * before relying on them in production.
 *
 * To bump: add a version block with all five sums from the new release's checksums file, verified
 * with `cosign verify-blob`, then change PINNED_TRIVY_VERSION and the action.yml default.
 */
const PINNED_TRIVY_VERSION = '0.69.3';
// prettier-ignore
const PINNED_SUMS = {
    '0.69.3': {
        'linux-x64': '1816b632dfe529869c740c0913e36bd1629cb7688bd5634f4a858c1d57c88b75', // trivy_0.69.3_Linux-64bit.tar.gz
        'linux-arm64': '7e3924a974e912e57b4a99f65ece7931f8079584dae12eb7845024f97087bdfd', // trivy_0.69.3_Linux-ARM64.tar.gz
        'darwin-x64': 'fec4a9f7569b624dd9d044fca019e5da69e032700edbb1d7318972c448ec2f4e', // trivy_0.69.3_macOS-64bit.tar.gz
        'darwin-arm64': 'a2f2179afd4f8bb265ca3c7aefb56a666bc4a9a411663bc0f22c3549fbc643a5', // trivy_0.69.3_macOS-ARM64.tar.gz
        'win32-x64': '74362dc711383255308230ecbeb587eb1e4e83a8d332be5b0259afac6e0c2224', // trivy_0.69.3_windows-64bit.zip
    },
};
// Release asset names, as Trivy's GoReleaser config writes them.
const ASSET_SUFFIX = {
    'linux-x64': 'Linux-64bit.tar.gz',
    'linux-arm64': 'Linux-ARM64.tar.gz',
    'darwin-x64': 'macOS-64bit.tar.gz',
    'darwin-arm64': 'macOS-ARM64.tar.gz',
    'win32-x64': 'windows-64bit.zip',
};
function assetName(version, platform) {
    return `trivy_${version}_${ASSET_SUFFIX[platform]}`;
}
function isPlatformKey(key) {
    return key in ASSET_SUFFIX;
}

;// CONCATENATED MODULE: ./packages/trivy/src/install.ts








const DEFAULT_DOWNLOAD_BASE = 'https://github.com/aquasecurity/trivy/releases/download';
/** Overrides where releases are downloaded from (a mirror, or a test server). Sums are still checked. */
const DOWNLOAD_BASE_ENV = 'LLMOPS_TRIVY_DOWNLOAD_BASE';
const LOOPBACK = new Set(['127.0.0.1', '[::1]', 'localhost']);
function downloadBase(env) {
    const override = env[DOWNLOAD_BASE_ENV]?.trim();
    if (!override)
        return DEFAULT_DOWNLOAD_BASE;
    let url;
    try {
        url = new URL(override);
    }
    catch {
        throw new src/* UserError */.yo(`${DOWNLOAD_BASE_ENV} '${override}' is not a URL`);
    }
    // Plain http only where nobody can sit in between.
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname))) {
        throw new src/* UserError */.yo(`${DOWNLOAD_BASE_ENV} must be an https URL (http only on loopback), got '${override}'`);
    }
    return override.replace(/\/+$/, '');
}
async function sha256File(file) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    for await (const chunk of (0,external_node_fs_.createReadStream)(file))
        hash.update(chunk);
    return hash.digest('hex');
}
/**
 * Written by us next to the binary we extracted from a verified archive. The tool cache is
 * shared with every other step on the runner: an entry without it, for another pin, or whose
 * binary no longer hashes to what we installed, is not used.
 */
const INSTALL_MARKER = '.llmops-trivy-install.json';
/** Why a tool-cache entry is not ours to run, or undefined when it is. */
async function refuseCached(dir, exe, expected) {
    let record;
    try {
        record = JSON.parse(await (0,promises_.readFile)(external_node_path_default().join(dir, INSTALL_MARKER), 'utf8'));
    }
    catch {
        return 'it has no llmops install record (not installed by llmops from a verified archive)';
    }
    if (record.version !== expected.version || record.archiveSha256 !== expected.archiveSha256)
        return `its install record is for another archive (${record.archiveSha256 ?? 'none'})`;
    const actual = await sha256File(external_node_path_default().join(dir, exe));
    if (actual !== record.binarySha256)
        return `its ${exe} hashes to ${actual}, not ${record.binarySha256} as installed`;
    return undefined;
}
/** tool-cache wants the runner's folders; outside Actions (the CLI) use the user's cache. */
function ensureRunnerFolders(env) {
    const base = external_node_path_default().join(external_node_os_default().homedir(), '.cache', 'llmops');
    process.env.RUNNER_TOOL_CACHE ||= env.RUNNER_TOOL_CACHE || external_node_path_default().join(base, 'tools');
    process.env.RUNNER_TEMP ||= env.RUNNER_TEMP || external_node_path_default().join(base, 'tmp');
}
/**
 * Put the pinned Trivy release in the tool cache and return its executable: download the archive
 * for this OS/arch, refuse it unless its SHA-256 equals the sum pinned in our source, extract it,
 * and record the binary's SHA-256 next to it. A cache hit is used only when that record is ours,
 * for the pinned archive, and the binary still hashes to it. (This keeps out binaries other
 * steps or tools put in the cache, and ones changed since; a step that can write the tool cache
 * and forge the record is not stopped by it — use trivy-path for a Trivy you verify yourself.)
 */
async function installTrivy(options) {
    const env = options.env ?? process.env;
    const log = options.log ?? (() => { });
    const sums = options.sums ?? PINNED_SUMS;
    const platform = options.platform ?? process.platform;
    const arch = options.arch ?? process.arch;
    const key = `${platform}-${arch}`;
    const version = options.version.replace(/^v/, '');
    const pinned = sums[version];
    if (!pinned) {
        throw new src/* UserError */.yo(`no SHA-256 sums are pinned for Trivy ${version} (pinned: ${Object.keys(sums).join(', ')}); use a pinned trivy-version, or trivy-path for a Trivy you installed`);
    }
    const expected = isPlatformKey(key) ? pinned[key] : undefined;
    if (!isPlatformKey(key) || !expected) {
        throw new src/* UserError */.yo(`Trivy ${version} has no pinned release for ${key}; use trivy-path for a Trivy you installed`);
    }
    const exe = platform === 'win32' ? 'trivy.exe' : 'trivy';
    ensureRunnerFolders(env);
    const cached = tool_cache/* find */.I6('trivy', version, arch);
    if (cached && (0,external_node_fs_.existsSync)(external_node_path_default().join(cached, exe))) {
        const refused = await refuseCached(cached, exe, { version, archiveSha256: expected });
        if (!refused) {
            log(`Using Trivy ${version} from the tool cache (${cached}), binary sha256 as installed`);
            return { path: external_node_path_default().join(cached, exe), version, fromCache: true };
        }
        log(`Not using the tool cache's Trivy ${version} (${cached}): ${refused}; installing it again`);
    }
    const asset = assetName(version, key);
    const url = `${downloadBase(env)}/v${version}/${asset}`;
    log(`Downloading ${url}`);
    await (0,promises_.mkdir)(process.env.RUNNER_TEMP, { recursive: true });
    let archive;
    try {
        archive = await tool_cache/* downloadTool */.bq(url);
    }
    catch (error) {
        throw new src/* UserError */.yo(`could not download Trivy ${version} from ${url}: ${error.message}`);
    }
    try {
        const actual = await sha256File(archive);
        if (actual !== expected) {
            throw new src/* UserError */.yo(`checksum mismatch for ${asset} from ${url}: expected SHA-256 ${expected} (pinned in llmops), got ${actual}. The archive was not extracted or run.`);
        }
        log(`Verified ${asset}: sha256 ${actual}`);
        const extracted = asset.endsWith('.zip') ? await tool_cache/* extractZip */.JE(archive) : await tool_cache/* extractTar */.nN(archive);
        if (!(0,external_node_fs_.existsSync)(external_node_path_default().join(extracted, exe))) {
            throw new src/* UserError */.yo(`${asset} has no '${exe}' at its top level`);
        }
        const record = {
            version,
            asset,
            archiveSha256: actual,
            binarySha256: await sha256File(external_node_path_default().join(extracted, exe)),
        };
        await (0,promises_.writeFile)(external_node_path_default().join(extracted, INSTALL_MARKER), `${JSON.stringify(record, null, 2)}\n`);
        const dir = await tool_cache/* cacheDir */.e8(extracted, 'trivy', version, arch);
        return { path: external_node_path_default().join(dir, exe), version, fromCache: false };
    }
    finally {
        await (0,promises_.rm)(archive, { force: true });
    }
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
;// CONCATENATED MODULE: ./packages/trivy/src/run-trivy.ts


/** Every severity: Trivy reports all of them, and our gate decides which fail. */
const ALL_SEVERITIES = 'UNKNOWN,LOW,MEDIUM,HIGH,CRITICAL';
/**
 * Trivy's command line. `--exit-code 0` keeps findings out of the exit code, so a non-zero exit
 * always means Trivy itself failed; the gate is ours, on the JSON. Trivy would otherwise read a
 * `trivy.yaml` and `.trivyignore` from its working folder (the workspace, which the pull request
 * controls) and drop findings before our gate sees them: `--config`, `--ignorefile` and
 * `--severity` are always given.
 */
function trivyArgs(scan) {
    const args = [
        scan.scanType,
        '--config',
        scan.configFile,
        '--format',
        'json',
        '--output',
        scan.output,
        '--exit-code',
        '0',
        '--severity',
        ALL_SEVERITIES,
    ];
    // `trivy config` only scans for misconfigurations and takes no --scanners.
    if (scan.scanType !== 'config' && scan.scanners.length)
        args.push('--scanners', scan.scanners.join(','));
    // Packages carry their line in the lockfile, which lets findings point at it.
    if (scan.scanType === 'fs' || scan.scanType === 'repo')
        args.push('--list-all-pkgs');
    if (scan.cacheDir)
        args.push('--cache-dir', scan.cacheDir);
    if (scan.skipDbUpdate) {
        if (scan.scanType === 'config')
            args.push('--skip-check-update');
        else {
            args.push('--skip-db-update', '--skip-java-db-update');
            if (scan.scanners.includes('misconfig'))
                args.push('--skip-check-update');
        }
    }
    args.push('--ignorefile', scan.ignoreFile);
    args.push('--timeout', `${Math.max(1, Math.ceil(scan.timeoutMs / 1000))}s`);
    // `--` ends the flags (Trivy's cobra/pflag command line): the target is never read as one.
    args.push('--', scan.target);
    return args;
}
// Trivy reads every flag from TRIVY_<FLAG> too. These change which findings reach the JSON or
// what the JSON is, so a workflow's env (or one set by an earlier step) would bypass the gate.
// Database, cache, registry and auth variables stay.
const GATE_AFFECTING_TRIVY_ENV = [
    'TRIVY_CONFIG',
    'TRIVY_SEVERITY',
    'TRIVY_IGNORE_UNFIXED',
    'TRIVY_IGNORE_STATUS',
    'TRIVY_IGNOREFILE',
    'TRIVY_IGNORE_POLICY',
    'TRIVY_IGNORED_LICENSES',
    'TRIVY_VEX',
    'TRIVY_SKIP_FILES',
    'TRIVY_SKIP_DIRS',
    'TRIVY_SCANNERS',
    'TRIVY_SECURITY_CHECKS',
    'TRIVY_PKG_TYPES',
    'TRIVY_VULN_TYPE',
    'TRIVY_EXIT_CODE',
    'TRIVY_EXIT_ON_EOL',
    'TRIVY_FORMAT',
    'TRIVY_TEMPLATE',
    'TRIVY_OUTPUT',
    'TRIVY_REPORT',
    'TRIVY_SECRET_CONFIG',
    'TRIVY_LICENSE_CONFIDENCE_LEVEL',
];
/** The environment Trivy runs with: the caller's, minus the variables that would filter findings. */
function trivyEnv(env) {
    const strip = new Set(GATE_AFFECTING_TRIVY_ENV);
    const kept = {};
    const removed = [];
    for (const [name, value] of Object.entries(env)) {
        if (strip.has(name.toUpperCase()))
            removed.push(name);
        else
            kept[name] = value;
    }
    return { env: kept, removed: removed.sort() };
}
const STDERR_KEEP = 64 * 1024;
/** After SIGTERM, how long the process group has before SIGKILL. */
const TERM_GRACE_MS = 3000;
/** After Trivy exits, how long a process it left behind may hold stderr open. */
const DRAIN_MS = 2000;
/**
 * Trivy enforces --timeout itself; our own deadline only catches a Trivy that hangs past it, a
 * tenth of the timeout later (2 s to 30 s).
 */
function backstopMs(timeoutMs) {
    return timeoutMs + Math.min(30_000, Math.max(2000, Math.round(timeoutMs / 10)));
}
/**
 * Run Trivy to completion; a Trivy that cannot be started at all is a UserError. It runs in its
 * own process group, so a timeout or cancellation stops everything it started (a child left
 * holding stderr would otherwise keep the pipe, and us, open), and once it is stopped — or has
 * exited — we wait for its stderr only briefly.
 */
function runTrivy(binary, args, options) {
    const started = Date.now();
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_.spawn)(binary, args, {
            cwd: options.cwd,
            env: options.env,
            stdio: ['ignore', 'ignore', 'pipe'],
            detached: true,
        });
        let stderr = '';
        let timedOut = false;
        let exited;
        let settled = false;
        child.stderr.setEncoding('utf8');
        child.stderr.on('data', (chunk) => {
            stderr = (stderr + chunk).slice(-STDERR_KEEP);
        });
        const killGroup = (signal) => {
            try {
                if (child.pid)
                    process.kill(-child.pid, signal);
            }
            catch {
                // the group is gone already
            }
        };
        // Our process ending takes Trivy's group with it.
        const onProcessExit = () => killGroup('SIGKILL');
        process.once('exit', onProcessExit);
        const timers = new AbortController();
        const after = (ms, then) => (0,src/* sleep */.yy)(ms, timers.signal).then(then, () => { });
        const stop = (signal) => {
            killGroup(signal);
            if (signal === 'SIGTERM')
                void after(TERM_GRACE_MS, () => killGroup('SIGKILL'));
            if (exited)
                finish();
        };
        const abort = () => stop('SIGTERM');
        options.signal?.addEventListener('abort', abort, { once: true });
        const settle = () => {
            if (settled)
                return false;
            settled = true;
            timers.abort();
            process.removeListener('exit', onProcessExit);
            options.signal?.removeEventListener('abort', abort);
            return true;
        };
        const finish = () => {
            if (!settle())
                return;
            // Trivy has exited: anything still in its group is left over (and may hold stderr).
            killGroup('SIGKILL');
            child.stderr.destroy();
            resolve({
                exitCode: exited?.code ?? null,
                signal: exited?.signal ?? null,
                stderr,
                timedOut,
                durationMs: Date.now() - started,
            });
        };
        // core's sleep, not setTimeout: a timeout near the timer limit plus the backstop must not fire at once.
        void after(backstopMs(options.timeoutMs), () => {
            timedOut = true;
            stop('SIGTERM');
        });
        child.on('error', (error) => {
            if (settle())
                reject(new src/* UserError */.yo(`cannot run Trivy at ${binary}: ${error.code ?? error.message}`));
        });
        child.on('exit', (code, signal) => {
            exited = { code, signal };
            if (timedOut || options.signal?.aborted)
                return finish();
            // Whatever Trivy left running must not hold stderr, and us, open for long.
            void after(DRAIN_MS, finish);
        });
        child.on('close', () => {
            if (exited)
                finish();
        });
    });
}

;// CONCATENATED MODULE: ./packages/trivy/src/schema.ts


// Trivy JSON report, SchemaVersion 2 (pkg/types/report.go in aquasecurity/trivy):
//   { SchemaVersion, ArtifactName, ArtifactType, Metadata, Results[] }
//   Results[]: { Target, Class, Type, Packages[], Vulnerabilities[], Misconfigurations[], Secrets[], Licenses[] }
//   Licenses[] (DetectedLicense, pkg/fanal/types/artifact.go): { Severity, Category, PkgName, FilePath,
//     Name, Text, Confidence, Link }; Class `license` for package licenses (PkgName set), `license-file`
//     for licenses found in files (FilePath set).
// Trivy omits empty fields (`omitempty`), so every array may be absent; fields we do not read are
// dropped, so a newer Trivy's additions parse too.
/** An array Trivy may omit or write as null: absent means empty. */
const list = (item) => schemas/* array */.YOg(item)
    .nullish()
    .transform((value) => value ?? []);
/** A field we read but can live without: a value of the wrong type is treated as absent. */
const opt = (schema) => schema.optional().catch(undefined);
const schema_text = () => opt(schemas/* string */.YjP());
const schema_int = () => opt(schemas/* number */.aig().int());
const cvss = schemas/* object */.Ikc({ V3Score: opt(schemas/* number */.aig()), V40Score: opt(schemas/* number */.aig()), V2Score: opt(schemas/* number */.aig()) });
const vulnerability = schemas/* object */.Ikc({
    VulnerabilityID: schemas/* string */.YjP(),
    PkgID: schema_text(),
    PkgName: schema_text(),
    PkgPath: schema_text(),
    PkgIdentifier: opt(schemas/* object */.Ikc({ PURL: schema_text(), UID: schema_text() })),
    InstalledVersion: schema_text(),
    FixedVersion: schema_text(),
    Status: schema_text(),
    SeveritySource: schema_text(),
    PrimaryURL: schema_text(),
    Title: schema_text(),
    Description: schema_text(),
    Severity: schema_text(),
    References: opt(list(schemas/* string */.YjP())),
    CVSS: opt(schemas/* record */.g1P(schemas/* string */.YjP(), cvss.catch({}))),
});
const misconfiguration = schemas/* object */.Ikc({
    Type: schema_text(),
    ID: schema_text(),
    AVDID: schema_text(),
    Title: schema_text(),
    Description: schema_text(),
    Message: schema_text(),
    Resolution: schema_text(),
    Severity: schema_text(),
    PrimaryURL: schema_text(),
    References: opt(list(schemas/* string */.YjP())),
    Status: schema_text(),
    CauseMetadata: opt(schemas/* object */.Ikc({ Resource: schema_text(), StartLine: schema_int(), EndLine: schema_int() })),
});
const secret = schemas/* object */.Ikc({
    RuleID: schemas/* string */.YjP(),
    Category: schema_text(),
    Severity: schema_text(),
    Title: schema_text(),
    StartLine: schema_int(),
    EndLine: schema_int(),
    Match: schema_text(),
});
const license = schemas/* object */.Ikc({
    Severity: schema_text(),
    Category: schema_text(),
    PkgName: schema_text(),
    FilePath: schema_text(),
    Name: schema_text(),
    Confidence: opt(schemas/* number */.aig()),
    Link: schema_text(),
});
const pkg = schemas/* object */.Ikc({
    ID: schema_text(),
    Name: schema_text(),
    Version: schema_text(),
    Identifier: opt(schemas/* object */.Ikc({ PURL: schema_text(), UID: schema_text() })),
    Locations: opt(list(schemas/* object */.Ikc({ StartLine: schema_int(), EndLine: schema_int() }))),
});
const result = schemas/* object */.Ikc({
    Target: schemas/* string */.YjP(),
    Class: schema_text(),
    Type: schema_text(),
    Packages: list(pkg),
    Vulnerabilities: list(vulnerability),
    Misconfigurations: list(misconfiguration),
    Secrets: list(secret),
    Licenses: list(license),
});
const trivyReportSchema = schemas/* object */.Ikc({
    SchemaVersion: schemas/* literal */.euz(2),
    // Trivy always names what it scanned; a report without it is not a scan that found nothing.
    ArtifactName: schemas/* string */.YjP().min(1),
    ArtifactType: schemas/* string */.YjP().min(1),
    Trivy: opt(schemas/* object */.Ikc({ Version: schema_text() })),
    Results: list(result),
});
/** Parse Trivy's JSON output; anything that is not a schema-2 Trivy report is refused with one line. */
function parseTrivyReport(json, file) {
    let value;
    try {
        value = JSON.parse(json);
    }
    catch (error) {
        throw new src/* UserError */.yo(`${file} is not JSON (${error.message}): expected Trivy's --format json output`);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw new src/* UserError */.yo(`${file} is not a Trivy JSON report: expected an object with SchemaVersion 2`);
    }
    const version = value.SchemaVersion;
    if (version === undefined) {
        throw new src/* UserError */.yo(`${file} is not a Trivy JSON report: it has no SchemaVersion (was it written with --format json?)`);
    }
    if (version !== 2) {
        throw new src/* UserError */.yo(`${file} is a Trivy report of SchemaVersion ${JSON.stringify(version)}; only 2 is supported`);
    }
    const missing = ['ArtifactName', 'ArtifactType'].filter((key) => {
        const field = value[key];
        return typeof field !== 'string' || field === '';
    });
    if (missing.length) {
        throw new src/* UserError */.yo(`${file} is not a complete Trivy report: it has no ${missing.join(' or ')}, so it cannot stand for a clean scan`);
    }
    const parsed = trivyReportSchema.safeParse(value);
    if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
        throw new src/* UserError */.yo(`${file} is not a valid Trivy JSON report: ${where.replace(/^\./, '') || 'root'}: ${issue.message}`);
    }
    return parsed.data;
}

;// CONCATENATED MODULE: ./packages/trivy/src/action/run.ts








function lastLines(text, count) {
    return text.trim().split(/\r?\n/).slice(-count).join(' ⏎ ');
}
/** Install (or take) Trivy, run it with JSON output in a temporary folder, and gate its report. */
async function runTrivyWrap(plan, context) {
    const { workspace, env, log } = context;
    const trivy = plan.trivyPath
        ? { path: plan.trivyPath, version: undefined }
        : await installTrivy({ version: plan.trivyVersion, env, log });
    const tmp = await (0,promises_.mkdtemp)(external_node_path_default().join(env.RUNNER_TEMP || external_node_os_default().tmpdir(), 'llmops-trivy-'));
    try {
        const output = external_node_path_default().join(tmp, 'trivy-report.json');
        const configFile = external_node_path_default().join(tmp, 'empty.yaml');
        await (0,promises_.writeFile)(configFile, '');
        let ignoreFile;
        if ('file' in plan.ignore)
            ignoreFile = plan.ignore.file;
        else {
            ignoreFile = external_node_path_default().join(tmp, plan.ignore.text ? '.trivyignore' : 'empty.trivyignore');
            await (0,promises_.writeFile)(ignoreFile, plan.ignore.text);
        }
        const args = trivyArgs({
            scanType: plan.scanType,
            target: plan.scanTarget,
            output,
            scanners: plan.scanners,
            cacheDir: plan.cacheDir,
            skipDbUpdate: plan.skipDbUpdate,
            ignoreFile,
            configFile,
            timeoutMs: plan.timeoutMs,
        });
        const child = trivyEnv(env);
        if (child.removed.length)
            log(`Not passing ${child.removed.join(', ')} to Trivy: they would filter findings before the gate (use trivy-wrap's inputs)`);
        if (plan.scanType === 'config' && plan.scanners.length)
            log('scan-type config scans misconfigurations only: scanners ignored');
        log(`Running ${trivy.path} ${args.join(' ')}`);
        const exit = await runTrivy(trivy.path, args, {
            env: child.env,
            cwd: workspace,
            timeoutMs: plan.timeoutMs,
            signal: context.signal,
        });
        log(`Trivy finished in ${Math.round(exit.durationMs / 1000)}s with exit code ${exit.exitCode ?? exit.signal}`);
        if (exit.exitCode !== 0)
            return { failed: exit };
        let json;
        try {
            json = await (0,promises_.readFile)(output, 'utf8');
        }
        catch {
            throw new src/* UserError */.yo(`Trivy exited 0 but wrote no report to ${output}; its stderr ends: ${lastLines(exit.stderr, 3)}`);
        }
        const report = parseTrivyReport(json, 'Trivy output');
        const findings = collectFindings(report, {
            scanType: plan.scanType,
            workspace,
            scanRoot: plan.scanRoot,
            dockerfile: plan.dockerfile,
        });
        const gate = gateFindings(findings, {
            gated: plan.gated,
            ignoreUnfixed: plan.ignoreUnfixed,
            allowlist: plan.allowlist,
            now: new Date(),
        });
        return { gate, report, trivyVersion: report.Trivy?.Version ?? trivy.version };
    }
    finally {
        await (0,promises_.rm)(tmp, { recursive: true, force: true });
    }
}

;// CONCATENATED MODULE: ./packages/trivy/src/action/report.ts




const ACTION = 'trivy-wrap';
const EXPIRED_RULE = 'trivy-wrap/expired-allowlist';
const SECRET_DOCS = 'https://trivy.dev/latest/docs/scanner/secret/';
const TOP_ROWS = 200;
function emptyCounts() {
    return { CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0, UNKNOWN: 0 };
}
const isOpen = (f) => f.status === 'gated' || f.status === 'open';
function where(f) {
    return f.kind === 'vulnerability' ? `${f.pkg ?? '?'} ${f.installed ?? ''}`.trim() : f.target;
}
function message(f) {
    const sev = f.severity;
    if (f.kind === 'vulnerability') {
        const fix = f.fixed ? `fixed in ${f.fixed}` : 'no fixed version yet';
        return `${f.id} (${sev}) in ${where(f)}, ${fix}: ${f.title} [${f.target}]`;
    }
    if (f.kind === 'misconfiguration')
        return `${f.id} (${sev}): ${f.detail || f.title} [${f.target}]`;
    if (f.kind === 'license') {
        const used = f.pkg ? `used by ${f.pkg}` : `in ${f.file ?? f.target}`;
        return `${f.title} (${sev}) ${used} [${f.target}]`;
    }
    return `${f.title} (${sev}, ${f.detail ?? 'secret'}) in ${f.target}`;
}
function help(f) {
    const parts = [f.description || f.title];
    if (f.resolution)
        parts.push(`Resolution: ${f.resolution}`);
    if (f.kind === 'vulnerability')
        parts.push('Upgrade the package to a fixed version, or rebuild on a base image that has one.');
    if (f.kind === 'secret')
        parts.push('Remove the secret from the repository and its history, and rotate it.');
    if (f.kind === 'license')
        parts.push('Replace the component, or record the legal sign-off as an allowlist entry (id: the license name, package: the package).');
    const url = f.url ?? (f.kind === 'secret' ? SECRET_DOCS : undefined);
    if (url)
        parts.push(url);
    return parts.join('\n\n');
}
/** A gated Trivy finding as the report model's finding: annotation, SARIF result and rule. */
function toFinding(f) {
    return {
        ruleId: f.id,
        level: 'error',
        message: message(f),
        file: f.file,
        line: f.line,
        endLine: f.endLine,
        title: f.kind === 'vulnerability' ? `${f.id}: ${f.title}` : f.title,
        help: help(f),
        helpUri: f.url ?? (f.kind === 'secret' ? SECRET_DOCS : undefined),
        securitySeverity: f.cvss ?? fallbackScore(f.severity),
        // Image findings share a rule and the FROM line: the target and package keep alerts apart.
        fingerprint: [f.id, f.target, f.pkg ?? '', f.installed ?? '', f.line ?? '']
            .concat(f.kind === 'license' ? [f.file ?? ''] : [])
            .join('|'),
    };
}
/** `file` is the allowlist file; an inline list (the input) has none, so its line goes in the message. */
function expiredFinding(use, file) {
    const e = use.entry;
    const what = use.matched
        ? `it no longer suppresses ${use.matched} finding${use.matched === 1 ? '' : 's'}`
        : 'it matches no finding';
    return {
        ruleId: EXPIRED_RULE,
        level: 'warning',
        title: `Allowlist entry ${e.id} expired`,
        message: `${file ? '' : `input 'allowlist', line ${e.line}: `}Allowlist entry ${e.id} expired on ${e.expires}: ${what}. Fix it, or renew the entry with a new reason.`,
        ...(file ? { file, line: e.line } : {}),
        help: 'An allowlist entry accepts a risk until its `expires` date. After that the finding counts again, so someone looks at it anew.',
    };
}
function countsTable(findings) {
    const byTarget = new Map();
    for (const f of findings) {
        if (f.status === 'unfixed')
            continue;
        const row = byTarget.get(f.target) ?? { type: f.type, counts: emptyCounts(), allowlisted: 0 };
        if (f.status === 'allowlisted')
            row.allowlisted++;
        else
            row.counts[f.severity]++;
        byTarget.set(f.target, row);
    }
    return {
        title: 'Findings by target',
        columns: ['Target', 'Type', 'Critical', 'High', 'Medium', 'Low', 'Unknown', 'Allowlisted'],
        rows: [...byTarget].map(([target, r]) => [
            target,
            r.type,
            ...SEVERITIES.map((s) => r.counts[s]),
            r.allowlisted,
        ]),
    };
}
function topTable(findings) {
    const open = findings.filter(isOpen).sort(bySeverity);
    const location = (f) => f.file ? [f.file, f.line].filter((p) => p !== undefined).join(':') : f.target;
    const hidden = open.length - Math.min(open.length, TOP_ROWS);
    return {
        title: 'Top findings',
        columns: ['Severity', 'ID', 'Package or check', 'Installed', 'Fixed', 'Location', 'Title'],
        rows: open
            .slice(0, TOP_ROWS)
            .map((f) => [
            f.severity,
            f.id,
            f.kind === 'vulnerability' || (f.kind === 'license' && f.pkg) ? f.pkg : f.kind,
            f.installed,
            f.fixed,
            location(f),
            f.title,
        ]),
        note: hidden > 0 ? `${hidden} more findings in the JSON report.` : undefined,
    };
}
function allowlistTable(entries) {
    return {
        title: 'Allowlist',
        columns: ['ID', 'Package', 'Target', 'Expires', 'Status', 'Matches', 'Reason'],
        rows: entries.map((u) => [
            u.entry.id,
            u.entry.package,
            u.entry.target,
            u.entry.expires,
            u.expired ? 'expired' : 'active',
            u.matched,
            u.entry.reason,
        ]),
    };
}
/** The one report: verdict from the gated findings, counts, tables, and findings for annotations and SARIF. */
function buildReport(result, scan) {
    const counts = emptyCounts();
    for (const f of result.findings)
        if (isOpen(f))
            counts[f.severity]++;
    const gated = result.findings.filter((f) => f.status === 'gated').sort(bySeverity);
    const allowlisted = result.findings.filter((f) => f.status === 'allowlisted').length;
    const unfixed = result.findings.filter((f) => f.status === 'unfixed').length;
    const expired = result.entries.filter((u) => u.expired);
    const gate = scan.gate.join(', ');
    const below = result.findings.filter((f) => f.status === 'open').length;
    const verdict = gated.length ? 'fail' : 'pass';
    const reasons = [];
    if (gated.length) {
        const bySev = SEVERITIES.map((s) => [s, gated.filter((f) => f.severity === s).length]).filter(([, n]) => n);
        reasons.push(`${bySev.map(([s, n]) => `${n} ${s}`).join(', ')} not allowlisted (gate: ${gate})`);
        const revived = gated.filter((f) => f.allowlistLine !== undefined).length;
        if (revived)
            reasons.push(`${revived} of them had an allowlist entry that has expired`);
    }
    const extras = [
        below ? `${below} below the gate` : '',
        allowlisted ? `${allowlisted} allowlisted` : '',
        unfixed ? `${unfixed} without a fix skipped` : '',
    ].filter(Boolean);
    const headline = (gated.length
        ? `${gated.length} finding${gated.length === 1 ? '' : 's'} at ${gate} in ${scan.artifact}`
        : `No findings at ${gate} in ${scan.artifact}`) + (extras.length ? ` (${extras.join(', ')})` : '');
    const findings = [...expired.map((u) => expiredFinding(u, scan.allowlistFile)), ...gated.map(toFinding)];
    const tables = [countsTable(result.findings), topTable(result.findings)];
    if (result.entries.length)
        tables.push(allowlistTable(result.entries));
    return {
        action: ACTION,
        verdict,
        headline,
        reasons,
        metrics: [
            ['Critical', counts.CRITICAL],
            ['High', counts.HIGH],
            ['Medium', counts.MEDIUM],
            ['Low', counts.LOW],
            ['Unknown', counts.UNKNOWN],
            ['Gated', gated.length],
            ['Allowlisted', allowlisted],
            ...(expired.length ? [['Expired allowlist entries', expired.length]] : []),
            ...(scan.trivyVersion ? [['Trivy', scan.trivyVersion]] : []),
        ],
        tables,
        findings,
        outputs: {
            critical: counts.CRITICAL,
            high: counts.HIGH,
            medium: counts.MEDIUM,
            low: counts.LOW,
            unknown: counts.UNKNOWN,
            gated: gated.length,
            allowlisted,
            'expired-allowlist': expired.length,
        },
        data: {
            artifact: scan.artifact,
            artifactType: scan.artifactType,
            trivyVersion: scan.trivyVersion,
            gate: scan.gate,
            counts,
            findings: result.findings,
            allowlist: result.entries.map((u) => ({ ...u.entry, expired: u.expired, matched: u.matched })),
        },
    };
}
/** Trivy itself failed: no verdict on the image, and never a pass. */
function failedScanReport(exit, target) {
    const how = exit.timedOut
        ? 'was killed after hanging past its timeout'
        : exit.exitCode === null
            ? `was stopped by ${exit.signal}`
            : `exited with code ${exit.exitCode}`;
    const stderr = (0,src/* redactSecrets */.fp)(lastLines(exit.stderr, 8));
    const reasons = [`Trivy ${how}${stderr ? `: ${stderr}` : ' and wrote nothing to stderr'}`];
    if (/TOOMANYREQUESTS|rate.?limit|429/i.test(exit.stderr)) {
        reasons.push('The vulnerability database download was rate-limited: cache the database with actions/cache and set skip-db-update (see the trivy-wrap usage in the README).');
    }
    return {
        action: ACTION,
        verdict: 'inconclusive',
        headline: `Trivy failed to scan ${target}: no verdict`,
        reasons,
        metrics: [],
        tables: [],
        findings: [],
        outputs: {},
        data: {
            trivy: {
                exitCode: exit.exitCode,
                signal: exit.signal,
                timedOut: exit.timedOut,
                stderr: (0,src/* redactSecrets */.fp)(exit.stderr),
            },
        },
    };
}
/** The report of a run: the gate's, or Trivy's own failure. */
function reportTrivyWrap(result, plan) {
    if ('failed' in result)
        return failedScanReport(result.failed, plan.target);
    // publish renders the SARIF file (when sarif-path is set) and warns if code scanning's limits cap it.
    return buildReport(result.gate, {
        artifact: result.report.ArtifactName,
        artifactType: result.report.ArtifactType,
        trivyVersion: result.trivyVersion,
        gate: plan.severity,
        allowlistFile: plan.allowlist?.file,
    });
}

;// CONCATENATED MODULE: ./packages/trivy/src/action/command.ts





const TRIVY_SARIF_TOOL = {
    name: 'llmops-trivy-wrap',
    informationUri: 'https://github.com/llmops/llmops',
};
const trivyWrapCommand = (0,src/* defineCommand */.NB)({
    name: 'trivy-wrap',
    inputs: trivyWrapInputs,
    secretInputs: ['github-token'],
    sarifTool: TRIVY_SARIF_TOOL,
    plan: planTrivyWrap,
    run: runTrivyWrap,
    report: reportTrivyWrap,
});

;// CONCATENATED MODULE: ./packages/trivy/src/index.ts










/***/ })

};
