import { symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { workspaceRoot } from '@llmops/core';
import { validatePrompts } from '@llmops/evals/validate';
import { git } from '../../helpers/git';
import { promptYml, workspace } from './fixtures';

/** A repo whose main branch has two prompts, with a feature branch checked out. */
function repo(): string {
  const ws = workspace({
    'prompts/a.prompt.yml': promptYml({ head: 'name: a\nversion: 1.0.0\nmodel: openai/gpt-4o' }),
    'prompts/b.prompt.yml': promptYml({ head: 'name: b\nversion: 2.0.0\nmodel: openai/gpt-4o' }),
  });
  git(ws, 'init', '-q', '-b', 'main');
  git(ws, 'add', '.');
  git(ws, 'commit', '-qm', 'base');
  git(ws, 'checkout', '-qb', 'feature');
  return ws;
}

const run = (ws: string, requireVersionBump = true) =>
  validatePrompts({
    workspace: ws,
    paths: ['**/*.prompt.yml'],
    maxPromptTokens: 0,
    baseRef: 'main',
    requireVersionBump,
    failOn: 'error',
  });

describe('changes against the base ref', () => {
  it('requires a version bump when messages change, pointing at the version line', async () => {
    const ws = repo();
    const changed = promptYml({
      head: 'name: a\nversion: 1.0.0\nmodel: openai/gpt-4o',
      messages: 'messages:\n  - role: user\n    content: "Answer briefly: {{question}}"',
    });
    writeFileSync(path.join(ws, 'prompts/a.prompt.yml'), changed);
    const report = await run(ws);
    expect(report.outputs['changed-prompts']).toBe('prompts/a.prompt.yml');
    const bump = report.findings.filter((f) => f.ruleId === 'prompt/version-bump');
    expect(bump).toHaveLength(1);
    expect([bump[0]?.file, bump[0]?.line, bump[0]?.column]).toEqual(['prompts/a.prompt.yml', 2, 10]);
    expect(report.verdict).toBe('fail');

    writeFileSync(path.join(ws, 'prompts/a.prompt.yml'), changed.replace('version: 1.0.0', 'version: 1.1.0'));
    const bumped = await run(ws);
    expect(bumped.findings).toEqual([]);
    expect(bumped.outputs['changed-prompts']).toBe('prompts/a.prompt.yml');
  });

  it('ignores formatting-only edits and lists new prompts without asking for a bump', async () => {
    const ws = repo();
    const b = path.join(ws, 'prompts/b.prompt.yml');
    writeFileSync(
      b,
      `# reviewed by legal\n${promptYml({ head: 'name: b\nversion: 2.0.0\nmodel: openai/gpt-4o' })}\n`,
    );
    writeFileSync(
      path.join(ws, 'prompts/c.prompt.yml'),
      promptYml({ head: 'name: c\nmodel: openai/gpt-4o' }),
    );
    const report = await run(ws);
    expect(report.outputs['changed-prompts']).toBe('prompts/c.prompt.yml');
    expect(report.findings).toEqual([]);
  });

  it('lists changed prompts without failing when bumps are not required', async () => {
    const ws = repo();
    writeFileSync(
      path.join(ws, 'prompts/b.prompt.yml'),
      promptYml({ head: 'name: b\nversion: 2.0.0\nmodel: openai/gpt-4o-mini' }),
    );
    const report = await run(ws, false);
    expect(report.outputs['changed-prompts']).toBe('prompts/b.prompt.yml');
    expect(report.verdict).toBe('pass');
  });

  it('sees changes to files with non-ASCII names and in a workspace reached through a symlink', async () => {
    const ws = repo();
    writeFileSync(
      path.join(ws, 'prompts/café.prompt.yml'),
      promptYml({ head: 'name: café\nmodel: openai/gpt-4o' }),
    );
    git(ws, 'add', '.');
    git(ws, 'commit', '-qm', 'café');
    const link = `${ws}-link`;
    symlinkSync(ws, link);
    git(ws, 'checkout', '-q', 'main');
    git(ws, 'checkout', '-qb', 'feature2');
    writeFileSync(
      path.join(ws, 'prompts/café.prompt.yml'),
      promptYml({ head: 'name: café\nmodel: openai/gpt-4o' }),
    );
    git(ws, 'add', '.');
    git(ws, 'commit', '-qm', 'café again');
    writeFileSync(
      path.join(ws, 'prompts/café.prompt.yml'),
      promptYml({ head: 'name: café\nmodel: openai/gpt-4o-mini' }),
    );
    const report = await validatePrompts({
      workspace: workspaceRoot({ GITHUB_WORKSPACE: link }),
      paths: ['**/*.prompt.yml'],
      maxPromptTokens: 0,
      baseRef: 'main',
      requireVersionBump: true,
      failOn: 'error',
    });
    expect(report.outputs['changed-prompts']).toBe('prompts/café.prompt.yml');
  });

  it('lists nothing, without failing, when the base is missing and bumps are not required', async () => {
    const ws = repo();
    const report = await validatePrompts({
      workspace: ws,
      paths: ['**/*.prompt.yml'],
      maxPromptTokens: 0,
      baseRef: 'release',
      requireVersionBump: false,
      failOn: 'error',
    });
    expect(report.verdict).toBe('pass');
    expect(report.outputs['changed-prompts']).toBe('');
  });

  it('says how to fetch the base when it is missing', async () => {
    const ws = repo();
    await expect(
      validatePrompts({
        workspace: ws,
        paths: ['**/*.prompt.yml'],
        maxPromptTokens: 0,
        baseRef: 'release',
        requireVersionBump: true,
        failOn: 'error',
      }),
    ).rejects.toThrow(/base ref 'release' is not in the local clone.*fetch-depth: 0/);
  });
});
