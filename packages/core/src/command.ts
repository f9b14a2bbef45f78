import type { z } from 'zod';
import type { Report } from './report';

export interface RunContext {
  /** Absolute path every input and config path resolves inside. */
  workspace: string;
  env: NodeJS.ProcessEnv;
  /** Progress lines for the log (not the report). */
  log: (line: string) => void;
  /** Aborted on cancellation (SIGINT/SIGTERM). */
  signal: AbortSignal;
}

/**
 * An action's whole behaviour as a plain object: the inputs it parses and the run that turns them
 * into a report. The GitHub Action, the CLI and tests all call this same object.
 */
export interface Command<S extends z.ZodObject = z.ZodObject> {
  name: string;
  inputs: S;
  /** Inputs whose values are secrets: masked before anything is logged. */
  secretInputs: readonly string[];
  run(inputs: z.output<S>, context: RunContext): Promise<Report>;
  /** Set when findings are code-scanning material. */
  sarifTool?: { name: string; informationUri: string };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyCommand = Command<any>;
