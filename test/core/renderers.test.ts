import { sarifErrors } from '../helpers/sarif';
import { renderJunit, renderSarif, type Report } from '@llmops/core';

const report: Report = {
  action: 'validate-prompts',
  verdict: 'fail',
  headline: '2 findings',
  reasons: [],
  metrics: [],
  tables: [],
  findings: [
    {
      ruleId: 'prompt/missing-variable',
      level: 'error',
      message: 'row lacks x',
      file: 'p/a.prompt.yml',
      line: 4,
      column: 5,
    },
    {
      ruleId: 'prompt/unknown-key',
      level: 'warning',
      message: 'unknown key',
      file: 'p/a.prompt.yml',
      line: 1,
      column: 1,
    },
    {
      ruleId: 'prompt/missing-variable',
      level: 'error',
      message: 'row lacks y',
      file: 'p/b.prompt.yml',
      line: 9,
    },
  ],
  cases: [
    { suite: 's', name: 'ok', status: 'passed', timeMs: 12 },
    { suite: 's', name: 'bad <&>', status: 'failed', message: 'expected "30 days"' },
    { suite: 't', name: 'boom', status: 'error', message: '503 after 3 retries' },
  ],
  outputs: {},
};

describe('SARIF', () => {
  it('is valid SARIF 2.1.0 with one rule per id and regions', () => {
    const { sarif } = renderSarif(report, {
      toolName: 'llmops',
      version: '1',
      informationUri: 'https://example.com',
    });
    // The SARIF 2.1.0 JSON schema, as shipped by Microsoft's SARIF SDK.
    expect(sarifErrors(sarif)).toEqual([]);
    const run = (
      sarif as {
        runs: Array<{
          tool: { driver: { rules: unknown[] } };
          results: Array<{ level: string; locations: Array<{ physicalLocation: { region: unknown } }> }>;
        }>;
      }
    ).runs[0]!;
    expect(run.tool.driver.rules).toHaveLength(2);
    expect(run.results[0]!.locations[0]!.physicalLocation.region).toEqual({ startLine: 4, startColumn: 5 });
    expect(run.results[1]!.level).toBe('warning');
  });

  it('caps results and says how many were left out', () => {
    const { sarif, capped } = renderSarif(report, {
      toolName: 'llmops',
      version: '1',
      informationUri: 'https://x',
      maxResults: 2,
    });
    expect((sarif as { runs: Array<{ results: unknown[] }> }).runs[0]!.results).toHaveLength(2);
    expect(capped).toBe(1);
  });
});

describe('JUnit', () => {
  it('counts failures and errors per suite and escapes names', () => {
    const xml = renderJunit(report);
    expect(xml).toMatch(
      /<testsuites name="llmops validate-prompts" tests="3" failures="1" errors="1" skipped="0">/,
    );
    expect(xml).toMatch(/<testsuite name="s" tests="2" failures="1" errors="0"/);
    expect(xml).toContain('name="bad &lt;&amp;&gt;"');
    expect(xml).toContain('<error message="503 after 3 retries">');
  });
});
