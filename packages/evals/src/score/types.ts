export type CaseStatus = 'pass' | 'fail' | 'error';

/** One case's result as reports keep it: enough to score, compare and merge without re-running. */
export interface CaseRecord {
  id: string;
  suite: string;
  file: string;
  line: number;
  name: string;
  weight: number;
  /** pass when every sample passed every assertion; error when any sample could not be decided. */
  status: CaseStatus;
  samples: number;
  passes: number;
  errors: number;
  /** Samples that passed / samples (errored samples count as not passing). */
  passRate: number;
  /** The last user message (what was asked). */
  input: string;
  expected?: string;
  /** First failing (or last) sample's answer, truncated. */
  output: string;
  /** Why it failed or errored, one line each. */
  reasons: string[];
  /** Timings of the samples answered in this run (cached samples are left out). */
  ttftMs: number[];
  tpotMs: number[];
  latencyMs: number[];
  /** Tokens of the model under test, sent this run (cached samples cost nothing). */
  promptTokens: number;
  completionTokens: number;
  /** Tokens of the judge's requests for this case, sent this run (absent in older reports). */
  judgePromptTokens?: number;
  judgeCompletionTokens?: number;
  /** Samples answered from the cache. */
  cached: number;
}

/** Thresholds the verdict is judged on (kept in the report so shard merges judge the same way). */
export interface GateSettings {
  minScore: number;
  maxRegression: number;
  sloTtftMs: number;
  sloLatencyMs: number;
  maxErrorRate: number;
  repeat: number;
  model: string;
  /** The judge model, for its cost estimate (absent in older reports and without judged assertions). */
  judgeModel?: string;
}

export interface BaselineCase {
  id: string;
  name: string;
  weight: number;
  status: CaseStatus;
  passRate: number;
}

export interface Flip {
  id: string;
  name: string;
  file: string;
  line: number;
  from: CaseStatus;
  to: CaseStatus;
}
