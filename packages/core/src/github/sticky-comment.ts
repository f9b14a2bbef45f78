import type { GitHubRun } from './context';
import { octokitFor, ownedBy } from './octokit';

/** The hidden marker that identifies an action's comment, so each run edits it instead of adding one. */
export function commentMarker(action: string): string {
  return `<!-- llmops:${action} -->`;
}

export interface CommentResult {
  id: number;
  created: boolean;
}

/** Create or update the one comment per action on the PR. */
export async function upsertStickyComment(
  token: string,
  run: GitHubRun,
  action: string,
  body: string,
): Promise<CommentResult> {
  if (!run.pullRequest) throw new Error('not a pull request event');
  const octokit = await octokitFor(token, run);
  const marker = commentMarker(action);
  const params = { owner: run.owner, repo: run.repo, issue_number: run.pullRequest.number };
  const comments = await octokit.paginate(octokit.rest.issues.listComments, { ...params, per_page: 100 });
  // Only our own comment: anyone can paste the marker into theirs to have the report land there.
  const ours = await ownedBy(octokit);
  const existing = comments.find((c) => c.body?.startsWith(marker) && ours(c.user));
  if (existing) {
    await octokit.rest.issues.updateComment({
      owner: run.owner,
      repo: run.repo,
      comment_id: existing.id,
      body,
    });
    return { id: existing.id, created: false };
  }
  const created = await octokit.rest.issues.createComment({ ...params, body });
  return { id: created.data.id, created: true };
}
