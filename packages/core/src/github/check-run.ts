import type { Finding, Report } from '../report';
import { verdictFailsStep } from '../verdict';
import type { GitHubRun } from './context';
import { octokitFor } from './octokit';

// The Checks API takes at most 50 annotations per request; further batches update the run.
const BATCH = 50;
const LEVEL = { error: 'failure', warning: 'warning', notice: 'notice' } as const;

function annotation(f: Finding & { file: string }) {
  const line = f.line ?? 1;
  const endLine = f.endLine ?? line;
  return {
    path: f.file,
    start_line: line,
    end_line: endLine,
    // Columns are only allowed when the annotation stays on one line.
    ...(f.column !== undefined && endLine === line
      ? { start_column: f.column, end_column: f.endColumn ?? f.column }
      : {}),
    annotation_level: LEVEL[f.level],
    title: (f.title ?? f.ruleId).slice(0, 255),
    message: f.message.slice(0, 64 * 1024),
  };
}

/** A completed check run named after the action, carrying every located finding as an annotation. */
export async function publishCheckRun(
  token: string,
  run: GitHubRun,
  report: Report,
  summary: string,
  failOnInconclusive: boolean,
): Promise<{ id: number; requests: number }> {
  const octokit = await octokitFor(token, run);
  const annotations = report.findings
    .filter((f): f is Finding & { file: string } => !!f.file)
    .map(annotation);
  const title = `${report.verdict}: ${report.headline}`.slice(0, 255);
  const output = (batch: typeof annotations) => ({
    title,
    summary,
    annotations: batch,
  });
  const created = await octokit.rest.checks.create({
    owner: run.owner,
    repo: run.repo,
    name: `llmops ${report.action}`,
    head_sha: run.pullRequest?.headSha || run.sha,
    status: 'completed',
    // A required check reads `neutral` as success: it must fail whenever the step fails.
    conclusion: verdictFailsStep(report.verdict, failOnInconclusive)
      ? 'failure'
      : report.verdict === 'pass'
        ? 'success'
        : 'neutral',
    output: output(annotations.slice(0, BATCH)),
  });
  let requests = 1;
  for (let i = BATCH; i < annotations.length; i += BATCH) {
    await octokit.rest.checks.update({
      owner: run.owner,
      repo: run.repo,
      check_run_id: created.data.id,
      output: output(annotations.slice(i, i + BATCH)),
    });
    requests++;
  }
  return { id: created.data.id, requests };
}
