import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FakeGitHub, pullRequestEvent } from '../helpers/github-api';
import { PrometheusServer, VllmExporter, scrapeExporter } from '../helpers/prometheus';
import { runBundle } from '../helpers/run-bundle';

// The built bundle (node dist/metric-gate/index.js), run as the runner runs it, against a real
// Prometheus scraping a vLLM-like exporter: `stable` and `canary` answer in ~0.2 s, `slow` in
// ~0.6 s, `idle` gets no traffic.
const exporter = new VllmExporter({
  stable: { requests: 20, ttft: 0.2 },
  canary: { requests: 20, ttft: 0.21 },
  slow: { requests: 20, ttft: 0.6 },
  idle: { requests: 0, ttft: 0.2 },
});
let prometheus: PrometheusServer;
const github = new FakeGitHub();
exporter.setValue('pos_inf', Infinity);

beforeAll(async () => {
  await github.start();
  prometheus = await scrapeExporter(
    exporter,
    'sum(rate(vllm:time_to_first_token_seconds_count{version="stable"}[5s])) > 0',
  );
}, 60_000);

afterAll(async () => {
  await prometheus?.stop();
  await exporter.stop();
  await github.stop();
});

const ttftCheck = (version: string) => `
- name: ttft-p95
  preset: vllm-ttft-p95
  selector: 'version="${version}"'
  baseline-selector: 'version="stable"'
  window: 10s
  max-increase: 0.5
`;

function workspace(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'llmops-gate-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const run = (cwd: string, inputs: Record<string, string>, env: Record<string, string> = {}) =>
  runBundle(
    'metric-gate',
    { 'prometheus-url': prometheus.url, interval: '1s', count: '2', ...inputs },
    { cwd, env },
  );

describe('metric-gate bundle, run as the runner runs it', () => {
  it('passes a healthy canary, writes summary, JSON report and a sticky PR comment, and masks secrets', async () => {
    const ws = workspace();
    const eventPath = path.join(ws, 'event.json');
    writeFileSync(eventPath, pullRequestEvent(7));
    const token = 'prom-token-1234567';
    const url = prometheus.url.replace('http://', 'http://gate:b4sic-pass@');
    const result = await run(
      ws,
      {
        'prometheus-url': url,
        'prometheus-token': token,
        'prometheus-headers': 'X-Scope-OrgID: tenant-xyz',
        checks: ttftCheck('canary'),
        'github-token': 'ghs_faketoken1234567890',
      },
      github.env(eventPath),
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.outputs).toMatchObject({ verdict: 'pass', 'failed-checks': '', measurements: '2' });
    for (const secret of [token, 'b4sic-pass', 'tenant-xyz']) {
      expect(result.stdout).toContain(`::add-mask::${secret}`);
      expect(
        result.stdout.split('\n').filter((l) => l.includes(secret) && !l.startsWith('::add-mask::')),
      ).toEqual([]);
    }
    expect(result.summary).toContain('## ✅ metric-gate: pass');
    expect(result.summary).toContain('vllm:time\\_to\\_first\\_token\\_seconds\\_bucket');
    expect(result.summary).toContain('| ttft-p95 | 1 | ✅ success | 0.2425 | 0.2425 | 1 |');
    const report = JSON.parse(readFileSync(path.join(ws, result.outputs['report-path']!), 'utf8'));
    expect(report).toMatchObject({ action: 'metric-gate', verdict: 'pass' });
    expect(report.data.prometheusUrl).toBe(prometheus.url);
    expect(report.data.checks[0].query).toContain('{version="canary"}');
    expect(report.data.measurements).toHaveLength(2);
    expect(report.data.measurements[0]).toEqual(
      expect.objectContaining({
        outcome: 'success',
        canary: expect.any(Number),
        baseline: expect.any(Number),
        ratio: expect.any(Number),
      }),
    );
    expect(JSON.stringify(report)).not.toContain('b4sic-pass');

    expect(github.comments).toHaveLength(1);
    expect(github.comments[0]!.body).toMatch(/^<!-- llmops:metric-gate -->/);
    expect(github.comments[0]!.body).toContain('Measurements');
  });

  it('fails a 3x TTFT canary early, with the check as an annotation', async () => {
    const result = await run(workspace(), { checks: ttftCheck('slow'), count: '10' });
    expect(result.code).toBe(1);
    expect(result.outputs).toMatchObject({ verdict: 'fail', 'failed-checks': 'ttft-p95', measurements: '1' });
    expect(result.stdout).toMatch(/::error::metric-gate: fail/);
    expect(result.annotations.some((a) => a.props.title === 'metric-gate: ttft-p95 fail')).toBe(true);
    expect(result.summary).toContain('## ❌ metric-gate: fail');
  });

  it('calls no traffic inconclusive and fails the step unless told not to', async () => {
    const ws = workspace();
    const strict = await run(ws, { checks: ttftCheck('idle'), count: '1' });
    expect(strict.code).toBe(1);
    expect(strict.outputs.verdict).toBe('inconclusive');
    expect(strict.summary).toContain('no data');
    const lenient = await run(ws, { checks: ttftCheck('idle'), count: '1', 'fail-on-inconclusive': 'false' });
    expect(lenient.code).toBe(0);
    expect(lenient.outputs.verdict).toBe('inconclusive');
  });

  it('points a bad check in a checks file at its file and line', async () => {
    const ws = workspace({
      'gates/canary.yml': `${ttftCheck('canary')}\n- name: bad\n  query: up\n  test: rank-sum\n`,
    });
    const result = await run(ws, { checks: 'gates/canary.yml' });
    expect(result.code).toBe(1);
    const error = result.annotations.find((a) => a.level === 'error' && a.props.file);
    expect(error?.props).toMatchObject({ file: 'gates/canary.yml', line: '9' });
    expect(error?.message).toContain("check 'bad': test: rank-sum compares canary with a baseline");
  });

  it('never passes an infinite value: +Inf checked with min is inconclusive and fails the step', async () => {
    const result = await run(workspace(), {
      checks: `- {name: inf, query: 'llmops_test_value{case="pos_inf"}', min: 0}`,
    });
    expect(result.code).toBe(1);
    expect(result.outputs.verdict).toBe('inconclusive');
    expect(result.stdout).toContain('inf #1: inconclusive — cannot judge an infinite value: +Inf >= min 0');
    expect(result.summary).toContain('+Inf');
  });

  it.each([
    [{ interval: 'soon' }, "input 'interval' has value 'soon': expected a duration such as 30s, 5m or 1h"],
    // Past 2^31-1 ms a timer fires after 1 ms: this run "passed" in half a second.
    [
      { interval: '600h', count: '2' },
      "input 'interval' has value '600h': expected a duration such as 30s, 5m or 1h, at most 596h31m23s",
    ],
    [
      { interval: '400h', count: '3' },
      "input 'count' has value '3': 3 measurements 400h apart (interval) makes a run of 800h, past the longest allowed (596h31m23s)",
    ],
    [{ 'no-data': 'maybe' }, "input 'no-data' has value 'maybe': expected one of fail, inconclusive, pass"],
    [
      { 'prometheus-url': 'ftp://x' },
      "input 'prometheus-url' has value 'ftp://x': expected an http:// or https:// URL, not ftp:",
    ],
  ])('bad input %j ends with one clear line and exit 1', async (inputs, message) => {
    const result = await run(workspace(), { checks: ttftCheck('canary'), ...inputs });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(message);
    expect(result.stdout).not.toMatch(/crashed|at .*\.js:\d+/);
  });
});
