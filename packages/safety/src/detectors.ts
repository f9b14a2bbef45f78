// The measured detectors on their own, for other packages (the quality gate's `refusal`,
// `not-refusal` and `no-pii` assertions) without the probe packs and the action.
export { detectRefusal, type RefusalOptions, type RefusalResult } from './refusal';
export { findPii, redactPii, type PiiKind, type PiiMatch } from './pii';
