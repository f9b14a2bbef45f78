import type { Verdict } from '@llmops/core';
import type { Check, NoDataPolicy } from './checks';
import { PromError, type PromApi, type Sample } from './client';
import { formatValue } from './format';
import type { Clock } from './clock';
import { median } from './stats/describe';
import { beyondTolerance } from './stats/judge';
import { twoProportion } from './stats/proportion';
import { rankSum } from './stats/rank-sum';

export type Outcome = 'success' | 'failure' | 'inconclusive' | 'error';

/** One measurement of one check: what was asked, what came back, and the call. */
export interface Measurement {
  check: string;
  /** 1-based. */
  index: number;
  /** ISO time of the measurement. */
  at: string;
  outcome: Outcome;
  /** Why, in one line (the violated bound, the missing data, Prometheus's error message). */
  message: string;
  /** The bound or test the values were held to. */
  bound: string;
  /** Canary value: the instant value, the canary median (rank-sum) or the canary error rate (proportion). */
  canary?: number;
  baseline?: number;
  /** canary / baseline. */
  ratio?: number;
  /** Test statistic (rank-sum W with z; proportion z) and two-sided p-value. */
  statistic?: { name: string; value: number; z?: number; p: number };
  /** Confidence interval on the shift (rank-sum, in the metric's unit) or the error-rate difference (proportion). */
  interval?: [number, number];
  /** Data points (rank-sum) or requests (proportion): canary, baseline. */
  samples?: [number, number];
  /** Requests made for this measurement (every query, retries included). */
  attempts: number;
}

export interface Limits {
  /** Failures allowed per check; one more fails the run at once. */
  failureLimit: number;
  /** Inconclusive measurements allowed per check before the run is inconclusive. */
  inconclusiveLimit: number;
  /** Errored measurements allowed per check; one more fails the run at once. */
  errorLimit: number;
}

export interface MeasureOptions {
  prom: PromApi;
  clock: Clock;
  /** What a measurement without data is, unless the check says otherwise. */
  noData: NoDataPolicy;
  /** A failed request is retried this many times, `retryDelayMs` apart, before it is an error. */
  retries?: number;
  retryDelayMs?: number;
  signal?: AbortSignal;
}

export interface RunOptions extends MeasureOptions {
  count: number;
  intervalMs: number;
  limits: Limits;
  /** Called after every measurement (progress logs; canary-step's step reports). */
  onMeasurement?: (measurement: Measurement) => void | Promise<void>;
}

export interface CheckResult {
  check: Check;
  verdict: Verdict;
  counts: Record<Outcome, number>;
  /** One line on the verdict (empty on a clean pass). */
  reason: string;
}

export interface GateResult {
  verdict: Verdict;
  checks: CheckResult[];
  measurements: Measurement[];
  /** Measurement rounds run, of `count`. */
  rounds: number;
  count: number;
  /** Why the run stopped before `count` rounds, if it did. */
  stoppedEarly?: string;
  cancelled: boolean;
  startedAt: string;
  durationMs: number;
}

class NoData extends Error {}

const fmt = (value: number | undefined): string => formatValue(value) || '—';

/** A value, and how many requests it took (retries included). */
async function withRetries<T>(
  options: MeasureOptions,
  attempt: () => Promise<T>,
  tally: { attempts: number },
): Promise<T> {
  const retries = options.retries ?? 2;
  for (let tryNo = 0; ; tryNo++) {
    tally.attempts++;
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof PromError) || !error.retriable || options.signal?.aborted) throw error;
      if (tryNo >= retries) {
        const tries = tryNo > 0 ? ` (after ${tryNo + 1} attempts)` : '';
        throw new PromError(`${error.message}${tries}`, error.kind, error.retriable, error.status);
      }
      await options.clock.sleep((options.retryDelayMs ?? 1000) * (tryNo + 1), options.signal);
    }
  }
}

/** The single value of an instant query, NaN and ±Inf included; undefined when it has no series. */
function single(samples: Sample[], what: string): number | undefined {
  if (samples.length > 1) {
    throw new PromError(
      `${what} returned ${samples.length} series; aggregate it to one (sum, avg, max …)`,
      'query',
      false,
    );
  }
  return samples[0]?.value;
}

