import type { GitHubRun } from './context';

/** An authenticated client for the run's API, loaded only when a run talks to GitHub (keeps start-up fast). */
export async function octokitFor(token: string, run: GitHubRun) {
  const { getOctokit } = await import('@actions/github');
  return getOctokit(token, { baseUrl: run.apiUrl });
}

export type Octokit = Awaited<ReturnType<typeof octokitFor>>;

/**
 * Whether a comment or an issue is this token's own: its user for personal tokens, a bot for app and
 * GITHUB_TOKEN installation tokens (which cannot read /user). Anyone can paste our marker into
 * theirs; only our own are edited.
 */
export async function ownedBy(
  octokit: Octokit,
): Promise<(user: { login?: string; type?: string } | null | undefined) => boolean> {
  let login: string | undefined;
  try {
    login = (await octokit.rest.users.getAuthenticated()).data.login;
  } catch {
    login = undefined;
  }
  return (user) => (login ? user?.login === login : user?.type === 'Bot');
}
