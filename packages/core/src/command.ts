import { z } from 'zod';
import { readInputs, type InputSource } from './inputs';
import type { Report } from './report';

/** What a plan may use: files in the workspace and the environment, never the network. */
export interface PlanContext {
  /** Absolute path every input and config path resolves inside. */
  workspace: string;
  env: NodeJS.ProcessEnv;
  /** Progress lines for the log (not the report). */
  log: (line: string) => void;
}

export interface RunContext extends PlanContext {
  /** Aborted on cancellation (SIGINT/SIGTERM). */
  signal: AbortSignal;
}

/**
 * An action's whole behaviour in three stages. `plan` checks every input, file and glob with no
 * network (a bad value fails here, before any request or cluster read) and returns the settings;
 * `run` does the work; `report` builds the one Report every renderer reads.
 */
export interface CommandDefinition<S extends z.ZodObject, P, R> {
  name: string;
  inputs: S;
  /** Inputs whose values are secrets: masked before anything is logged. */
  secretInputs: readonly string[];
  /** Set when findings are code-scanning material. */
  sarifTool?: { name: string; informationUri: string };
  plan(inputs: z.output<S>, context: PlanContext): P | Promise<P>;
  run(plan: P, context: RunContext): Promise<R>;
  report(result: R, plan: P): Report;
}

/** The inputs every renderer and publisher reads, typed (each is optional: not every action has all). */
export const reportingOptions = z.object({
  'report-path': z.string().optional(),
  'sarif-path': z.string().optional(),
  'junit-path': z.string().optional(),
  comment: z.boolean().optional(),
  'check-run': z.boolean().optional(),
  'github-token': z.string().optional(),
  'fail-on-inconclusive': z.boolean().optional(),
});
export type ReportingOptions = z.infer<typeof reportingOptions>;

/** One invocation whose inputs parsed: how to report it, and its plan → run → report. */
export interface ParsedCommand {
  reporting: ReportingOptions;
  execute(context: RunContext): Promise<Report>;
}

/**
 * A command with its settings' types kept inside: what the action entry, the CLI and tests hold.
 * The GitHub Action, the CLI and tests all call this same object.
 */
export interface Command {
  name: string;
  inputs: z.ZodObject;
  secretInputs: readonly string[];
  sarifTool?: { name: string; informationUri: string };
  /** Parses the raw inputs with the command's schema; a bad one throws an `InputError` naming it. */
  read(source: InputSource): ParsedCommand;
}

export function defineCommand<S extends z.ZodObject, P, R>(definition: CommandDefinition<S, P, R>): Command {
  const { name, inputs: schema, secretInputs, sarifTool } = definition;
  return {
    name,
    inputs: schema,
    secretInputs,
    ...(sarifTool ? { sarifTool } : {}),
    read(source) {
      const inputs = readInputs(schema, source, secretInputs);
      return {
        reporting: reportingOptions.parse(inputs),
        async execute(context) {
          const plan = await definition.plan(inputs, context);
          return definition.report(await definition.run(plan, context), plan);
        },
      };
    },
  };
}