/** NaN counts as no data (the `no-data` policy says what it is), as an absent series does. */
const absent = (value: number | undefined): value is undefined => value === undefined || Number.isNaN(value);
const infinite = (value: number | undefined) => value === Infinity || value === -Infinity;

/**
 * A bound held against a value that may come from an infinity (histogram_quantile's +Inf bucket, a
 * division by zero in PromQL): no real latency or rate is infinite, so an infinity that keeps a
 * bound proves nothing (unknown), while one that breaks it (+Inf above a max) breaks it whatever
 * the true value is.
 */
function judge(holds: boolean, fromInfinity: boolean): 'kept' | 'broken' | 'unknown' {
  if (!holds) return 'broken';
  return fromInfinity ? 'unknown' : 'kept';
}

function thresholdBound(check: Check): string {
  const parts: string[] = [];
  if (check.min !== undefined) parts.push(`>= ${fmt(check.min)}`);
  if (check.max !== undefined) parts.push(`<= ${fmt(check.max)}`);
  if (check.maxIncrease !== undefined) parts.push(`ratio <= ${fmt(1 + check.maxIncrease)}`);
  if (check.maxDecrease !== undefined) parts.push(`ratio >= ${fmt(1 - check.maxDecrease)}`);
  return parts.join(', ');
}

function testBound(check: Check): string {
  const band =
    check.test === 'rank-sum'
      ? `${fmt(check.tolerance * 100)}% of baseline median`
      : `${fmt(check.tolerance)} error rate`;
  return `${check.test} ${check.direction}, ${check.confidence * 100}% CI, tolerance ${band}`;
}

export function describeBound(check: Check): string {
  return check.test === 'threshold' ? thresholdBound(check) : testBound(check);
}

type Reading = Omit<Measurement, 'check' | 'index' | 'at' | 'attempts' | 'bound'>;

async function measureThreshold(
  check: Check,
  options: MeasureOptions,
  time: number,
  tally: { attempts: number },
): Promise<Reading> {
  const ask = (q: string, what: string) =>
    withRetries(options, () => options.prom.query(q, time, options.signal), tally).then((s) =>
      single(s, what),
    );
  const [canary, baseline] = await Promise.all([
    ask(check.query!, 'the query'),
    check.baselineQuery ? ask(check.baselineQuery, 'the baseline query') : Promise.resolve(undefined),
  ]);
  if (absent(canary)) throw new NoData('no data: the query returned no series or NaN');
  if (check.baselineQuery && absent(baseline))
    throw new NoData('no data: the baseline query returned no series or NaN');
  // An infinite baseline leaves no ratio to judge; an infinite canary gives an infinite one.
  const ratio =
    baseline === undefined || infinite(baseline)
      ? undefined
      : baseline === 0
        ? canary === 0
          ? 1
          : Infinity * Math.sign(canary)
        : canary / baseline;
  const broken: string[] = [];
  const unknown: string[] = [];
  const hold = (holds: boolean, fromInfinity: boolean, text: string) => {
    const verdict = judge(holds, fromInfinity);
    if (verdict === 'broken') broken.push(text);
    if (verdict === 'unknown') unknown.push(text);
  };
  const canaryInf = infinite(canary);
  if (check.min !== undefined)
    hold(
      canary >= check.min,
      canaryInf,
      `${fmt(canary)} ${canary >= check.min ? '>=' : '<'} min ${fmt(check.min)}`,
    );
  if (check.max !== undefined)
    hold(
      canary <= check.max,
      canaryInf,
      `${fmt(canary)} ${canary <= check.max ? '<=' : '>'} max ${fmt(check.max)}`,
    );
  const relative = check.maxIncrease !== undefined || check.maxDecrease !== undefined;
  if (relative && ratio === undefined) {
    unknown.push(`baseline ${fmt(baseline)}: no ratio to judge`);
  } else if (ratio !== undefined) {
    if (check.maxIncrease !== undefined) {
      const holds = ratio <= 1 + check.maxIncrease;
      hold(
        holds,
        canaryInf,
        `ratio ${fmt(ratio)} ${holds ? '<=' : '>'} ${fmt(1 + check.maxIncrease)} (baseline ${fmt(baseline)})`,
      );
    }
    if (check.maxDecrease !== undefined) {
      const holds = ratio >= 1 - check.maxDecrease;
      hold(
        holds,
        canaryInf,
        `ratio ${fmt(ratio)} ${holds ? '>=' : '<'} ${fmt(1 - check.maxDecrease)} (baseline ${fmt(baseline)})`,
      );
    }
  }
  const message = broken.length
    ? broken.join('; ')
    : unknown.length
      ? `cannot judge an infinite value: ${unknown.join('; ')}`
      : `${fmt(canary)} within bounds`;
  return {
    outcome: broken.length ? 'failure' : unknown.length ? 'inconclusive' : 'success',
    message,
    canary,
    baseline,
    ratio,
  };
}

