export { defineCommand } from './command';
export type { Command, PlanContext, RunContext } from './command';
export {
  MAX_TIMER_MS,
  durationProblem,
  formatDuration,
  parseDuration,
  totalDurationProblem,
} from './duration';
export { InputError, UserError, formatUserError, isUserError } from './errors';
export { escapeMarkdown, truncate } from './escape';
export { executeCommand } from './execute';
export { findWorkspaceFiles, readWorkspaceFile, readWorkspaceJson, writeOutputFile } from './files';
export { changedFilesSince, defaultBaseRef, gitTopLevel, readFileAtRef, resolveBaseRef } from './git';
export { readGitHubRun, runUrl } from './github/context';
export { trackIssue } from './github/tracking-issue';
export type { TrackedState, TrackingResult } from './github/tracking-issue';
export type { GitHubRun } from './github/context';
export { isInlineYaml } from './inline-yaml';
export { input, numberProblem, readInputs, reportingInputs } from './inputs';
export { publish } from './publish';
export { readReport } from './read-report';
export type { Runtime } from './publish';
export { renderJunit } from './render/junit';
export { renderMarkdown } from './render/markdown';
export { renderSarif } from './render/sarif';
export { renderText } from './render/text';
export { countFindings } from './report';
export type { Cell, Finding, Report, Table, TestCase } from './report';
export { parseRetryAfter } from './retry-after';
export { logLines } from './safe-text';
export { redactSecrets, registerSecret } from './secrets';
export { sleep } from './sleep';
export { parseHttpUrl, redactUrl, registerUrlSecrets, urlSecrets } from './url';
export type { Verdict } from './verdict';
export { VERSION } from './version';
export { wilson } from './wilson';
export type { Proportion } from './wilson';
export { resolveInWorkspace, toWorkspacePath, workspaceRoot } from './workspace';
export { checkYaml, loadYaml, parseYaml, yamlPosition } from './yaml';
