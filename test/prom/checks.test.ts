import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { UserError } from '@llmops/core';
import { independentSamples, loadChecks, matchers, parseChecks, PRESETS } from '@llmops/prom';

const CANARY = 'namespace="prod",version="canary"';
const STABLE = 'namespace="prod",version="stable"';

function errorOf(fn: () => unknown): UserError {
  try {
    fn();
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('expected a UserError');
}

describe('presets', () => {
  it('expand TTFT p95 over the selector and window', () => {
    const [check] = parseChecks(`
- name: ttft-p95
  preset: vllm-ttft-p95
  selector: '${CANARY}'
  baseline-selector: '${STABLE}'
  window: 5m
  max: 2.0
  max-increase: 0.2
`);
    expect(check!.query).toBe(
      `histogram_quantile(0.95, sum by (le) (rate(vllm:time_to_first_token_seconds_bucket{${CANARY}}[300s])))`,
    );
    expect(check!.baselineQuery).toContain(`{${STABLE}}[300s]`);
    expect(check).toMatchObject({ test: 'threshold', max: 2, maxIncrease: 0.2, windowMs: 300_000 });
  });

  it('accept either name where vLLM renamed a metric', () => {
    const itl = PRESETS['vllm-itl-p95']!.value('job="x"', '1m');
    expect(itl).toContain('vllm:inter_token_latency_seconds_bucket{job="x"}');
    expect(itl).toContain(' or ');
    expect(itl).toContain('vllm:time_per_output_token_seconds_bucket{job="x"}');
    const kv = PRESETS['vllm-kv-cache-usage']!.value('', '1m');
    expect(kv).toContain('vllm:kv_cache_usage_perc{}');
    expect(kv).toContain('vllm:gpu_cache_usage_perc{}');
  });

  it('give success and total counts for proportion tests', () => {
    const [check] = parseChecks(`
- name: errors
  preset: vllm-request-success-rate
  selector: '{${CANARY}}'
  baseline-selector: '${STABLE}'
  test: proportion
  window: 10m
`);
    expect(check!.counts).toEqual({
      success: `sum(increase(vllm:request_success_total{${CANARY},finished_reason=~"stop|length"}[600s]))`,
      total: `sum(increase(vllm:request_success_total{${CANARY}}[600s]))`,
    });
    expect(check!.baselineCounts!.total).toContain(STABLE);
    expect(check).toMatchObject({ direction: 'increase', tolerance: 0, minSamples: 100 });
    expect(PRESETS['istio-5xx-rate']!.counts!('app="x"', '5m').success).toContain('response_code!~"5.."');
  });

  it('joins selectors with or without braces', () => {
    expect(matchers('{a="b"}', 'c="d"')).toBe('{a="b",c="d"}');
    expect(matchers('', 'c="d"')).toBe('{c="d"}');
  });
});

describe('selector defaults (canary-step)', () => {
  it('fill in preset checks that name no selector, and leave the rest alone', () => {
    const checks = parseChecks(
      `
- {name: ttft, preset: vllm-ttft-p95, test: rank-sum}
- {name: own, preset: vllm-ttft-p95, selector: 'v="x"', baseline-selector: 'v="y"', test: rank-sum}
- {name: raw, query: up, min: 1}
- {name: cap, preset: vllm-kv-cache-usage, max: 0.95}
- {name: slower, preset: vllm-ttft-p95, max-increase: 0.2}
`,
      undefined,
      { selector: CANARY, baselineSelector: STABLE },
    );
    expect(checks[0]!.query).toContain(`{${CANARY}}`);
    expect(checks[0]!.baselineQuery).toContain(`{${STABLE}}`);
    expect(checks[1]!.query).toContain('{v="x"}');
    expect(checks[2]!.query).toBe('up');
    // Only a bound on the canary: absolute, no baseline to query (measured at 100% too).
    expect(checks[3]!.query).toContain(`{${CANARY}}`);
    expect(checks[3]!.baselineQuery).toBeUndefined();
    expect(checks[4]!.baselineQuery).toContain(`{${STABLE}}`);
  });
});

describe('rank-sum checks', () => {
  it('sample every rate window by default, over a window that holds min-samples points', () => {
    const [check] = parseChecks(`
- name: ttft
  preset: vllm-ttft-p50
  selector: '${CANARY}'
  baseline-selector: '${STABLE}'
  test: rank-sum
`);
    expect(check).toMatchObject({
      test: 'rank-sum',
      stepMs: 60_000,
      rateWindowMs: 60_000,
      windowMs: 9 * 60_000, // 10 points, one a minute
      tolerance: 0.15,
      minSamples: 10,
      direction: 'increase',
    });
    expect(check!.warnings).toBeUndefined();
    expect(check!.query).toContain('[1m]');
    const [longer] = parseChecks(`
- {name: t, query: a, baseline-query: b, test: rank-sum, rate-window: 2m, min-samples: 20}
`);
    expect(longer).toMatchObject({ stepMs: 120_000, windowMs: 19 * 120_000 });
  });

  it('warn when the step is shorter than the rate window, or the window too short for min-samples', () => {
    const [overlapping, short] = parseChecks(`
- {name: o, query: a, baseline-query: b, test: rank-sum, window: 10m, step: 20s, rate-window: 1m}
- {name: s, query: a, baseline-query: b, test: rank-sum, window: 5m}
`);
    expect(overlapping!.warnings).toEqual([
      expect.stringContaining('step 20s is shorter than rate-window 1m'),
    ]);
    expect(independentSamples(overlapping!, 31)).toBe(11);
    expect(short!.warnings).toEqual([
      expect.stringContaining('window 5m holds about 6 independent samples, fewer than min-samples 10'),
    ]);
  });

  it('take the throughput preset as worse when it falls', () => {
    const [check] = parseChecks(`
- {name: tps, preset: vllm-generation-throughput, selector: 'a="b"', baseline-selector: 'a="c"', test: rank-sum, step: 15s, rate-window: 2m}
`);
    expect(check).toMatchObject({ direction: 'decrease', stepMs: 15_000 });
    expect(check!.query).toBe('sum(rate(vllm:generation_tokens_total{a="b"}[2m]))');
  });
});

describe('check errors', () => {
  it.each([
    ['- name: a\n  query: up\n', 'a threshold check needs min, max'],
    ['- name: a\n  query: up\n  max: 1\n  maxx: 2\n', "unknown key 'maxx'"],
    ['- name: a\n  query: up\n  test: rank-sum\n', 'compares canary with a baseline'],
    ['- name: a\n  query: up\n  max-increase: 0.2\n', 'compare with a baseline'],
    [
      '- name: a\n  preset: vllm-queue-depth\n  baseline-selector: x\n  test: proportion\n',
      'has no request counts',
    ],
    ['- name: a\n  preset: nope\n  max: 1\n', "'preset' must be one of"],
    ['- name: a\n  query: up\n  max: 1\n- name: a\n  query: up\n  max: 2\n', 'duplicate name'],
    ['- name: a\n  query: up\n  preset: vllm-ttft-p95\n  max: 1\n', "'query' or 'preset', not both"],
    ['- name: a\n  query: up\n  window: soon\n  max: 1\n', "'window': expected a duration"],
    [
      '- name: a\n  query: up\n  window: 600h\n  max: 1\n',
      "'window': expected a duration such as 30s, 5m or 1h, from 1ms to 596h31m23s",
    ],
    ['- name: a\n  query: up\n  max: .inf\n', "'max'"],
    ['name: a\n', 'expected a YAML list'],
  ])('%j → %s', (yaml, message) => {
    expect(errorOf(() => parseChecks(yaml)).message).toContain(message);
  });

  it('point at the file and line of the bad check', () => {
    const error = errorOf(() =>
      parseChecks(
        '- name: ok\n  query: up\n  max: 1\n\n- name: bad\n  query: up\n  test: proportion\n',
        'gates/canary.yml',
      ),
    );
    expect(error.file).toBe('gates/canary.yml');
    expect(error.line).toBe(5);
    expect(error.message).toContain("check 'bad'");
  });
});

describe('loadChecks', () => {
  const workspace = mkdtempSync(path.join(tmpdir(), 'llmops-checks-'));
  mkdirSync(path.join(workspace, 'gates'));
  writeFileSync(path.join(workspace, 'gates/canary.yml'), '- name: up\n  query: up\n  min: 1\n');

  it('reads a file in the workspace and remembers where each check came from', () => {
    const [check] = loadChecks('gates/canary.yml', workspace);
    expect(check).toMatchObject({ name: 'up', source: { file: 'gates/canary.yml', line: 1 } });
  });

  it('reads an inline list', () => {
    expect(loadChecks('- {name: up, query: up, min: 1}', workspace)).toHaveLength(1);
  });

  it('refuses paths outside the workspace and missing files', () => {
    expect(errorOf(() => loadChecks('../../etc/passwd', workspace)).message).toContain(
      'outside the workspace',
    );
    expect(errorOf(() => loadChecks('gates/missing.yml', workspace)).message).toContain(
      "input 'checks' has value 'gates/missing.yml': cannot read it (no such file)",
    );
  });
});