/**
 * What a comparison reading always shows (the two values, their ratio, the sample sizes), and the
 * inconclusive reading to return instead when either side has fewer than min-samples `counted`.
 */
function baseReading(
  check: Check,
  values: { canary?: number; baseline?: number; samples: [number, number] },
  counted: [number, number],
  unit: string,
): { base: Reading; tooFew?: Reading } {
  const { canary, baseline } = values;
  const base: Reading = {
    outcome: 'inconclusive',
    message: '',
    canary,
    baseline,
    ratio: canary !== undefined && baseline ? canary / baseline : undefined,
    samples: values.samples,
  };
  if (counted[0] >= check.minSamples && counted[1] >= check.minSamples) return { base };
  return {
    base,
    tooFew: {
      ...base,
      message: `too few ${unit}: ${counted[0]} canary, ${counted[1]} baseline (min-samples ${check.minSamples})`,
    },
  };
}

async function measureRankSum(
  check: Check,
  options: MeasureOptions,
  time: number,
  tally: { attempts: number },
): Promise<Reading> {
  const range = { start: time - check.windowMs, end: time, stepMs: check.stepMs };
  // Points closer than the rate window are rates over overlapping ranges: keep one per rate
  // window (counting back from the newest), so the test sees independent samples.
  const every =
    check.rateWindowMs && check.stepMs < check.rateWindowMs
      ? Math.ceil(check.rateWindowMs / check.stepMs)
      : 1;
  const ask = (q: string) =>
    withRetries(options, () => options.prom.queryRange(q, range, options.signal), tally).then((series) =>
      series
        // NaN points are points without data (a rate over nothing); infinities are kept, to be refused.
        .flatMap((s) => s.values.filter((_, i) => (s.values.length - 1 - i) % every === 0).map(([, v]) => v))
        .filter((v) => !Number.isNaN(v)),
    );
  const [canary, baseline] = await Promise.all([ask(check.query!), ask(check.baselineQuery!)]);
  if (canary.length === 0)
    throw new NoData('no data: the query returned no samples (or only NaN) in the window');
  if (baseline.length === 0)
    throw new NoData('no data: the baseline query returned no samples (or only NaN) in the window');
  const infinities = [canary, baseline].map((sample) => sample.filter(infinite).length);
  if (infinities[0] || infinities[1]) {
    return {
      outcome: 'inconclusive',
      message: `cannot judge infinite samples: ${infinities[0]} canary, ${infinities[1]} baseline are ±Inf (a rank-sum test compares real values)`,
      samples: [canary.length, baseline.length],
    };
  }
  const canaryMedian = median(canary);
  const baselineMedian = median(baseline);
  const { base, tooFew } = baseReading(
    check,
    { canary: canaryMedian, baseline: baselineMedian, samples: [canary.length, baseline.length] },
    [canary.length, baseline.length],
    every > 1 ? `independent samples (every ${every}th point: step < rate-window)` : 'samples',
  );
  if (tooFew) return tooFew;
  const result = rankSum(canary, baseline, check.confidence);
  const band = check.tolerance * Math.abs(baselineMedian);
  const side = beyondTolerance(result.shift, result.interval, band, check.direction);
  const shift = `shift ${fmt(result.shift)} [${fmt(result.interval[0])}, ${fmt(result.interval[1])}], p=${fmt(result.p)}`;
  return {
    ...base,
    outcome: side ? 'failure' : 'success',
    message: side
      ? `canary ${side}d beyond tolerance ±${fmt(band)}: ${shift}`
      : `no shift beyond ±${fmt(band)}: ${shift}`,
    statistic: { name: 'W', value: result.w, z: result.z, p: result.p },
    interval: result.interval,
  };
}

