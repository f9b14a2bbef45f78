#!/usr/bin/env node
// `llmops <command> --<input> value ...`: any action, locally, with the action's own inputs.
// Exit codes: 0 pass, 1 fail/inconclusive or a run error, 2 bad usage.
import {
  formatUserError,
  InputError,
  isUserError,
  publish,
  readInputs,
  redactSecrets,
  registerSecret,
  renderText,
  verdictFailsStep,
  workspaceRoot,
  type Runtime,
} from '@llmops/core';
import { commands } from './commands';
import { manifest, type ActionSpec } from './manifest.generated';

class UsageError extends Error {}

function help(): string {
  const width = Object.keys(manifest).reduce((w, n) => Math.max(w, n.length), 0);
  const list = Object.entries(manifest)
    .filter(([name]) => commands[name])
    .map(([name, spec]) => `  ${name.padEnd(width)}  ${spec.description}`);
  return `Usage: llmops <command> [--<input> <value> ...]\n\nCommands:\n${list.join('\n')}\n\nRun 'llmops <command> --help' for a command's inputs.\n`;
}

function commandHelp(name: string, spec: ActionSpec): string {
  const inputs = Object.entries(spec.inputs).map(([input, s]) => {
    const def = s.default ? ` (default: ${s.default.replace(/\n/g, ', ')})` : s.required ? ' (required)' : '';
    return `  --${input}\n      ${s.description.replace(/\s+/g, ' ').trim()}${def}`;
  });
  return `Usage: llmops ${name} [--<input> <value> ...]\n\n${spec.description}\n\nInputs:\n${inputs.join('\n')}\n`;
}

/** `--name value`, `--name=value`, and a bare `--flag` for true. */
export function parseFlags(args: string[], spec: ActionSpec): Record<string, string> {
  const flags: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--'))
      throw new UsageError(`unexpected argument '${arg}': inputs are given as --<input> <value>`);
    const [name, inline] = arg.slice(2).split(/=(.*)/s) as [string, string | undefined];
    let value = inline;
    if (!Object.hasOwn(spec.inputs, name)) {
      throw new UsageError(`unknown input '--${name}'; inputs are: ${Object.keys(spec.inputs).join(', ')}`);
    }
    if (value === undefined) {
      const next = args[i + 1];
      value = next === undefined || next.startsWith('--') ? 'true' : (i++, next);
    }
    flags[name] = flags[name] ? `${flags[name]}\n${value}` : value;
  }
  return flags;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(help());
    return name ? 0 : 2;
  }
  const spec = Object.hasOwn(manifest, name) ? manifest[name] : undefined;
  const load = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!spec || !load)
    throw new UsageError(`unknown command '${name}'; commands are: ${Object.keys(commands).join(', ')}`);
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(commandHelp(name, spec));
    return 0;
  }
  const flags = parseFlags(args, spec);
  const source = (input: string) => flags[input] ?? spec.inputs[input]?.default ?? '';
  const command = await load();
  for (const secret of command.secretInputs) registerSecret(source(secret));
  const inputs = readInputs(command.inputs, source, command.secretInputs);
  const workspace = workspaceRoot();
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort(new Error('cancelled')));
  const log = (line: string) => process.stderr.write(`${redactSecrets(line)}\n`);
  const report = await command.run(inputs, { workspace, env: process.env, log, signal: controller.signal });
  const runtime: Runtime = {
    info: log,
    warning: (line) => log(`warning: ${line}`),
    annotate: () => {}, // findings are printed with the report
    setOutput: () => {},
    fail: () => {},
  };
  // No GitHub context locally: the CLI writes files and prints, it does not comment.
  await publish(report, command, { ...inputs, comment: false }, runtime, workspace, {});
  process.stdout.write(redactSecrets(renderText(report)));
  const failOnInconclusive = (inputs as { 'fail-on-inconclusive'?: boolean })['fail-on-inconclusive'] ?? true;
  return verdictFailsStep(report.verdict, failOnInconclusive) ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    if (error instanceof UsageError || error instanceof InputError) {
      process.stderr.write(`llmops: ${redactSecrets(error.message)}\n`);
      process.exitCode = 2;
    } else if (isUserError(error)) {
      process.stderr.write(`llmops: error: ${redactSecrets(formatUserError(error))}\n`);
      process.exitCode = 1;
    } else {
      process.stderr.write(
        `llmops: crashed (a bug, please report it): ${redactSecrets((error as Error)?.stack ?? String(error))}\n`,
      );
      process.exitCode = 1;
    }
  },
);
