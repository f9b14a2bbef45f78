import { PromClient, realClock, type MetricGateInputs } from '@llmops/prom';
import { gate } from './harness';
import { PrometheusServer, VllmExporter, scrapeExporter } from '../helpers/prometheus';

// A real Prometheus scraping a vLLM-like exporter every second. Versions: `stable` and `canary-ok`
// answer in ~0.2 s, `canary-slow` in ~0.6 s (3x), `canary-idle` gets no traffic.
const exporter = new VllmExporter({
  stable: { requests: 20, ttft: 0.2, errorRate: 0.05 },
  'canary-ok': { requests: 20, ttft: 0.21, errorRate: 0.05 },
  'canary-slow': { requests: 20, ttft: 0.6, errorRate: 0.05 },
  'canary-idle': { requests: 0, ttft: 0.2 },
});
let prometheus: PrometheusServer;
// Values no healthy metric has, as the exposition format carries them.
exporter.setValue('pos_inf', Infinity);
exporter.setValue('neg_inf', -Infinity);
exporter.setValue('nan', NaN);
exporter.setValue('one', 1);

beforeAll(async () => {
  prometheus = await scrapeExporter(
    exporter,
    'sum(rate(vllm:time_to_first_token_seconds_count{version="stable"}[5s])) > 0',
  );
}, 60_000);

afterAll(async () => {
  await prometheus?.stop();
  await exporter.stop();
});

function inputs(checks: string, over: Partial<MetricGateInputs> = {}): MetricGateInputs {
  return {
    'prometheus-url': prometheus.url,
    'prometheus-token': undefined,
    'prometheus-headers': undefined,
    'report-path': undefined,
    'github-token': undefined,
    checks,
    interval: 1000,
    count: 3,
    'failure-limit': 0,
    'inconclusive-limit': 0,
    'error-limit': 2,
    'no-data': 'inconclusive',
    'fail-on-inconclusive': true,
    comment: false,
    ...over,
  };
}

function run(checks: string, over: Partial<MetricGateInputs> = {}, retryDelayMs = 200) {
  const prom = new PromClient({ url: prometheus.url });
  const log: string[] = [];
  const report = gate(inputs(checks, over), {
    prom,
    clock: realClock,
    log: (line) => log.push(line),
    retryDelayMs,
  });
  return { report, log };
}

const ttft = (version: string, extra = '') => `
- name: ttft-p95
  preset: vllm-ttft-p95
  selector: 'version="${version}"'
  baseline-selector: 'version="stable"'
  window: 10s
  max: 2
  max-increase: 0.5
${extra}`;

