import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { readWorkspaceFile, toWorkspacePath } from '@llmops/core';
import type { TrivyPackage, TrivyVulnerability } from './schema';
import type { ScanType } from './run-trivy';

export interface Place {
  file?: string;
  line?: number;
  endLine?: number;
}

export interface LocateContext {
  scanType: ScanType;
  workspace: string;
  /** Absolute path of a local scan target (fs, config, a local repo). */
  scanRoot?: string;
  /** Where image findings point: the Dockerfile that built the image. */
  dockerfile?: Place;
}

/** The folder Trivy's Result.Target paths are relative to. */
function targetBase(scanRoot: string): string {
  return existsSync(scanRoot) && statSync(scanRoot).isFile() ? path.dirname(scanRoot) : scanRoot;
}

/**
 * The workspace file a Trivy target names. Image findings have no file in the repository, so they
 * point at the Dockerfile; code scanning needs a location on every result.
 */
export function targetFile(target: string, context: LocateContext): string | undefined {
  if (context.scanType === 'image') return context.dockerfile?.file;
  if (!context.scanRoot) return target.split(path.sep).join('/');
  const absolute = path.resolve(targetBase(context.scanRoot), target);
  const relative = toWorkspacePath(context.workspace, absolute);
  return relative.startsWith('..') ? target : relative;
}

const positive = (n: number | undefined) => (n !== undefined && n > 0 ? n : undefined);

/** A line range from Trivy (misconfiguration cause, secret), or the Dockerfile's for images. */
export function placeAt(
  target: string,
  context: LocateContext,
  startLine: number | undefined,
  endLine: number | undefined,
): Place {
  if (context.scanType === 'image') return { ...context.dockerfile };
  const line = positive(startLine);
  const end = positive(endLine);
  return {
    file: targetFile(target, context),
    line,
    endLine: line !== undefined && end !== undefined && end >= line ? end : undefined,
  };
}

/** A vulnerable package's line in its lockfile or manifest, when Trivy listed the package with one. */
export function placeOfPackage(
  target: string,
  vulnerability: TrivyVulnerability,
  packages: TrivyPackage[],
  context: LocateContext,
): Place {
  if (context.scanType === 'image') return { ...context.dockerfile };
  const uid = vulnerability.PkgIdentifier?.UID;
  const found =
    (uid && packages.find((p) => p.Identifier?.UID === uid)) ||
    (vulnerability.PkgID && packages.find((p) => p.ID === vulnerability.PkgID)) ||
    packages.find((p) => p.Name === vulnerability.PkgName && p.Version === vulnerability.InstalledVersion);
  const where = found ? found.Locations?.[0] : undefined;
  return placeAt(target, context, where?.StartLine, where?.EndLine);
}

/** The Dockerfile and the line of its last FROM: the base image most OS packages come from. */
export function dockerfilePlace(workspace: string, absolute: string): Place {
  const file = toWorkspacePath(workspace, absolute);
  if (!existsSync(absolute)) return { file };
  const lines = readWorkspaceFile(workspace, absolute, { input: 'dockerfile' }).text.split(/\r?\n/);
  let from: number | undefined;
  lines.forEach((text, index) => {
    if (/^\s*FROM\s/i.test(text)) from = index + 1;
  });
  return { file, line: from };
}
