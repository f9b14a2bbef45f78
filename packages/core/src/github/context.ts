import { readFileSync } from 'node:fs';

/** What a reporter needs to know about the run, read from the runner's environment. */
export interface GitHubRun {
  owner: string;
  repo: string;
  apiUrl: string;
  serverUrl: string;
  eventName: string;
  sha: string;
  runId?: string;
  /** Set on pull_request / pull_request_target events. */
  pullRequest?: { number: number; headSha: string };
}

export function readGitHubRun(env: NodeJS.ProcessEnv = process.env): GitHubRun | undefined {
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  if (!owner || !repo) return undefined;
  let event: { pull_request?: { number?: number; head?: { sha?: string } } } = {};
  if (env.GITHUB_EVENT_PATH) {
    try {
      event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8'));
    } catch {
      event = {};
    }
  }
  const pr = event.pull_request;
  return {
    owner,
    repo,
    apiUrl: env.GITHUB_API_URL || 'https://api.github.com',
    serverUrl: env.GITHUB_SERVER_URL || 'https://github.com',
    eventName: env.GITHUB_EVENT_NAME ?? '',
    sha: env.GITHUB_SHA ?? '',
    runId: env.GITHUB_RUN_ID,
    pullRequest:
      pr?.number !== undefined
        ? { number: pr.number, headSha: pr.head?.sha ?? env.GITHUB_SHA ?? '' }
        : undefined,
  };
}

export function runUrl(run: GitHubRun): string | undefined {
  return run.runId ? `${run.serverUrl}/${run.owner}/${run.repo}/actions/runs/${run.runId}` : undefined;
}
