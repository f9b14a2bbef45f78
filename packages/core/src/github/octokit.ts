import type { GitHubRun } from './context';

/** An authenticated client for the run's API, loaded only when a run talks to GitHub (keeps start-up fast). */
export async function octokitFor(token: string, run: GitHubRun) {
  const { getOctokit } = await import('@actions/github');
  return getOctokit(token, { baseUrl: run.apiUrl });
}
