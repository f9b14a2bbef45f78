import { readFile } from 'node:fs/promises';
import { UserError } from '@llmops/core';
import { glob } from 'tinyglobby';
import type { BaselineCase, CaseRecord } from '../score/types';
import { buildGateReport, type GateData, type GateReport } from './report';

/**
 * Combine the JSON reports of shard jobs into one report and one verdict, judged with the
 * thresholds the shards ran with. A case present in two reports counts once.
 */
export async function mergeGateReports(
  workspace: string,
  patterns: string[],
  log: (line: string) => void,
): Promise<GateReport> {
  const files = (await glob(patterns, { cwd: workspace, absolute: true })).sort();
  if (files.length === 0)
    throw new UserError(`input 'merge-reports' matched no files: ${patterns.join(', ')}`);
  const cases = new Map<string, CaseRecord>();
  const baseline = new Map<string, BaselineCase>();
  let merged: GateData | undefined;
  let baselineSource: string | undefined;
  for (const file of files) {
    let report: { action?: string; data?: GateData };
    try {
      report = JSON.parse(await readFile(file, 'utf8'));
    } catch (error) {
      throw new UserError(`cannot read shard report ${file}: ${(error as Error).message}`);
    }
    if (report.action !== 'llm-quality-gate' || !report.data?.cases)
      throw new UserError(`${file} is not an llm-quality-gate report`);
    const data = report.data;
    merged ??= {
      ...data,
      cases: [],
      baseline: undefined,
      totals: { requests: 0, cacheHits: 0 },
      shards: [],
      notes: [],
    };
    for (const c of data.cases) cases.set(c.id, c);
    if (data.baseline) {
      baselineSource ??= data.baseline.source;
      for (const b of data.baseline.cases) baseline.set(b.id, b);
    }
    merged.totals.requests += data.totals.requests;
    merged.totals.cacheHits += data.totals.cacheHits;
    merged.shards.push(...data.shards);
    for (const note of data.notes) if (!merged.notes.includes(note)) merged.notes.push(note);
  }
  checkAllShards(merged!.shards);
  log(`merged ${files.length} reports: ${cases.size} cases`);
  return buildGateReport({
    ...merged!,
    cases: [...cases.values()],
    baseline: baselineSource ? { source: baselineSource, cases: [...baseline.values()] } : undefined,
  });
}

/** A lost shard job must fail the merge, not shrink the verdict to fewer cases. */
function checkAllShards(shards: string[]): void {
  if (shards.length === 0) return;
  const parsed = shards.map((s) => s.split('/').map(Number) as [number, number]);
  const counts = new Set(parsed.map(([, n]) => n));
  if (counts.size > 1) throw new UserError(`shard reports come from different splits: ${shards.join(', ')}`);
  const [count] = counts;
  const have = new Set(parsed.map(([i]) => i));
  const missing = Array.from({ length: count! }, (_, i) => i + 1).filter((i) => !have.has(i));
  if (missing.length) {
    throw new UserError(
      `shard reports are incomplete: missing ${missing.map((i) => `${i}/${count}`).join(', ')} (have ${[...new Set(shards)].join(', ')})`,
    );
  }
}
