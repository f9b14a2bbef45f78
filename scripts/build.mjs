// `npm run build`: regenerate derived files, then bundle every action, the root action and the CLI
// with ncc into dist/<name>/ (committed: the runner executes dist, not the sources).
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeStamp } from './dist-sources.mjs';
import { generate } from './generate.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv.slice(2);

const entries = [
  ...(await generate()).map(({ name }) => ({ name, main: `actions/${name}/src/main.ts` })),
  { name: 'llmops', main: 'packages/cli/src/root-action.ts' },
  { name: 'cli', main: 'packages/cli/src/main.ts' },
].filter((e) => only.length === 0 || only.includes(e.name));

for (const { name, main } of entries) {
  if (!existsSync(path.join(root, main))) throw new Error(`missing entry point ${main}`);
  const out = path.join(root, 'dist', name);
  rmSync(out, { recursive: true, force: true });
  execFileSync(
    path.join(root, 'node_modules/.bin/ncc'),
    ['build', main, '-o', out, '--quiet', '--target', 'es2022', '--transpile-only'],
    { cwd: root, stdio: 'inherit' },
  );
  console.log(`built dist/${name}`);
}

// Record what dist/ was built from, so the end-to-end tests can tell a stale bundle.
if (only.length === 0) writeStamp();
