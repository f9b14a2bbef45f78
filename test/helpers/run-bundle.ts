import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';

export const repoRoot = path.resolve(import.meta.dirname, '../..');

export interface BundleRun {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  /** `::error file=...::message` lines the runner would turn into annotations. */
  annotations: Array<{ level: string; props: Record<string, string>; message: string }>;
}

/** Parse the runner's GITHUB_OUTPUT file (`name<<delimiter` heredocs). */
export function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i]!);
    if (m) {
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i]!);
      outputs[m[1]!] = value.join('\n');
    } else if (lines[i]!.includes('=')) {
      const [k, ...v] = lines[i]!.split('=');
      outputs[k!] = v.join('=');
    }
  }
  return outputs;
}

const unescape = (s: string) =>
  s
    .replace(/%0A/g, '\n')
    .replace(/%0D/g, '\r')
    .replace(/%3A/g, ':')
    .replace(/%2C/g, ',')
    .replace(/%25/g, '%');

export function parseAnnotations(stdout: string): BundleRun['annotations'] {
  const found: BundleRun['annotations'] = [];
  for (const line of stdout.split('\n')) {
    const m = /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!m) continue;
    const props: Record<string, string> = {};
    for (const pair of (m[2] ?? '').split(',').filter(Boolean)) {
      const [k, ...v] = pair.split('=');
      props[k!] = unescape(v.join('='));
    }
    found.push({ level: m[1]!, props, message: unescape(m[3]!) });
  }
  return found;
}

/** The raw inputs the runner passes for an action given nothing: its action.yml defaults. */
export function actionDefaults(action: string): Record<string, string> {
  // `llmops` is the root action (action.yml at the top, dist/llmops).
  const specPath = action === 'llmops' ? 'action.yml' : path.join('actions', action, 'action.yml');
  const spec = parse(readFileSync(path.join(repoRoot, specPath), 'utf8'));
  const inputs: Record<string, string> = {};
  for (const [name, input] of Object.entries<{ default?: unknown }>(spec.inputs ?? {})) {
    // The runner expands `${{ github.token }}`-style defaults; here there is nothing to expand them to.
    const value = String(input.default ?? '');
    inputs[name] = /^\$\{\{.*\}\}$/.test(value) ? '' : value;
  }
  return inputs;
}

/**
 * Run `node dist/<action>/index.js` the way the runner does: every input from action.yml gets its
 * default unless given, as `INPUT_<NAME>`; outputs and summary go to files.
 */
export async function runBundle(
  action: string,
  inputs: Record<string, string>,
  options: {
    cwd?: string;
    env?: Record<string, string>;
    node?: string;
    timeoutMs?: number;
    /** Called with the child once it runs (to signal it). */
    onSpawn?: (child: ChildProcess) => void;
  } = {},
): Promise<BundleRun> {
  const dir = mkdtempSync(path.join(tmpdir(), 'llmops-run-'));
  const outputFile = path.join(dir, 'output');
  const summaryFile = path.join(dir, 'summary');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const stateFile = path.join(dir, 'state');
  writeFileSync(stateFile, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? dir,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_STATE: stateFile,
    GITHUB_WORKSPACE: options.cwd ?? process.cwd(),
    RUNNER_TEMP: dir,
  };
  for (const [name, value] of Object.entries(actionDefaults(action)))
    env[`INPUT_${name.toUpperCase()}`] = value;
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  Object.assign(env, options.env);
  const child = spawn(options.node ?? process.execPath, [path.join(repoRoot, 'dist', action, 'index.js')], {
    cwd: options.cwd ?? process.cwd(),
    env,
  });
  let stdout = '';
  let stderr = '';
  options.onSpawn?.(child);
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearTimeout(timer);
  return {
    code,
    stdout,
    stderr,
    outputs: parseOutputs(readFileSync(outputFile, 'utf8')),
    summary: readFileSync(summaryFile, 'utf8'),
    annotations: parseAnnotations(stdout),
  };
}
