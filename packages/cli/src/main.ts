#!/usr/bin/env node
// `llmops <command> --<input> value ...`: any action, locally, with the action's own inputs.
// Exit codes: 0 pass, 1 fail/inconclusive or a run error, 2 bad usage.
import {
  executeCommand,
  formatUserError,
  InputError,
  isUserError,
  logLines,
  redactSecrets,
  renderText,
  type Command,
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
  const init = `  ${'init'.padEnd(width)}  Scaffold llmops in this repository: starter workflows, a first suite, Dockerfile, manifests.`;
  return `Usage: llmops <command> [--<input> <value> ...]\n\nCommands:\n${list.join('\n')}\n${init}\n\nRun 'llmops <command> --help' for a command's inputs.\n`;
}

function commandHelp(name: string, spec: ActionSpec): string {
  const inputs = Object.entries(spec.inputs).map(([input, s]) => {
    const def = s.default ? ` (default: ${s.default.replace(/\n/g, ', ')})` : s.required ? ' (required)' : '';
    return `  --${input}\n      ${s.description.replace(/\s+/g, ' ').trim()}${def}`;
  });
  return `Usage: llmops ${name} [--<input> <value> ...]\n\n${spec.description}\n\nInputs:\n${inputs.join('\n')}\n`;
}

/** Whether the command's schema reads an input as true/false: only those may be bare flags. */
export function booleanInputs(command: Command): (name: string) => boolean {
  return (name) => {
    const schema = command.inputs.shape[name] as
      { safeParse(v: string): { success: boolean; data?: unknown } } | undefined;
    if (!schema) return false;
    const yes = schema.safeParse('true');
    const no = schema.safeParse('false');
    return (
      yes.success && no.success && yes.data === true && no.data === false && !schema.safeParse('x').success
    );
  };
}

/**
 * `--name value`, `--name=value`, and a bare `--flag` for true where the input is a boolean. A
 * flag with no value (last, or followed by another `--flag`) is a usage error, never "true".
 */
export function parseFlags(
  args: string[],
  spec: ActionSpec,
  isBoolean: (name: string) => boolean = () => false,
): Record<string, string> {
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
      if (next !== undefined && !next.startsWith('--')) value = (i++, next);
      else if (isBoolean(name)) value = 'true';
      else throw new UsageError(`flag '--${name}' needs a value: --${name} <value> or --${name}=<value>`);
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
  // Not an action (no inputs, no report): a command of its own.
  if (name === 'init') return (await import('./init/cli')).initMain(args);
  const spec = Object.hasOwn(manifest, name) ? manifest[name] : undefined;
  const load = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!spec || !load)
    throw new UsageError(`unknown command '${name}'; commands are: ${Object.keys(commands).join(', ')}`);
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(commandHelp(name, spec));
    return 0;
  }
  const command = await load();
  const flags = parseFlags(args, spec, booleanInputs(command));
  const source = (input: string) => flags[input] ?? spec.inputs[input]?.default ?? '';
  // A terminal runs escape sequences: outside text is printed as clean lines, secrets redacted.
  const log = (text: string) => {
    for (const line of logLines(redactSecrets(text))) process.stderr.write(`${line}\n`);
  };
  const runtime: Runtime = {
    info: log,
    warning: (line) => log(`warning: ${line}`),
    annotate: () => {}, // findings are printed with the report
    setOutput: () => {},
    fail: (message) => log(`llmops: ${message}`),
  };
  // No GitHub context locally: the CLI writes files and prints, it does not comment.
  const result = await executeCommand(command, source, {
    runtime,
    log,
    env: {},
    overrides: { comment: false },
  });
  process.stdout.write(logLines(redactSecrets(renderText(result.report))).join('\n'));
  return result.badInput ? 2 : result.failed ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    if (error instanceof UsageError || error instanceof InputError) {
      process.stderr.write(`llmops: ${logLines(redactSecrets(error.message)).join(' ')}\n`);
      process.exitCode = 2;
    } else if (isUserError(error)) {
      process.stderr.write(`llmops: error: ${logLines(redactSecrets(formatUserError(error))).join(' ')}\n`);
      process.exitCode = 1;
    } else {
      process.stderr.write(
        `llmops: crashed (a bug, please report it): ${redactSecrets((error as Error)?.stack ?? String(error))}\n`,
      );
      process.exitCode = 1;
    }
  },
);
