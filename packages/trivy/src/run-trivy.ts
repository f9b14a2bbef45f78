import { spawn } from 'node:child_process';
import { sleep, UserError } from '@llmops/core';

export type ScanType = 'image' | 'fs' | 'config' | 'repo';

export interface ScanArgs {
  scanType: ScanType;
  target: string;
  /** Where Trivy writes its JSON report. */
  output: string;
  scanners: string[];
  cacheDir?: string;
  skipDbUpdate: boolean;
  /** `trivyignores` joined into one file, or an empty file: never the workspace's `.trivyignore`. */
  ignoreFile: string;
  /** An empty config file, so a `trivy.yaml` in the workspace changes nothing. */
  configFile: string;
  timeoutMs: number;
}

/** Every severity: Trivy reports all of them, and our gate decides which fail. */
export const ALL_SEVERITIES = 'UNKNOWN,LOW,MEDIUM,HIGH,CRITICAL';

/**
 * Trivy's command line. `--exit-code 0` keeps findings out of the exit code, so a non-zero exit
 * always means Trivy itself failed; the gate is ours, on the JSON. Trivy would otherwise read a
 * `trivy.yaml` and `.trivyignore` from its working folder (the workspace, which the pull request
 * controls) and drop findings before our gate sees them: `--config`, `--ignorefile` and
 * `--severity` are always given.
 */
export function trivyArgs(scan: ScanArgs): string[] {
  const args = [
    scan.scanType,
    '--config',
    scan.configFile,
    '--format',
    'json',
    '--output',
    scan.output,
    '--exit-code',
    '0',
    '--severity',
    ALL_SEVERITIES,
  ];
  // `trivy config` only scans for misconfigurations and takes no --scanners.
  if (scan.scanType !== 'config' && scan.scanners.length) args.push('--scanners', scan.scanners.join(','));
  // Packages carry their line in the lockfile, which lets findings point at it.
  if (scan.scanType === 'fs' || scan.scanType === 'repo') args.push('--list-all-pkgs');
  if (scan.cacheDir) args.push('--cache-dir', scan.cacheDir);
  if (scan.skipDbUpdate) {
    if (scan.scanType === 'config') args.push('--skip-check-update');
    else {
      args.push('--skip-db-update', '--skip-java-db-update');
      if (scan.scanners.includes('misconfig')) args.push('--skip-check-update');
    }
  }
  args.push('--ignorefile', scan.ignoreFile);
  args.push('--timeout', `${Math.max(1, Math.ceil(scan.timeoutMs / 1000))}s`);
  // `--` ends the flags (Trivy's cobra/pflag command line): the target is never read as one.
  args.push('--', scan.target);
  return args;
}

// Trivy reads every flag from TRIVY_<FLAG> too. These change which findings reach the JSON or
// what the JSON is, so a workflow's env (or one set by an earlier step) would bypass the gate.
// Database, cache, registry and auth variables stay.
export const GATE_AFFECTING_TRIVY_ENV = [
  'TRIVY_CONFIG',
  'TRIVY_SEVERITY',
  'TRIVY_IGNORE_UNFIXED',
  'TRIVY_IGNORE_STATUS',
  'TRIVY_IGNOREFILE',
  'TRIVY_IGNORE_POLICY',
  'TRIVY_IGNORED_LICENSES',
  'TRIVY_VEX',
  'TRIVY_SKIP_FILES',
  'TRIVY_SKIP_DIRS',
  'TRIVY_SCANNERS',
  'TRIVY_SECURITY_CHECKS',
  'TRIVY_PKG_TYPES',
  'TRIVY_VULN_TYPE',
  'TRIVY_EXIT_CODE',
  'TRIVY_EXIT_ON_EOL',
  'TRIVY_FORMAT',
  'TRIVY_TEMPLATE',
  'TRIVY_OUTPUT',
  'TRIVY_REPORT',
  'TRIVY_SECRET_CONFIG',
  'TRIVY_LICENSE_CONFIDENCE_LEVEL',
] as const;

