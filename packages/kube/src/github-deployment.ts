import { runUrl, type GitHubRun } from '@llmops/core';

export type DeploymentState = 'in_progress' | 'success' | 'failure' | 'error' | 'inactive';

export interface DeploymentTracker {
  status(state: DeploymentState, description: string): Promise<void>;
}

/**
 * A GitHub deployment for the environment, with statuses as the rollout moves (REST: POST
 * /repos/{owner}/{repo}/deployments and /deployments/{id}/statuses). Failures to report are
 * warnings: the rollout itself never depends on GitHub.
 */
export async function startDeployment(
  token: string,
  run: GitHubRun,
  environment: string,
  revision: string,
  warn: (line: string) => void,
): Promise<DeploymentTracker | undefined> {
  try {
    const { getOctokit } = await import('@actions/github');
    const octokit = getOctokit(token, { baseUrl: run.apiUrl });
    const created = await octokit.rest.repos.createDeployment({
      owner: run.owner,
      repo: run.repo,
      ref: run.pullRequest?.headSha || run.sha || 'HEAD',
      environment,
      auto_merge: false,
      required_contexts: [],
      description: `canary ${revision}`.slice(0, 140),
      payload: { revision, tool: 'llmops canary-step' },
    });
    const id = (created.data as { id?: number }).id;
    if (!id) {
      warn(
        `GitHub did not create a deployment for ${environment}: ${JSON.stringify(created.data).slice(0, 200)}`,
      );
      return undefined;
    }
    const tracker: DeploymentTracker = {
      async status(state, description) {
        try {
          await octokit.rest.repos.createDeploymentStatus({
            owner: run.owner,
            repo: run.repo,
            deployment_id: id,
            state,
            description: description.slice(0, 140),
            environment,
            ...(runUrl(run) ? { log_url: runUrl(run) } : {}),
            auto_inactive: state === 'success',
          });
        } catch (error) {
          warn(`could not set deployment status '${state}': ${(error as Error).message}`);
        }
      },
    };
    await tracker.status('in_progress', `canary ${revision} rolling out`);
    return tracker;
  } catch (error) {
    warn(
      `could not create a GitHub deployment for '${environment}': ${(error as Error).message}. The token needs 'deployments: write'.`,
    );
    return undefined;
  }
}
