import type { GitHubRun } from './context';
import { octokitFor, ownedBy } from './octokit';

/** `open`: open the issue or update it; `update`: update it if it is open; `close`: comment and close it. */
export type TrackedState =
  { kind: 'open' | 'update'; title: string; body: string } | { kind: 'close'; comment: string };

export interface TrackingResult {
  action: 'opened' | 'updated' | 'closed' | 'none';
  number?: number;
}

/**
 * One open issue per `key` (a hidden marker starts its body): opened when trouble starts, its
 * body replaced while it lasts (so a nightly job never piles up issues), and commented on and
 * closed on the first run without it.
 */
export async function trackIssue(
  token: string,
  run: GitHubRun,
  key: string,
  state: TrackedState,
): Promise<TrackingResult> {
  const octokit = await octokitFor(token, run);
  const repo = { owner: run.owner, repo: run.repo };
  const marker = `<!-- llmops:${key} -->`;
  const open = await octokit.paginate(octokit.rest.issues.listForRepo, {
    ...repo,
    state: 'open',
    per_page: 100,
  });
  const ours = await ownedBy(octokit);
  const existing = open.find((i) => !i.pull_request && i.body?.startsWith(marker) && ours(i.user));
  if (state.kind !== 'close') {
    const content = { title: state.title, body: `${marker}\n${state.body}` };
    if (existing) {
      await octokit.rest.issues.update({ ...repo, issue_number: existing.number, ...content });
      return { action: 'updated', number: existing.number };
    }
    if (state.kind === 'update') return { action: 'none' };
    const created = await octokit.rest.issues.create({ ...repo, ...content });
    return { action: 'opened', number: created.data.number };
  }
  if (!existing) return { action: 'none' };
  await octokit.rest.issues.createComment({ ...repo, issue_number: existing.number, body: state.comment });
  await octokit.rest.issues.update({
    ...repo,
    issue_number: existing.number,
    state: 'closed',
    state_reason: 'completed',
  });
  return { action: 'closed', number: existing.number };
}
