// `npx tsx bench/compare.ts`: llm-quality-gate's comparison mode on 2,000 cases, candidate at 80 ms
// per request and production at 50 ms (two test servers, each in its own child process),
// concurrency 20, streaming on, cache off. Target: comparing costs at most 1.1x the wall time of
// evaluating the slower endpoint alone, measured in the same run.
import { gate, startServer, workspace } from './lib/gate-bench';

const CASES = 2000;
const CONCURRENCY = '20';
const LIMIT = 1.1;

const slow = await startServer(80);
const fast = await startServer(50);
try {
  const dir = workspace(CASES);
  const settings = { concurrency: CONCURRENCY, cache: 'false', stream: 'true' };
  // Warm the JIT and both servers first; the rows below are steady state.
  await gate(dir, slow.url, { ...settings, 'compare-base-url': fast.url, 'compare-model': 'test-model' });
  const runs: Array<[string, Awaited<ReturnType<typeof gate>>]> = [];
  // Alternated and repeated, so drift on this machine falls on both alike.
  for (let round = 0; round < 2; round++) {
    runs.push(['slower alone (80 ms)', await gate(dir, slow.url, settings)]);
    runs.push(['faster alone (50 ms)', await gate(dir, fast.url, settings)]);
    runs.push([
      'comparison (80 ms vs 50 ms)',
      await gate(dir, slow.url, { ...settings, 'compare-base-url': fast.url, 'compare-model': 'test-model' }),
    ]);
  }
  const best = (label: string) => Math.min(...runs.filter(([l]) => l === label).map(([, r]) => r.wall));
  const slower = best('slower alone (80 ms)');
  console.log(
    `llm-quality-gate comparison mode: ${CASES} cases, concurrency ${CONCURRENCY}, streaming, cache off`,
  );
  console.log('| run | wall (best of 2) | CPU ms/case | requests | vs slower alone |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const label of ['slower alone (80 ms)', 'faster alone (50 ms)', 'comparison (80 ms vs 50 ms)']) {
    const wall = best(label);
    const run = runs.find(([l, r]) => l === label && r.wall === wall)![1];
    console.log(
      `| ${label} | ${(wall / 1000).toFixed(2)} s | ${(run.cpuMs / CASES).toFixed(3)} | ${run.report.outputs.requests} | ${(wall / slower).toFixed(3)}x${label.startsWith('comparison') ? ` (max ${LIMIT}x)` : ''} |`,
    );
  }
  const compared = runs.filter(([l]) => l.startsWith('comparison')).at(-1)![1].report;
  console.log(
    `\ncomparison found: agreement ${compared.outputs.agreement}, TTFT ${compared.outputs['ttft-increase']} and latency ${compared.outputs['latency-increase']} relative to production (set: +0.6)`,
  );
} finally {
  slow.stop();
  fast.stop();
}