async function measureProportion(
  check: Check,
  options: MeasureOptions,
  time: number,
  tally: { attempts: number },
): Promise<Reading> {
  const ask = (q: string) =>
    withRetries(options, () => options.prom.query(q, time, options.signal), tally).then((s) =>
      single(s, 'a count query'),
    );
  const [cs, ct, bs, bt] = await Promise.all([
    ask(check.counts!.success),
    ask(check.counts!.total),
    ask(check.baselineCounts!.success),
    ask(check.baselineCounts!.total),
  ]);
  if (!ct) throw new NoData('no data: no canary requests in the window');
  if (!bt) throw new NoData('no data: no baseline requests in the window');
  // A count is a whole, finite number of requests; anything else cannot be tested.
  const odd = (
    [
      ['canary success', cs],
      ['canary total', ct],
      ['baseline success', bs],
      ['baseline total', bt],
    ] as const
  ).filter(([, v]) => v !== undefined && !Number.isFinite(v));
  if (odd.length) {
    return {
      outcome: 'inconclusive',
      message: `cannot judge counts that are not numbers of requests: ${odd.map(([what, v]) => `${what} ${fmt(v)}`).join(', ')}`,
    };
  }
  // increase() extrapolates to fractions; the test wants whole requests. No success series = none succeeded.
  const counts = (success: number | undefined, total: number) => {
    const n = Math.round(total);
    return { events: Math.min(n, Math.max(0, n - Math.round(success ?? 0))), total: n };
  };
  const canary = counts(cs, ct);
  const baseline = counts(bs, bt);
  const rates = {
    canary: canary.total ? canary.events / canary.total : undefined,
    baseline: baseline.total ? baseline.events / baseline.total : undefined,
  };
  const { base, tooFew } = baseReading(
    check,
    { canary: rates.canary, baseline: rates.baseline, samples: [canary.total, baseline.total] },
    [canary.total, baseline.total],
    'requests',
  );
  if (tooFew) return tooFew;
  const result = twoProportion(canary, baseline, check.confidence);
  const side = beyondTolerance(result.difference, result.interval, check.tolerance, check.direction);
  const detail = `errors ${canary.events}/${canary.total} vs ${baseline.events}/${baseline.total}, difference ${fmt(result.difference)} [${fmt(result.interval[0])}, ${fmt(result.interval[1])}], p=${fmt(result.p)}`;
  return {
    ...base,
    outcome: side ? 'failure' : 'success',
    message: side ? `error rate ${side}d beyond tolerance ${fmt(check.tolerance)}: ${detail}` : detail,
    statistic: { name: 'z', value: result.z, p: result.p },
    interval: result.interval,
  };
}

/**
 * Measure one check once. Never throws for Prometheus trouble (an `error` measurement) or for
 * cancellation (an `inconclusive` one).
 */
export async function measureCheck(
  check: Check,
  index: number,
  options: MeasureOptions,
): Promise<Measurement> {
  const time = options.clock.now();
  const tally = { attempts: 0 };
  const head = { check: check.name, index, at: new Date(time).toISOString(), bound: describeBound(check) };
  try {
    const measure =
      check.test === 'rank-sum'
        ? measureRankSum
        : check.test === 'proportion'
          ? measureProportion
          : measureThreshold;
    return { ...head, ...(await measure(check, options, time, tally)), attempts: tally.attempts };
  } catch (error) {
    if (error instanceof NoData) {
      const policy = check.noData ?? options.noData;
      const outcome: Outcome = policy === 'fail' ? 'failure' : policy === 'pass' ? 'success' : 'inconclusive';
      return { ...head, outcome, message: `${error.message} (no-data: ${policy})`, attempts: tally.attempts };
    }
    if (error instanceof PromError)
      return { ...head, outcome: 'error', message: error.message, attempts: tally.attempts };
    // The statistics refuse values they cannot test (infinities, impossible counts): never a pass.
    if (error instanceof RangeError)
      return {
        ...head,
        outcome: 'inconclusive',
        message: `cannot judge: ${error.message}`,
        attempts: tally.attempts,
      };
    // Cancelled while a query (or a retry's wait) was in flight: the client rethrows the signal's
    // reason. Not Prometheus's fault and not the canary's: inconclusive, and the run is cancelled.
    if (options.signal?.aborted)
      return {
        ...head,
        outcome: 'inconclusive',
        message: 'cancelled before Prometheus answered',
        attempts: tally.attempts,
      };
    throw error;
  }
}

