import { trackIssue } from '../../packages/core/src/github/tracking-issue';
import type { GitHubRun } from '../../packages/core/src/github/context';
import { FakeGitHub } from '../helpers/github-api';

describe('trackIssue: one issue per key, opened, updated, closed', () => {
  let github: FakeGitHub;
  let run: GitHubRun;
  beforeEach(async () => {
    github = await new FakeGitHub().start();
    run = {
      owner: 'acme',
      repo: 'llm-app',
      apiUrl: github.url,
      serverUrl: 'https://github.com',
      eventName: 'schedule',
      sha: 'a'.repeat(40),
    };
  });
  afterEach(() => github.stop());

  it('opens one issue on the first bad night, updates it on the next, closes it on a clean one', async () => {
    const bad = (n: number) => ({
      kind: 'open' as const,
      title: 'Red team: attacks succeed',
      body: `night ${n}`,
    });
    expect(await trackIssue('t', run, 'redteam', bad(1))).toMatchObject({ action: 'opened' });
    expect(await trackIssue('t', run, 'redteam', bad(2))).toMatchObject({ action: 'updated' });
    const still = { kind: 'update' as const, title: 'Red team: attacks succeed', body: 'night 2b' };
    expect(await trackIssue('t', run, 'redteam', still)).toMatchObject({ action: 'updated' });
    expect(github.issues).toHaveLength(1);
    expect(github.issues[0]!.body).toBe('<!-- llmops:redteam -->\nnight 2b');

    const clean = { kind: 'close' as const, comment: 'Clean night: no attack succeeded.' };
    expect(await trackIssue('t', run, 'redteam', clean)).toMatchObject({ action: 'closed' });
    expect(github.issues[0]).toMatchObject({
      state: 'closed',
      comments: ['Clean night: no attack succeeded.'],
    });
    // Nothing open: a second clean night does nothing; the next bad one opens a new issue.
    expect(await trackIssue('t', run, 'redteam', clean)).toEqual({ action: 'none' });
    // Still failing but nothing new, with no issue open: nothing to update, none opened.
    expect(await trackIssue('t', run, 'redteam', still)).toEqual({ action: 'none' });
    expect(await trackIssue('t', run, 'redteam', bad(3))).toMatchObject({ action: 'opened' });
    expect(github.issues.filter((i) => i.state === 'open')).toHaveLength(1);
  });

  it("never edits someone else's issue that carries the marker, nor another key's", async () => {
    github.issues.push({
      number: 1,
      title: 'pasted',
      body: '<!-- llmops:redteam -->\nby a person',
      state: 'open',
      user: { login: 'mallory', type: 'User' },
      comments: [],
    });
    await trackIssue('t', run, 'other-key', { kind: 'open', title: 'x', body: 'y' });
    expect(await trackIssue('t', run, 'redteam', { kind: 'close', comment: 'clean' })).toEqual({
      action: 'none',
    });
    expect(github.issues[0]).toMatchObject({ state: 'open', body: '<!-- llmops:redteam -->\nby a person' });
    expect(github.issues).toHaveLength(2);
  });
});
