import { realpathSync } from 'node:fs';
import path from 'node:path';
import { INIT_HELP, InitUsageError, parseInitArgs } from './args';
import { runInit } from './init';
import { findTemplatesRoot } from './repo';

/** `llmops init ...` from the command line: exit code 0, 1 or 2 (see runInit). */
export async function initMain(argv: readonly string[]): Promise<number> {
  const print = (line: string) => process.stdout.write(`${line}\n`);
  let args;
  try {
    args = parseInitArgs(argv);
  } catch (error) {
    if (!(error instanceof InitUsageError)) throw error;
    process.stderr.write(`llmops init: ${error.message}\n`);
    return 2;
  }
  if (args.help) {
    print(INIT_HELP.trimEnd());
    return 0;
  }
  // The templates ship beside the CLI (dist/cli/index.js in the llmops checkout).
  const script = process.argv[1] ? path.dirname(realpathSync(process.argv[1])) : process.cwd();
  const llmopsRoot = findTemplatesRoot(script);
  if (!llmopsRoot) throw new Error(`workflows-templates/ not found above ${script}`);
  return runInit(args, {
    cwd: process.cwd(),
    llmopsRoot,
    print,
    fail: (line) => process.stderr.write(`${line}\n`),
  });
}
