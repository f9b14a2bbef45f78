import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../helpers/run-bundle';
import { parseChecks } from '@llmops/prom';

// The reference canary checks (workflows-templates/manifests/checks.yml, copied to deploy/k8s/ by
// users) hold the absolute limits beside the comparisons with the stable version.
const file = path.join(repoRoot, 'workflows-templates/manifests/checks.yml');
const checks = parseChecks(readFileSync(file, 'utf8'), 'checks.yml', {
  selector: 'namespace="llm-prod",track="canary"',
  baselineSelector: 'namespace="llm-prod",track="stable"',
});
const named = (name: string) => checks.find((c) => c.name === name)!;

test('error rate at most 1%: the canary finishes at least 99% of requests, whatever the stable does', () => {
  const check = named('error-rate-max-1pct');
  expect(check).toMatchObject({ test: 'threshold', min: 0.99, preset: 'vllm-request-success-rate' });
  expect(check.query).toContain('track="canary"');
  // Absolute: no baseline, so it is measured at 100% as well.
  expect(check.baselineQuery).toBeUndefined();
});

test('p99 end-to-end latency at most 3 s on the canary', () => {
  const check = named('e2e-latency-p99-max-3s');
  expect(check).toMatchObject({ test: 'threshold', max: 3, preset: 'vllm-e2e-latency-p99' });
  expect(check.query).toMatch(
    /histogram_quantile\(0\.99,.*vllm:e2e_request_latency_seconds_bucket\{[^}]*track="canary"/,
  );
  expect(check.baselineQuery).toBeUndefined();
});

test('the relative checks still compare with the stable version', () => {
  for (const name of ['ttft-p95', 'e2e-latency-p95', 'request-errors'])
    expect(named(name).baselineQuery ?? named(name).baselineCounts?.total).toContain('track="stable"');
});
