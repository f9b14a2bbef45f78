export const id = 522;
export const ids = [522];
export const modules = {

/***/ 7237:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  l: () => (/* binding */ loadPromptFile)
});

// EXTERNAL MODULE: ./packages/core/src/index.ts + 13 modules
var src = __webpack_require__(2395);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./packages/evals/src/prompt-file/positions.ts

/** Source position of a YAML node (1-based), or of the document start when it has none. */
function positionOf(node, lines) {
    const offset = node?.range?.[0] ?? 0;
    const { line, col } = lines.linePos(offset);
    return { line, column: col };
}
/** Position of a key (not its value) in a mapping: where "unknown key" points. */
function keyPositions(node, lines) {
    const out = {};
    if (!(0,dist/* isMap */.jh)(node))
        return out;
    for (const pair of node.items) {
        const key = pair.key;
        if (key && typeof key.value === 'string')
            out[key.value] = positionOf(key, lines);
    }
    return out;
}
/** Position of each value in a mapping: where a finding about a key's value points. */
function valuePositions(node, lines) {
    const out = {};
    if (!(0,dist/* isMap */.jh)(node))
        return out;
    for (const pair of node.items) {
        const key = pair.key;
        if (key && typeof key.value === 'string')
            out[key.value] = positionOf(pair.value ?? key, lines);
    }
    return out;
}

// EXTERNAL MODULE: ./packages/evals/src/prompt-file/schema.ts
var schema = __webpack_require__(8440);
;// CONCATENATED MODULE: ./packages/evals/src/prompt-file/load.ts




const START = { line: 1, column: 1 };
function emptyPrompt(path, file, format) {
    return {
        path,
        file,
        format,
        modelParameters: {},
        messages: [],
        testData: [],
        evaluators: [],
        keys: {},
        values: {},
    };
}
function finding(file, ruleId, level, message, at) {
    return { ruleId, level, message, file, line: at.line, column: at.column };
}
/** Load a GitHub Models prompt file (`*.prompt.yml`) or a Prompty file, keeping source positions. */
function loadPromptFile(path, text, workspace) {
    const file = (0,src/* toWorkspacePath */.CR)(workspace, path);
    return path.endsWith('.prompty') ? loadPrompty(path, file, text) : loadPromptYml(path, file, text);
}
function parseYaml(text, file, lineOffset = 0) {
    const { doc, lines, problems, value } = (0,src/* loadYaml */.yv)(text);
    const findings = problems.map((p) => finding(file, 'yaml/syntax', p.level, p.message, { line: p.line + lineOffset, column: p.column }));
    return { doc, lines, findings, value };
}
function loadPromptYml(path, file, text) {
    const prompt = emptyPrompt(path, file, 'prompt-yml');
    const { doc, lines, findings, value } = parseYaml(text, file);
    if (findings.some((f) => f.level === 'error'))
        return { prompt, findings };
    if (!(0,dist/* isMap */.jh)(doc.contents)) {
        findings.push(finding(file, 'prompt/schema', 'error', 'a prompt file must be a YAML mapping', START));
        return { prompt, findings };
    }
    prompt.keys = keyPositions(doc.contents, lines);
    prompt.values = valuePositions(doc.contents, lines);
    const data = value;
    const parsed = (0,src/* checkYaml */.cX)(schema/* promptFileSchema */.cq, { doc, lines, value: data });
    if (!parsed.success) {
        for (const issue of parsed.issues) {
            const where = issue.path.length ? `'${issue.path.join('.')}': ` : '';
            findings.push(finding(file, 'prompt/schema', 'error', `${where}${issue.message}`, issue));
        }
        return { prompt, findings };
    }
    const p = parsed.data;
    // yaml.v3 decodes `version: 1.10` into a text field as written, not as the number 1.1.
    const asWritten = (key, value) => {
        const node = doc.get(key, true);
        return typeof node?.value === 'number' && node.range ? text.slice(node.range[0], node.range[1]) : value;
    };
    Object.assign(prompt, {
        name: asWritten('name', p.name),
        description: p.description,
        version: asWritten('version', p.version),
        model: p.model,
        modelParameters: p.modelParameters ?? {},
        responseFormat: p.responseFormat,
    });
    const at = (path) => (0,src/* yamlPosition */.b$)({ doc, lines }, path);
    prompt.messages = p.messages.map((m, i) => ({
        role: m.role,
        content: m.content,
        at: at(['messages', i, 'content']),
        roleAt: at(['messages', i, 'role']),
    }));
    prompt.testData = (p.testData ?? []).map((values, i) => ({ values, at: at(['testData', i]) }));
    prompt.evaluators = (p.evaluators ?? []).map((e, i) => ({
        ...e,
        at: at(['evaluators', i]),
    }));
    if (p.jsonSchema !== undefined) {
        try {
            const schema = JSON.parse(p.jsonSchema);
            if (schema && typeof schema === 'object' && !Array.isArray(schema))
                prompt.jsonSchema = schema;
            else
                throw new Error('not a JSON object');
        }
        catch (error) {
            findings.push(finding(file, 'prompt/json-schema', 'error', `jsonSchema is not valid JSON: ${error.message}`, at(['jsonSchema'])));
        }
    }
    return { prompt, findings };
}
// Prompty: YAML front matter between `---` lines, then a template whose `system:` / `user:` /
// `assistant:` lines start messages.
const ROLE_LINE = /^\s*(system|user|assistant)\s*:\s*$/i;
function loadPrompty(path, file, text) {
    const prompt = emptyPrompt(path, file, 'prompty');
    const all = text.split(/\r?\n/);
    const findings = [];
    let bodyStart = 0;
    if (all[0]?.trim() === '---') {
        const end = all.findIndex((line, i) => i > 0 && line.trim() === '---');
        if (end < 0) {
            findings.push(finding(file, 'prompty/front-matter', 'error', "front matter starts with '---' but never ends", START));
            return { prompt, findings };
        }
        const front = parseYaml(all.slice(1, end).join('\n'), file, 1);
        for (const f of front.findings)
            findings.push(f);
        if (findings.some((f) => f.level === 'error'))
            return { prompt, findings };
        const meta = (front.value ?? {});
        const shift = (pos) => ({ line: pos.line + 1, column: pos.column });
        prompt.keys = Object.fromEntries(Object.entries(keyPositions(front.doc.contents, front.lines)).map(([k, v]) => [k, shift(v)]));
        prompt.values = Object.fromEntries(Object.entries(valuePositions(front.doc.contents, front.lines)).map(([k, v]) => [k, shift(v)]));
        readPromptyMeta(prompt, meta, shift((0,src/* yamlPosition */.b$)(front, ['sample'])));
        bodyStart = end + 1;
    }
    let current;
    const body = [];
    const flush = () => {
        if (current)
            current.content = body.splice(0).join('\n').trim();
        if (current?.content)
            prompt.messages.push(current);
    };
    for (let i = bodyStart; i < all.length; i++) {
        const role = ROLE_LINE.exec(all[i]);
        if (role) {
            flush();
            current = { role: role[1].toLowerCase(), content: '', at: { line: i + 2, column: 1 } };
        }
        else {
            if (!current && all[i].trim())
                current = { role: 'system', content: '', at: { line: i + 1, column: 1 } };
            body.push(all[i]);
        }
    }
    flush();
    if (prompt.messages.length === 0) {
        findings.push(finding(file, 'prompt/schema', 'error', 'the Prompty template has no message', {
            line: bodyStart + 1,
            column: 1,
        }));
    }
    return { prompt, findings };
}
function readPromptyMeta(prompt, meta, sampleAt) {
    const str = (v) => (v === undefined || v === null ? undefined : String(v));
    prompt.name = str(meta.name);
    prompt.description = str(meta.description);
    prompt.version = str(meta.version);
    const model = (meta.model ?? {});
    const config = (model.configuration ?? {});
    prompt.model = str(config.name ?? config.azure_deployment ?? config.model ?? model.id);
    const params = (model.parameters ?? {});
    const { max_tokens, top_p, ...rest } = params;
    prompt.modelParameters = {
        ...rest,
        ...(typeof max_tokens === 'number' ? { maxTokens: max_tokens } : {}),
        ...(typeof top_p === 'number' ? { topP: top_p } : {}),
    };
    if (meta.sample && typeof meta.sample === 'object' && !Array.isArray(meta.sample)) {
        prompt.testData = [{ values: meta.sample, at: sampleAt }];
    }
}


