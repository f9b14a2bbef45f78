import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  isUserError,
  logLines,
  readWorkspaceJson,
  redactSecrets,
  registerSecret,
  UserError,
  writeOutputFile,
} from '@llmops/core';
import { loadModelTable } from '@llmops/evals/validate';
import { loadPromptFile } from '@llmops/evals';
import { loadChecks } from '@llmops/prom';
import { loadCustomPacks } from '@llmops/safety';
import { workspace } from '../evals/gate-fixtures';
// Direct: the trivy package index loads @actions/tool-cache, which jest on Node 20 cannot require.
import { loadAllowlist } from '../../packages/trivy/src/allowlist';

// Nine levels of nine aliases: 9^9 nodes if expanded.
const bomb = (() => {
  const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
  for (let i = 1; i < 9; i++)
    lines.push(
      `l${i}: &l${i} [${Array(9)
        .fill(i === 1 ? '*a' : `*l${i - 1}`)
        .join(',')}]`,
    );
  return lines.join('\n');
})();

const errorOf = async (fn: () => unknown): Promise<UserError> => {
  try {
    await fn();
  } catch (error) {
    if (isUserError(error)) return error;
    throw error;
  }
  throw new Error('no error');
};

describe('every YAML reader goes through the one loader with the alias limit', () => {
  it('models file', async () => {
    const ws = workspace({ 'models.yml': `${bomb}\nmodels: {}\n` });
    const error = await errorOf(() => loadModelTable(ws, 'models.yml'));
    expect(error.message).toMatch(/^YAML: too many aliases/);
    expect(error.file).toBe('models.yml');
  });

  it('custom pack', async () => {
    const error = await errorOf(() => loadCustomPacks([{ path: 'packs/p.yml', content: bomb }]));
    expect(error.message).toMatch(/^YAML: too many aliases/);
    expect(error.file).toBe('packs/p.yml');
  });

  it('metric-gate checks (inline and file)', async () => {
    const ws = workspace({ 'checks.yml': `- ${bomb.split('\n').join('\n  ')}\n` });
    expect((await errorOf(() => loadChecks('checks.yml', ws))).message).toMatch(
      /^checks: YAML: too many aliases/,
    );
  });

  it('trivy allowlist', async () => {
    const ws = workspace({
      'allow.yml': bomb,
      'ok.yml': '- id: CVE-1\n  reason: r\n  expires: 2030-01-01\n',
    });
    const error = await errorOf(() => loadAllowlist(ws, 'allow.yml'));
    expect(error.message).toMatch(/^allowlist is not valid YAML: YAML: too many aliases/);
    expect(error.file).toBe('allow.yml');
    expect((await loadAllowlist(ws, 'ok.yml')).entries).toEqual([
      { id: 'CVE-1', reason: 'r', expires: '2030-01-01', line: 1 },
    ]);
  });

  it('prompt files and Prompty front matter are findings on a line, not a crash', () => {
    const ws = workspace({});
    for (const [file, text] of [
      ['a.prompt.yml', bomb],
      ['a.prompty', `---\n${bomb}\n---\nsystem:\nhi\n`],
    ] as const) {
      const loaded = loadPromptFile(path.join(ws, file), text, ws);
      expect(loaded.findings).toEqual([
        expect.objectContaining({
          ruleId: 'yaml/syntax',
          level: 'error',
          message: expect.stringMatching(/too many aliases/),
        }),
      ]);
    }
  });

  it('syntax errors carry line and column', async () => {
    const ws = workspace({ 'models.yml': 'models:\n  a: [1,\n' });
    const error = await errorOf(() => loadModelTable(ws, 'models.yml'));
    expect(error.file).toBe('models.yml');
    expect(error.line).toBeGreaterThanOrEqual(2);
    expect(error.column).toBeGreaterThanOrEqual(1);
  });
});

describe('readWorkspaceJson', () => {
  it('never quotes the file in its error', async () => {
    const ws = workspace({ 'r.json': 'root:x:0:0:root:/root:/bin/bash\n' });
    const error = await errorOf(() => readWorkspaceJson(ws, 'r.json', { input: 'baseline' }));
    expect(error.message).toBe("input 'baseline' has value 'r.json': r.json is not valid JSON");
  });
  it('refuses a link out of the workspace', async () => {
    const ws = workspace({});
    symlinkSync('/etc/passwd', path.join(ws, 'r.json'));
    expect((await errorOf(() => readWorkspaceJson(ws, 'r.json', { input: 'baseline' }))).message).toMatch(
      /resolves outside the workspace/,
    );
  });
});

describe('writeOutputFile', () => {
  it('replaces a symlink at the path, leaving its target alone', async () => {
    const ws = workspace({});
    const victim = path.join(mkdtempSync(path.join(tmpdir(), 'victim-')), 'v');
    writeFileSync(victim, 'keep');
    symlinkSync(victim, path.join(ws, 'r.json'));
    await writeOutputFile(ws, 'r.json', 'new', { input: 'report-path' });
    expect(readFileSync(victim, 'utf8')).toBe('keep');
    expect(readFileSync(path.join(ws, 'r.json'), 'utf8')).toBe('new');
  });
  it('writes an absolute path outside the workspace (runner.temp) as asked', async () => {
    const ws = workspace({});
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'out-')), 'a/r.json');
    await writeOutputFile(ws, out, 'x', { input: 'report-path' });
    expect(readFileSync(out, 'utf8')).toBe('x');
  });
});

describe('logLines', () => {
  it.each([
    'a\r::notice::x',
    'a\u2028::notice::x',
    'a\u0085::notice::x',
    'a\n  ::notice::x',
    'a\f##[warning]x',
  ])('no line of %j starts a workflow command', (text) => {
    const lines = logLines(text);
    expect(lines.length).toBe(2);
    for (const line of lines) expect(line).not.toMatch(/^\s*(::|##\[)/);
  });
  it('drops terminal escapes', () => expect(logLines('a\u001b[2Jb')).toEqual(['a[2Jb']));
});

describe('redactSecrets', () => {
  it('stays linear on a large text with many secrets', () => {
    for (let i = 0; i < 20; i++) registerSecret(`secret-value-number-${i}-xyz`);
    const text = 'abcdefghij'.repeat(200_000);
    const started = performance.now();
    expect(redactSecrets(`${text}secret-value-number-7-xyz`)).toBe(`${text}***`);
    // A guard against a scan per secret per position (minutes), not a speed measurement.
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});
