import path from 'node:path';
import { parseDuration, resolveInWorkspace, UserError } from '@llmops/core';

describe('resolveInWorkspace', () => {
  const ws = path.resolve('/work/repo');
  it('resolves relative paths inside the workspace', () => {
    expect(resolveInWorkspace(ws, 'prompts/a.yml')).toBe(path.join(ws, 'prompts/a.yml'));
  });
  it.each(['../secrets.yml', '/etc/passwd', 'prompts/../../x'])('refuses %s', (p) => {
    expect(() => resolveInWorkspace(ws, p, { input: 'models-file' })).toThrow(UserError);
    expect(() => resolveInWorkspace(ws, p, { input: 'models-file' })).toThrow(
      /input 'models-file' .* resolves outside the workspace/,
    );
  });
});

describe('parseDuration', () => {
  it.each([
    ['500ms', 500],
    ['30s', 30_000],
    ['5m', 300_000],
    ['1h30m', 5_400_000],
    ['2', 2000],
  ])('%s is %d ms', (text, ms) => expect(parseDuration(text)).toBe(ms));
  it.each(['', '5 m', 'soon', '5d'])('rejects %j', (text) => expect(parseDuration(text)).toBeUndefined());
});
