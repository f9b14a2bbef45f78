import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { globSync } from 'tinyglobby';
import type { Images } from './command-stand-ins';
import type { ActionStandIn, StandInCall } from './steps';

// Stand-ins for the third-party actions our workflows use, each doing the part of the real
// action the later steps depend on (files in the workspace, outputs), with the real one's inputs.

const git = (cwd: string, args: string[]) =>
  execFileSync('git', args, { cwd, stdio: 'pipe', encoding: 'utf8' });

/** actions/checkout: a clone of the test's repository at the run's commit, as deep as `fetch-depth`. */
export function checkout(repository: string): ActionStandIn {
  return ({ inputs, workspace, scope }) => {
    const github = scope.contexts.github as { sha: string };
    const depth = inputs['fetch-depth'] ?? '1';
    // A shallow clone over file:// (a local path ignores --depth); every branch when depth is 0.
    const args =
      depth === '0' ? [repository] : ['--depth', depth, '--no-single-branch', `file://${repository}`];
    git(workspace, ['clone', '--quiet', '--no-checkout', ...args, '.']);
    git(workspace, ['checkout', '--quiet', '--detach', github.sha]);
    return {};
  };
}

/** actions/cache: always a miss (nothing is saved between test runs). */
export const cacheMiss: ActionStandIn = () => ({ outputs: { 'cache-hit': 'false' } });

const lines = (text: string | undefined) =>
  (text ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** The folder all paths share, as upload-artifact roots an artifact. */
function commonRoot(files: string[]): string {
  const parts = files.map((f) => path.dirname(f).split('/'));
  const common: string[] = [];
  for (let i = 0; parts.every((p) => p[i] !== undefined && p[i] === parts[0]![i]); i++)
    common.push(parts[0]![i]!);
  return common.join('/');
}

/** actions/upload-artifact@v4: the matching files, relative to their common folder, under the name. */
export const uploadArtifact: ActionStandIn = ({ inputs, workspace, artifacts }: StandInCall) => {
  const name = inputs.name || 'artifact';
  const files = globSync(lines(inputs.path), { cwd: workspace, dot: true });
  if (files.length === 0) {
    const mode = inputs['if-no-files-found'] || 'warn';
    const message = `No files were found with the provided path: ${lines(inputs.path).join(', ')}. No artifacts will be uploaded.`;
    return mode === 'error' ? { error: message } : {};
  }
  const target = path.join(artifacts, name);
  if (existsSync(target)) return { error: `an artifact named '${name}' already exists in this run` };
  const root = commonRoot(files);
  for (const file of files)
    cpSync(path.join(workspace, file), path.join(target, path.relative(root, file)), { recursive: true });
  return { outputs: { 'artifact-id': createHash('sha1').update(name).digest('hex').slice(0, 8) } };
};

const namePattern = (glob: string) =>
  new RegExp(`^${glob.replace(/[.+?^$()|[\]{}\\]/g, '\\$&').replace(/\*/g, '.*')}$`);

/** actions/download-artifact@v4: by name, or every artifact matching `pattern`, merged or one folder each. */
export const downloadArtifact: ActionStandIn = ({ inputs, workspace, artifacts }: StandInCall) => {
  const all = existsSync(artifacts) ? readdirSync(artifacts) : [];
  const names = inputs.name ? [inputs.name] : all.filter((n) => namePattern(inputs.pattern || '*').test(n));
  if (inputs.name && !all.includes(inputs.name))
    return { error: `Artifact not found for name: ${inputs.name}` };
  const into = path.resolve(workspace, inputs.path || '.');
  const merge = inputs.name !== undefined || inputs['merge-multiple'] === 'true';
  for (const name of names)
    cpSync(path.join(artifacts, name), merge ? into : path.join(into, name), { recursive: true });
  return { outputs: { 'download-path': into } };
};

/** github/codeql-action/upload-sarif: the file must be SARIF 2.1.0 (what code scanning accepts). */
export const uploadSarif: ActionStandIn = ({ inputs, workspace }: StandInCall) => {
  const file = path.join(workspace, inputs.sarif_file || '../results');
  if (!existsSync(file)) return { error: `Path does not exist: ${inputs.sarif_file}` };
  const sarif = JSON.parse(readFileSync(file, 'utf8')) as { version?: string; runs?: unknown[] };
  if (sarif.version !== '2.1.0' || !Array.isArray(sarif.runs))
    return { error: `${inputs.sarif_file} is not SARIF 2.1.0` };
  return {
    outputs: {
      'sarif-id': createHash('sha1')
        .update(inputs.category ?? '')
        .digest('hex'),
    },
  };
};

/** docker/setup-buildx-action, docker/login-action and docker/build-push-action over the image stores. */
export function docker(images: Images): Record<string, ActionStandIn> {
  return {
    'docker/setup-buildx-action@': () => ({ outputs: { name: 'builder-test' } }),
    'docker/login-action@': ({ inputs }) =>
      inputs.username && inputs.password ? {} : { error: 'Username and password required' },
    'docker/build-push-action@': ({ inputs, workspace }) => {
      const context = path.resolve(workspace, inputs.context || '.');
      if (!existsSync(path.join(context, inputs.file || 'Dockerfile')))
        return {
          error: `failed to read dockerfile: open ${inputs.file || 'Dockerfile'}: no such file or directory`,
        };
      const tags = lines(inputs.tags?.replace(/,/g, '\n'));
      const digest = `sha256:${createHash('sha256')
        .update(readFileSync(path.join(context, 'Dockerfile')))
        .update(tags.join())
        .digest('hex')}`;
      for (const tag of tags) (inputs.push === 'true' ? images.registry : images.local).set(tag, digest);
      return {
        outputs: { digest, imageid: digest, metadata: JSON.stringify({ 'containerimage.digest': digest }) },
      };
    },
  };
}

/** Every stand-in the starter workflows need, by `uses` prefix. */
export function actionStandIns(repository: string, images: Images): Record<string, ActionStandIn> {
  return {
    'actions/checkout@': checkout(repository),
    'actions/cache@': cacheMiss,
    'actions/upload-artifact@': uploadArtifact,
    'actions/download-artifact@': downloadArtifact,
    'github/codeql-action/upload-sarif@': uploadSarif,
    ...docker(images),
  };
}
