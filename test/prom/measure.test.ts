import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  ManualClock,
  measureChecks,
  PromClient,
  type MetricGateInputs,
  parseChecks,
  PromError,
  type Limits,
  type PromApi,
  type RunOptions,
  type Sample,
  type Series,
} from '@llmops/prom';
import { gate } from './harness';

type Answer = number | undefined | Error | number[];

/**
 * A scripted Prometheus: each PromQL maps to a function of the call number (per query) that gives
 * a value, no data, a list of range samples, or an error. Counts every request.
 */
function scripted(script: Record<string, (call: number) => Answer>): PromApi & { requests: string[] } {
  const calls = new Map<string, number>();
  const requests: string[] = [];
  const answer = (promql: string): Answer => {
    requests.push(promql);
    const n = (calls.get(promql) ?? 0) + 1;
    calls.set(promql, n);
    const fn = script[promql];
    if (!fn) throw new Error(`unscripted query ${promql}`);
    const value = fn(n);
    if (value instanceof Error) throw value;
    return value;
  };
  return {
    requests,
    async query(promql): Promise<Sample[]> {
      const value = answer(promql);
      return value === undefined ? [] : [{ labels: {}, value: value as number }];
    },
    async queryRange(promql): Promise<Series[]> {
      const values = answer(promql) as number[] | undefined;
      return values ? [{ labels: {}, values: values.map((v, i) => [i, v] as [number, number]) }] : [];
    },
  };
}

const unreachable = () =>
  new PromError('cannot reach Prometheus at http://127.0.0.1:1: ECONNREFUSED', 'unreachable', true);
const limits = (over: Partial<Limits> = {}): Limits => ({
  failureLimit: 0,
  inconclusiveLimit: 0,
  errorLimit: 2,
  ...over,
});

function options(prom: PromApi, over: Partial<RunOptions> = {}): RunOptions & { clock: ManualClock } {
  return {
    prom,
    clock: new ManualClock(),
    count: 5,
    intervalMs: 60_000,
    limits: limits(),
    noData: 'inconclusive',
    ...over,
  } as RunOptions & {
    clock: ManualClock;
  };
}

const threshold = parseChecks(`
- name: ttft
  query: canary
  baseline-query: stable
  max: 1
  max-increase: 0.5
`);

