import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { publish, registerSecret, type Report, type Runtime } from '@llmops/core';

const secret = 'sk-test-7Hq9ZpW2mX4vB8nK';

function runtime(): Runtime & { summaries: string[]; failed: string[] } {
  const summaries: string[] = [];
  const failed: string[] = [];
  return {
    info: () => {},
    warning: () => {},
    annotate: () => {},
    setOutput: () => {},
    summary: async (markdown) => void summaries.push(markdown),
    fail: (message) => void failed.push(message),
    summaries,
    failed,
  };
}

describe('publish', () => {
  it('keeps registered secrets out of every file and the summary, and fails the step on fail', async () => {
    registerSecret(secret);
    const dir = mkdtempSync(path.join(tmpdir(), 'llmops-publish-'));
    // A server echoed the key into an error message that became part of the report.
    const leak = `401 Invalid API key: ${secret}`;
    const report: Report = {
      action: 'llm-quality-gate',
      verdict: 'fail',
      headline: 'all requests failed',
      reasons: [leak],
      metrics: [],
      tables: [{ title: 'Errors', columns: ['case', 'error'], rows: [['a', leak]] }],
      findings: [{ ruleId: 'eval/error', level: 'error', message: leak, file: 'suite.eval.yml', line: 3 }],
      cases: [{ suite: 's', name: 'a', status: 'error', message: leak }],
      outputs: {},
      data: { nested: [{ message: leak }] },
    };
    const command = { sarifTool: { name: 'llmops', informationUri: 'https://x' } };
    const out = runtime();
    await publish(
      report,
      command,
      { 'report-path': 'r.json', 'sarif-path': 'r.sarif', 'junit-path': 'r.xml' },
      out,
      dir,
      {},
    );
    for (const file of ['r.json', 'r.sarif', 'r.xml']) {
      const text = readFileSync(path.join(dir, file), 'utf8');
      expect(text).toContain('401 Invalid API key: ***');
      expect(text).not.toContain(secret);
    }
    expect(out.summaries.join('')).not.toContain(secret);
    expect(out.failed).toHaveLength(1);
    expect(out.failed[0]).not.toContain(secret);
  });
});
