/**
 * Trivy releases we install, pinned by the SHA-256 of each release archive.
 *
 * The sums live in our source on purpose: a checksums file fetched from the same release as the
 * archive proves nothing once that release is tampered with — as in March 2026, when Trivy's
 * release automation was compromised and published a malicious v0.69.4, and releases 0.27–0.69.1
 * were pulled from GitHub. 0.69.3 is the last release before that compromise.
 *
 * Provenance of these sums: transcribed from `trivy_0.69.3_checksums.txt` as quoted, identically,
 * by several independent public projects that pin Trivy 0.69.3 (install scripts, Makefiles,
 * Dockerfiles). They were NOT recomputed from the archives here (this machine cannot reach
 * GitHub). NEEDS VERIFICATION against the release's own checksums file and its cosign signature
 * before relying on them in production.
 *
 * To bump: add a version block with all five sums from the new release's checksums file, verified
 * with `cosign verify-blob`, then change PINNED_TRIVY_VERSION and the action.yml default.
 */
export const PINNED_TRIVY_VERSION = '0.69.3';

/** `<platform>-<arch>` as Node names them (process.platform, process.arch). */
export type PlatformKey = 'linux-x64' | 'linux-arm64' | 'darwin-x64' | 'darwin-arm64' | 'win32-x64';

export type PinnedSums = Record<string, Partial<Record<PlatformKey, string>>>;

// prettier-ignore
export const PINNED_SUMS: PinnedSums = {
  '0.69.3': {
    'linux-x64':    '1816b632dfe529869c740c0913e36bd1629cb7688bd5634f4a858c1d57c88b75', // trivy_0.69.3_Linux-64bit.tar.gz
    'linux-arm64':  '7e3924a974e912e57b4a99f65ece7931f8079584dae12eb7845024f97087bdfd', // trivy_0.69.3_Linux-ARM64.tar.gz
    'darwin-x64':   'fec4a9f7569b624dd9d044fca019e5da69e032700edbb1d7318972c448ec2f4e', // trivy_0.69.3_macOS-64bit.tar.gz
    'darwin-arm64': 'a2f2179afd4f8bb265ca3c7aefb56a666bc4a9a411663bc0f22c3549fbc643a5', // trivy_0.69.3_macOS-ARM64.tar.gz
    'win32-x64':    '74362dc711383255308230ecbeb587eb1e4e83a8d332be5b0259afac6e0c2224', // trivy_0.69.3_windows-64bit.zip
  },
};

// Release asset names, as Trivy's GoReleaser config writes them.
const ASSET_SUFFIX: Record<PlatformKey, string> = {
  'linux-x64': 'Linux-64bit.tar.gz',
  'linux-arm64': 'Linux-ARM64.tar.gz',
  'darwin-x64': 'macOS-64bit.tar.gz',
  'darwin-arm64': 'macOS-ARM64.tar.gz',
  'win32-x64': 'windows-64bit.zip',
};

export function assetName(version: string, platform: PlatformKey): string {
  return `trivy_${version}_${ASSET_SUFFIX[platform]}`;
}

export function isPlatformKey(key: string): key is PlatformKey {
  return key in ASSET_SUFFIX;
}