/***/ }),

/***/ 8440:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ KNOWN_KEYS),
/* harmony export */   cq: () => (/* binding */ promptFileSchema),
/* harmony export */   gg: () => (/* binding */ ROLES),
/* harmony export */   t2: () => (/* binding */ RESPONSE_FORMATS),
/* harmony export */   tv: () => (/* binding */ KNOWN_MODEL_PARAMETERS),
/* harmony export */   tz: () => (/* binding */ BUILTIN_EVALUATORS)
/* harmony export */ });
/* unused harmony export evaluatorSchema */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9691);

// The GitHub Models prompt file (`*.prompt.yml`), as `gh models` decodes it: yaml.v3 into typed
// fields, so scalars decode into text fields, an empty value is "", and unknown keys are ignored
// (we warn on them).
const text = zod__WEBPACK_IMPORTED_MODULE_0__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig(), zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY(), zod__WEBPACK_IMPORTED_MODULE_0__/* ["null"] */ .chJ().transform(() => '')]).transform(String);
const ROLES = ['system', 'user', 'assistant'];
const BUILTIN_EVALUATORS = [
    'github/similarity',
    'github/coherence',
    'github/fluency',
    'github/relevance',
    'github/groundedness',
];
const RESPONSE_FORMATS = ['text', 'json_object', 'json_schema'];
const stringEvaluator = zod__WEBPACK_IMPORTED_MODULE_0__/* .looseObject */ ._H3({
    contains: text.optional(),
    equals: text.optional(),
    startsWith: text.optional(),
    endsWith: text.optional(),
});
const llmEvaluator = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    modelId: text.optional(),
    prompt: text,
    choices: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({ choice: text, score: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig() })),
    systemPrompt: text.optional(),
});
const evaluatorSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    name: text,
    string: stringEvaluator.optional(),
    uses: text.optional(),
    llm: llmEvaluator.optional(),
})
    .refine((e) => e.string !== undefined || e.uses !== undefined || e.llm !== undefined, {
    message: 'an evaluator needs one of string, uses or llm',
});
const promptFileSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .looseObject */ ._H3({
    name: text.optional(),
    description: text.optional(),
    version: text.optional(),
    model: text.optional(),
    modelParameters: zod__WEBPACK_IMPORTED_MODULE_0__/* .looseObject */ ._H3({
        maxTokens: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().nonnegative().optional(),
        temperature: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().min(0).max(2).optional(),
        topP: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().min(0).max(1).optional(),
    })
        .optional(),
    messages: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({ role: text, content: text })).min(1, 'a prompt needs at least one message'),
    testData: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_0__/* .unknown */ .L5J())).optional(),
    evaluators: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(evaluatorSchema).optional(),
    responseFormat: text.optional(),
    jsonSchema: text.optional(),
});
const KNOWN_KEYS = new Set(Object.keys(promptFileSchema.shape));
const KNOWN_MODEL_PARAMETERS = new Set(['maxTokens', 'temperature', 'topP']);


/***/ }),

/***/ 4985:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ findPlaceholders),
/* harmony export */   o: () => (/* binding */ fillTemplate)
/* harmony export */ });
// `gh models` fills `{{name}}` by plain replacement: no spaces inside the braces, no filters.
const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
function findPlaceholders(text) {
    return [...text.matchAll(PLACEHOLDER)].map((m) => ({ name: m[1], raw: m[0], index: m.index }));
}
/** Fill `{{name}}` placeholders from a testData row, exactly as `gh models` does. */
function fillTemplate(text, values) {
    let out = text;
    for (const [key, value] of Object.entries(values)) {
        out = out.split(`{{${key}}}`).join(typeof value === 'string' ? value : String(value));
    }
    return out;
}