describe('measureChecks', () => {
  it('passes a healthy canary after count measurements, interval apart', async () => {
    const prom = scripted({ canary: () => 0.3, stable: () => 0.25 });
    const opts = options(prom);
    const result = await measureChecks(threshold, opts);
    expect(result.verdict).toBe('pass');
    expect(result.measurements).toHaveLength(5);
    expect(opts.clock.sleeps).toEqual([60_000, 60_000, 60_000, 60_000]);
    expect(result.measurements[0]).toMatchObject({
      outcome: 'success',
      canary: 0.3,
      baseline: 0.25,
      ratio: 1.2,
      bound: '<= 1, ratio <= 1.5',
    });
  });

  it('fails as soon as failures exceed the limit, without waiting out the intervals', async () => {
    const prom = scripted({ canary: (n) => (n >= 2 ? 0.9 : 0.3), stable: () => 0.3 });
    const opts = options(prom, { limits: limits({ failureLimit: 1 }) });
    const result = await measureChecks(threshold, opts);
    expect(result.verdict).toBe('fail');
    expect(result.rounds).toBe(3);
    expect(opts.clock.sleeps).toHaveLength(2);
    expect(result.stoppedEarly).toContain('stopped after 3 of 5');
    expect(result.measurements[2]!.message).toBe('ratio 3 > 1.5 (baseline 0.3)');
    expect(result.checks[0]!.reason).toBe('2 failed measurements > failure-limit 1');
  });

  it('retries an error after a short delay and counts it only when retries run out', async () => {
    const prom = scripted({ canary: (n) => (n === 1 ? unreachable() : 0.3), stable: () => 0.3 });
    const opts = options(prom, { count: 1, retryDelayMs: 500 });
    const result = await measureChecks(threshold, opts);
    expect(result.verdict).toBe('pass');
    expect(result.measurements[0]).toMatchObject({ outcome: 'success', attempts: 3 }); // 2 canary + 1 baseline
    expect(opts.clock.sleeps).toEqual([500]);
  });

  it('fails after error-limit errors, which are not failures of the model', async () => {
    const prom = scripted({ canary: () => unreachable(), stable: () => unreachable() });
    const opts = options(prom, { count: 10, limits: limits({ errorLimit: 2 }) });
    const result = await measureChecks(threshold, opts);
    expect(result.verdict).toBe('fail');
    expect(result.checks[0]!.counts).toEqual({ success: 0, failure: 0, inconclusive: 0, error: 3 });
    expect(result.rounds).toBe(3);
    expect(result.measurements[0]!.message).toContain('ECONNREFUSED (after 3 attempts)');
    expect(result.checks[0]!.reason).toContain('error-limit 2');
  });

  it('does not retry a query Prometheus rejected', async () => {
    const bad = new PromError(
      'Prometheus 400 bad_data: invalid parameter "query": 1:4: parse error',
      'query',
      false,
      400,
    );
    const prom = scripted({ canary: () => bad, stable: () => 0.3 });
    const result = await measureChecks(threshold, options(prom, { count: 1 }));
    expect(result.measurements[0]!.outcome).toBe('error');
    expect(prom.requests.filter((q) => q === 'canary')).toHaveLength(1);
    expect(result.measurements[0]!.message).toContain('parse error');
    expect(result.verdict).toBe('inconclusive');
  });

  it('is never pass when every measurement was inconclusive or errored, whatever the limits', async () => {
    const prom = scripted({ canary: (n) => (n % 2 ? undefined : unreachable()), stable: () => 0.3 });
    const result = await measureChecks(
      threshold,
      options(prom, { count: 4, retries: 0, limits: limits({ inconclusiveLimit: 10, errorLimit: 10 }) }),
    );
    expect(result.checks[0]!.counts).toMatchObject({ success: 0, inconclusive: 2, error: 2 });
    expect(result.verdict).toBe('inconclusive');
    expect(result.checks[0]!.reason).toContain('no successful measurement');
  });

  it('applies the no-data policy, a check overriding the run', async () => {
    const checks = parseChecks(`
- {name: strict, query: empty, max: 1, no-data: fail}
- {name: lenient, query: empty, max: 1}
`);
    const prom = scripted({ empty: () => NaN });
    const result = await measureChecks(checks, options(prom, { count: 1, noData: 'pass' }));
    expect(result.measurements.map((m) => m.outcome)).toEqual(['failure', 'success']);
    expect(result.measurements[0]!.message).toContain('no data');
  });

  it('judges a rank-sum check on range samples with its tolerance', async () => {
    const [check] = parseChecks(`
- {name: ttft, query: canary, baseline-query: stable, test: rank-sum, tolerance: 0.1, min-samples: 5}
`);
    const base = [0.2, 0.21, 0.19, 0.2, 0.22, 0.18, 0.2, 0.21];
    const prom = scripted({
      canary: (n) => (n === 1 ? base.map((v) => v * 1.05) : base.map((v) => v * 3)),
      stable: () => base,
    });
    const result = await measureChecks([check!], options(prom, { count: 2 }));
    const [small, big] = result.measurements;
    expect(small).toMatchObject({ outcome: 'success', samples: [8, 8] }); // 5% shift: inside the band
    expect(big!.outcome).toBe('failure');
    expect(big!.statistic).toMatchObject({ name: 'W', value: 64 });
    expect(big!.interval![0]).toBeGreaterThan(0);
    expect(big!.message).toContain('canary increased beyond tolerance');
  });

  it('calls too few range samples inconclusive', async () => {
    const [check] = parseChecks(
      `- {name: ttft, query: canary, baseline-query: stable, test: rank-sum, min-samples: 20}`,
    );
    const prom = scripted({ canary: () => [0.2, NaN, 0.3], stable: () => [0.2, 0.2, 0.2] });
    const result = await measureChecks([check!], options(prom, { count: 1 }));
    expect(result.measurements[0]).toMatchObject({ outcome: 'inconclusive', samples: [2, 3] });
    expect(result.measurements[0]!.message).toContain('too few samples');
  });

  it('tests overlapping range points one per rate window', async () => {
    const [check] = parseChecks(`
- {name: ttft, query: canary, baseline-query: stable, test: rank-sum, window: 10m, step: 15s, rate-window: 1m}
`);
    const points = Array.from({ length: 41 }, (_, i) => 0.2 + (i % 7) * 0.01);
    const prom = scripted({ canary: () => points, stable: () => points });
    const result = await measureChecks([check!], options(prom, { count: 1 }));
    expect(result.measurements[0]).toMatchObject({ outcome: 'success', samples: [11, 11] });
    const [sparse] = parseChecks(`
- {name: ttft, query: canary, baseline-query: stable, test: rank-sum, step: 15s, rate-window: 1m}
`);
    const few = points.slice(0, 30); // 30 points 15 s apart: 8 independent ones
    const again = scripted({ canary: () => few, stable: () => few });
    const inconclusive = await measureChecks([sparse!], options(again, { count: 1 }));
    expect(inconclusive.measurements[0]).toMatchObject({ outcome: 'inconclusive', samples: [8, 8] });
    expect(inconclusive.measurements[0]!.message).toBe(
      'too few independent samples (every 4th point: step < rate-window): 8 canary, 8 baseline (min-samples 10)',
    );
  });

  it('tests error rates from success and total counts', async () => {
    const [check] = parseChecks(`
- name: errors
  test: proportion
  success-query: ok
  total-query: all
  baseline-success-query: base_ok
  baseline-total-query: base_all
`);
    const prom = scripted({ ok: () => 1950, all: () => 2000, base_ok: () => 1990, base_all: () => 2000 });
    const result = await measureChecks([check!], options(prom, { count: 1 }));
    expect(result.measurements[0]).toMatchObject({
      outcome: 'failure',
      canary: 0.025,
      baseline: 0.005,
      ratio: 5,
      samples: [2000, 2000],
    });
    expect(result.measurements[0]!.statistic!.value).toBeCloseTo(5.203149, 5);
  });

  describe('non-finite values (NaN, ±Inf) are never a pass', () => {
    const measureOnce = async (yaml: string, script: Record<string, (call: number) => Answer>) => {
      const result = await measureChecks(parseChecks(yaml), options(scripted(script), { count: 1 }));
      return result.measurements.map((m) => [m.check, m.outcome, m.message]);
    };

    it('in threshold checks: inconclusive, or failure where the bound makes it certain', async () => {
      const rows = await measureOnce(
        `
- {name: inf-min, query: inf, min: 0}
- {name: inf-max, query: inf, max: 1}
- {name: neg-max, query: neg, max: 1}
- {name: neg-min, query: neg, min: 0}
- {name: nan-min, query: nan, min: 0}
- {name: inf-baseline, query: one, baseline-query: inf, max-increase: 0.5}
- {name: neg-baseline, query: one, baseline-query: neg, max-decrease: 0.5}
- {name: inf-canary-decrease, query: inf, baseline-query: one, max-decrease: 0.5}
- {name: inf-canary-increase, query: inf, baseline-query: one, max-increase: 0.5}
`,
        { inf: () => Infinity, neg: () => -Infinity, nan: () => NaN, one: () => 1 },
      );
      expect(rows).toEqual([
        ['inf-min', 'inconclusive', 'cannot judge an infinite value: +Inf >= min 0'],
        ['inf-max', 'failure', '+Inf > max 1'],
        ['neg-max', 'inconclusive', 'cannot judge an infinite value: -Inf <= max 1'],
        ['neg-min', 'failure', '-Inf < min 0'],
        ['nan-min', 'inconclusive', 'no data: the query returned no series or NaN (no-data: inconclusive)'],
        ['inf-baseline', 'inconclusive', 'cannot judge an infinite value: baseline +Inf: no ratio to judge'],
        ['neg-baseline', 'inconclusive', 'cannot judge an infinite value: baseline -Inf: no ratio to judge'],
        [
          'inf-canary-decrease',
          'inconclusive',
          'cannot judge an infinite value: ratio +Inf >= 0.5 (baseline 1)',
        ],
        ['inf-canary-increase', 'failure', 'ratio +Inf > 1.5 (baseline 1)'],
      ]);
    });

    it('in rank-sum checks: infinite samples are inconclusive, NaN points are points without data', async () => {
      const base = [0.2, 0.21, 0.19, 0.2, 0.22, 0.18, 0.2, 0.21];
      const rows = await measureOnce(
        `
- {name: inf-canary, query: canary, baseline-query: stable, test: rank-sum, min-samples: 5}
- {name: inf-baseline, query: stable, baseline-query: inf_stable, test: rank-sum, min-samples: 5}
- {name: nan-canary, query: nan, baseline-query: stable, test: rank-sum, min-samples: 5}
`,
        {
          canary: () => [...base.slice(0, 6), Infinity, -Infinity],
          stable: () => base,
          inf_stable: () => [...base, Infinity],
          nan: () => [NaN, NaN],
        },
      );
      expect(rows).toEqual([
        [
          'inf-canary',
          'inconclusive',
          'cannot judge infinite samples: 2 canary, 0 baseline are ±Inf (a rank-sum test compares real values)',
        ],
        [
          'inf-baseline',
          'inconclusive',
          'cannot judge infinite samples: 0 canary, 1 baseline are ±Inf (a rank-sum test compares real values)',
        ],
        [
          'nan-canary',
          'inconclusive',
          'no data: the query returned no samples (or only NaN) in the window (no-data: inconclusive)',
        ],
      ]);
    });

    it('in proportion checks: counts that are not numbers of requests are inconclusive', async () => {
      const check = (name: string, ok: string, all: string) =>
        `- {name: ${name}, test: proportion, success-query: ${ok}, total-query: ${all}, baseline-success-query: ok, baseline-total-query: all}\n`;
      const rows = await measureOnce(
        check('inf-total', 'ok', 'inf') +
          check('nan-success', 'nan', 'all') +
          check('neg-success', 'neg', 'all'),
        { ok: () => 1990, all: () => 2000, inf: () => Infinity, nan: () => NaN, neg: () => -Infinity },
      );
      expect(rows).toEqual([
        [
          'inf-total',
          'inconclusive',
          'cannot judge counts that are not numbers of requests: canary total +Inf',
        ],
        [
          'nan-success',
          'inconclusive',
          'cannot judge counts that are not numbers of requests: canary success NaN',
        ],
        [
          'neg-success',
          'inconclusive',
          'cannot judge counts that are not numbers of requests: canary success -Inf',
        ],
      ]);
    });
  });

  it('stops on cancellation and does not pass', async () => {
    const controller = new AbortController();
    const prom = scripted({ canary: () => 0.3, stable: () => 0.3 });
    const result = await measureChecks(threshold, {
      ...options(prom),
      signal: controller.signal,
      onMeasurement: () => controller.abort(new Error('cancelled')),
    });
    expect(result).toMatchObject({ cancelled: true, rounds: 1, verdict: 'inconclusive' });
  });

  it('is cancelled, not crashed, when cancellation comes while a query is in flight', async () => {
    const controller = new AbortController();
    const asked: string[] = [];
    // As PromClient does: a pending request rejects with the signal's reason, not a PromError.
    const hanging = (promql: string, signal?: AbortSignal) =>
      new Promise<never>((_, reject) => {
        asked.push(promql);
        if (asked.length === 2)
          setTimeout(() => controller.abort(new DOMException('cancelled', 'AbortError')));
        signal!.addEventListener('abort', () => reject(signal!.reason), { once: true });
      });
    const prom: PromApi = {
      query: (promql, _time, signal) => hanging(promql, signal),
      queryRange: (promql, _range, signal) => hanging(promql, signal),
    };
    const result = await measureChecks(threshold, { ...options(prom), signal: controller.signal });
    expect(result).toMatchObject({ cancelled: true, rounds: 1, verdict: 'inconclusive' });
    expect(result.measurements).toEqual([
      expect.objectContaining({ outcome: 'inconclusive', message: 'cancelled before Prometheus answered' }),
    ]);
  });

  it('still reports, never passing, when cancelled while the real client waits on Prometheus', async () => {
    const controller = new AbortController();
    let arrived = 0;
    // A Prometheus that takes the requests and never answers them.
    const server = createServer(() => {
      if (++arrived === 2) controller.abort(new Error('cancelled'));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const prom = new PromClient({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
    try {
      const report = await gate(
        {
          'prometheus-url': prom.displayUrl,
          checks: '- {name: ttft, query: canary, baseline-query: stable, max: 1}',
          interval: 1000,
          count: 3,
          'failure-limit': 0,
          'inconclusive-limit': 5,
          'error-limit': 0,
          'no-data': 'inconclusive',
          'fail-on-inconclusive': true,
          comment: false,
        } as MetricGateInputs,
        {
          prom,
          clock: new ManualClock(),
          signal: controller.signal,
        },
      );
      expect(report.verdict).toBe('inconclusive');
      expect(report.data!.cancelled).toBe(true);
      expect(report.reasons).toContain('cancelled after 1 of 3 measurements');
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
