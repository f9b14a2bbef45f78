import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isUserError } from '@llmops/core';
import {
  assetName,
  DOWNLOAD_BASE_ENV,
  INSTALL_MARKER,
  installTrivy,
  PINNED_SUMS,
  PINNED_TRIVY_VERSION,
} from '@llmops/trivy';

/** A release archive as Trivy ships it: `trivy` at the top level of a .tar.gz. */
function releaseArchive(script: string): Buffer {
  const dir = mkdtempSync(path.join(tmpdir(), 'trivy-release-'));
  writeFileSync(path.join(dir, 'trivy'), script, { mode: 0o755 });
  writeFileSync(path.join(dir, 'LICENSE'), 'Apache-2.0\n');
  execFileSync('tar', ['-czf', path.join(dir, 'release.tar.gz'), '-C', dir, 'trivy', 'LICENSE']);
  return readFileSync(path.join(dir, 'release.tar.gz'));
}

/** A loopback stand-in for GitHub's release downloads. */
async function releaseServer(
  files: Record<string, Buffer>,
): Promise<{ url: string; requests: string[]; server: Server }> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(req.url!);
    const body = files[req.url!];
    if (!body) return res.writeHead(404).end('Not Found');
    res
      .writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': body.length })
      .end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests, server };
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

