import * as core from '@actions/core';
import type { Command } from './command';
import { formatUserError, isUserError } from './errors';
import { executeCommand } from './execute';
import type { InputSource } from './inputs';
import type { Runtime } from './publish';
import { commandText, logLines } from './safe-text';
import { setSecretSink } from './secrets';

// One log line per text line, none starting a workflow command, whatever the text holds.
const info = (text: string) => {
  for (const line of logLines(text)) core.info(line);
};

const actionsRuntime: Runtime = {
  info,
  warning: (line) => core.warning(commandText(line)),
  annotate: (f) => {
    const props = {
      title: f.title ? commandText(f.title) : f.ruleId,
      file: f.file,
      startLine: f.line,
      endLine: f.endLine,
      startColumn: f.column,
      endColumn: f.endColumn,
    };
    const message = commandText(f.message);
    if (f.level === 'error') core.error(message, props);
    else if (f.level === 'warning') core.warning(message, props);
    else core.notice(message, props);
  },
  setOutput: (name, value) => core.setOutput(name, value),
  summary: async (markdown) => {
    if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(markdown).write();
  },
  fail: (message, options) => {
    // Already shown as an annotation on its file: fail the step without a second error line.
    if (options?.annotated) process.exitCode = 1;
    else core.setFailed(commandText(message));
  },
};

/** The whole of an action's main.ts: inputs from the runner, run the command, publish. */
export async function runAction(
  command: Command,
  source: InputSource = (name) => core.getInput(name),
): Promise<void> {
  setSecretSink((value) => core.setSecret(value));
  try {
    await executeCommand(command, source, { runtime: actionsRuntime, log: info, env: process.env });
  } catch (error) {
    // Only bad inputs (before report-path is known) and failures to publish land here.
    if (isUserError(error)) core.setFailed(commandText(formatUserError(error)));
    else
      core.setFailed(
        `${command.name} crashed (a bug in llmops, please report it): ${(error as Error)?.stack ?? String(error)}`,
      );
  }
}
