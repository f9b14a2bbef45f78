import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Evaluator, Lexer, Parser, data } from '@actions/expressions';
import type { FunctionDefinition } from '@actions/expressions/funcs/info';
import { truthy } from '@actions/expressions/result';
import { globSync } from 'tinyglobby';

// `${{ }}` expressions and `if:` conditions, evaluated by GitHub's own expression library
// (@actions/expressions); the job-status functions and hashFiles are the runner's, so they are ours.

/** The named contexts an expression may read: github, env, vars, secrets, needs, steps, inputs, … */
export type Contexts = Record<string, unknown>;

/**
 * What the status functions answer. In a step: whether an earlier step failed. In a job's `if:`:
 * success() is every needed job succeeded, failure() is one of them (or theirs) failed.
 */
export interface Status {
  success: boolean;
  failure: boolean;
}

export interface Scope {
  contexts: Contexts;
  status: Status;
  /** Where hashFiles() looks (the job's workspace). */
  workspace?: string;
}

const STATUS_FUNCTIONS = ['success', 'failure', 'always', 'cancelled'];

function functions(scope: Scope): Map<string, FunctionDefinition> {
  const status = (name: string, call: () => boolean): [string, FunctionDefinition] => [
    name,
    { name, minArgs: 0, maxArgs: 0, call: () => new data.BooleanData(call()) },
  ];
  return new Map([
    status('success', () => scope.status.success),
    status('failure', () => scope.status.failure),
    status('always', () => true),
    // Nothing cancels a run here.
    status('cancelled', () => false),
    [
      'hashfiles',
      {
        name: 'hashFiles',
        minArgs: 1,
        maxArgs: 255,
        call: (...patterns) => new data.StringData(hashFiles(scope.workspace, patterns.map(String))),
      },
    ],
  ]);
}

/** The runner's hashFiles: SHA-256 over the matching files' hashes, '' when nothing matches. */
function hashFiles(workspace: string | undefined, patterns: string[]): string {
  if (!workspace) throw new Error('hashFiles() needs a workspace');
  const files = globSync(
    patterns.map((p) => p.replace(/^!?\.\//, '')),
    { cwd: workspace, dot: true },
  ).sort();
  if (files.length === 0) return '';
  const all = createHash('sha256');
  for (const file of files)
    all.update(
      createHash('sha256')
        .update(readFileSync(path.join(workspace, file)))
        .digest(),
    );
  return all.digest('hex');
}

/** Evaluate one expression (the text between `${{` and `}}`). */
export function evaluate(expression: string, scope: Scope): data.ExpressionData {
  const lexed = new Lexer(expression).lex();
  const fns = functions(scope);
  const parsed = new Parser(
    lexed.tokens,
    Object.keys(scope.contexts),
    [...fns.values()].map(({ name, minArgs, maxArgs }) => ({ name, minArgs, maxArgs })),
  ).parse();
  const contexts = JSON.parse(JSON.stringify(scope.contexts), data.reviver) as data.Dictionary;
  return new Evaluator(parsed, contexts, fns).evaluate();
}

/** A string with its `${{ }}` parts replaced by their values, as the runner expands `with:`, `env:` and `run:`. */
export function interpolate(text: string, scope: Scope): string {
  return text.replace(/\$\{\{([\s\S]*?)\}\}/g, (_, expression: string) =>
    evaluate(expression, scope).coerceString(),
  );
}

/**
 * An `if:` condition: with or without `${{ }}`, and `success() && (…)` implied unless the
 * condition calls a status function itself.
 */
export function condition(text: string | boolean | undefined, scope: Scope): boolean {
  if (typeof text === 'boolean') return text && evaluateStatus('success()', scope);
  const trimmed = (text ?? '').trim();
  const whole = /^\$\{\{([\s\S]*)\}\}$/.exec(trimmed);
  const expression = whole ? whole[1]!.trim() : trimmed;
  if (!expression) return evaluateStatus('success()', scope);
  const callsStatus = new RegExp(`\\b(${STATUS_FUNCTIONS.join('|')})\\s*\\(`, 'i').test(expression);
  return truthy(evaluate(callsStatus ? expression : `success() && (${expression})`, scope));
}

const evaluateStatus = (expression: string, scope: Scope) => truthy(evaluate(expression, scope));
