import type { Command, ParsedCommand, ReportingOptions } from './command';
import { formatUserError, InputError, isUserError } from './errors';
import type { InputSource } from './inputs';
import { publish, type Runtime } from './publish';
import type { Finding, Report } from './report';
import { registerSecret } from './secrets';
import { verdictFailsStep, type Verdict } from './verdict';
import { workspaceRoot } from './workspace';

/** Where a command runs: the Actions runner or a terminal. */
export interface Host {
  runtime: Runtime;
  /** Progress lines from the command (already safe to print: the host splits and cleans them). */
  log: (line: string) => void;
  /** Environment for the GitHub context (the CLI passes none: it never comments). */
  env: NodeJS.ProcessEnv;
  /** Reporting options forced by the host (the CLI turns comments off). */
  overrides?: ReportingOptions;
}

export interface Execution {
  report: Report;
  /** Set when the run ended early (an error, a crash, a cancellation): the one line saying why. */
  error?: string;
  cancelled: boolean;
  /** The run ended on a bad input found only once it started (a step of `steps`): usage, exit 2 in the CLI. */
  badInput: boolean;
  /** Whether the step fails: the verdict, an early ending, or a report that could not be written. */
  failed: boolean;
}

// After SIGTERM/SIGINT the runner waits a few seconds before it kills the process: the report
// must be out by then, even if a request or a loop ignores the abort.
const CANCEL_DEADLINE_MS = 7_000;
// A run that honours the abort (a canary that sets its weight to 0 first) ends with its own report,
// which says more than "cancelled"; one that does not is cut off after this.
const CANCEL_GRACE_MS = 4_000;

class Cancelled extends Error {
  constructor(signal: string) {
    super(`cancelled (${signal})`);
  }
}

/** The report of a run that ended before its verdict: never a pass, and it says why. */
export function endingReport(
  action: string,
  verdict: Exclude<Verdict, 'pass'>,
  headline: string,
  reason: string,
  location?: { file?: string; line?: number; column?: number },
): Report {
  const findings: Finding[] = location?.file
    ? [{ ruleId: 'llmops/error', level: 'error', message: reason, ...location, title: `${action}: error` }]
    : [];
  return { action, verdict, headline, reasons: [reason], metrics: [], tables: [], findings, outputs: {} };
}

/**
 * A bad input ends the run before its options are known. A report an earlier run left at
 * `report-path` must still not pass for this one's: write this run's (`fail`, the input's line) in
 * its place, with the `verdict` output and the summary. The host prints the error itself; when
 * `report-path` is itself the bad input, that line is all there is.
 */
async function reportBadInput(
  command: Command,
  source: InputSource,
  error: InputError,
  host: Host,
  workspace: string,
): Promise<void> {
  const report = endingReport(command.name, 'fail', 'bad input: stopped before any work', error.message);
  const quiet: Runtime = { ...host.runtime, fail: () => {} };
  const options: ReportingOptions = { 'report-path': source('report-path')?.trim() ?? '', comment: false };
  try {
    await publish(report, command, options, quiet, workspace, {});
  } catch {
    // Nothing more to say than the input's own error line.
  }
}

/**
 * Parse inputs, then plan, run and report the command, and publish the report: the action entry and the CLI both run
 * this. Once the inputs parse (so `report-path` is known) every ending — a verdict, a bad file,
 * an unreachable endpoint, a crash, a cancellation — writes the report, the summary and the
 * `verdict` output. Bad inputs throw an `InputError` before anything is written.
 */
export async function executeCommand(command: Command, source: InputSource, host: Host): Promise<Execution> {
  for (const name of command.secretInputs) registerSecret(source(name));
  const workspace = workspaceRoot();
  let parsed: ParsedCommand;
  try {
    parsed = command.read(source);
  } catch (error) {
    if (error instanceof InputError) await reportBadInput(command, source, error, host, workspace);
    throw error;
  }
  const controller = new AbortController();
  let onCancel: (reason: Cancelled) => void = () => {};
  const cancelled = new Promise<never>((_, reject) => (onCancel = reject));
  cancelled.catch(() => {});
  let grace: NodeJS.Timeout | undefined;
  const stop = (signal: NodeJS.Signals) => {
    if (controller.signal.aborted) process.exit(1); // a second signal: stop now
    const reason = new Cancelled(signal);
    controller.abort(reason);
    grace = setTimeout(() => onCancel(reason), CANCEL_GRACE_MS);
    setTimeout(() => process.exit(1), CANCEL_DEADLINE_MS).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  let report: Report;
  let error: string | undefined;
  let annotated = false;
  let badInput = false;
  try {
    report = await Promise.race([
      parsed.execute({ workspace, env: process.env, log: host.log, signal: controller.signal }),
      cancelled,
    ]);
  } catch (thrown) {
    clearTimeout(grace);
    // A request aborted by the cancellation throws its own error: the cancellation is the reason.
    const why = controller.signal.aborted ? controller.signal.reason : thrown;
    if (why instanceof Cancelled) {
      error = `${command.name}: ${why.message}: stopped before a verdict`;
      report = endingReport(command.name, 'inconclusive', 'cancelled', why.message);
    } else if (isUserError(why)) {
      error = formatUserError(why);
      report = endingReport(command.name, 'fail', 'stopped before a verdict', why.message, {
        file: why.file,
        line: why.line,
        column: why.column,
      });
      annotated = Boolean(why.file);
      badInput = why instanceof InputError;
    } else {
      const message = (why as Error)?.message ?? String(why);
      host.log((why as Error)?.stack ?? message);
      error = `${command.name} crashed (a bug in llmops, please report it): ${message}`;
      report = endingReport(command.name, 'fail', 'crashed (a bug in llmops, please report it)', message);
    }
  }
  clearTimeout(grace);
  if (error === undefined && controller.signal.reason instanceof Cancelled) {
    // The run honoured the abort and reported what it did: keep that, but a cancelled run has no
    // verdict of its own.
    const why = controller.signal.reason;
    error = `${command.name}: ${why.message}: ${report.headline}`;
    report = { ...report, verdict: 'inconclusive', reasons: [why.message, ...report.reasons] };
  }
  const options: ReportingOptions = {
    ...parsed.reporting,
    ...host.overrides,
    // An early ending fails the step even with fail-on-inconclusive: false.
    ...(error ? { 'fail-on-inconclusive': true } : {}),
  };
  const ending = error === undefined ? undefined : { message: error, annotated };
  let writeFailures: string[];
  try {
    ({ writeFailures } = await publish(report, command, options, host.runtime, workspace, host.env, ending));
  } finally {
    // Kept until the report is out: a signal while publishing still gets the deadline.
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
  const verdictFails = verdictFailsStep(report.verdict, options['fail-on-inconclusive'] !== false);
  const wasCancelled = controller.signal.aborted;
  // Something (a stalled socket, a timer) may still hold the event loop after a cancellation.
  if (wasCancelled) setTimeout(() => process.exit(), 100).unref();
  return {
    report,
    error,
    cancelled: wasCancelled,
    badInput,
    failed: Boolean(error) || verdictFails || writeFailures.length > 0,
  };
}
