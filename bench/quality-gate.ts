// `npx tsx bench/quality-gate.ts`: the quality gate on 2,000 cases from one .prompt.yml against the
// test server (in a child process, so its CPU is not counted) at 50 ms per request, streaming on.
// Floor = cases × measured request latency / concurrency, measured in this run.
import path from 'node:path';
import { gate, startServer, workspace } from './lib/gate-bench';

const CASES = 2000;
const LATENCY_MS = 50;

/** Median of sequential raw requests: what one request costs on this machine, with no harness. */
async function measureLatency(url: string): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 20; i++) {
    const start = performance.now();
    const res = await fetch(`${url}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        model: 'test-model',
        stream: true,
        messages: [{ role: 'user', content: `ping ${i}` }],
      }),
    });
    await res.text();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[10]!;
}

const server = await startServer(LATENCY_MS);
try {
  const dir = workspace(CASES);
  const latency = await measureLatency(server.url);
  // A first run warms the JIT; it is reported on its own line, the table shows steady state.
  const warmup = await gate(dir, server.url, { concurrency: '100', cache: 'false', stream: 'true' });
  if (process.argv.includes('--cold-only')) {
    console.log(
      `cold run: ${(warmup.wall / 1000).toFixed(2)} s, ${(warmup.cpuMs / CASES).toFixed(3)} CPU ms/case`,
    );
    process.exit(0);
  }
  const rows: string[][] = [];
  const limits: Record<number, number> = { 20: 1.3, 100: 2 };
  // `-- 20` runs one concurrency only (for profiling).
  const only = process.argv.slice(2).map(Number).filter(Boolean);
  for (const concurrency of only.length ? only : [20, 100]) {
    const { report, wall, cpuMs } = await gate(dir, server.url, {
      concurrency: String(concurrency),
      cache: 'false',
      stream: 'true',
    });
    const floor = (CASES * latency) / concurrency;
    rows.push([
      String(concurrency),
      `${(wall / 1000).toFixed(2)} s`,
      `${(floor / 1000).toFixed(2)} s`,
      `${(wall / floor).toFixed(2)}x (max ${limits[concurrency]}x)`,
      (cpuMs / CASES).toFixed(3),
      String(report.outputs.requests),
      `${report.outputs.passed}/${CASES}`,
    ]);
  }
  // Cached re-run: populate once, then time a run that must send nothing.
  const cacheDir = path.join('.bench-cache', String(Date.now()));
  await gate(dir, server.url, { concurrency: '100', 'cache-dir': cacheDir });
  const cached = await gate(dir, server.url, { concurrency: '100', 'cache-dir': cacheDir });
  rows.push([
    'cached',
    `${(cached.wall / 1000).toFixed(2)} s`,
    '—',
    '(max 1.5 s)',
    (cached.cpuMs / CASES).toFixed(3),
    String(cached.report.outputs.requests),
    `${cached.report.outputs.passed}/${CASES}`,
  ]);
  const head = ['concurrency', 'wall', 'floor', 'ratio', 'CPU ms/case', 'requests', 'passed'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(
    `llm-quality-gate: ${CASES} cases, test server at ${LATENCY_MS} ms/request (measured ${latency.toFixed(1)} ms), streaming, cache off`,
  );
  console.log(
    `first run in this process (cold: JIT, lazy module state, tsx compiling modules) at concurrency 100: ${(warmup.wall / 1000).toFixed(2)} s, ${(warmup.cpuMs / CASES).toFixed(3)} CPU ms/case; the rows below are steady state`,
  );
  console.log(line(head));
  for (const r of rows) console.log(line(r));
} finally {
  server.stop();
}
