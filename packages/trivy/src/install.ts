import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as tc from '@actions/tool-cache';
import { UserError } from '@llmops/core';
import { assetName, isPlatformKey, PINNED_SUMS, type PinnedSums } from './pinned';

export const DEFAULT_DOWNLOAD_BASE = 'https://github.com/aquasecurity/trivy/releases/download';
/** Overrides where releases are downloaded from (a mirror, or a test server). Sums are still checked. */
export const DOWNLOAD_BASE_ENV = 'LLMOPS_TRIVY_DOWNLOAD_BASE';

export interface InstallOptions {
  version: string;
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
  /** Only tests pass their own table. */
  sums?: PinnedSums;
  platform?: NodeJS.Platform;
  arch?: string;
}

export interface InstalledTrivy {
  path: string;
  version: string;
  fromCache: boolean;
}

const LOOPBACK = new Set(['127.0.0.1', '[::1]', 'localhost']);

function downloadBase(env: NodeJS.ProcessEnv): string {
  const override = env[DOWNLOAD_BASE_ENV]?.trim();
  if (!override) return DEFAULT_DOWNLOAD_BASE;
  let url: URL;
  try {
    url = new URL(override);
  } catch {
    throw new UserError(`${DOWNLOAD_BASE_ENV} '${override}' is not a URL`);
  }
  // Plain http only where nobody can sit in between.
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname))) {
    throw new UserError(
      `${DOWNLOAD_BASE_ENV} must be an https URL (http only on loopback), got '${override}'`,
    );
  }
  return override.replace(/\/+$/, '');
}

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Written by us next to the binary we extracted from a verified archive. The tool cache is
 * shared with every other step on the runner: an entry without it, for another pin, or whose
 * binary no longer hashes to what we installed, is not used.
 */
export const INSTALL_MARKER = '.llmops-trivy-install.json';

interface InstallRecord {
  version: string;
  asset: string;
  /** The pinned sum the archive was verified against. */
  archiveSha256: string;
  /** The extracted executable, hashed at install time. */
  binarySha256: string;
}

/** Why a tool-cache entry is not ours to run, or undefined when it is. */
async function refuseCached(
  dir: string,
  exe: string,
  expected: { version: string; archiveSha256: string },
): Promise<string | undefined> {
  let record: Partial<InstallRecord>;
  try {
    record = JSON.parse(await readFile(path.join(dir, INSTALL_MARKER), 'utf8')) as Partial<InstallRecord>;
  } catch {
    return 'it has no llmops install record (not installed by llmops from a verified archive)';
  }
  if (record.version !== expected.version || record.archiveSha256 !== expected.archiveSha256)
    return `its install record is for another archive (${record.archiveSha256 ?? 'none'})`;
  const actual = await sha256File(path.join(dir, exe));
  if (actual !== record.binarySha256)
    return `its ${exe} hashes to ${actual}, not ${record.binarySha256} as installed`;
  return undefined;
}

/** tool-cache wants the runner's folders; outside Actions (the CLI) use the user's cache. */
function ensureRunnerFolders(env: NodeJS.ProcessEnv): void {
  const base = path.join(os.homedir(), '.cache', 'llmops');
  process.env.RUNNER_TOOL_CACHE ||= env.RUNNER_TOOL_CACHE || path.join(base, 'tools');
  process.env.RUNNER_TEMP ||= env.RUNNER_TEMP || path.join(base, 'tmp');
}

/**
 * Put the pinned Trivy release in the tool cache and return its executable: download the archive
 * for this OS/arch, refuse it unless its SHA-256 equals the sum pinned in our source, extract it,
 * and record the binary's SHA-256 next to it. A cache hit is used only when that record is ours,
 * for the pinned archive, and the binary still hashes to it. (This keeps out binaries other
 * steps or tools put in the cache, and ones changed since; a step that can write the tool cache
 * and forge the record is not stopped by it — use trivy-path for a Trivy you verify yourself.)
 */
export async function installTrivy(options: InstallOptions): Promise<InstalledTrivy> {
  const env = options.env ?? process.env;
  const log = options.log ?? (() => {});
  const sums = options.sums ?? PINNED_SUMS;
  const platform = options.platform ?? process.platform;
  const arch = options.arch ?? process.arch;
  const key = `${platform}-${arch}`;
  const version = options.version.replace(/^v/, '');

  const pinned = sums[version];
  if (!pinned) {
    throw new UserError(
      `no SHA-256 sums are pinned for Trivy ${version} (pinned: ${Object.keys(sums).join(', ')}); use a pinned trivy-version, or trivy-path for a Trivy you installed`,
    );
  }
  const expected = isPlatformKey(key) ? pinned[key] : undefined;
  if (!isPlatformKey(key) || !expected) {
    throw new UserError(
      `Trivy ${version} has no pinned release for ${key}; use trivy-path for a Trivy you installed`,
    );
  }
  const exe = platform === 'win32' ? 'trivy.exe' : 'trivy';

  ensureRunnerFolders(env);
  const cached = tc.find('trivy', version, arch);
  if (cached && existsSync(path.join(cached, exe))) {
    const refused = await refuseCached(cached, exe, { version, archiveSha256: expected });
    if (!refused) {
      log(`Using Trivy ${version} from the tool cache (${cached}), binary sha256 as installed`);
      return { path: path.join(cached, exe), version, fromCache: true };
    }
    log(`Not using the tool cache's Trivy ${version} (${cached}): ${refused}; installing it again`);
  }

  const asset = assetName(version, key);
  const url = `${downloadBase(env)}/v${version}/${asset}`;
  log(`Downloading ${url}`);
  await mkdir(process.env.RUNNER_TEMP!, { recursive: true });
  let archive: string;
  try {
    archive = await tc.downloadTool(url);
  } catch (error) {
    throw new UserError(`could not download Trivy ${version} from ${url}: ${(error as Error).message}`);
  }
  try {
    const actual = await sha256File(archive);
    if (actual !== expected) {
      throw new UserError(
        `checksum mismatch for ${asset} from ${url}: expected SHA-256 ${expected} (pinned in llmops), got ${actual}. The archive was not extracted or run.`,
      );
    }
    log(`Verified ${asset}: sha256 ${actual}`);
    const extracted = asset.endsWith('.zip') ? await tc.extractZip(archive) : await tc.extractTar(archive);
    if (!existsSync(path.join(extracted, exe))) {
      throw new UserError(`${asset} has no '${exe}' at its top level`);
    }
    const record: InstallRecord = {
      version,
      asset,
      archiveSha256: actual,
      binarySha256: await sha256File(path.join(extracted, exe)),
    };
    await writeFile(path.join(extracted, INSTALL_MARKER), `${JSON.stringify(record, null, 2)}\n`);
    const dir = await tc.cacheDir(extracted, 'trivy', version, arch);
    return { path: path.join(dir, exe), version, fromCache: false };
  } finally {
    await rm(archive, { force: true });
  }
}
