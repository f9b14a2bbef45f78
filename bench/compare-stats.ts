// Seeded simulation of llm-quality-gate's paired latency comparison (candidate vs production on the
// same cases): how often a candidate whose TTFT is 20% higher is detected at p < 0.01 with 200
// cases, and how often an equal one is flagged by chance. Each case has its own typical latency
// (prompt length, output length), shared by both endpoints; each request adds its own noise.
// The unpaired column is what two independent means (Welch's t on the logs) would see.
// Run: npx tsx bench/compare-stats.ts
import { pairedRatio } from '../packages/evals/src/compare/paired';
import { studentTCdf } from '../packages/evals/src/compare/student-t';
import { normal, rng } from './lib/random';

const TRIALS = 1000;
const CASES = 200;
const ALPHA = 0.01;
const CASE_SIGMA = 0.8; // spread of typical TTFT between cases (log scale)
const REQUEST_SIGMA = 0.3; // noise of one request around its case's typical TTFT

function draw(random: () => number, slowdown: number): { candidate: number[]; production: number[] } {
  const candidate: number[] = [];
  const production: number[] = [];
  for (let i = 0; i < CASES; i++) {
    const typical = 0.25 * Math.exp(CASE_SIGMA * normal(random));
    production.push(typical * Math.exp(REQUEST_SIGMA * normal(random)));
    candidate.push(slowdown * typical * Math.exp(REQUEST_SIGMA * normal(random)));
  }
  return { candidate, production };
}

/** Welch's t-test on the logs of two samples treated as independent. */
function unpairedP(a: number[], b: number[]): number {
  const stats = (xs: number[]) => {
    const logs = xs.map(Math.log);
    const mean = logs.reduce((s, x) => s + x, 0) / logs.length;
    const variance = logs.reduce((s, x) => s + (x - mean) ** 2, 0) / (logs.length - 1);
    return { mean, v: variance / logs.length, n: logs.length };
  };
  const x = stats(a);
  const y = stats(b);
  const t = (x.mean - y.mean) / Math.sqrt(x.v + y.v);
  const df = (x.v + y.v) ** 2 / (x.v ** 2 / (x.n - 1) + y.v ** 2 / (y.n - 1));
  return 2 * studentTCdf(-Math.abs(t), df);
}

console.log(`${TRIALS} seeded trials of ${CASES} cases each; flagged = p < ${ALPHA}\n`);
console.log(
  '| candidate TTFT | flagged (paired) | flagged (unpaired) | median ratio found | 95% CI covers truth |',
);
console.log('| --- | --- | --- | --- | --- |');
for (const slowdown of [1.0, 1.1, 1.2]) {
  const random = rng(42);
  let paired = 0;
  let unpaired = 0;
  let covered = 0;
  const ratios: number[] = [];
  for (let trial = 0; trial < TRIALS; trial++) {
    const { candidate, production } = draw(random, slowdown);
    const result = pairedRatio(candidate, production);
    if (result.p < ALPHA) paired++;
    if (unpairedP(candidate, production) < ALPHA) unpaired++;
    if (result.low <= slowdown && slowdown <= result.high) covered++;
    ratios.push(result.ratio);
  }
  ratios.sort((a, b) => a - b);
  const pct = (n: number) => `${((100 * n) / TRIALS).toFixed(1)}%`;
  console.log(
    `| ${slowdown === 1 ? 'equal' : `+${Math.round((slowdown - 1) * 100)}%`} | ${pct(paired)} | ${pct(unpaired)} | ${ratios[TRIALS / 2]!.toFixed(3)} | ${pct(covered)} |`,
  );
}