/***/ }),

/***/ 9522:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  countChatTokens: () => (/* reexport */ countChatTokens),
  countTokensWithServer: () => (/* reexport */ countTokensWithServer),
  isVersionRaised: () => (/* reexport */ isVersionRaised),
  loadModelTable: () => (/* reexport */ loadModelTable),
  validatePrompts: () => (/* reexport */ validatePrompts),
  validatePromptsCommand: () => (/* reexport */ validatePromptsCommand)
});

// EXTERNAL MODULE: ./packages/core/src/index.ts + 13 modules
var src = __webpack_require__(2395);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 15 modules
var schemas = __webpack_require__(9691);
;// CONCATENATED MODULE: ./packages/evals/src/validate/action/inputs.ts


const validatePromptsInputs = schemas/* object */.Ikc({
    paths: src/* input */.hF.list(),
    'models-file': src/* input */.hF.optional(),
    'max-prompt-tokens': src/* input */.hF.integer({ min: 0 }),
    'base-ref': src/* input */.hF.optional(),
    'require-version-bump': src/* input */.hF.bool(),
    'tokenize-url': src/* input */.hF.url(),
    'fail-on': src/* input */.hF.choice(['error', 'warning']),
    'sarif-path': src/* input */.hF.optional(),
    'check-run': src/* input */.hF.bool(),
    ...src/* reportingInputs */.OS,
});

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./packages/evals/src/validate/models.ts



const ENCODINGS = ['o200k_base', 'cl100k_base'];
// Published list prices (USD per million tokens) and context windows, 2025; `models-file`
// overrides or extends them. Self-hosted models have no price unless the file gives one.
const BUILTIN = {
    'gpt-4o': { contextWindow: 128_000, inputPerMTok: 2.5, outputPerMTok: 10, encoding: 'o200k_base' },
    'gpt-4o-mini': { contextWindow: 128_000, inputPerMTok: 0.15, outputPerMTok: 0.6, encoding: 'o200k_base' },
    'gpt-4.1': { contextWindow: 1_047_576, inputPerMTok: 2, outputPerMTok: 8, encoding: 'o200k_base' },
    'gpt-4.1-mini': { contextWindow: 1_047_576, inputPerMTok: 0.4, outputPerMTok: 1.6, encoding: 'o200k_base' },
    'gpt-4.1-nano': { contextWindow: 1_047_576, inputPerMTok: 0.1, outputPerMTok: 0.4, encoding: 'o200k_base' },
    'o3-mini': { contextWindow: 200_000, inputPerMTok: 1.1, outputPerMTok: 4.4, encoding: 'o200k_base' },
    'o4-mini': { contextWindow: 200_000, inputPerMTok: 1.1, outputPerMTok: 4.4, encoding: 'o200k_base' },
    'gpt-4-turbo': { contextWindow: 128_000, inputPerMTok: 10, outputPerMTok: 30, encoding: 'cl100k_base' },
    'gpt-4': { contextWindow: 8_192, inputPerMTok: 30, outputPerMTok: 60, encoding: 'cl100k_base' },
    'gpt-3.5-turbo': { contextWindow: 16_385, inputPerMTok: 0.5, outputPerMTok: 1.5, encoding: 'cl100k_base' },
    'meta-llama/llama-3.1-8b-instruct': { contextWindow: 131_072 },
    'meta-llama/llama-3.1-70b-instruct': { contextWindow: 131_072 },
    'meta-llama/llama-3.3-70b-instruct': { contextWindow: 131_072 },
    'mistralai/mistral-7b-instruct-v0.3': { contextWindow: 32_768 },
    'qwen/qwen2.5-7b-instruct': { contextWindow: 32_768 },
    'qwen/qwen2.5-72b-instruct': { contextWindow: 32_768 },
};
const modelsFileSchema = schemas/* strictObject */.rej({
    models: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* strictObject */.rej({
        'context-window': schemas/* number */.aig().int().positive().optional(),
        'input-per-mtok': schemas/* number */.aig().min(0).optional(),
        'output-per-mtok': schemas/* number */.aig().min(0).optional(),
        encoding: schemas/* enum */.k5n(ENCODINGS).optional(),
    })),
});
function builtinModels() {
    return new Map(Object.entries(BUILTIN));
}
/**
 * Look a model up by its name as prompt files write it: `openai/gpt-4o`, `gpt-4o`,
 * `azureml/...`: exact first, then without the publisher prefix, case-insensitively.
 */
function findModel(table, name) {
    if (!name)
        return undefined;
    const lower = name.toLowerCase();
    const bare = lower.slice(lower.indexOf('/') + 1);
    // Dated snapshots (`gpt-4o-2024-08-06`) share their family's window and price.
    const candidates = [name, lower, bare, bare.replace(/-\d{4}-\d{2}-\d{2}$/, '')];
    for (const c of candidates)
        if (table.has(c))
            return table.get(c);
    for (const [key, info] of table)
        if (key.toLowerCase() === lower || key.toLowerCase().endsWith(`/${lower}`))
            return info;
    return undefined;
}
/**
 * The encoding of an OpenAI model family not in the table (new models, dated snapshots such as
 * `gpt-4o-2024-08-06`): counts stay exact even when context and price are unknown.
 */
