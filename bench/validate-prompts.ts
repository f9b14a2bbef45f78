// Benchmark: validate-prompts on 5,000 prompt files (3 messages, 10 testData rows each) against a
// floor measured in the same run: reading and YAML-parsing the same files and nothing else.
// Also: start-up of the bundle validating one file, and each bundle's size.
// Run: npx tsx bench/validate-prompts.ts
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parse } from 'yaml';
import { validatePrompts } from '@llmops/evals/validate';
import { actionDefaults } from '../test/helpers/run-bundle';

const FILES = 5000;
const root = path.resolve(import.meta.dirname, '..');

function promptFile(i: number): string {
  const rows = Array.from(
    { length: 10 },
    (_, r) =>
      `  - question: "Customer ${i}-${r} asks where order #${1000 + r} is and whether it ships before Friday."\n    expected: "Order #${1000 + r} ships within 3-5 business days."`,
  ).join('\n');
  return `name: support-${i}
description: Support assistant variant ${i}
version: 1.0.${i}
model: openai/gpt-4o-mini
modelParameters:
  temperature: 0.2
  maxTokens: 300
messages:
  - role: system
    content: |
      You are the support assistant of Acme Shoes (variant ${i}). Returns are accepted within 30 days.
      Standard shipping takes 3-5 business days. Answer politely in at most three sentences.
  - role: assistant
    content: Hello! How can I help you with your order today?
  - role: user
    content: "{{question}}"
testData:
${rows}
evaluators:
  - name: mentions-days
    string:
      contains: days
`;
}

function time<T>(fn: () => T): [T, number] {
  const start = performance.now();
  const out = fn();
  return [out, performance.now() - start];
}

async function main() {
  const ws = mkdtempSync(path.join(tmpdir(), 'llmops-bench-vp-'));
  mkdirSync(path.join(ws, 'prompts'));
  for (let i = 0; i < FILES; i++) writeFileSync(path.join(ws, 'prompts', `p${i}.prompt.yml`), promptFile(i));
  const files = readdirSync(path.join(ws, 'prompts')).map((f) => path.join(ws, 'prompts', f));

  // Warm the file cache and the tokenizer once so both sides measure steady work.
  time(() => files.forEach((f) => readFileSync(f, 'utf8')));
  const options = {
    workspace: ws,
    paths: ['prompts/p0.prompt.yml'],
    maxPromptTokens: 0,
    requireVersionBump: false,
    failOn: 'error' as const,
  };
  await validatePrompts(options);

  const [, floor] = time(() => files.forEach((f) => parse(readFileSync(f, 'utf8'))));
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const report = await validatePrompts({ ...options, paths: ['prompts/*.prompt.yml'] });
  const wall = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  if (report.outputs.prompts !== FILES || report.outputs.errors !== 0)
    throw new Error(`unexpected report: ${report.headline}`);

  // Start-up: the bundle validating one file, as the runner starts it (median of 7).
  const one = mkdtempSync(path.join(tmpdir(), 'llmops-bench-one-'));
  writeFileSync(path.join(one, 'a.prompt.yml'), promptFile(1));
  // The inputs as the runner passes them: action.yml defaults, then ours.
  const inputEnv = Object.fromEntries(
    Object.entries({ ...actionDefaults('validate-prompts'), paths: '*.prompt.yml' }).map(([k, v]) => [
      `INPUT_${k.toUpperCase()}`,
      v,
    ]),
  );
  const startups: number[] = [];
  for (let i = 0; i < 7; i++) {
    const t = performance.now();
    const child = spawnSync(process.execPath, [path.join(root, 'dist/validate-prompts/index.js')], {
      cwd: one,
      env: { PATH: process.env.PATH, GITHUB_WORKSPACE: one, ...inputEnv },
    });
    startups.push(performance.now() - t);
    if (child.status !== 0) throw new Error(`bundle failed: ${child.stdout}${child.stderr}`);
  }
  startups.sort((a, b) => a - b);
  const startup = startups[3]!;

  const ratio = wall / floor;
  console.log(`validate-prompts benchmark (${FILES} files, 3 messages + 10 testData rows each)\n`);
  console.log('| measure | value | target | ok |');
  console.log('| --- | --- | --- | --- |');
  console.log(`| floor: read + YAML parse | ${(floor / 1000).toFixed(2)} s | — | |`);
  console.log(
    `| validate-prompts wall | ${(wall / 1000).toFixed(2)} s | < 5 s | ${wall < 5000 ? 'yes' : 'NO'} |`,
  );
  console.log(`| wall / floor | ${ratio.toFixed(2)}x | <= 3x | ${ratio <= 3 ? 'yes' : 'NO'} |`);
  console.log(`| CPU (user+sys) | ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s | — | |`);
  console.log(
    `| bundle start-up, 1 file (median of 7) | ${startup.toFixed(0)} ms | < 500 ms | ${startup < 500 ? 'yes' : 'NO'} |`,
  );
  console.log('\n| bundle | size (all chunks) |\n| --- | --- |');
  for (const dir of readdirSync(path.join(root, 'dist')).sort()) {
    const bytes = readdirSync(path.join(root, 'dist', dir)).reduce(
      (n, f) => n + statSync(path.join(root, 'dist', dir, f)).size,
      0,
    );
    console.log(`| dist/${dir} | ${(bytes / 1024 / 1024).toFixed(2)} MB |`);
  }
  rmSync(ws, { recursive: true, force: true });
  rmSync(one, { recursive: true, force: true });
}

await main();
