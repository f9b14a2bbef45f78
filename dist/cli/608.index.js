export const id = 608;
export const ids = [608];
export const modules = {

/***/ 3608:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  initMain: () => (/* binding */ initMain)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
;// CONCATENATED MODULE: ./packages/cli/src/init/args.ts
// `llmops init` flags. Not an action: it has no action.yml, so its flags are defined here.
const ROUTERS = ['istio', 'gateway-api', 'kserve', 'service'];
/** A problem with the command line: exit 2 with this one line. */
class InitUsageError extends Error {
}
const INIT_HELP = `Usage: llmops init [--router istio|gateway-api|kserve|service] [--dry-run] [--force] [--llmops <owner>/<name>@<ref>]

Scaffold llmops in the git repository around the current directory: the two starter workflows
(with the repository's default branch), a first eval suite from the prompt files found (or the
built-in smoke suite), the reference serving image (Dockerfile, .dockerignore) and the reference
manifests under deploy/k8s/ for the chosen router. Existing files are kept unless --force.

  --router   traffic router of the canary rollout (default: istio)
  --dry-run  print the files instead of writing them
  --force    overwrite files that exist
  --llmops   the llmops repository and ref the workflows' \`uses:\` name (default: the GitHub
             repository this CLI was cloned from, at @v1)
`;
const OWNER_NAME_REF = /^[A-Za-z0-9][A-Za-z0-9-]*\/[A-Za-z0-9._-]+@[A-Za-z0-9._/-]+$/;
function parseInitArgs(args) {
    const parsed = { router: 'istio', dryRun: false, force: false, help: false };
    for (let i = 0; i < args.length; i++) {
        const [flag, inline] = args[i].split(/=(.*)/s);
        const value = () => {
            const v = inline ?? args[++i];
            if (v === undefined || v.startsWith('--'))
                throw new InitUsageError(`flag '${flag}' needs a value`);
            return v;
        };
        switch (flag) {
            case '--router': {
                const router = value();
                if (!ROUTERS.includes(router))
                    throw new InitUsageError(`--router has value '${router}': expected one of ${ROUTERS.join(', ')}`);
                parsed.router = router;
                break;
            }
            case '--llmops': {
                const ref = value();
                if (!OWNER_NAME_REF.test(ref))
                    throw new InitUsageError(`--llmops has value '${ref}': expected <owner>/<name>@<ref>, e.g. acme/llmops@v1`);
                parsed.llmops = ref;
                break;
            }
            case '--dry-run':
                parsed.dryRun = true;
                break;
            case '--force':
                parsed.force = true;
                break;
            case '--help':
            case '-h':
                parsed.help = true;
                break;
            default:
                throw new InitUsageError(`unknown argument '${args[i]}'; llmops init takes --router, --dry-run, --force, --llmops`);
        }
    }
    return parsed;
}

// EXTERNAL MODULE: ./packages/core/src/index.ts + 34 modules
var src = __webpack_require__(5570);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./packages/cli/src/init/first-suite.ts




/** Rows a first suite takes from a prompt file: enough to see it work, few enough to stay cheap. */
const MAX_ROWS = 5;
function suiteName(prompt, taken) {
    const stem = external_node_path_default().basename(prompt).replace(/\.prompt\.ya?ml$/, '');
    let name = stem;
    for (let n = 2; taken.has(name); n++)
        name = `${stem}-${n}`;
    taken.add(name);
    return name;
}
/**
 * A first eval suite per GitHub Models prompt file: its testData rows (or one case when it has
 * no variables) asked through the prompt, each answer required to be an answer (not a refusal),
 * and JSON when the prompt asks for JSON. The user adds the assertions that matter to them.
 */
async function firstSuites(root) {
    const { loadPromptFile } = await Promise.all(/* import() */[__webpack_require__.e(193), __webpack_require__.e(463), __webpack_require__.e(270), __webpack_require__.e(578), __webpack_require__.e(43)]).then(__webpack_require__.bind(__webpack_require__, 5043));
    const found = await (0,src/* findWorkspaceFiles */._t)(root, ['**/*.prompt.yml', '**/*.prompt.yaml'], { input: 'init' });
    const promptFiles = found.map((f) => (0,src/* toWorkspacePath */.CR)(root, f));
    const suites = [];
    const notes = [];
    const taken = new Set();
    let systemPromptFile;
    for (const prompt of promptFiles) {
        const { prompt: loaded, findings } = loadPromptFile(external_node_path_default().join(root, prompt), (0,external_node_fs_.readFileSync)(external_node_path_default().join(root, prompt), 'utf8'), root);
        if (findings.some((f) => f.level === 'error')) {
            notes.push(`${prompt}: does not load (${findings.find((f) => f.level === 'error').message}); run 'llmops validate-prompts'`);
            continue;
        }
        if (loaded.messages.some((m) => m.role.toLowerCase() === 'system'))
            systemPromptFile ??= prompt;
        const placeholders = loaded.messages.some((m) => /\{\{\s*[\w.-]+\s*\}\}/.test(m.content));
        const rows = loaded.testData.slice(0, MAX_ROWS).map((r) => r.values);
        if (placeholders && rows.length === 0) {
            notes.push(`${prompt}: has {{variables}} but no testData rows to fill them: add rows to evaluate it`);
            continue;
        }
        const json = loaded.responseFormat === 'json_object' || loaded.responseFormat === 'json_schema';
        const name = suiteName(prompt, taken);
        const file = `evals/${name}.eval.yml`;
        const suite = {
            name: `${loaded.name ?? name} (first suite)`,
            prompt: external_node_path_default().posix.relative('evals', prompt),
            cases: (rows.length ? rows : [{}]).map((vars, i) => ({
                name: `row ${i + 1}`,
                ...(Object.keys(vars).length ? { vars } : {}),
                assert: [{ 'not-refusal': true }, ...(json ? [{ 'is-json': true }] : [])],
            })),
        };
        const header = `# A first suite for ${prompt}, written by 'llmops init': every row must be answered${json ? ' with JSON' : ''}.\n# Add the assertions that matter (contains, regex, json-schema, judge: see llm-quality-gate).\n`;
        suites.push({ file, prompt, text: header + (0,dist/* stringify */.As)(suite) });
    }
    return { suites, promptFiles, notes, systemPromptFile };
}

;// CONCATENATED MODULE: ./packages/cli/src/init/next-steps.ts

// The runner provides this one; the user never sets it.
const PROVIDED = new Set(['GITHUB_TOKEN']);
/**
 * The secrets and variables the workflows read, by the environment of the job that reads them
 * (read from the workflows themselves, so this list cannot drift from them).
 */
function settingsToSet(workflows) {
    const scopes = new Map();
    for (const text of workflows) {
        const jobs = (0,dist/* parse */.qg)(text).jobs ?? {};
        for (const job of Object.values(jobs)) {
            const env = typeof job.environment === 'string' ? job.environment : (job.environment?.name ?? '');
            const scope = scopes.get(env) ?? { secrets: new Set(), variables: new Set() };
            scopes.set(env, scope);
            for (const [, kind, name] of JSON.stringify(job).matchAll(/\b(secrets|vars)\.([A-Za-z_][A-Za-z0-9_]*)/g)) {
                if (PROVIDED.has(name))
                    continue;
                (kind === 'secrets' ? scope.secrets : scope.variables).add(name);
            }
        }
    }
    return [...scopes]
        .filter(([, s]) => s.secrets.size || s.variables.size)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([environment, s]) => ({
        ...(environment ? { environment } : {}),
        secrets: [...s.secrets].sort(),
        variables: [...s.variables].sort(),
    }));
}
function formatSettings(scopes) {
    return scopes.map((s) => {
        const where = s.environment ? `environment '${s.environment}'` : 'repository';
        const parts = [
            s.secrets.length ? `secrets ${s.secrets.join(', ')}` : '',
            s.variables.length ? `variables ${s.variables.join(', ')}` : '',
        ].filter(Boolean);
        return `  ${where}: ${parts.join('; ')}`;
    });
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
;// CONCATENATED MODULE: ./packages/cli/src/init/repo.ts




const run = (0,external_node_util_.promisify)(external_node_child_process_.execFile);
async function git(cwd, args) {
    try {
        return (await run('git', args, { cwd })).stdout.trim() || undefined;
    }
    catch {
        return undefined;
    }
}
/** The top of the git work tree around `cwd`, or undefined outside one. */
async function repositoryRoot(cwd) {
    return git(cwd, ['rev-parse', '--show-toplevel']);
}
/**
 * The branch pull requests target: the remote's default (origin/HEAD) when the clone knows it,
 * else the branch checked out (in a new repository, the unborn one `git init` named).
 */
async function defaultBranch(root) {
    const remote = await git(root, ['symbolic-ref', '--short', 'refs/remotes/origin/HEAD']);
    if (remote)
        return remote.replace(/^origin\//, '');
    return (await git(root, ['symbolic-ref', '--short', 'HEAD'])) ?? 'main';
}
/** `owner/name` of a GitHub remote URL (https or ssh), or undefined. */
function githubRepository(url) {
    const match = /github\.com[:/]([^/]+)\/([^/]+?)(?:\.git)?\/?$/.exec(url);
    return match ? `${match[1]}/${match[2]}` : undefined;
}
/** `owner/name@v1` of the GitHub repository the llmops checkout at `root` was cloned from. */
async function llmopsRepository(root) {
    const url = await git(root, ['remote', 'get-url', 'origin']);
    const repo = url && githubRepository(url);
    return repo ? `${repo}@v1` : undefined;
}
/** The nearest folder at or above `from` holding `workflows-templates/` (the llmops checkout). */
function findTemplatesRoot(from) {
    for (let dir = from;; dir = external_node_path_default().dirname(dir)) {
        if ((0,external_node_fs_.existsSync)(external_node_path_default().join(dir, 'workflows-templates', 'llmops-pr-checks.yml')))
            return dir;
        if (external_node_path_default().dirname(dir) === dir)
            return undefined;
    }
}

;// CONCATENATED MODULE: ./packages/cli/src/init/init.ts





/** The overlay of workflows-templates/manifests/ each router applies (`service` switches a selector: blue-green). */
const OVERLAYS = {
    istio: 'overlays/istio',
    'gateway-api': 'overlays/gateway-api',
    kserve: 'overlays/kserve',
    service: 'overlays/blue-green',
};
/**
 * A starter workflow for this repository: its trigger limited to the default branch (the
 * templates run on every branch as copied, and say so on the trigger's line), its `uses:`
 * naming the llmops copy to use, and the app's system prompt file when there is one.
 */
function renderWorkflow(template, { branch, llmops, systemPromptFile }) {
    const [repo, ref] = llmops.split('@');
    const text = template
        .replace(/^(\s*)(pull_request|push):\s*#[^\n]*llmops init limits it to the default branch$/gm, (_, indent, event) => `${indent}${event}:\n${indent}  branches: [${JSON.stringify(branch)}]`)
        .replace(/llmops-dev\/llmops((?:\/[\w-]+)*)@v1\b/g, `${repo}$1@${ref}`)
        .replace(/^(\s*SYSTEM_PROMPT_FILE: )''$/m, (line, key) => systemPromptFile ? `${key}${JSON.stringify(systemPromptFile)}` : line);
    // A placeholder left over would make a workflow that never runs: a bug here, not a user error.
    const left = /\$default-branch|llmops-dev\//.exec(text);
    if (left)
        throw new Error(`a placeholder is left in the rendered workflow: ${left[0]}`);
    return text;
}
function templateFiles(dir, into) {
    return (0,external_node_fs_.readdirSync)(dir, { withFileTypes: true }).flatMap((e) => e.isDirectory()
        ? templateFiles(external_node_path_default().join(dir, e.name), `${into}/${e.name}`)
        : e.isFile()
            ? [{ file: `${into}/${e.name}`, text: (0,external_node_fs_.readFileSync)(external_node_path_default().join(dir, e.name), 'utf8') }]
            : []);
}
/** The reference manifests, the top-level kustomization applying the chosen router's overlay. */
function manifestFiles(templates, router) {
    return templateFiles(external_node_path_default().join(templates, 'manifests'), 'deploy/k8s').map((f) => f.file === 'deploy/k8s/kustomization.yaml'
        ? { ...f, text: f.text.replace(/^(\s*-\s*)overlays\/istio\s*$/m, `$1${OVERLAYS[router]}`) }
        : f);
}
async function planFiles(root, args, context, llmops) {
    const templates = external_node_path_default().join(context.llmopsRoot, 'workflows-templates');
    const branch = await defaultBranch(root);
    const first = await firstSuites(root);
    const settings = { branch, llmops, systemPromptFile: first.systemPromptFile };
    const workflows = ['llmops-pr-checks.yml', 'llmops-release.yml'].map((name) => ({
        file: `.github/workflows/${name}`,
        text: renderWorkflow((0,external_node_fs_.readFileSync)(external_node_path_default().join(templates, name), 'utf8'), settings),
    }));
    const docker = templateFiles(external_node_path_default().join(templates, 'docker'), '.').map((f) => ({
        ...f,
        file: f.file.slice(2),
    }));
    const manifests = manifestFiles(templates, args.router);
    const suites = first.suites.map(({ file, text }) => ({ file, text }));
    return { branch, workflows, planned: [...workflows, ...docker, ...manifests, ...suites], first };
}
/** Write (or print) what is planned; existing files with other content are kept unless --force. */
function writeFiles(root, planned, args, print) {
    let kept = 0;
    for (const { file, text } of planned) {
        const target = external_node_path_default().join(root, file);
        const exists = (0,external_node_fs_.existsSync)(target);
        if (exists && (0,external_node_fs_.readFileSync)(target, 'utf8') === text) {
            print(`  same     ${file}`);
            continue;
        }
        if (exists && !args.force) {
            kept++;
            print(`  kept     ${file} (exists; --force overwrites it)`);
            continue;
        }
        const verb = exists ? 'overwrite' : 'write';
        if (args.dryRun) {
            print(`  would ${verb} ${file}:`);
            for (const line of text.replace(/\n$/, '').split('\n'))
                print(`    | ${line}`);
            continue;
        }
        (0,external_node_fs_.mkdirSync)(external_node_path_default().dirname(target), { recursive: true });
        (0,external_node_fs_.writeFileSync)(target, text);
        print(`  ${exists ? 'replaced' : 'wrote   '} ${file}`);
    }
    return kept;
}
/**
 * `llmops init`: scaffold the user's repository. Exit code 0 when every file is in place (or
 * would be, with --dry-run), 1 when some existed and were kept, 2 outside a git repository or
 * when the llmops repository for `uses:` cannot be told.
 */
async function runInit(args, context) {
    const { print } = context;
    const root = await repositoryRoot(context.cwd);
    if (!root) {
        context.fail(`llmops init: ${context.cwd} is not in a git repository: run 'git init' first, or cd into your repository`);
        return 2;
    }
    const llmops = args.llmops ?? (await llmopsRepository(context.llmopsRoot));
    if (!llmops) {
        context.fail(`llmops init: cannot tell which llmops repository the workflows should use: pass --llmops <owner>/<name>@<ref>, e.g. --llmops acme/llmops@v1`);
        return 2;
    }
    const { branch, workflows, planned, first } = await planFiles(root, args, context, llmops);
    print(`llmops init${args.dryRun ? ' (dry run: nothing written)' : ''}: ${root}`);
    print(`  default branch ${branch}, router ${args.router}, actions from ${llmops}`);
    const kept = writeFiles(root, planned, args, print);
    if (args.router !== 'istio')
        print(`  deploy/k8s applies ${OVERLAYS[args.router]}; llmops-release.yml's canary-step steps are written for istio: set their router inputs as ${OVERLAYS[args.router]}/kustomization.yaml lists them`);
    print(first.suites.length
        ? `First suites: ${first.suites.map((s) => s.file).join(', ')} (from ${first.suites.length} prompt file(s)); builtin:smoke checks the endpoint itself`
        : `First suite: builtin:smoke (no .prompt.yml files with testData found); add *.eval.yml or .prompt.yml files to test your prompts`);
    for (const note of first.notes)
        print(`  ${note}`);
    print('No models file: validate-prompts knows common models; add one (models-file) only for others or other prices.');
    print('Next, set these (Settings → Secrets and variables → Actions, and Settings → Environments):');
    for (const line of formatSettings(settingsToSet(workflows.map((w) => w.text))))
        print(line);
    print('Then commit, and make the "Quality gate", "Safety tests", "Prompt lint" and "Serving image and manifests" checks required on the default branch.');
    if (kept)
        print(`${kept} file(s) exist and were kept: run again with --force to overwrite them.`);
    return kept ? 1 : 0;
}

;// CONCATENATED MODULE: ./packages/cli/src/init/cli.ts





/** `llmops init ...` from the command line: exit code 0, 1 or 2 (see runInit). */
async function initMain(argv) {
    const print = (line) => process.stdout.write(`${line}\n`);
    let args;
    try {
        args = parseInitArgs(argv);
    }
    catch (error) {
        if (!(error instanceof InitUsageError))
            throw error;
        process.stderr.write(`llmops init: ${error.message}\n`);
        return 2;
    }
    if (args.help) {
        print(INIT_HELP.trimEnd());
        return 0;
    }
    // The templates ship beside the CLI (dist/cli/index.js in the llmops checkout).
    const script = process.argv[1] ? external_node_path_default().dirname((0,external_node_fs_.realpathSync)(process.argv[1])) : process.cwd();
    const llmopsRoot = findTemplatesRoot(script);
    if (!llmopsRoot)
        throw new Error(`workflows-templates/ not found above ${script}`);
    return runInit(args, {
        cwd: process.cwd(),
        llmopsRoot,
        print,
        fail: (line) => process.stderr.write(`${line}\n`),
    });
}


/***/ })

};
