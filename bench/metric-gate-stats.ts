// Seeded simulation of metric-gate's statistical tests: how often a healthy canary fails (false
// failures) and how often a degraded one is caught (detection), with the settings a user gets by
// default. Run: npx tsx bench/metric-gate-stats.ts
import { beyondTolerance, median, rankSum, twoProportion } from '@llmops/prom';

const TRIALS = 500;
const SAMPLES = 30;
const SIGMA = 0.2;
const DEGRADED_MEDIAN = 1.3;
const REQUESTS = 2000;
const ERROR_RATE_HEALTHY = 0.005;
const ERROR_RATE_DEGRADED = 0.025;
// metric-gate's defaults for these tests.
const CONFIDENCE = 0.95;
const RANK_SUM_TOLERANCE = 0.15;
const PROPORTION_TOLERANCE = 0;

/** mulberry32: a small, seedable PRNG, so every run draws the same samples. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normal(random: () => number): number {
  // Box-Muller; 1 − u keeps log away from 0.
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

function lognormal(random: () => number, medianValue: number, count: number): number[] {
  return Array.from({ length: count }, () => medianValue * Math.exp(SIGMA * normal(random)));
}

function binomial(random: () => number, trials: number, p: number): number {
  let events = 0;
  for (let i = 0; i < trials; i++) if (random() < p) events++;
  return events;
}

function rankSumFails(random: () => number, canaryMedian: number): boolean {
  const baseline = lognormal(random, 0.25, SAMPLES);
  const canary = lognormal(random, 0.25 * canaryMedian, SAMPLES);
  const result = rankSum(canary, baseline, CONFIDENCE);
  return (
    beyondTolerance(
      result.shift,
      result.interval,
      RANK_SUM_TOLERANCE * Math.abs(median(baseline)),
      'increase',
    ) !== undefined
  );
}

function proportionFails(random: () => number, canaryRate: number): boolean {
  const baseline = { events: binomial(random, REQUESTS, ERROR_RATE_HEALTHY), total: REQUESTS };
  const canary = { events: binomial(random, REQUESTS, canaryRate), total: REQUESTS };
  const result = twoProportion(canary, baseline, CONFIDENCE);
  return beyondTolerance(result.difference, result.interval, PROPORTION_TOLERANCE, 'increase') !== undefined;
}

function rate(trials: number, fails: (random: () => number) => boolean, seed: number): number {
  const random = rng(seed);
  let failed = 0;
  for (let i = 0; i < trials; i++) if (fails(random)) failed++;
  return failed / trials;
}

const rows = [
  {
    test: `rank-sum, TTFT lognormal σ=${SIGMA}, n=${SAMPLES}`,
    falseFailure: rate(TRIALS, (r) => rankSumFails(r, 1), 1),
    detection: rate(TRIALS, (r) => rankSumFails(r, DEGRADED_MEDIAN), 2),
    shift: `median +${Math.round((DEGRADED_MEDIAN - 1) * 100)}%`,
  },
  {
    test: `proportion, ${REQUESTS} requests each`,
    falseFailure: rate(TRIALS, (r) => proportionFails(r, ERROR_RATE_HEALTHY), 3),
    detection: rate(TRIALS, (r) => proportionFails(r, ERROR_RATE_DEGRADED), 4),
    shift: `errors ${ERROR_RATE_HEALTHY * 100}% → ${ERROR_RATE_DEGRADED * 100}%`,
  },
];

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
console.log(
  `metric-gate statistics: ${TRIALS} healthy + ${TRIALS} degraded canaries per test, confidence ${CONFIDENCE}`,
);
console.log(
  `rank-sum tolerance ${RANK_SUM_TOLERANCE} (of the baseline median), proportion tolerance ${PROPORTION_TOLERANCE}\n`,
);
console.log('| test | degradation | false failures (target <= 2%) | detection (target >= 95%) |');
console.log('| --- | --- | --- | --- |');
let ok = true;
for (const row of rows) {
  const good = row.falseFailure <= 0.02 && row.detection >= 0.95;
  ok &&= good;
  console.log(
    `| ${row.test} | ${row.shift} | ${pct(row.falseFailure)} | ${pct(row.detection)} ${good ? '' : '(MISSED)'} |`,
  );
}
if (!ok) process.exitCode = 1;
