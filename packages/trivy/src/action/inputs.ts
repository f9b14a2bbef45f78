import { input, reportingInputs } from '@llmops/core';
import { z } from 'zod';
import { SEVERITIES, type Severity } from '../severity';

const SCANNERS = ['vuln', 'misconfig', 'secret', 'license'] as const;

/** A comma- or newline-separated list whose every item is one of `allowed` (case-insensitive). */
const listOf = <T extends string>(allowed: readonly T[], { required }: { required: boolean }) =>
  input.list().transform((items, ctx) => {
    const values = items.map((item) => item.toLowerCase());
    const known = allowed.map((a) => a.toLowerCase());
    const bad = values.find((value) => !known.includes(value));
    if (bad !== undefined || (required && values.length === 0)) {
      ctx.addIssue({ code: 'custom', message: `expected a comma-separated list of ${allowed.join(', ')}` });
      return z.NEVER;
    }
    return [...new Set(values.map((value) => allowed[known.indexOf(value)]!))];
  });

export const trivyWrapInputs = z.object({
  'scan-type': input.choice(['image', 'fs', 'config', 'repo']),
  target: input.optional().refine((target) => !target?.startsWith('-'), {
    message:
      "expected an image reference, path or URL; one starting with '-' reads as a flag (write ./-name for such a path)",
  }),
  'trivy-version': input.text(),
  'trivy-path': input.optional(),
  severity: listOf<Severity>(SEVERITIES, { required: true }),
  'ignore-unfixed': input.bool(),
  scanners: listOf(SCANNERS, { required: false }),
  allowlist: input.optional(),
  trivyignores: input.list(),
  'cache-dir': input.optional(),
  'skip-db-update': input.bool(),
  dockerfile: input.optional(),
  timeout: input.duration({ min: 1000 }),
  'sarif-path': input.optional(),
  ...reportingInputs,
});

export type TrivyWrapInputs = z.output<typeof trivyWrapInputs>;
