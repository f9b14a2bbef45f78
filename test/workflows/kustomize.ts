import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseAllDocuments, stringify } from 'yaml';
import type { KubeObject } from '../helpers/fake-kube';
import { templatesDir } from './review';

export const manifestsDir = path.join(templatesDir, 'manifests');

/** What `kubectl kustomize <dir>` renders, as objects (kubectl is on the PATH: .ci/run installs it). */
export function kustomize(dir: string): KubeObject[] {
  let out: string;
  try {
    out = execFileSync('kubectl', ['kustomize', dir], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    const e = error as { code?: string; stderr?: string; message: string };
    if (e.code === 'ENOENT')
      throw new Error('kubectl is not on the PATH: .ci/run installs it', { cause: error });
    throw new Error(`kubectl kustomize ${dir} failed: ${e.stderr || e.message}`, { cause: error });
  }
  return parseAllDocuments(out)
    .map((d) => d.toJSON() as KubeObject | null)
    .filter((o): o is KubeObject => !!o);
}

/**
 * A kustomization of the user's own in a temporary folder, over the reference manifests:
 * `resources` and `components` are folders under manifestsDir (kustomize takes no absolute paths).
 */
export function userKustomization(
  kustomization: { resources: string[]; components?: string[] } & Record<string, unknown>,
): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'llmops-kustomize-'));
  const from = (folders?: string[]) => folders?.map((f) => path.relative(dir, path.join(manifestsDir, f)));
  const { resources, components, ...rest } = kustomization;
  const text = stringify({ resources: from(resources), components: from(components), ...rest });
  writeFileSync(path.join(dir, 'kustomization.yaml'), text);
  return dir;
}

export const find = (objects: KubeObject[], kind: string, name?: string) =>
  objects.filter((o) => o.kind === kind && (name === undefined || o.metadata.name === name));