/** The environment Trivy runs with: the caller's, minus the variables that would filter findings. */
export function trivyEnv(env: NodeJS.ProcessEnv): { env: NodeJS.ProcessEnv; removed: string[] } {
  const strip = new Set<string>(GATE_AFFECTING_TRIVY_ENV);
  const kept: NodeJS.ProcessEnv = {};
  const removed: string[] = [];
  for (const [name, value] of Object.entries(env)) {
    if (strip.has(name.toUpperCase())) removed.push(name);
    else kept[name] = value;
  }
  return { env: kept, removed: removed.sort() };
}

export interface TrivyExit {
  /** null when Trivy was killed (timeout, cancellation). */
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  /** The last 64 KiB of stderr: Trivy's log, where its errors are. */
  stderr: string;
  timedOut: boolean;
  durationMs: number;
}

const STDERR_KEEP = 64 * 1024;

/** After SIGTERM, how long the process group has before SIGKILL. */
const TERM_GRACE_MS = 3000;
/** After Trivy exits, how long a process it left behind may hold stderr open. */
const DRAIN_MS = 2000;

/**
 * Trivy enforces --timeout itself; our own deadline only catches a Trivy that hangs past it, a
 * tenth of the timeout later (2 s to 30 s).
 */
export function backstopMs(timeoutMs: number): number {
  return timeoutMs + Math.min(30_000, Math.max(2000, Math.round(timeoutMs / 10)));
}

/**
 * Run Trivy to completion; a Trivy that cannot be started at all is a UserError. It runs in its
 * own process group, so a timeout or cancellation stops everything it started (a child left
 * holding stderr would otherwise keep the pipe, and us, open), and once it is stopped — or has
 * exited — we wait for its stderr only briefly.
 */
export function runTrivy(
  binary: string,
  args: string[],
  options: { env: NodeJS.ProcessEnv; cwd: string; timeoutMs: number; signal?: AbortSignal },
): Promise<TrivyExit> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'ignore', 'pipe'],
      detached: true,
    });
    let stderr = '';
    let timedOut = false;
    let exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;
    let settled = false;
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-STDERR_KEEP);
    });

    const killGroup = (signal: NodeJS.Signals) => {
      try {
        if (child.pid) process.kill(-child.pid, signal);
      } catch {
        // the group is gone already
      }
    };
    // Our process ending takes Trivy's group with it.
    const onProcessExit = () => killGroup('SIGKILL');
    process.once('exit', onProcessExit);
    const timers = new AbortController();
    const after = (ms: number, then: () => void) => sleep(ms, timers.signal).then(then, () => {});
    const stop = (signal: NodeJS.Signals) => {
      killGroup(signal);
      if (signal === 'SIGTERM') void after(TERM_GRACE_MS, () => killGroup('SIGKILL'));
      if (exited) finish();
    };
    const abort = () => stop('SIGTERM');
    options.signal?.addEventListener('abort', abort, { once: true });
    const settle = () => {
      if (settled) return false;
      settled = true;
      timers.abort();
      process.removeListener('exit', onProcessExit);
      options.signal?.removeEventListener('abort', abort);
      return true;
    };
    const finish = () => {
      if (!settle()) return;
      // Trivy has exited: anything still in its group is left over (and may hold stderr).
      killGroup('SIGKILL');
      child.stderr.destroy();
      resolve({
        exitCode: exited?.code ?? null,
        signal: exited?.signal ?? null,
        stderr,
        timedOut,
        durationMs: Date.now() - started,
      });
    };

    // core's sleep, not setTimeout: a timeout near the timer limit plus the backstop must not fire at once.
    void after(backstopMs(options.timeoutMs), () => {
      timedOut = true;
      stop('SIGTERM');
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      if (settle()) reject(new UserError(`cannot run Trivy at ${binary}: ${error.code ?? error.message}`));
    });
    child.on('exit', (code, signal) => {
      exited = { code, signal };
      if (timedOut || options.signal?.aborted) return finish();
      // Whatever Trivy left running must not hold stderr, and us, open for long.
      void after(DRAIN_MS, finish);
    });
    child.on('close', () => {
      if (exited) finish();
    });
  });
}
