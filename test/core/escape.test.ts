import { escapeMarkdown, renderMarkdown, type Report } from '@llmops/core';

describe('untrusted text in markdown', () => {
  it('cannot inject HTML, links, images or mentions', () => {
    const hostile =
      '<img src=x onerror=alert(1)> [click](https://evil.example) ![x](y) @octocat **bold** | cell';
    const safe = escapeMarkdown(hostile);
    expect(safe).not.toMatch(/<img/);
    expect(safe).not.toMatch(/\]\(/);
    expect(safe).not.toMatch(/(^|[^\\])\|/);
    expect(safe).toContain('@\u200boctocat');
    expect(safe).toContain('&lt;img');
  });

  it('keeps ordinary punctuation readable and breaks issue references and autolinks', () => {
    expect(escapeMarkdown("unknown key 'x'")).toBe("unknown key 'x'");
    const safe = escapeMarkdown('see #123 and https://evil.example or www.evil.example');
    expect(safe).not.toMatch(/#\d/);
    expect(safe).not.toContain('://');
    expect(safe).not.toMatch(/www\./i);
  });

  it('caps length and keeps one line', () => {
    const safe = escapeMarkdown('line one\nline two '.repeat(100), 50);
    expect(safe).not.toContain('\n');
    expect(safe.length).toBeLessThan(120);
  });

  it('keeps a whole report under the cap by dropping table rows', () => {
    const report: Report = {
      action: 'validate-prompts',
      verdict: 'fail',
      headline: 'many findings',
      reasons: [],
      metrics: [],
      tables: [
        {
          title: 'Rows',
          columns: ['a', 'b'],
          rows: Array.from({ length: 5000 }, (_, i) => [i, 'x'.repeat(100)]),
        },
      ],
      findings: [],
      outputs: {},
    };
    const text = renderMarkdown(report, { maxBytes: 20_000 });
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(20_000);
    expect(text).toMatch(/more rows in the JSON report/);
  });
});