function openAiEncoding(name) {
    const model = (name ?? '').toLowerCase().replace(/^(openai|azure-openai|azure)\//, '');
    if (/^(gpt-4o|gpt-4\.1|gpt-4\.5|gpt-5|o\d)/.test(model))
        return 'o200k_base';
    if (/^(gpt-4|gpt-3\.5)/.test(model))
        return 'cl100k_base';
    return undefined;
}
/** Read `models-file` (YAML: `models: {name: {context-window, input-per-mtok, output-per-mtok, encoding}}`) over the built-ins. */
async function loadModelTable(workspace, value) {
    const table = builtinModels();
    if (!value)
        return table;
    const { text, relative: shown } = (0,src/* readWorkspaceFile */.sL)(workspace, value, { input: 'models-file' });
    const { doc, lines, problems, value: data } = (0,src/* loadYaml */.yv)(text);
    const yamlError = problems.find((p) => p.level === 'error');
    if (yamlError) {
        throw new src/* UserError */.yo(yamlError.message, { file: shown, line: yamlError.line, column: yamlError.column });
    }
    const parsed = (0,src/* checkYaml */.cX)(modelsFileSchema, { doc, lines, value: (0,dist/* isMap */.jh)(doc.contents) ? data : null });
    if (!parsed.success) {
        const { path, message, line, column } = parsed.issues[0];
        throw new src/* UserError */.yo(`models file: '${path.join('.') || '(root)'}': ${message}`, {
            file: shown,
            line,
            column,
        });
    }
    for (const [name, spec] of Object.entries(parsed.data.models)) {
        const previous = findModel(table, name) ?? {};
        table.set(name, {
            ...previous,
            ...(spec['context-window'] !== undefined ? { contextWindow: spec['context-window'] } : {}),
            ...(spec['input-per-mtok'] !== undefined ? { inputPerMTok: spec['input-per-mtok'] } : {}),
            ...(spec['output-per-mtok'] !== undefined ? { outputPerMTok: spec['output-per-mtok'] } : {}),
            ...(spec.encoding ? { encoding: spec.encoding } : {}),
        });
    }
    return table;
}

;// CONCATENATED MODULE: ./packages/evals/src/validate/action/plan.ts


async function findFiles(workspace, patterns) {
    if (patterns.length === 0)
        throw new src/* UserError */.yo("input 'paths' is empty: give at least one glob");
    // A symlink out of the workspace would let a PR read (and echo into the comment) files elsewhere.
    const files = await (0,src/* findWorkspaceFiles */._t)(workspace, patterns, { input: 'paths' });
    if (files.length === 0) {
        throw new src/* UserError */.yo(`input 'paths' matched no files in ${workspace}: ${patterns.join(', ')}`);
    }
    return files.sort();
}
/** Check the settings, load the models file and find the prompt files, with no request sent. */
async function planValidation(options) {
    const models = await loadModelTable(options.workspace, options.modelsFile);
    if (options.requireVersionBump && !options.baseRef) {
        throw new src/* UserError */.yo("input 'require-version-bump' is true but there is no base ref: set 'base-ref' or run on a pull_request event");
    }
    return { ...options, models, files: await findFiles(options.workspace, options.paths) };
}
function planValidatePrompts(inputs, context) {
    return planValidation({
        workspace: context.workspace,
        paths: inputs.paths,
        modelsFile: inputs['models-file'],
        maxPromptTokens: inputs['max-prompt-tokens'],
        baseRef: inputs['base-ref'] ?? (0,src/* defaultBaseRef */.mK)(context.env),
        requireVersionBump: inputs['require-version-bump'],
        tokenizeUrl: inputs['tokenize-url'],
        failOn: inputs['fail-on'],
        log: context.log,
    });
}

;// CONCATENATED MODULE: ./packages/evals/src/validate/action/report.ts

/** The one report: findings in file order, a table of prompts with tokens, context use and cost. */
function buildValidateReport(result, plan) {
    const { measured, changed, prompts } = result;
    const files = plan.files;
    const findings = [...result.findings].sort((a, b) => (a.file ?? '').localeCompare(b.file ?? '') ||
        (a.line ?? 0) - (b.line ?? 0) ||
        (a.column ?? 0) - (b.column ?? 0));
    const errors = (0,src/* countFindings */.Gt)(findings, 'error');
    const warnings = (0,src/* countFindings */.Gt)(findings, 'warning');
    const failing = errors + (plan.failOn === 'warning' ? warnings : 0);
    const totalTokens = measured.reduce((n, s) => n + (s.tokens ?? 0), 0);
    const cost = measured.reduce((n, s) => n + (s.costPer1kCallsUsd ?? 0), 0);
    const approximate = measured.some((s) => s.tokenMethod === 'estimate');
    const table = {
        title: 'Prompts',
        columns: ['File', 'Name', 'Model', 'Tokens', 'Context use', 'Cost / 1k calls', 'Version', 'Changed'],
        rows: measured.map((s) => [
            s.file,
            s.name,
            s.model,
            s.tokens === undefined ? undefined : `${s.tokenMethod === 'estimate' ? '≈' : ''}${s.tokens}`,
            s.contextWindow
                ? `${((((s.tokens ?? 0) + (s.maxTokens ?? 0)) / s.contextWindow) * 100).toFixed(1)}%`
                : undefined,
            s.costPer1kCallsUsd === undefined ? undefined : `$${s.costPer1kCallsUsd.toFixed(4)}`,
            s.version,
            s.changed,
        ]),
        note: approximate
            ? '≈ approximate count (no tokenizer for the model): set tokenize-url for exact counts.'
            : undefined,
    };
    return {
        action: 'validate-prompts',
        verdict: failing > 0 ? 'fail' : 'pass',
        headline: `${files.length} files, ${prompts.length} prompts: ${errors} errors, ${warnings} warnings`,
        reasons: failing > 0 ? [`${failing} findings at or above '${plan.failOn}'`] : [],
        metrics: [
            ['Files', files.length],
            ['Prompts', prompts.length],
            ['Errors', errors],
            ['Warnings', warnings],
            ['Prompt tokens', `${approximate ? '≈' : ''}${totalTokens}`],
            ['Cost / 1k calls', `$${cost.toFixed(4)}`],
            ...(plan.baseRef ? [['Changed', changed.length]] : []),
        ],
        tables: [table],
        findings,
        outputs: {
            files: files.length,
            prompts: prompts.length,
            errors,
            warnings,
            'total-tokens': totalTokens,
            'estimated-cost-usd': Number(cost.toFixed(6)),
            'changed-prompts': changed.join(','),
        },
        data: { prompts: measured },
    };
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./packages/evals/src/prompt-file/load.ts + 1 modules
var load = __webpack_require__(7237);
// EXTERNAL MODULE: ./packages/evals/src/prompt-file/template.ts
var template = __webpack_require__(4985);
// EXTERNAL MODULE: ./packages/evals/src/prompt-file/schema.ts
var schema = __webpack_require__(8440);
;// CONCATENATED MODULE: ./packages/evals/src/validate/secrets.ts
// Credentials that get pasted into prompts and test data by accident. The finding names the
// kind, never the value.
const PATTERNS = [
    ['OpenAI API key', /\bsk-(?:proj-|ant-)?[A-Za-z0-9_-]{20,}/],
    ['GitHub token', /\b(?:gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{22,})\b/],
    ['AWS access key id', /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/],
    ['Slack token', /\bxox[baprs]-[A-Za-z0-9-]{10,}/],
    ['Google API key', /\bAIza[0-9A-Za-z_-]{35}\b/],
    ['Hugging Face token', /\bhf_[A-Za-z0-9]{30,}\b/],
    ['private key', /-----BEGIN (?:[A-Z]+ )?PRIVATE KEY-----/],
];
/** The kinds of credential found in a text. */
function findSecrets(text) {
    return PATTERNS.filter(([, pattern]) => pattern.test(text)).map(([kind]) => kind);
}

;// CONCATENATED MODULE: ./packages/evals/src/validate/checks.ts



/** Every per-file check that needs no tokenizer, model table or git. */
function checkPrompt(prompt, ajv) {
    const findings = [];
    const emit = (ruleId, level, message, at) => findings.push({ ruleId, level, message, file: prompt.file, line: at.line, column: at.column });
    const start = { line: 1, column: 1 };
    if (prompt.format === 'prompt-yml')
        checkKeys(prompt, emit);
    checkRoles(prompt, emit, start);
    checkVariables(prompt, emit);
    checkEvaluators(prompt, emit);
    checkResponseFormat(prompt, emit, start, ajv);
    checkSecrets(prompt, emit);
    if (!prompt.model)
        emit('prompt/no-model', 'warning', 'no model: token counts and cost cannot be checked', start);
    return findings;
}
function checkKeys(prompt, emit) {
    for (const [key, at] of Object.entries(prompt.keys)) {
        if (!schema/* KNOWN_KEYS */.B.has(key))
            emit('prompt/unknown-key', 'warning', `unknown key '${key}' (gh models ignores it)`, at);
    }
    for (const key of Object.keys(prompt.modelParameters)) {
        if (!schema/* KNOWN_MODEL_PARAMETERS */.tv.has(key)) {
            emit('prompt/unknown-parameter', 'warning', `unknown model parameter '${key}': gh models reads maxTokens, temperature and topP`, prompt.keys.modelParameters ?? { line: 1, column: 1 });
        }
    }
}
function checkRoles(prompt, emit, start) {
    prompt.messages.forEach((m, i) => {
        if (!schema/* ROLES */.gg.includes(m.role.toLowerCase())) {
            emit('prompt/role', 'error', `unknown role '${m.role}': expected one of ${schema/* ROLES */.gg.join(', ')}`, m.roleAt ?? m.at);
        }
        else if (m.role.toLowerCase() === 'system' && i > 0) {
            emit('prompt/system-position', 'warning', 'a system message after the first message', m.at);
        }
        if (!m.content.trim())
            emit('prompt/empty-message', 'warning', `empty ${m.role} message`, m.at);
    });
    if (prompt.messages.length && !prompt.messages.some((m) => m.role.toLowerCase() === 'user')) {
        emit('prompt/no-user-message', 'warning', 'no user message: most chat models expect one', prompt.messages[0]?.at ?? start);
    }
}
// Prompty templates are Jinja2: `{{ user.name }}` reads the variable `user`, and `{% for x in ... %}`
// binds `x`. Prompt files use gh models' plain `{{name}}` replacement.
function templateVariables(prompt, content) {
    const names = (0,template/* findPlaceholders */.G)(content).map((p) => p.name);
    if (prompt.format !== 'prompty')
        return names;
    const bound = new Set([...content.matchAll(/\{%-?\s*for\s+([\w\s,]+?)\s+in\b/g)].flatMap((m) => m[1].split(/\s*,\s*/)));
    return names
        .map((n) => n.split(/[.[|\s]/)[0])
        .filter((n) => /^\w+$/.test(n) && !bound.has(n) && n !== 'loop');
}
function checkVariables(prompt, emit) {
    const used = new Set();
    for (const m of prompt.messages) {
        for (const name of templateVariables(prompt, m.content))
            used.add(name);
        if (prompt.format === 'prompt-yml') {
            for (const p of (0,template/* findPlaceholders */.G)(m.content)) {
                if (p.raw !== `{{${p.name}}}`) {
                    emit('prompt/placeholder-spacing', 'warning', `'${p.raw}' is not filled by gh models: write '{{${p.name}}}'`, m.at);
                }
            }
        }
        // Literal braces (JSON examples) are fine; an opening `{{` that never closes is a typo.
        const rest = m.content.replace(/\{\{[^{}]*\}\}/g, '');
        if (/\{\{(?![^]*\}\})/.test(rest)) {
            emit('prompt/unbalanced-braces', 'warning', `'{{' without a closing '}}' in the ${m.role} message`, m.at);
        }
    }
    const referenced = new Set(used);
    // Jinja statements read variables too (`{% for x in items %}`, `{% if vip %}`), without requiring them.
    if (prompt.format === 'prompty') {
        for (const m of prompt.messages) {
            for (const [, name] of m.content.matchAll(/\{%-?\s*(?:for\s+[\w\s,]+?\s+in|if|elif)\s+([A-Za-z_]\w*)/g)) {
                referenced.add(name);
            }
        }
    }
    for (const e of prompt.evaluators) {
        const texts = [...Object.values(e.string ?? {}), e.llm?.prompt ?? '', e.llm?.systemPrompt ?? ''];
        for (const t of texts)
            for (const p of (0,template/* findPlaceholders */.G)(String(t)))
                referenced.add(p.name);
        // The built-in evaluators read the input, the expected answer and the completion.
        if (e.uses?.startsWith('github/'))
            referenced.add('input');
    }
    const reportedUnused = new Set();
    for (const row of prompt.testData) {
        const missing = [...used].filter((name) => !(name in row.values));
        if (missing.length) {
            emit('prompt/missing-variable', 'error', `testData row lacks ${missing.map((n) => `'${n}'`).join(', ')}`, row.at);
        }
        for (const key of Object.keys(row.values)) {
            // `expected` and `completion` are read by evaluators even when no template names them.
            if (!referenced.has(key) && key !== 'expected' && !reportedUnused.has(key)) {
                reportedUnused.add(key);
                emit('prompt/unused-variable', 'warning', `testData variable '${key}' is used by no message or evaluator`, row.at);
            }
        }
    }
}
function checkEvaluators(prompt, emit) {
    const names = new Set();
    for (const e of prompt.evaluators) {
        if (names.has(e.name))
            emit('prompt/duplicate-evaluator', 'warning', `evaluator name '${e.name}' repeats`, e.at);
        names.add(e.name);
        const kinds = [e.string && 'string', e.uses && 'uses', e.llm && 'llm'].filter(Boolean);
        if (kinds.length > 1) {
            emit('prompt/evaluator-kinds', 'warning', `evaluator '${e.name}' sets ${kinds.join(' and ')}: only ${kinds[0]} is used`, e.at);
        }
        if (e.uses !== undefined && !schema/* BUILTIN_EVALUATORS */.tz.includes(e.uses)) {
            emit('prompt/unknown-evaluator', 'error', `unknown evaluator '${e.uses}': expected one of ${schema/* BUILTIN_EVALUATORS */.tz.join(', ')}`, e.at);
        }
    }
}
/** A schema compiler, loaded only when some prompt has a JSON schema (Ajv is large). */
async function loadSchemaCompiler() {
    // ajv is CommonJS: bundlers expose its exports as `default`, Node's loader also as named exports.
    const mod = (await __webpack_require__.e(/* import() */ 463).then(__webpack_require__.t.bind(__webpack_require__, 2463, 23)));
    const AjvClass = mod.Ajv ?? mod.default.Ajv;
    // Structured outputs use a subset of JSON Schema; unknown formats are not our concern here.
    return new AjvClass({
        strict: false,
        allErrors: false,
        validateSchema: true,
        validateFormats: false,
        logger: false,
    });
}
function checkResponseFormat(prompt, emit, start, ajv) {
    const at = prompt.values.responseFormat ?? start;
    const format = prompt.responseFormat;
    if (format !== undefined && !schema/* RESPONSE_FORMATS */.t2.includes(format)) {
        emit('prompt/response-format', 'error', `responseFormat '${format}': expected one of ${schema/* RESPONSE_FORMATS */.t2.join(', ')}`, at);
        return;
    }
    if (format === 'json_object' && !prompt.messages.some((m) => /json/i.test(m.content))) {
        emit('prompt/json-instruction', 'warning', "responseFormat json_object needs the word 'JSON' in a message (OpenAI rejects it otherwise)", at);
    }
    const schemaAt = prompt.values.jsonSchema ?? at;
    if (format === 'json_schema' && !prompt.jsonSchema && !prompt.keys.jsonSchema) {
        emit('prompt/json-schema', 'error', 'responseFormat json_schema needs jsonSchema', at);
    }
    const js = prompt.jsonSchema;
    if (!js)
        return;
    // gh models requires name and schema only for json_schema responses.
    if (format === 'json_schema' && typeof js.name !== 'string') {
        emit('prompt/json-schema', 'error', "jsonSchema needs a 'name'", schemaAt);
    }
    if (!js.schema || typeof js.schema !== 'object') {
        if (format === 'json_schema')
            emit('prompt/json-schema', 'error', "jsonSchema needs a 'schema' object", schemaAt);
        return;
    }
    try {
        if (!ajv)
            throw new Error('no schema compiler loaded');
        // Validate the schema's structure whatever draft it names: `$schema` would make Ajv look up a meta-schema.
        const { $schema: _draft, ...schema } = js.schema;
        ajv.compile(schema);
    }
    catch (error) {
        emit('prompt/json-schema', 'error', `jsonSchema.schema is not a valid JSON Schema: ${error.message}`, schemaAt);
    }
}
function checkSecrets(prompt, emit) {
    for (const m of prompt.messages) {
        for (const kind of findSecrets(m.content)) {
            emit('prompt/secret', 'error', `a ${kind} appears in the ${m.role} message: remove it and rotate the credential`, m.at);
        }
    }
    for (const row of prompt.testData) {
        for (const kind of findSecrets(JSON.stringify(row.values))) {
            emit('prompt/secret', 'error', `a ${kind} appears in testData: remove it and rotate the credential`, row.at);
        }
    }
}

;// CONCATENATED MODULE: ./packages/evals/src/validate/tokenize-server.ts

const TIMEOUT_MS = 10_000;
async function post(url, body) {
    return fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(TIMEOUT_MS),
    });
}
/**
 * Exact token counts from the serving engine's own tokenizer and chat template:
 * vLLM `POST /tokenize` ({model, messages} → {count, max_model_len}); TGI `POST /chat_tokenize`
 * (→ {tokenize_response: [...]}) or, on older TGI, `POST /tokenize` ({inputs} → [tokens]).
 */
async function countTokensWithServer(baseUrl, model, messages) {
    const root = baseUrl.replace(/\/+$/, '').replace(/\/v1$/, '');
    // Shown without credentials (the input registered them as secrets; this is for reports too).
    const shown = (0,src/* redactUrl */.BO)(root);
    try {
        const vllm = await post(`${root}/tokenize`, { model, messages, add_generation_prompt: true });
        if (vllm.ok) {
            const body = (await vllm.json());
            if (Array.isArray(body))
                return { tokens: body.length, method: 'server', exact: true };
            if (typeof body.count === 'number') {
                return { tokens: body.count, method: 'server', exact: true, contextWindow: body.max_model_len };
            }
        }
        const tgiChat = await post(`${root}/chat_tokenize`, { model: model ?? 'tgi', messages });
        if (tgiChat.ok) {
            const body = (await tgiChat.json());
            if (Array.isArray(body.tokenize_response))
                return { tokens: body.tokenize_response.length, method: 'server', exact: true };
        }
        const tgi = await post(`${root}/tokenize`, { inputs: messages.map((m) => m.content).join('\n') });
        if (tgi.ok) {
            const body = (await tgi.json());
            if (Array.isArray(body))
                return { tokens: body.length, method: 'server', exact: false };
        }
        throw new src/* UserError */.yo(`input 'tokenize-url': ${shown} answered ${vllm.status} to POST /tokenize and has no TGI tokenize route; expected a vLLM or TGI server`);
    }
    catch (error) {
        if (error instanceof src/* UserError */.yo)
            throw error;
        const cause = error.cause;
        const reason = cause?.code ?? cause?.message ?? error.message;
        throw new src/* UserError */.yo(`input 'tokenize-url': cannot reach ${shown} (${reason}); is the vLLM/TGI server running?`);
    }
}

;// CONCATENATED MODULE: ./packages/evals/src/validate/tokens.ts
const loaded = new Map();
// Each encoding is a multi-megabyte table: import only the one a model needs, on first use.
function counter(encoding) {
    let pending = loaded.get(encoding);
    if (!pending) {
        pending =
            encoding === 'o200k_base'
                ? Promise.all(/* import() */[__webpack_require__.e(626), __webpack_require__.e(877)]).then(__webpack_require__.bind(__webpack_require__, 3877)).then((m) => m.countTokens)
                : Promise.all(/* import() */[__webpack_require__.e(626), __webpack_require__.e(79)]).then(__webpack_require__.bind(__webpack_require__, 4079)).then((m) => m.countTokens);
        loaded.set(encoding, pending);
    }
    return pending;
}
// Chat formatting adds a few tokens per message and primes the reply (OpenAI's published
// counting recipe: 3 per message, 3 for the reply).
const PER_MESSAGE = 3;
const REPLY_PRIMING = 3;
async function countChatTokens(messages, encoding) {
    if (!encoding) {
        // Rule of thumb for BPE tokenizers on English text: about 4 characters per token.
        const chars = messages.reduce((n, m) => n + m.content.length, 0);
        return {
            tokens: Math.ceil(chars / 4) + PER_MESSAGE * messages.length + REPLY_PRIMING,
            method: 'estimate',
            exact: false,
        };
    }
    const count = await counter(encoding);
    const tokens = messages.reduce((n, m) => n + count(m.content) + count(m.role) + PER_MESSAGE, REPLY_PRIMING);
    return { tokens, method: encoding, exact: true };
}

;// CONCATENATED MODULE: ./packages/evals/src/validate/version-bump.ts
/** What a version covers: what the model sees and how it is called. */
function promptFingerprint(prompt) {
    return JSON.stringify({
        messages: prompt.messages.map((m) => [m.role.toLowerCase(), m.content]),
        model: prompt.model ?? null,
        modelParameters: Object.keys(prompt.modelParameters)
            .sort()
            .map((k) => [k, prompt.modelParameters[k]]),
        responseFormat: prompt.responseFormat ?? null,
        jsonSchema: prompt.jsonSchema ?? null,
    });
}
/** Whether `next` raises `previous`: numeric dotted parts compare as numbers ("1.10" > "1.9"). */
function isVersionRaised(previous, next) {
    if (next === undefined)
        return false;
    if (previous === undefined)
        return true;
    const parse = (v) => v.replace(/^v/i, '').split(/[.-]/);
    const a = parse(previous);
    const b = parse(next);
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
        const x = a[i] ?? '0';
        const y = b[i] ?? '0';
        if (/^\d+$/.test(x) && /^\d+$/.test(y)) {
            if (Number(y) !== Number(x))
                return Number(y) > Number(x);
        }
        else if (x !== y) {
            return y > x;
        }
    }
    return false;
}

;// CONCATENATED MODULE: ./packages/evals/src/validate/action/run.ts









// Output tokens assumed for cost when a prompt sets no maxTokens.
const DEFAULT_OUTPUT_TOKENS = 256;
/** The messages as the model sees them for the longest testData row (worst case for tokens). */
function longestFill(prompt) {
    let best = prompt.testData[0]?.values ?? {};
    let bestLength = -1;
    for (const row of prompt.testData) {
        const length = Object.values(row.values).reduce((n, v) => n + String(v).length, 0);
        if (length > bestLength)
            [best, bestLength] = [row.values, length];
    }
    return prompt.messages.map((m) => ({ role: m.role.toLowerCase(), content: (0,template/* fillTemplate */.o)(m.content, best) }));
}
async function mapLimit(items, limit, fn) {
    const out = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const i = next++;
            out[i] = await fn(items[i]);
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
    return out;
}
async function measurePrompt(prompt, models, options, findings) {
    const info = findModel(models, prompt.model);
    const at = prompt.values.model ?? { line: 1, column: 1 };
    const emit = (ruleId, level, message) => findings.push({ ruleId, level, message, file: prompt.file, line: at.line, column: at.column });
    const messages = longestFill(prompt);
    let count;
    if (options.tokenizeUrl)
        count = await countTokensWithServer(options.tokenizeUrl, prompt.model, messages);
    else
        count = await countChatTokens(messages, info?.encoding ?? openAiEncoding(prompt.model));
    // The serving engine knows its configured max_model_len better than a table does.
    const contextWindow = count.contextWindow ?? info?.contextWindow;
    if (prompt.model && !info && !count.contextWindow) {
        emit('prompt/unknown-model', 'warning', `unknown model '${prompt.model}': add it to models-file for context and cost checks`);
    }
    const maxTokens = prompt.modelParameters.maxTokens;
    const approx = count.exact ? '' : ' (approximate)';
    if (contextWindow !== undefined && count.tokens + (maxTokens ?? 0) > contextWindow) {
        emit('prompt/context-overflow', 'error', `${count.tokens} prompt tokens${approx} + ${maxTokens ?? 0} max tokens exceed the ${contextWindow}-token context of '${prompt.model}'`);
    }
    if (options.maxPromptTokens > 0 && count.tokens > options.maxPromptTokens) {
        emit('prompt/too-many-tokens', 'error', `${count.tokens} prompt tokens${approx} exceed max-prompt-tokens ${options.maxPromptTokens}`);
    }
    const cost = info?.inputPerMTok !== undefined && info.outputPerMTok !== undefined
        ? ((count.tokens * info.inputPerMTok + (maxTokens ?? DEFAULT_OUTPUT_TOKENS) * info.outputPerMTok) /
            1e6) *
            1000
        : undefined;
    return {
        file: prompt.file,
        name: prompt.name,
        model: prompt.model,
        version: prompt.version,
        tokens: count.tokens,
        tokenMethod: count.method,
        maxTokens,
        contextWindow,
        costPer1kCallsUsd: cost,
    };
}
/** Compare with the base ref: which prompts changed, and whether their version was raised. */
async function compareWithBase(prompts, summaries, options, findings) {
    let base;
    try {
        base = await (0,src/* resolveBaseRef */.JN)(options.workspace, options.baseRef);
    }
    catch (error) {
        // Without required bumps, the changed-prompts list is a nicety: a shallow clone must not fail the run.
        if (options.requireVersionBump)
            throw error;
        options.log?.(`warning: ${error.message}; changed prompts are not listed`);
        return [];
    }
    const changed = await (0,src/* changedFilesSince */.OM)(options.workspace, base);
    const top = await (0,src/* gitTopLevel */.oB)(options.workspace);
    const out = [];
    for (const prompt of prompts) {
        if (!changed.has(prompt.file))
            continue;
        const repoPath = external_node_path_default().relative(top, prompt.path).split((external_node_path_default()).sep).join('/');
        const old = await (0,src/* readFileAtRef */.ZR)(options.workspace, base, repoPath);
        const summary = summaries.get(prompt.file);
        if (old === undefined) {
            summary.changed = 'new';
            out.push(prompt.file);
            continue;
        }
        const previous = (0,load/* loadPromptFile */.l)(prompt.path, old, options.workspace).prompt;
        if (promptFingerprint(previous) === promptFingerprint(prompt))
            continue;
        summary.changed = 'modified';
        out.push(prompt.file);
        if (options.requireVersionBump && !isVersionRaised(previous.version, prompt.version)) {
            const at = prompt.values.version ?? { line: 1, column: 1 };
            findings.push({
                ruleId: 'prompt/version-bump',
                level: 'error',
                file: prompt.file,
                line: at.line,
                column: at.column,
                message: `messages, model or parameters changed since ${options.baseRef} but version ${prompt.version === undefined
                    ? 'is missing'
                    : `'${prompt.version}' is not above '${previous.version ?? 'none'}'`}`,
            });
        }
    }
    return out;
}
/** A shared display name is a warning that reports will be harder to read, never an error. */
function duplicateNames(prompts) {
    // A prompt is known by its file path (suites, cases and baselines key on it); the display name
    // is only a label, and real projects share one across files (prompty's own examples do).
    const findings = [];
    const seen = new Map();
    for (const prompt of prompts) {
        if (!prompt.name)
            continue;
        const first = seen.get(prompt.name);
        const at = prompt.values.name ?? { line: 1, column: 1 };
        if (first) {
            findings.push({
                ruleId: 'prompt/duplicate-name',
                level: 'warning',
                file: prompt.file,
                line: at.line,
                column: at.column,
                message: `name '${prompt.name}' is also used by ${first.file}; prompts are told apart by path, but reports list them by name`,
            });
        }
        else
            seen.set(prompt.name, prompt);
    }
    return findings;
}
/** Lint every planned file, count tokens (exactly with tokenize-url) and compare with the base ref. */
async function runValidation(plan) {
    const findings = [];
    const prompts = [];
    for (const file of plan.files) {
        const loaded = (0,load/* loadPromptFile */.l)(file, (0,src/* readWorkspaceFile */.sL)(plan.workspace, file, { input: 'paths' }).text, plan.workspace);
        for (const f of loaded.findings)
            findings.push(f);
        if (!loaded.findings.some((f) => f.level === 'error'))
            prompts.push(loaded.prompt);
    }
    const ajv = prompts.some((p) => p.jsonSchema) ? await loadSchemaCompiler() : undefined;
    for (const prompt of prompts)
        for (const f of checkPrompt(prompt, ajv))
            findings.push(f);
    for (const f of duplicateNames(prompts))
        findings.push(f);
    const measured = await mapLimit(prompts, plan.tokenizeUrl ? 8 : 1, (p) => measurePrompt(p, plan.models, plan, findings));
    const summaries = new Map(measured.map((s) => [s.file, s]));
    const changed = plan.baseRef ? await compareWithBase(prompts, summaries, plan, findings) : [];
    return { prompts, measured, changed, findings };
}

;// CONCATENATED MODULE: ./packages/evals/src/validate/action/command.ts





const validatePromptsCommand = (0,src/* defineCommand */.NB)({
    name: 'validate-prompts',
    inputs: validatePromptsInputs,
    secretInputs: ['github-token'],
    sarifTool: { name: 'llmops-validate-prompts', informationUri: 'https://github.com/llmops/llmops' },
    plan: planValidatePrompts,
    run: runValidation,
    report: buildValidateReport,
});
/** The three stages on settings built by hand (tests, the benchmark). */
async function validatePrompts(options) {
    const plan = await planValidation(options);
    return buildValidateReport(await runValidation(plan), plan);
}

;// CONCATENATED MODULE: ./packages/evals/src/validate/index.ts







/***/ })

};