const zero = (): Record<Outcome, number> => ({ success: 0, failure: 0, inconclusive: 0, error: 0 });

/** A check's verdict from its tallies, as Argo Rollouts analysis counts them. */
export function judgeCheck(
  check: Check,
  counts: Record<Outcome, number>,
  limits: Limits,
): Omit<CheckResult, 'check' | 'counts'> {
  if (counts.failure > limits.failureLimit) {
    return {
      verdict: 'fail',
      reason: `${counts.failure} failed measurement${counts.failure > 1 ? 's' : ''} > failure-limit ${limits.failureLimit}`,
    };
  }
  if (counts.error > limits.errorLimit) {
    return {
      verdict: 'fail',
      reason: `${counts.error} errored measurement${counts.error > 1 ? 's' : ''} > error-limit ${limits.errorLimit}: Prometheus could not answer, so the canary cannot be judged`,
    };
  }
  if (counts.inconclusive > limits.inconclusiveLimit) {
    return {
      verdict: 'inconclusive',
      reason: `${counts.inconclusive} inconclusive measurement${counts.inconclusive > 1 ? 's' : ''} > inconclusive-limit ${limits.inconclusiveLimit}`,
    };
  }
  if (counts.success === 0) {
    return {
      verdict: 'inconclusive',
      reason: 'no successful measurement: every one errored or was inconclusive',
    };
  }
  return { verdict: 'pass', reason: '' };
}

/**
 * Measure every check `count` times, `intervalMs` apart, and judge the run. Stops early — without
 * waiting out the remaining intervals — once any check is past its failure or error limit.
 * Cancellation (the signal) stops the run with what was measured; a cancelled run never passes.
 */
export async function measureChecks(checks: Check[], options: RunOptions): Promise<GateResult> {
  const started = options.clock.now();
  const tallies = new Map(checks.map((c) => [c.name, zero()]));
  const measurements: Measurement[] = [];
  let stoppedEarly: string | undefined;
  let cancelled = false;
  let rounds = 0;
  for (let round = 1; round <= options.count; round++) {
    if (round > 1) {
      try {
        await options.clock.sleep(options.intervalMs, options.signal);
      } catch (error) {
        if (!options.signal?.aborted) throw error;
        cancelled = true;
        break;
      }
    }
    const results = await Promise.all(checks.map((check) => measureCheck(check, round, options)));
    rounds = round;
    for (const measurement of results) {
      measurements.push(measurement);
      tallies.get(measurement.check)![measurement.outcome]++;
      await options.onMeasurement?.(measurement);
    }
    if (options.signal?.aborted) {
      cancelled = true;
      break;
    }
    const decided = checks.filter(
      (c) => judgeCheck(c, tallies.get(c.name)!, options.limits).verdict === 'fail',
    );
    if (decided.length && round < options.count) {
      stoppedEarly = `stopped after ${round} of ${options.count} measurements: ${decided.map((c) => c.name).join(', ')} failed`;
      break;
    }
  }
  const results: CheckResult[] = checks.map((check) => {
    const counts = tallies.get(check.name)!;
    return { check, counts, ...judgeCheck(check, counts, options.limits) };
  });
  let verdict: Verdict = results.some((r) => r.verdict === 'fail')
    ? 'fail'
    : results.some((r) => r.verdict === 'inconclusive')
      ? 'inconclusive'
      : 'pass';
  if (cancelled && verdict === 'pass') verdict = 'inconclusive';
  return {
    verdict,
    checks: results,
    measurements,
    rounds,
    count: options.count,
    stoppedEarly,
    cancelled,
    startedAt: new Date(started).toISOString(),
    durationMs: options.clock.now() - started,
  };
}
