// Checks every workflow (workflows-templates/*.yml, .github/workflows/*.yml) the way GitHub reads
// it: GitHub's own parser (@actions/workflow-parser, the language services' schema and expression
// checks), then every `run:` script with shellcheck, `${{ … }}` replaced by a variable so the
// script is valid shell. Prints `file:line:column: message` per problem; exit 1 on any.
// Run: npx tsx scripts/workflow-lint.ts [files…]
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type YAMLMap } from 'yaml';

export interface Problem {
  file: string;
  line: number;
  column: number;
  message: string;
}

export const formatProblem = (p: Problem): string => `${p.file}:${p.line}:${p.column}: ${p.message}`;

/** The workflow files of a repository checkout: starters and the repository's own. */
export function workflowFiles(root: string): string[] {
  return ['workflows-templates', '.github/workflows'].flatMap((dir) =>
    existsSync(path.join(root, dir))
      ? readdirSync(path.join(root, dir))
          .filter((f) => /\.ya?ml$/.test(f))
          .sort()
          .map((f) => `${dir}/${f}`)
      : [],
  );
}

/** What GitHub's parser rejects: schema (unknown keys, wrong types) and expressions (unknown names). */
export function parserProblems(file: string, content: string): Problem[] {
  const result = parseWorkflow({ name: file, content }, new NoOperationTraceWriter());
  return result.context.errors.getErrors().map((error) => {
    // The message repeats the place as "<file> (Line: l, Col: c): "; keep the place once.
    const place = /\(Line: (\d+), Col: (\d+)\)/.exec(error.message);
    return {
      file,
      line: error.range?.start.line ?? Number(place?.[1] ?? 1),
      column: error.range?.start.column ?? Number(place?.[2] ?? 1),
      message: error.rawMessage,
    };
  });
}

export interface RunScript {
  job: string;
  /** One-based file line of the script's first line, and the column its text starts at. */
  line: number;
  column: number;
  script: string;
  shell: string;
}

const get = (map: unknown, key: string): unknown => (isMap(map) ? map.get(key, true) : undefined);
const scalarText = (node: unknown): string | undefined =>
  isScalar(node) && node.value !== null ? String(node.value) : undefined;

/** Every `run:` script with where its text starts in the file and the shell that runs it. */
export function runScripts(content: string): RunScript[] {
  const lines = new LineCounter();
  const doc = parseDocument(content, { lineCounter: lines });
  const defaultShell = (node: unknown) => scalarText(get(get(get(node, 'defaults'), 'run'), 'shell'));
  const workflowShell = defaultShell(doc.contents);
  const scripts: RunScript[] = [];
  const jobs = get(doc.contents, 'jobs');
  for (const pair of isMap(jobs) ? (jobs as YAMLMap).items : []) {
    const job = String((pair.key as Node & { value?: unknown }).value ?? pair.key);
    const steps = get(pair.value, 'steps');
    for (const step of isSeq(steps) ? steps.items : []) {
      const run = get(step, 'run');
      if (!isScalar(run) || typeof run.value !== 'string' || !run.range) continue;
      const start = lines.linePos(run.range[0]);
      const block = run.type === 'BLOCK_LITERAL' || run.type === 'BLOCK_FOLDED';
      // A block scalar's text starts on the line after its `|` header, at the block's indentation.
      const firstLine = block ? (content.split('\n')[start.line] ?? '') : '';
      scripts.push({
        job,
        line: block ? start.line + 1 : start.line,
        column: block ? firstLine.length - firstLine.trimStart().length + 1 : start.col,
        script: run.value,
        shell: scalarText(get(step, 'shell')) ?? defaultShell(pair.value) ?? workflowShell ?? 'bash',
      });
    }
  }
  return scripts;
}

/** `${{ … }}` as a shell variable: shellcheck then sees valid shell and flags unquoted uses. */
export const withPlaceholders = (script: string): string =>
  script.replace(/\$\{\{[\s\S]*?\}\}/g, '${GITHUB_EXPRESSION}');

interface ShellcheckComment {
  line: number;
  column: number;
  level: string;
  code: number;
  message: string;
}

/** shellcheck's findings on one script, placed at their lines and columns in the workflow file. */
export function shellcheckProblems(file: string, run: RunScript): Problem[] {
  const shell = /^(bash|sh)\b/.exec(run.shell)?.[1];
  if (!shell) return []; // pwsh, python: not shell
  let output: string;
  try {
    output = execFileSync('shellcheck', ['--format=json1', `--shell=${shell}`, '-'], {
      input: withPlaceholders(run.script),
      encoding: 'utf8',
    });
  } catch (error) {
    const failed = error as { status?: number; stdout?: string; code?: string };
    if (failed.code === 'ENOENT')
      throw new Error('shellcheck is not installed: apt-get install shellcheck', { cause: error });
    // Exit 1 means findings; anything else is shellcheck failing.
    if (failed.status !== 1 || !failed.stdout) throw error;
    output = failed.stdout;
  }
  const { comments } = JSON.parse(output) as { comments: ShellcheckComment[] };
  return comments.map((c) => ({
    file,
    line: run.line + c.line - 1,
    column: run.column + c.column - 1,
    message: `job ${run.job}: shellcheck SC${c.code} (${c.level}): ${c.message}`,
  }));
}

/** Every problem in one workflow file (path relative to `root`, as it is reported). */
export function lintWorkflow(root: string, file: string): Problem[] {
  const content = readFileSync(path.join(root, file), 'utf8');
  const parsed = parserProblems(file, content);
  return [...parsed, ...runScripts(content).flatMap((run) => shellcheckProblems(file, run))];
}

function main(): void {
  const root = process.cwd();
  const files = process.argv.length > 2 ? process.argv.slice(2) : workflowFiles(root);
  let problems = 0;
  for (const file of files) {
    const found = lintWorkflow(root, file);
    problems += found.length;
    if (found.length === 0) console.log(`ok   ${file}`);
    for (const problem of found) console.error(formatProblem(problem));
  }
  process.exitCode = problems ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
