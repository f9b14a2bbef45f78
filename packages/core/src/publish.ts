import { VERSION } from './version';
import type { Command, ReportingOptions } from './command';
import { isUserError } from './errors';
import { writeOutputFile } from './files';
import { readGitHubRun, runUrl, type GitHubRun } from './github/context';
import { publishCheckRun } from './github/check-run';
import { trackIssue, type TrackedState } from './github/tracking-issue';
import { commentMarker, upsertStickyComment } from './github/sticky-comment';
import { renderJunit } from './render/junit';
import { renderMarkdown } from './render/markdown';
import { renderSarif } from './render/sarif';
import type { Finding, OutputValue, Report } from './report';
import { stripControls } from './safe-text';
import { redactDeep } from './secrets';
import { verdictFailsStep } from './verdict';

/** Where a report goes: the Actions runner, or a terminal. */
export interface Runtime {
  info(line: string): void;
  warning(line: string): void;
  annotate(finding: Finding): void;
  setOutput(name: string, value: OutputValue): void;
  /** Writes the job summary; absent outside Actions. */
  summary?: (markdown: string) => Promise<void>;
  /** Fails the step with one line; `annotated`: the line is already an annotation on a file. */
  fail(message: string, options?: { annotated?: boolean }): void;
}

// Workflow commands show at most 10 error (and 10 warning) annotations per step; one error is
// kept free for the step's failure message.
const ANNOTATIONS_PER_LEVEL = { error: 9, warning: 10, notice: 10 } as const;
const SUMMARY_MAX_BYTES = 1024 * 1024 - 1024;
// Comments allow 65,536 characters; bytes are a safe bound for that.
const COMMENT_MAX_BYTES = 60_000;

export function annotateCapped(findings: Finding[], runtime: Runtime): void {
  for (const level of ['error', 'warning', 'notice'] as const) {
    const ofLevel = findings.filter((f) => f.level === level);
    const limit = ANNOTATIONS_PER_LEVEL[level];
    const shown = ofLevel.length > limit ? ofLevel.slice(0, limit - 1) : ofLevel;
    for (const f of shown) runtime.annotate(f);
    const rest = ofLevel.length - shown.length;
    if (rest > 0) {
      runtime.annotate({
        ruleId: 'llmops/more-findings',
        level,
        title: `${rest} more ${level}s`,
        message: `${rest} more ${level}s not annotated here: see the job summary and the JSON report.`,
      });
    }
  }
}

