import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { VERSION } from '@llmops/core';
import type { ProbeRecord } from '../../packages/safety/src/action/report';
import { compareWithBaseline, readBaselineProbes } from '../../packages/safety/src/regression';

const probe = (id: string, status: ProbeRecord['status'], transform?: string) =>
  ({ id, pack: 'jailbreak', status, ...(transform ? { transform } : {}) }) as ProbeRecord;

describe('safety-tests against a baseline report', () => {
  it('counts a probe as a regression only when it failed now and not before, transform by transform', () => {
    const baseline = [
      probe('a', 'passed'),
      probe('b', 'failed'),
      probe('c', 'passed'),
      probe('c', 'failed', 'base64'),
    ];
    const current = [
      probe('a', 'failed'), // regressed
      probe('b', 'failed'), // still failing
      probe('c', 'passed'),
      probe('c', 'passed', 'base64'), // fixed
      probe('d', 'failed'), // new probe, failing: a regression too
      probe('e', 'error'),
    ];
    const result = compareWithBaseline(current, baseline);
    expect(result.newlyFailed.map((p) => p.id)).toEqual(['a', 'd']);
    expect(result.stillFailing).toBe(1);
    expect(result.fixed).toBe(1);
  });

  it("reads last night's report, and refuses another action's report or another release line", async () => {
    const workspace = await mkdtemp(path.join(tmpdir(), 'safety-baseline-'));
    const report = (action: string, version: string) =>
      JSON.stringify({ version, action, data: { probes: [probe('a', 'failed')] } });
    await writeFile(path.join(workspace, 'night.json'), report('safety-tests', VERSION));
    await writeFile(path.join(workspace, 'gate.json'), report('llm-quality-gate', VERSION));
    await writeFile(path.join(workspace, 'old.json'), report('safety-tests', '99.0.0'));
    expect(readBaselineProbes(workspace, 'night.json')).toEqual([probe('a', 'failed')]);
    expect(() => readBaselineProbes(workspace, 'gate.json')).toThrow(
      "input 'baseline-report': gate.json is not a report of safety-tests",
    );
    expect(() => readBaselineProbes(workspace, 'old.json')).toThrow(/is a report of llmops 99\.0\.0/);
  });
});
