import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { InitArgs, Router } from './args';
import { firstSuites } from './first-suite';
import { formatSettings, settingsToSet } from './next-steps';
import { defaultBranch, llmopsRepository, repositoryRoot } from './repo';

export interface InitContext {
  cwd: string;
  /** The llmops checkout holding `workflows-templates/`. */
  llmopsRoot: string;
  print: (line: string) => void;
  /** The one line of a run that stops before writing (exit 2): stderr on the command line. */
  fail: (line: string) => void;
}

/** One file init wants in the user's repository. */
interface Planned {
  file: string;
  text: string;
}

/** The overlay of workflows-templates/manifests/ each router applies (`service` switches a selector: blue-green). */
const OVERLAYS: Record<Router, string> = {
  istio: 'overlays/istio',
  'gateway-api': 'overlays/gateway-api',
  kserve: 'overlays/kserve',
  service: 'overlays/blue-green',
};

export interface WorkflowSettings {
  branch: string;
  /** `<owner>/<name>@<ref>` */
  llmops: string;
  systemPromptFile?: string;
}

/**
 * A starter workflow for this repository: its trigger limited to the default branch (the
 * templates run on every branch as copied, and say so on the trigger's line), its `uses:`
 * naming the llmops copy to use, and the app's system prompt file when there is one.
 */
export function renderWorkflow(
  template: string,
  { branch, llmops, systemPromptFile }: WorkflowSettings,
): string {
  const [repo, ref] = llmops.split('@') as [string, string];
  const text = template
    .replace(
      /^(\s*)(pull_request|push):\s*#[^\n]*llmops init limits it to the default branch$/gm,
      (_, indent: string, event: string) =>
        `${indent}${event}:\n${indent}  branches: [${JSON.stringify(branch)}]`,
    )
    .replace(/llmops-dev\/llmops((?:\/[\w-]+)*)@v1\b/g, `${repo}$1@${ref}`)
    .replace(/^(\s*SYSTEM_PROMPT_FILE: )''$/m, (line, key: string) =>
      systemPromptFile ? `${key}${JSON.stringify(systemPromptFile)}` : line,
    );
  // A placeholder left over would make a workflow that never runs: a bug here, not a user error.
  const left = /\$default-branch|llmops-dev\//.exec(text);
  if (left) throw new Error(`a placeholder is left in the rendered workflow: ${left[0]}`);
  return text;
}

function templateFiles(dir: string, into: string): Planned[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? templateFiles(path.join(dir, e.name), `${into}/${e.name}`)
      : e.isFile()
        ? [{ file: `${into}/${e.name}`, text: readFileSync(path.join(dir, e.name), 'utf8') }]
        : [],
  );
}

/** The reference manifests, the top-level kustomization applying the chosen router's overlay. */
function manifestFiles(templates: string, router: Router): Planned[] {
  return templateFiles(path.join(templates, 'manifests'), 'deploy/k8s').map((f) =>
    f.file === 'deploy/k8s/kustomization.yaml'
      ? { ...f, text: f.text.replace(/^(\s*-\s*)overlays\/istio\s*$/m, `$1${OVERLAYS[router]}`) }
      : f,
  );
}

async function planFiles(root: string, args: InitArgs, context: InitContext, llmops: string) {
  const templates = path.join(context.llmopsRoot, 'workflows-templates');
  const branch = await defaultBranch(root);
  const first = await firstSuites(root);
  const settings = { branch, llmops, systemPromptFile: first.systemPromptFile };
  const workflows = ['llmops-pr-checks.yml', 'llmops-release.yml'].map((name) => ({
    file: `.github/workflows/${name}`,
    text: renderWorkflow(readFileSync(path.join(templates, name), 'utf8'), settings),
  }));
  const docker = templateFiles(path.join(templates, 'docker'), '.').map((f) => ({
    ...f,
    file: f.file.slice(2),
  }));
  const manifests = manifestFiles(templates, args.router);
  const suites = first.suites.map(({ file, text }) => ({ file, text }));
  return { branch, workflows, planned: [...workflows, ...docker, ...manifests, ...suites], first };
}

/** Write (or print) what is planned; existing files with other content are kept unless --force. */
function writeFiles(root: string, planned: Planned[], args: InitArgs, print: (line: string) => void): number {
  let kept = 0;
  for (const { file, text } of planned) {
    const target = path.join(root, file);
    const exists = existsSync(target);
    if (exists && readFileSync(target, 'utf8') === text) {
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
      for (const line of text.replace(/\n$/, '').split('\n')) print(`    | ${line}`);
      continue;
    }
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, text);
    print(`  ${exists ? 'replaced' : 'wrote   '} ${file}`);
  }
  return kept;
}

/**
 * `llmops init`: scaffold the user's repository. Exit code 0 when every file is in place (or
 * would be, with --dry-run), 1 when some existed and were kept, 2 outside a git repository or
 * when the llmops repository for `uses:` cannot be told.
 */
export async function runInit(args: InitArgs, context: InitContext): Promise<number> {
  const { print } = context;
  const root = await repositoryRoot(context.cwd);
  if (!root) {
    context.fail(
      `llmops init: ${context.cwd} is not in a git repository: run 'git init' first, or cd into your repository`,
    );
    return 2;
  }
  const llmops = args.llmops ?? (await llmopsRepository(context.llmopsRoot));
  if (!llmops) {
    context.fail(
      `llmops init: cannot tell which llmops repository the workflows should use: pass --llmops <owner>/<name>@<ref>, e.g. --llmops acme/llmops@v1`,
    );
    return 2;
  }
  const { branch, workflows, planned, first } = await planFiles(root, args, context, llmops);
  print(`llmops init${args.dryRun ? ' (dry run: nothing written)' : ''}: ${root}`);
  print(`  default branch ${branch}, router ${args.router}, actions from ${llmops}`);
  const kept = writeFiles(root, planned, args, print);
  if (args.router !== 'istio')
    print(
      `  deploy/k8s applies ${OVERLAYS[args.router]}; llmops-release.yml's canary-step steps are written for istio: set their router inputs as ${OVERLAYS[args.router]}/kustomization.yaml lists them`,
    );
  print(
    first.suites.length
      ? `First suites: ${first.suites.map((s) => s.file).join(', ')} (from ${first.suites.length} prompt file(s)); builtin:smoke checks the endpoint itself`
      : `First suite: builtin:smoke (no .prompt.yml files with testData found); add *.eval.yml or .prompt.yml files to test your prompts`,
  );
  for (const note of first.notes) print(`  ${note}`);
  print(
    'No models file: validate-prompts knows common models; add one (models-file) only for others or other prices.',
  );
  print('Next, set these (Settings → Secrets and variables → Actions, and Settings → Environments):');
  for (const line of formatSettings(settingsToSet(workflows.map((w) => w.text)))) print(line);
  print(
    'Then commit, and make the "Quality gate", "Safety tests", "Prompt lint" and "Serving image and manifests" checks required on the default branch.',
  );
  if (kept) print(`${kept} file(s) exist and were kept: run again with --force to overwrite them.`);
  return kept ? 1 : 0;
}
