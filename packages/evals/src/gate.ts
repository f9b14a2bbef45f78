// The quality gate's building blocks, for the action and for safety-tests to reuse.
export * from './suite/types';
export * from './suite/params';
export * from './suite/assertions';
export * from './suite/prompt-suite';
export * from './suite/eval-file';
export * from './suite/discover';
export * from './assert/detectors';
export * from './assert/check';
export * from './assert/judge';
export * from './run/run-cases';
export * from './score/types';
export * from './score/percentile';
export * from './score/aggregate';
export * from './shard/shard';
export * from './baseline/baseline';
export * from './quality-gate/index';