/** Renders one report to every place it belongs and sets the step's outcome. */
export async function publish(
  unredacted: Report,
  command: Pick<Command, 'sarifTool'>,
  options: ReportingOptions,
  runtime: Runtime,
  workspace: string,
  env: NodeJS.ProcessEnv = process.env,
  /** A run that ended early says why in its own words, instead of the verdict line. */
  ending?: { message: string; annotated: boolean },
): Promise<{ writeFailures: string[] }> {
  // Masking covers logs only; the report goes to files, comments and check runs too.
  const report = redactDeep(unredacted);
  // A file that cannot be written (a folder, /dev/full, a full disk) is one error line; the
  // outputs and the summary still go out, and the step fails.
  const writeFailures: string[] = [];
  const write = async (input: string, file: string, text: () => string): Promise<boolean> => {
    try {
      await writeOutputFile(workspace, file, text(), { input });
      return true;
    } catch (error) {
      if (!isUserError(error)) throw error;
      writeFailures.push(error.message);
      return false;
    }
  };
  const reportPath = options['report-path'] || `llmops-${report.action}-report.json`;
  const reportJson = () => `${JSON.stringify({ version: VERSION, ...report }, null, 2)}\n`;
  if (await write('report-path', reportPath, reportJson)) runtime.setOutput('report-path', reportPath);

  if (options['sarif-path'] && command.sarifTool) {
    const { sarif, capped } = renderSarif(report, {
      toolName: command.sarifTool.name,
      informationUri: command.sarifTool.informationUri,
      version: VERSION,
    });
    if (await write('sarif-path', options['sarif-path'], () => JSON.stringify(sarif, null, 2)))
      runtime.setOutput('sarif-path', options['sarif-path']);
    if (capped > 0)
      runtime.warning(
        `SARIF capped to fit code scanning's limits (25,000 results, 10 MB): ${capped} findings left out`,
      );
  }
  if (options['junit-path']) await write('junit-path', options['junit-path'], () => renderJunit(report));

  for (const [name, value] of Object.entries(report.outputs)) runtime.setOutput(name, value);
  runtime.setOutput('verdict', report.verdict);
  annotateCapped(report.findings, runtime);

  const run = readGitHubRun(env);
  const link = run && runUrl(run);
  if (runtime.summary) {
    try {
      await runtime.summary(
        stripControls(renderMarkdown(report, { maxBytes: SUMMARY_MAX_BYTES, runUrl: link })),
      );
    } catch (error) {
      // The summary file is the runner's; a full disk there must not lose the rest.
      writeFailures.push(
        `cannot write the job summary: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      );
    }
  }
  const token = options['github-token'];
  if (run && token) await publishToGitHub(report, options, runtime, run, token);

  for (const failure of writeFailures) runtime.fail(failure);
  if (ending) runtime.fail(ending.message, { annotated: ending.annotated });
  else if (verdictFailsStep(report.verdict, options['fail-on-inconclusive'] ?? true)) {
    runtime.fail(`${report.action}: ${report.verdict} — ${[report.headline, ...report.reasons].join('; ')}`);
  }
  return { writeFailures };
}

async function publishIssue(
  report: Report,
  issue: NonNullable<Report['issue']>,
  runtime: Runtime,
  run: GitHubRun,
  token: string,
): Promise<void> {
  const link = runUrl(run);
  const body = stripControls(
    renderMarkdown(report, { maxBytes: COMMENT_MAX_BYTES, maxRows: 20, runUrl: link }),
  );
  const state: TrackedState =
    issue.state === 'close'
      ? { kind: 'close', comment: `${issue.closeComment}${link ? ` ([run](${link}))` : ''}` }
      : { kind: issue.state, title: issue.title, body };
  try {
    const result = await trackIssue(token, run, `${report.action}:${issue.key}`, state);
    if (result.action !== 'none')
      runtime.info(`${result.action[0]!.toUpperCase()}${result.action.slice(1)} issue #${result.number}`);
  } catch (error) {
    // The issue is the nightly job's whole point: a token without 'issues: write' fails the step.
    runtime.fail(
      `Could not ${issue.state} the tracking issue: ${(error as Error).message}. The token needs 'issues: write'.`,
    );
  }
}

async function publishToGitHub(
  report: Report,
  options: ReportingOptions,
  runtime: Runtime,
  run: GitHubRun,
  token: string,
): Promise<void> {
  const link = runUrl(run);
  if (options.comment && run.pullRequest) {
    const body = stripControls(
      renderMarkdown(report, {
        maxBytes: COMMENT_MAX_BYTES,
        maxRows: 20,
        marker: commentMarker(report.action),
        runUrl: link,
      }),
    );
    try {
      const result = await upsertStickyComment(token, run, report.action, body);
      runtime.info(`${result.created ? 'Created' : 'Updated'} PR comment ${result.id}`);
    } catch (error) {
      runtime.warning(
        `Could not comment on PR #${run.pullRequest.number}: ${(error as Error).message}. The token needs 'pull-requests: write'; pull requests from forks get a read-only token.`,
      );
    }
  }
  if (report.issue) await publishIssue(report, report.issue, runtime, run, token);
  if (options['check-run']) {
    try {
      const summary = stripControls(
        renderMarkdown(report, { maxBytes: COMMENT_MAX_BYTES, maxRows: 20, runUrl: link }),
      );
      const result = await publishCheckRun(
        token,
        run,
        report,
        summary,
        options['fail-on-inconclusive'] ?? true,
      );
      runtime.info(`Published check run ${result.id} (${result.requests} requests)`);
    } catch (error) {
      runtime.warning(
        `Could not create a check run: ${(error as Error).message}. The token needs 'checks: write'.`,
      );
    }
  }
}
