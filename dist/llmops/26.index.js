export const id = 26;
export const ids = [26];
export const modules = {

/***/ 1026:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  validatePromptsCommand: () => (/* reexport */ validatePromptsCommand),
  validatePromptsInputs: () => (/* reexport */ validatePromptsInputs)
});

// EXTERNAL MODULE: ./packages/core/src/duration.ts
var duration = __webpack_require__(9713);
// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __webpack_require__(7638);
// EXTERNAL MODULE: ./packages/core/src/escape.ts
var src_escape = __webpack_require__(3066);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
;// CONCATENATED MODULE: ./packages/core/src/git.ts



const run = (0,external_node_util_.promisify)(external_node_child_process_.execFile);
async function git(cwd, args) {
    const { stdout } = await run('git', args, { cwd, maxBuffer: 64 * 1024 * 1024 });
    return stdout;
}
/** Contents of a workspace-relative file at a git ref, or undefined when it does not exist there. */
async function readFileAtRef(cwd, ref, file) {
    try {
        return await git(cwd, ['show', `${ref}:${file}`]);
    }
    catch {
        return undefined;
    }
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
    throw new UserError(`base ref '${ref}' is not in the local clone; check out with 'fetch-depth: 0' (actions/checkout) or fetch the base branch`);
}
/** The PR's base branch from the runner's environment, when there is one. */
function defaultBaseRef(env = process.env) {
    return env.GITHUB_BASE_REF || undefined;
}

// EXTERNAL MODULE: ./packages/core/src/inputs.ts
var inputs = __webpack_require__(7276);
// EXTERNAL MODULE: ./packages/core/src/publish.ts + 3 modules
var publish = __webpack_require__(9165);
// EXTERNAL MODULE: ./packages/core/src/secrets.ts
var secrets = __webpack_require__(7620);
// EXTERNAL MODULE: ./packages/core/src/workspace.ts
var workspace = __webpack_require__(3268);
// EXTERNAL MODULE: ./packages/core/src/github/context.ts + 1 modules
var context = __webpack_require__(9747);
// EXTERNAL MODULE: ./packages/core/src/github/sticky-comment.ts
var sticky_comment = __webpack_require__(5302);
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
    const line = (cells) => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
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




















// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 15 modules
var schemas = __webpack_require__(9691);
;// CONCATENATED MODULE: ./packages/evals/src/validate/command.ts


const validatePromptsInputs = schemas/* object */.Ikc({
    paths: inputs/* input */.hF.list(),
    'models-file': inputs/* input */.hF.optional(),
    'max-prompt-tokens': inputs/* input */.hF.number({ min: 0, integer: true }),
    'base-ref': inputs/* input */.hF.optional(),
    'require-version-bump': inputs/* input */.hF.bool(),
    'tokenize-url': inputs/* input */.hF.optional(),
    'fail-on': inputs/* input */.hF.choice(['error', 'warning']),
    'sarif-path': inputs/* input */.hF.optional(),
    'check-run': inputs/* input */.hF.bool(),
    ...inputs/* reportingInputs */.OS,
});
const validatePromptsCommand = {
    name: 'validate-prompts',
    inputs: validatePromptsInputs,
    secretInputs: ['github-token'],
    sarifTool: { name: 'llmops-validate-prompts', informationUri: 'https://github.com/llmops/llmops' },
    async run(inputs) {
        return {
            action: 'validate-prompts',
            verdict: 'pass',
            headline: `placeholder ${inputs.paths.length}`,
            reasons: [],
            metrics: [],
            tables: [],
            findings: [],
            outputs: {},
        };
    },
};

;// CONCATENATED MODULE: ./packages/evals/src/index.ts



/***/ })

};
