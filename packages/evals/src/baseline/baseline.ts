import { readBaselineCases } from '../quality-gate/read-report';
import type { BaselineCase } from '../score/types';
import { loadSuiteFile, refReader } from '../suite/discover';
import type { EvalCase } from '../suite/types';

/** A baseline keeps what a comparison needs of each case (a full record, or a baseline case). */
export function toBaseline(records: readonly BaselineCase[]): BaselineCase[] {
  return records.map((r) => ({
    id: r.id,
    name: r.name,
    weight: r.weight,
    status: r.status,
    passRate: r.passRate,
  }));
}

/**
 * What makes two versions of a case the same question judged the same way: everything but where
 * it is written (id, file, line, name, suite; an assertion's line and label) and the compiled
 * pattern and schema. Listing what to leave out, not what to keep, so a new field counts by default.
 */
export function caseFingerprint(c: EvalCase): string {
  const { id: _id, file: _file, line: _line, name: _name, suite: _suite, assertions, ...rest } = c;
  return JSON.stringify(
    canonical({
      ...rest,
      assertions: assertions.map(({ line: _l, label: _lb, pattern: _p, validate: _v, ...a }) => a),
    }),
  );
}

/** Keys sorted at every level, so key order in a file does not count as a change. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  return value;
}

export interface BaseRefPlan {
  /** Base-branch cases that differ from the PR's: they need their own requests. */
  changed: EvalCase[];
  /** Ids of base cases identical to a PR case: their result is the PR case's. */
  same: string[];
  notes: string[];
}

/**
 * The base branch's version of every suite file, as cases: identical cases reuse the PR's
 * results, the rest run in the same job (the response cache makes repeats free).
 */
export async function planBaseRef(
  files: string[],
  headCases: readonly EvalCase[],
  workspace: string,
  ref: string,
  keep: (c: EvalCase) => boolean,
): Promise<BaseRefPlan> {
  const head = new Map(headCases.map((c) => [c.id, caseFingerprint(c)]));
  const reader = refReader(workspace, ref);
  const plan: BaseRefPlan = { changed: [], same: [], notes: [] };
  for (const file of files) {
    const loaded = await loadSuiteFile(file, reader);
    if (!loaded.exists) continue;
    if (loaded.problems.length) {
      plan.notes.push(
        `${file} does not load on the base branch (${loaded.problems[0]!.message}): no baseline for it`,
      );
      continue;
    }
    for (const c of loaded.cases.filter(keep)) {
      if (head.get(c.id) === caseFingerprint(c)) plan.same.push(c.id);
      else plan.changed.push(c);
    }
  }
  return plan;
}

/** Baseline cases from an earlier JSON report of this action. */
export async function readBaselineReport(
  workspace: string,
  file: string,
  keep: (id: string) => boolean,
): Promise<{ cases: BaselineCase[] }> {
  const cases = readBaselineCases(workspace, file);
  return { cases: toBaseline(cases.filter((c) => keep(c.id))) };
}
