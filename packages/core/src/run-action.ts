import * as core from '@actions/core';
import type { AnyCommand } from './command';
import { formatUserError, isUserError } from './errors';
import { readInputs, type InputSource } from './inputs';
import { publish, type Runtime } from './publish';
import { registerSecret, setSecretSink } from './secrets';
import { workspaceRoot } from './workspace';

const actionsRuntime: Runtime = {
  info: (line) => core.info(line),
  warning: (line) => core.warning(line),
  annotate: (f) => {
    const props = {
      title: f.title ?? f.ruleId,
      file: f.file,
      startLine: f.line,
      endLine: f.endLine,
      startColumn: f.column,
      endColumn: f.endColumn,
    };
    if (f.level === 'error') core.error(f.message, props);
    else if (f.level === 'warning') core.warning(f.message, props);
    else core.notice(f.message, props);
  },
  setOutput: (name, value) => core.setOutput(name, value),
  summary: async (markdown) => {
    if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(markdown).write();
  },
  fail: (message) => core.setFailed(message),
};

/** The whole of an action's main.ts: inputs from the runner, run the command, publish. */
export async function runAction(
  command: AnyCommand,
  source: InputSource = (name) => core.getInput(name),
): Promise<void> {
  setSecretSink((value) => core.setSecret(value));
  const controller = new AbortController();
  const cancel = () => controller.abort(new Error('cancelled'));
  process.once('SIGINT', cancel);
  process.once('SIGTERM', cancel);
  try {
    for (const name of command.secretInputs) registerSecret(source(name));
    const inputs = readInputs(command.inputs, source, command.secretInputs);
    const workspace = workspaceRoot();
    const report = await command.run(inputs, {
      workspace,
      env: process.env,
      // One log line per text line, none starting a workflow command.
      log: (text) => {
        for (const line of text.split(/\r?\n/)) core.info(line.replace(/^(\s*)::/, '$1: :'));
      },
      signal: controller.signal,
    });
    await publish(report, command, inputs, actionsRuntime, workspace);
  } catch (error) {
    if (isUserError(error) && error.file) {
      // One annotation, on the file it is about, and a failed step.
      core.error(error.message, {
        title: `${command.name}: error`,
        file: error.file,
        startLine: error.line,
        startColumn: error.column,
      });
      process.exitCode = 1;
    } else if (isUserError(error)) {
      core.setFailed(formatUserError(error));
    } else {
      core.setFailed(
        `${command.name} crashed (a bug in llmops, please report it): ${(error as Error)?.stack ?? String(error)}`,
      );
    }
  } finally {
    process.off('SIGINT', cancel);
    process.off('SIGTERM', cancel);
  }
}
