// Seeded simulation of metric-gate's statistical tests: how often a healthy canary fails (false
// failures) and how often a degraded one is caught (detection), with the settings a user gets by
// default. The second table runs rank-sum checks through the real measurement path (parseChecks
// defaults, measureChecks, a Prometheus stand-in answering range queries) on series whose points
// are rates over a rate window, as Prometheus computes them: points closer than the rate window
// share data. Run: npx tsx bench/metric-gate-stats.ts
import {
  beyondTolerance,
  ManualClock,
  measureChecks,
  median,
  parseChecks,
  rankSum,
  twoProportion,
  type PromApi,
  type RangeSpec,
  type Series,
} from '@llmops/prom';
import { normal, rng } from './lib/random';

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

function lognormal(random: () => number, medianValue: number, count: number): number[] {
  return Array.from({ length: count }, () => medianValue * Math.exp(SIGMA * normal(random)));
}

function binomial(random: () => number, trials: number, p: number): number {
  let events = 0;
  for (let i = 0; i < trials; i++) if (random() < p) events++;
  return events;
}

function rankSumFails(random: () => number, canaryMedian: number, samples = SAMPLES): boolean {
  const baseline = lognormal(random, 0.25, samples);
  const canary = lognormal(random, 0.25 * canaryMedian, samples);
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

// --- Range series through the measurement path ---------------------------------------------
const RUNS = 300;
const COUNT = 5;
const INTERVAL_S = 60;

/**
 * A latency series sampled every second whose rate-window average has log-σ SIGMA, as a rate()
 * over `rateWindowS` seconds: each point averages the last `rateWindowS` seconds of noise.
 */
function rateSeries(random: () => number, seconds: number, rateWindowS: number, medianValue: number) {
  const perSecond = SIGMA * Math.sqrt(rateWindowS);
  const prefix = new Float64Array(seconds + 1);
  for (let i = 0; i < seconds; i++) prefix[i + 1] = prefix[i]! + perSecond * normal(random);
  return (second: number) =>
    medianValue * Math.exp((prefix[second + 1]! - prefix[second + 1 - rateWindowS]!) / rateWindowS);
}

interface RangeSetting {
  label: string;
  yaml: string;
  /** Settings for the hand-rolled path (old defaults, no independence counting). */
  windowS: number;
  stepS: number;
  rateWindowS: number;
}

/** A Prometheus stand-in answering `canary` and `stable` range queries from two rate series. */
function simulatedProm(
  random: () => number,
  setting: RangeSetting,
  t0: number,
  canaryMedian: number,
): PromApi {
  const seconds = COUNT * INTERVAL_S + setting.windowS + setting.rateWindowS + 10;
  const offset = setting.windowS + setting.rateWindowS + 1;
  const series = {
    canary: rateSeries(random, seconds, setting.rateWindowS, 0.25 * canaryMedian),
    stable: rateSeries(random, seconds, setting.rateWindowS, 0.25),
  };
  return {
    query: () => Promise.reject(new Error('instant queries are not simulated')),
    async queryRange(promql: string, range: RangeSpec): Promise<Series[]> {
      const at = series[promql as keyof typeof series];
      const values: Array<[number, number]> = [];
      for (let t = range.start; t <= range.end; t += range.stepMs) {
        values.push([t / 1000, at(Math.round((t - t0) / 1000) + offset)]);
      }
      return [{ labels: {}, values }];
    },
  };
}

/** One gate run (COUNT measurements, failure-limit 0) through measureChecks. */
async function gateRun(random: () => number, setting: RangeSetting, canaryMedian: number) {
  const clock = new ManualClock();
  const checks = parseChecks(setting.yaml);
  const result = await measureChecks(checks, {
    prom: simulatedProm(random, setting, clock.now(), canaryMedian),
    clock,
    count: COUNT,
    intervalMs: INTERVAL_S * 1000,
    noData: 'inconclusive',
    limits: { failureLimit: 0, inconclusiveLimit: 0, errorLimit: 0 },
  });
  const outcomes = result.measurements.map((m) => m.outcome);
  return {
    verdict: result.verdict,
    failures: outcomes.filter((o) => o === 'failure').length,
    n: outcomes.length,
  };
}

/** The same sampling judged as metric-gate did before: every point taken as an independent sample. */
function naiveRun(random: () => number, setting: RangeSetting, canaryMedian: number) {
  const seconds = COUNT * INTERVAL_S + setting.windowS + setting.rateWindowS + 10;
  const canary = rateSeries(random, seconds, setting.rateWindowS, 0.25 * canaryMedian);
  const stable = rateSeries(random, seconds, setting.rateWindowS, 0.25);
  let failures = 0;
  for (let m = 0; m < COUNT; m++) {
    const end = setting.windowS + setting.rateWindowS + 1 + m * INTERVAL_S;
    const points = (at: (s: number) => number) => {
      const out: number[] = [];
      for (let s = end - setting.windowS; s <= end; s += setting.stepS) out.push(at(s));
      return out;
    };
    const base = points(stable);
    const result = rankSum(points(canary), base, CONFIDENCE);
    const band = RANK_SUM_TOLERANCE * Math.abs(median(base));
    if (beyondTolerance(result.shift, result.interval, band, 'increase')) failures++;
  }
  return { verdict: failures ? 'fail' : 'pass', failures, n: COUNT };
}

const settings: RangeSetting[] = [
  {
    label: 'old default: window 5m, step 10s (window/30), rate-window 1m',
    yaml: '- {name: t, query: canary, baseline-query: stable, test: rank-sum, window: 5m, step: 10s, rate-window: 1m}',
    windowS: 300,
    stepS: 10,
    rateWindowS: 60,
  },
  {
    label: 'new default: step = rate-window 1m, window 9m (min-samples 10)',
    yaml: '- {name: t, query: canary, baseline-query: stable, test: rank-sum}',
    windowS: 540,
    stepS: 60,
    rateWindowS: 60,
  },
  {
    label: 'step 15s < rate-window 1m, window 10m (thinned to 1 point/min)',
    yaml: '- {name: t, query: canary, baseline-query: stable, test: rank-sum, window: 10m, step: 15s, rate-window: 1m}',
    windowS: 600,
    stepS: 15,
    rateWindowS: 60,
  },
];

type Run = { verdict: string; failures: number; n: number };
async function tally(seed: number, run: (random: () => number) => Run | Promise<Run>) {
  const random = rng(seed);
  let failedRuns = 0;
  let inconclusiveRuns = 0;
  let failures = 0;
  let measurements = 0;
  for (let i = 0; i < RUNS; i++) {
    const r = await run(random);
    if (r.verdict === 'fail') failedRuns++;
    if (r.verdict === 'inconclusive') inconclusiveRuns++;
    failures += r.failures;
    measurements += r.n;
  }
  return {
    perMeasurement: failures / measurements,
    perRun: failedRuns / RUNS,
    inconclusive: inconclusiveRuns / RUNS,
  };
}

// Floor: the same rank-sum on independent samples, n = the new default's 10, per run of COUNT.
const floorPerMeasurement = rate(TRIALS, (r) => rankSumFails(r, 1, 10), 5);
const floorPerRun = 1 - (1 - floorPerMeasurement) ** COUNT;
const RUN_TARGET = 1 - (1 - 0.02) ** COUNT;
console.log(
  `\nrank-sum on range series of rates, ${RUNS} healthy runs per setting, ${COUNT} measurements ${INTERVAL_S}s apart, failure-limit 0`,
);
console.log(
  `floor (independent samples, n=10): ${pct(floorPerMeasurement)} per measurement, ${pct(floorPerRun)} per run; target per run <= ${pct(RUN_TARGET)} (2% per measurement)\n`,
);
console.log(
  '| setting | path | false failures / measurement | false-failed runs | inconclusive runs | detection (+30%, runs) |',
);
console.log('| --- | --- | --- | --- | --- | --- |');
let seed = 10;
for (const setting of settings) {
  const paths: Array<[string, (random: () => number, canaryMedian: number) => Run | Promise<Run>]> = [
    ['measureChecks', (random, m) => gateRun(random, setting, m)],
  ];
  if (setting.stepS < setting.rateWindowS)
    paths.unshift(['every point independent (before)', (random, m) => naiveRun(random, setting, m)]);
  for (const [name, run] of paths) {
    const healthy = await tally(seed++, (random) => run(random, 1));
    const degraded = await tally(seed++, (random) => run(random, DEGRADED_MEDIAN));
    const good = healthy.perRun <= RUN_TARGET;
    if (name === 'measureChecks') ok &&= good;
    console.log(
      `| ${setting.label} | ${name} | ${pct(healthy.perMeasurement)} | ${pct(healthy.perRun)}${good ? '' : ' (OVER)'} | ${pct(healthy.inconclusive)} | ${pct(degraded.perRun)} |`,
    );
  }
}

if (!ok) process.exitCode = 1;