describe('installing the pinned Trivy', () => {
  const servers: Server[] = [];
  beforeEach(() => {
    const root = mkdtempSync(path.join(tmpdir(), 'runner-'));
    mkdirSync(path.join(root, 'tool-cache'));
    mkdirSync(path.join(root, 'temp'));
    process.env.RUNNER_TOOL_CACHE = path.join(root, 'tool-cache');
    process.env.RUNNER_TEMP = path.join(root, 'temp');
  });
  afterAll(() => servers.forEach((s) => s.close()));

  it('pins a sum for every supported OS/arch of the pinned version', () => {
    const sums = PINNED_SUMS[PINNED_TRIVY_VERSION]!;
    expect(Object.keys(sums).sort()).toEqual([
      'darwin-arm64',
      'darwin-x64',
      'linux-arm64',
      'linux-x64',
      'win32-x64',
    ]);
    for (const sum of Object.values(sums)) expect(sum).toMatch(/^[0-9a-f]{64}$/);
    expect(assetName('0.69.3', 'linux-x64')).toBe('trivy_0.69.3_Linux-64bit.tar.gz');
    expect(assetName('0.69.3', 'darwin-arm64')).toBe('trivy_0.69.3_macOS-ARM64.tar.gz');
    expect(assetName('0.69.3', 'win32-x64')).toBe('trivy_0.69.3_windows-64bit.zip');
  });

  it('refuses a tampered archive served in place of the pinned release, and runs nothing from it', async () => {
    const tampered = releaseArchive('#!/bin/sh\necho pwned > "$HOME/pwned"\n');
    const asset = `/v${PINNED_TRIVY_VERSION}/${assetName(PINNED_TRIVY_VERSION, 'linux-x64')}`;
    const release = await releaseServer({ [asset]: tampered });
    servers.push(release.server);
    const error = await installTrivy({
      version: PINNED_TRIVY_VERSION,
      env: { [DOWNLOAD_BASE_ENV]: release.url },
      platform: 'linux',
      arch: 'x64',
    }).catch((e: unknown) => e);
    expect(release.requests).toEqual([asset]);
    expect(isUserError(error)).toBe(true);
    expect((error as Error).message).toContain(
      `checksum mismatch for trivy_${PINNED_TRIVY_VERSION}_Linux-64bit.tar.gz`,
    );
    expect((error as Error).message).toContain(
      `expected SHA-256 ${PINNED_SUMS[PINNED_TRIVY_VERSION]!['linux-x64']}`,
    );
    expect((error as Error).message).toContain(`got ${sha256(tampered)}`);
    expect(existsSync(path.join(process.env.RUNNER_TOOL_CACHE!, 'trivy'))).toBe(false);
  });

  it('installs an archive that matches its pinned sum, then reuses the tool cache', async () => {
    const archive = releaseArchive('#!/bin/sh\necho "Version: 9.9.9"\n');
    const asset = `/v9.9.9/${assetName('9.9.9', 'linux-arm64')}`;
    const release = await releaseServer({ [asset]: archive });
    servers.push(release.server);
    const options = {
      version: 'v9.9.9',
      env: { [DOWNLOAD_BASE_ENV]: `${release.url}/` },
      sums: { '9.9.9': { 'linux-arm64': sha256(archive) } },
      platform: 'linux' as const,
      arch: 'arm64',
    };
    const first = await installTrivy(options);
    expect(first).toMatchObject({ version: '9.9.9', fromCache: false });
    expect(first.path).toBe(path.join(process.env.RUNNER_TOOL_CACHE!, 'trivy', '9.9.9', 'arm64', 'trivy'));
    expect(execFileSync(first.path, { encoding: 'utf8' })).toBe('Version: 9.9.9\n');

    const again = await installTrivy(options);
    expect(again).toMatchObject({ path: first.path, fromCache: true });
    expect(release.requests).toHaveLength(1);
  });

  it('refuses a binary planted in the tool cache, and installs the verified release over it', async () => {
    const archive = releaseArchive('#!/bin/sh\necho "Version: 9.9.9"\n');
    const asset = `/v9.9.9/${assetName('9.9.9', 'linux-x64')}`;
    const release = await releaseServer({ [asset]: archive });
    servers.push(release.server);
    const options = {
      version: '9.9.9',
      env: { [DOWNLOAD_BASE_ENV]: release.url },
      sums: { '9.9.9': { 'linux-x64': sha256(archive) } },
      platform: 'linux' as const,
      arch: 'x64',
    };
    const folder = path.join(process.env.RUNNER_TOOL_CACHE!, 'trivy', '9.9.9', 'x64');
    const plant = (marker?: object) => {
      mkdirSync(folder, { recursive: true });
      writeFileSync(path.join(folder, 'trivy'), '#!/bin/sh\necho pwned\n', { mode: 0o755 });
      if (marker) writeFileSync(path.join(folder, INSTALL_MARKER), JSON.stringify(marker));
      writeFileSync(`${folder}.complete`, '');
    };
    plant();
    const logs: string[] = [];
    const installed = await installTrivy({ ...options, log: (line) => logs.push(line) });
    expect(installed.fromCache).toBe(false);
    expect(logs.join('\n')).toContain('it has no llmops install record');
    expect(execFileSync(installed.path, { encoding: 'utf8' })).toBe('Version: 9.9.9\n');
    expect(release.requests).toHaveLength(1);

    // A record copied from a good install does not vouch for a binary swapped in later.
    const record = JSON.parse(readFileSync(path.join(folder, INSTALL_MARKER), 'utf8')) as object;
    plant(record);
    const again = await installTrivy({ ...options, log: (line) => logs.push(line) });
    expect(again.fromCache).toBe(false);
    expect(logs.join('\n')).toMatch(/its trivy hashes to [0-9a-f]{64}, not [0-9a-f]{64} as installed/);
    expect(execFileSync(again.path, { encoding: 'utf8' })).toBe('Version: 9.9.9\n');
    expect((await installTrivy(options)).fromCache).toBe(true);
    expect(release.requests).toHaveLength(2);
  });

  it('refuses a version without pinned sums, and a download base that is not https or loopback', async () => {
    await expect(installTrivy({ version: '0.58.1', platform: 'linux', arch: 'x64' })).rejects.toThrow(
      /no SHA-256 sums are pinned for Trivy 0\.58\.1 \(pinned: 0\.69\.3\)/,
    );
    await expect(
      installTrivy({ version: PINNED_TRIVY_VERSION, platform: 'linux', arch: 's390x' }),
    ).rejects.toThrow(/no pinned release for linux-s390x/);
    await expect(
      installTrivy({
        version: PINNED_TRIVY_VERSION,
        platform: 'linux',
        arch: 'x64',
        env: { [DOWNLOAD_BASE_ENV]: 'http://mirror.example.com' },
      }),
    ).rejects.toThrow(/must be an https URL/);
  });

  it('reports a missing release as a download error', async () => {
    const release = await releaseServer({});
    servers.push(release.server);
    await expect(
      installTrivy({
        version: PINNED_TRIVY_VERSION,
        platform: 'linux',
        arch: 'x64',
        env: { [DOWNLOAD_BASE_ENV]: release.url },
      }),
    ).rejects.toThrow(
      /could not download Trivy 0\.69\.3 from http:\/\/127\.0\.0\.1:\d+\/v0\.69\.3\/trivy_0\.69\.3_Linux-64bit\.tar\.gz/,
    );
  });
});
