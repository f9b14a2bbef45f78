export { checkAssertion } from './assert/check';
export { defaultDetectors } from './assert/detectors';
export { judgeOutcome, judgeRequest } from './assert/judge';
export { loadPromptFile } from './prompt-file/load';
export type { GateReport } from './quality-gate/action/report';
export { inShard, parseShard } from './shard/shard';
export { parseAssertion } from './suite/assertions';
export type { Assertion } from './suite/types';
