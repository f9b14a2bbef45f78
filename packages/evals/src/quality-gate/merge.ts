import { findWorkspaceFiles, toWorkspacePath, UserError } from '@llmops/core';
import type { BaselineCase, CaseRecord, GateSettings } from '../score/types';
import { readShardReport } from './read-report';
import type { GateData } from './action/report';

/**
 * Combine the JSON reports of shard jobs into the data of one report and one verdict, judged with the
 * thresholds the shards ran with. Reports must agree on model, thresholds and repeat, and each
 * shard must come once: a re-run job that uploaded its report twice is an error, not a double count.
 */
export async function mergeGateReports(
  workspace: string,
  patterns: string[],
  log: (line: string) => void,
): Promise<GateData> {
  const files = (await findWorkspaceFiles(workspace, patterns, { input: 'merge-reports' })).map((f) =>
    toWorkspacePath(workspace, f),
  );
  if (files.length === 0)
    throw new UserError(`input 'merge-reports' matched no files in the workspace: ${patterns.join(', ')}`);
  const cases = new Map<string, CaseRecord>();
  const baseline = new Map<string, BaselineCase>();
  let merged: GateData | undefined;
  let baselineSource: string | undefined;
  const shardFiles = new Map<string, string>();
  for (const file of files) {
    const data = readShardReport(workspace, file);
    if (merged && !sameSettings(merged.settings, data.settings)) {
      throw new UserError(
        `shard reports ran with different settings: ${files[0]} has ${describe(merged.settings)}, ${file} has ${describe(data.settings)}`,
      );
    }
    for (const shard of data.shards) {
      const first = shardFiles.get(shard);
      if (first)
        throw new UserError(
          `shard ${shard} appears in two reports (${first} and ${file}): keep one report per shard`,
        );
      shardFiles.set(shard, file);
    }
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
    for (const s of data.shards) merged.shards.push(s);
    for (const note of data.notes) if (!merged.notes.includes(note)) merged.notes.push(note);
  }
  checkAllShards(merged!.shards);
  log(`merged ${files.length} reports: ${cases.size} cases`);
  return {
    ...merged!,
    cases: [...cases.values()],
    baseline: baselineSource ? { source: baselineSource, cases: [...baseline.values()] } : undefined,
  };
}

const SETTINGS: Array<keyof GateSettings> = [
  'model',
  'repeat',
  'minScore',
  'maxRegression',
  'sloTtftMs',
  'sloLatencyMs',
  'maxErrorRate',
];

function sameSettings(a: GateSettings, b: GateSettings): boolean {
  return SETTINGS.every((k) => a[k] === b[k]);
}

function describe(s: GateSettings): string {
  return SETTINGS.map((k) => `${k} ${s[k]}`).join(', ');
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
