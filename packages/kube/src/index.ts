export type { Analysis, AnalysisOptions, AnalysisResult } from './analysis';
export { ClientKube, KubeError, loadKubeConfig, namespaceOf } from './client';
export { canaryStepCommand, canaryStepInputs, canaryStepPostCommand, runCanaryStep } from './command';
export { buildReport } from './report';
export type { RolloutResult } from './rollout';
export { STATE_ANNOTATION } from './state';
export type { RolloutState } from './state';
export { canaryLabels } from './workload';
