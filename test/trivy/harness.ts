import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readInputs, type Report } from '@llmops/core';
import { trivyWrapCommand } from '@llmops/trivy';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { repoRoot } from '../helpers/run-bundle';

const spec = parse(readFileSync(path.join(repoRoot, 'actions/trivy-wrap/action.yml'), 'utf8')) as {
  inputs: Record<string, { default?: unknown }>;
};

/** Run trivy-wrap in-process as the runner would: action.yml defaults, then the given inputs. */
export async function runTrivyWrap(
  inputs: Record<string, string>,
  options: { workspace: string; env?: Record<string, string> },
): Promise<{ report: Report; log: string[] }> {
  const parsed = readInputs(
    trivyWrapCommand.inputs,
    (name) => inputs[name] ?? String(spec.inputs[name]?.default ?? ''),
  );
  const log: string[] = [];
  const report = await trivyWrapCommand.run(parsed, {
    workspace: options.workspace,
    env: { PATH: process.env.PATH ?? '', ...options.env },
    log: (line) => log.push(line),
    signal: new AbortController().signal,
  });
  return { report, log };
}

// The SARIF 2.1.0 JSON schema as Microsoft's SARIF package ships it (draft-04: `id` for `$id`,
// which is the only draft-04 feature it uses, so Ajv's default draft reads it once renamed).
const schema = JSON.parse(
  readFileSync(
    path.join(repoRoot, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'),
    'utf8',
  ),
) as Record<string, unknown>;
const { id, ...draft07 } = schema;
delete draft07.$schema;
const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
(addFormats as unknown as { default: typeof addFormats }).default(ajv);
const validate = ajv.compile({ ...draft07, $id: id as string });

/** Schema errors of a SARIF log (empty when valid). */
export function sarifSchemaErrors(log: unknown): string[] {
  return validate(log) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}
