// What the quality-gate benchmarks share: the test server in a child process (so its CPU is not
// counted), a workspace of N cases in one .prompt.yml, and one timed in-process run of the gate.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { actionDefaults } from '../../test/helpers/run-bundle';
import type { GateReport } from '@llmops/evals';
import { qualityGateCommand } from '@llmops/evals/quality-gate';

const root = path.resolve(import.meta.dirname, '../..');

export async function startServer(latencyMs: number): Promise<{ url: string; stop: () => void }> {
  const script = `import { startTestServer } from ${JSON.stringify(path.join(root, 'packages/llm/src/test-server/index.ts'))};
const s = await startTestServer({ latencyMs: ${latencyMs}, answer: (b) => 'Answer to ' + (b.messages?.at(-1)?.content ?? '') + ' is 42 days.' });
process.stdout.write(s.url + '\\n');`;
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'bench-server-')), 'server.mts');
  writeFileSync(file, script);
  const child = spawn(process.execPath, ['--import', 'tsx', file], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve) =>
    child.stdout.once('data', (d) => resolve(String(d).trim())),
  );
  return { url, stop: () => child.kill() };
}

export function workspace(cases: number): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-gate-'));
  const rows = Array.from(
    { length: cases },
    (_, i) => `  - question: What is item ${i}?\n    expected: days\n`,
  ).join('');
  writeFileSync(
    path.join(dir, 'bench.prompt.yml'),
    `name: bench\nmodelParameters:\n  temperature: 0\nmessages:\n  - role: system\n    content: You answer briefly.\n  - role: user\n    content: '{{question}}'\ntestData:\n${rows}evaluators:\n  - name: has-expected\n    string:\n      contains: '{{expected}}'\n`,
  );
  return dir;
}

export async function gate(dir: string, url: string, extra: Record<string, string>) {
  const values: Record<string, string> = {
    ...actionDefaults('llm-quality-gate'),
    'base-url': url,
    model: 'test-model',
    'min-score': '0',
    ...extra,
  };
  const command = qualityGateCommand.read((n) => values[n]);
  const cpu = process.cpuUsage();
  const start = performance.now();
  const report = (await command.execute({
    workspace: dir,
    env: {},
    log: () => {},
    signal: new AbortController().signal,
  })) as GateReport;
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { report, wall, cpuMs: (used.user + used.system) / 1000 };
}
