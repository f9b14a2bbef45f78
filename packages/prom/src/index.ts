export { independentSamples, loadChecks, parseChecks } from './checks';
export type { Check, NoDataPolicy } from './checks';
export { PromClient, PromError } from './client';
export type { PromApi, PromClientOptions, RangeSpec, Sample, Series } from './client';
export { ManualClock, realClock } from './clock';
export type { Clock } from './clock';
export { metricGateCommand } from './action/command';
export {
  MEASUREMENT_COUNT,
  checkRunLength,
  measurementInputs,
  promConnection,
  runLengthProblem,
} from './action/inputs';
export type { MetricGateInputs } from './action/inputs';
export { planMetricGate } from './action/plan';
export { buildReport } from './action/report';
export { runMetricGate } from './action/run';
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
