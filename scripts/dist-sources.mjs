// Whether dist/ was built from the sources as they are now. `npm run build` records a hash of every
// file a bundle is built from in dist/SOURCES; `node scripts/dist-sources.mjs --check` compares, so
// the end-to-end tests never silently run an old bundle.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const stamp = path.join(root, 'dist', 'SOURCES');
// What the bundles are built from: the packages' and actions' sources, the lock file, the build itself.
const inputs = ['packages', 'actions', 'package-lock.json', 'tsconfig.json', 'scripts/build.mjs'];

function files(relative) {
  const absolute = path.join(root, relative);
  if (statSync(absolute).isFile()) return [relative];
  return readdirSync(absolute, { withFileTypes: true })
    .filter((entry) => entry.name !== 'node_modules')
    .flatMap((entry) => files(path.join(relative, entry.name)))
    .sort();
}

export function sourcesHash() {
  const hash = createHash('sha256');
  for (const file of inputs.flatMap(files)) {
    hash
      .update(file.split(path.sep).join('/'))
      .update('\0')
      .update(readFileSync(path.join(root, file)))
      .update('\0');
  }
  return hash.digest('hex');
}

export function writeStamp() {
  writeFileSync(stamp, `${sourcesHash()}\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--write')) writeStamp();
  else {
    let recorded = '';
    try {
      recorded = readFileSync(stamp, 'utf8').trim();
    } catch {
      // no stamp: never built
    }
    if (recorded !== sourcesHash()) {
      console.error('dist/ was not built from the current sources: run `npm run build` first.');
      process.exit(1);
    }
  }
}
