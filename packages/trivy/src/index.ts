export { loadAllowlist } from './allowlist';
export { trivyWrapCommand } from './action/command';
export { bySeverity } from './findings';
export type { ScanFinding } from './findings';
export { DOWNLOAD_BASE_ENV, INSTALL_MARKER, installTrivy } from './install';
export { PINNED_SUMS, PINNED_TRIVY_VERSION, assetName } from './pinned';
export { buildReport, toFinding } from './action/report';
export { parseTrivyReport } from './schema';
export { gatedSeverities } from './severity';
