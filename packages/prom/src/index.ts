export { independentSamples, loadChecks, parseChecks } from './checks';
export type { Check, NoDataPolicy } from './checks';
export { PromClient, PromError } from './client';
export type { PromApi, RangeSpec, Sample, Series } from './client';
export { ManualClock, realClock } from './clock';
export type { Clock } from './clock';
export {
  MEASUREMENT_COUNT,
  checkRunLength,
  measurementInputs,
  metricGateCommand,
  promClientFromInputs,
  runLengthProblem,
  runMetricGate,
} from './command';
export type { MetricGateInputs } from './command';
export { formatValue } from './format';
export { parseHeaders } from './headers';
export { measureChecks } from './measure';
export type { Limits, Measurement, RunOptions } from './measure';
export { PRESETS, PRESET_NAMES, matchers } from './presets';
export { median } from './stats/describe';
export { beyondTolerance } from './stats/judge';
export { normalCdf, normalQuantile } from './stats/normal';
export { twoProportion } from './stats/proportion';
export { rankSum } from './stats/rank-sum';
