import type { GitHubRun } from './context';
import { octokitFor } from './octokit';

/** The hidden marker that identifies an action's comment, so each run edits it instead of adding one. */
export function commentMarker(action: string): string {
  return `<!-- llmops:${action} -->`;
}

type Octokit = Awaited<ReturnType<typeof octokitFor>>;

/** The token's user (personal tokens); undefined for app and GITHUB_TOKEN installation tokens, which comment as a bot. */
async function authenticatedLogin(octokit: Octokit): Promise<string | undefined> {
  try {
    return (await octokit.rest.users.getAuthenticated()).data.login;
  } catch {
    return undefined;
  }
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
  const author = await authenticatedLogin(octokit);
  const existing = comments.find(
    (c) => c.body?.startsWith(marker) && (author ? c.user?.login === author : c.user?.type === 'Bot'),
  );
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