describe('metric-gate against a real Prometheus', () => {
  it('passes a healthy canary', async () => {
    const { report } = run(`${ttft('canary-ok')}
- name: errors
  preset: vllm-request-success-rate
  selector: 'version="canary-ok"'
  baseline-selector: 'version="stable"'
  test: proportion
  window: 10s
  min-samples: 20
- name: kv-cache
  preset: vllm-kv-cache-usage
  selector: 'version="canary-ok"'
  window: 10s
  max: 0.9
`);
    const r = await report;
    expect(r.verdict).toBe('pass');
    expect(r.outputs).toEqual({ 'failed-checks': '', measurements: 9 });
    const first = r.data!.measurements[0]!;
    expect(first).toMatchObject({ check: 'ttft-p95', outcome: 'success' });
    expect(first.canary).toBeGreaterThan(0.1);
    expect(first.ratio).toBeLessThan(1.5);
    const errors = r.data!.measurements.find((m) => m.check === 'errors')!;
    expect(errors.samples![0]).toBeGreaterThanOrEqual(20);
    // The exporter aborts 1 request in 20 at random for every version: over a few dozen requests
    // (and increase() extrapolating) the measured share is roughly 5%, not exactly.
    expect(errors.canary).toBeGreaterThan(0);
    expect(errors.canary).toBeLessThan(0.15);
    expect(errors.statistic!.name).toBe('z');
  });

  it('fails a canary with 3x TTFT before count runs out', async () => {
    const started = Date.now();
    const { report } = run(ttft('canary-slow'), { count: 10, 'failure-limit': 1 });
    const r = await report;
    expect(r.verdict).toBe('fail');
    expect(r.outputs['failed-checks']).toBe('ttft-p95');
    expect(r.data!.rounds).toBe(2);
    expect(Date.now() - started).toBeLessThan(6000);
    expect(r.data!.measurements[0]!.ratio).toBeGreaterThan(2.5);
    expect(r.reasons.join('\n')).toContain('stopped after 2 of 10 measurements');
    expect(r.data!.checks[0]!.query).toContain(
      'vllm:time_to_first_token_seconds_bucket{version="canary-slow"}[10s]',
    );
  });

  it('calls a canary without traffic inconclusive', async () => {
    const { report } = run(ttft('canary-idle'), { count: 2 });
    const r = await report;
    expect(r.verdict).toBe('inconclusive');
    expect(r.data!.measurements.map((m) => m.outcome)).toEqual(['inconclusive', 'inconclusive']);
    expect(r.data!.measurements[0]!.message).toContain('no data');
  });

  it("surfaces Prometheus's message for a PromQL syntax error", async () => {
    const { report } = run(
      '- {name: broken, query: "sum(rate(vllm:time_to_first_token_seconds_count[1m])", max: 1}',
      {
        count: 1,
      },
    );
    const r = await report;
    expect(r.data!.measurements[0]!.outcome).toBe('error');
    expect(r.data!.measurements[0]!.message).toMatch(
      /^Prometheus 400 bad_data: invalid parameter "query": 1:\d+: parse error: /,
    );
    expect(r.verdict).toBe('inconclusive');
  });

  it('compares range samples with the rank-sum test', async () => {
    const check = (version: string) => `
- name: ttft-${version}
  preset: vllm-ttft-p95
  selector: 'version="${version}"'
  baseline-selector: 'version="stable"'
  test: rank-sum
  window: 15s
  step: 3s
  rate-window: 3s
  min-samples: 5
`;
    // Six non-overlapping 3 s points need 18 s of scrapes.
    await prometheus.waitFor('count_over_time(up[20s]) >= 18', 30_000);
    const r = await run(`${check('canary-ok')}${check('canary-slow')}`, { count: 1 }).report;
    const [ok, slow] = r.data!.measurements;
    expect(ok).toMatchObject({ check: 'ttft-canary-ok', outcome: 'success' });
    expect(slow).toMatchObject({ check: 'ttft-canary-slow', outcome: 'failure' });
    expect(slow!.statistic!.p).toBeLessThan(0.01);
    expect(slow!.samples![0]).toBeGreaterThanOrEqual(5);
    expect(r.verdict).toBe('fail');
  });

  it('never passes on +Inf, -Inf or NaN: inconclusive, or failure where the bound makes it certain', async () => {
    const v = (name: string) => `'llmops_test_value{case="${name}"}'`;
    await prometheus.waitFor('count_over_time(llmops_test_value{case="one"}[10s]) >= 6', 30_000);
    const rankSum = 'test: rank-sum, window: 5s, step: 1s, rate-window: 1s, min-samples: 3';
    const counts = (ok: string, all: string) =>
      `test: proportion, success-query: ${v(ok)}, total-query: ${v(all)}, baseline-success-query: ${v('one')}, baseline-total-query: ${v('one')}, min-samples: 1`;
    const r = await run(
      `
- {name: inf-min, query: ${v('pos_inf')}, min: 0}
- {name: inf-max, query: ${v('pos_inf')}, max: 1}
- {name: neg-inf-max, query: ${v('neg_inf')}, max: 1}
- {name: nan-min, query: ${v('nan')}, min: 0}
- {name: relative, query: ${v('one')}, baseline-query: ${v('pos_inf')}, max-increase: 0.5, max-decrease: 0.5}
- {name: relative-inf-canary, query: ${v('pos_inf')}, baseline-query: ${v('one')}, max-decrease: 0.5}
- {name: rank-sum, query: ${v('pos_inf')}, baseline-query: ${v('one')}, ${rankSum}}
- {name: proportion, ${counts('one', 'pos_inf')}}
`,
      { count: 1, 'inconclusive-limit': 10 },
    ).report;
    const outcomes = Object.fromEntries(r.data!.measurements.map((m) => [m.check, m.outcome]));
    expect(outcomes).toEqual({
      'inf-min': 'inconclusive',
      'inf-max': 'failure',
      'neg-inf-max': 'inconclusive',
      'nan-min': 'inconclusive',
      relative: 'inconclusive',
      'relative-inf-canary': 'inconclusive',
      'rank-sum': 'inconclusive',
      proportion: 'inconclusive',
    });
    const message = (check: string) => r.data!.measurements.find((m) => m.check === check)!.message;
    expect(message('inf-min')).toBe('cannot judge an infinite value: +Inf >= min 0');
    expect(message('relative')).toBe('cannot judge an infinite value: baseline +Inf: no ratio to judge');
    expect(message('rank-sum')).toMatch(/^cannot judge infinite samples: [3-9] canary, 0 baseline are ±Inf/);
    expect(r.verdict).toBe('fail');
    expect(r.outputs['failed-checks']).toBe('inf-max');
    // Without the certain failure, the run is inconclusive: never a pass.
    const rest = await run(`- {name: inf-min, query: ${v('pos_inf')}, min: 0}`, { count: 2 }).report;
    expect(rest.verdict).toBe('inconclusive');
  });

  it('turns Prometheus stopping mid-run into errors, then a failing verdict after error-limit', async () => {
    const prom = new PromClient({ url: prometheus.url });
    let measured = 0;
    const r = await gate(inputs(ttft('canary-ok'), { count: 10, 'error-limit': 1 }), {
      prom,
      clock: {
        now: realClock.now,
        sleep: async (ms, signal) => {
          if (measured === 2 && prometheus.running) await prometheus.stop(false);
          return realClock.sleep(ms, signal);
        },
      },
      log: (line) => {
        if (line.startsWith('ttft-p95 #')) measured++;
      },
      retryDelayMs: 100,
    });
    expect(r.data!.measurements.map((m) => m.outcome)).toEqual(['success', 'success', 'error', 'error']);
    expect(r.data!.measurements[2]!.message).toMatch(
      /cannot reach Prometheus at http:\/\/127\.0\.0\.1:\d+: ECONNREFUSED \(after 3 attempts\)/,
    );
    expect(r.verdict).toBe('fail');
    expect(r.reasons[0]).toContain('2 errored measurements > error-limit 1');
  });
});
