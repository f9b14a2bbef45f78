// Validates every action.yml, starter workflow and workflow of this repository with @action-validator/cli.
// Its schema (0.6) predates the `node24` runtime GitHub's runners now use, so action files are
// checked with `using: node24` read as `node20`; everything else is validated as written.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const validator = path.resolve('node_modules/.bin/action-validator');
const tmp = mkdtempSync(path.join(tmpdir(), 'llmops-validate-'));
// Each action's source, and its generated copy at the top (`uses: <owner>/llmops/<name>@v1`).
const actions = [
  'action.yml',
  ...readdirSync('actions').flatMap((a) => [`actions/${a}/action.yml`, `${a}/action.yml`]),
].filter(existsSync);
// The starter workflows users copy, and this repository's own.
const workflows = ['workflows-templates', '.github/workflows'].flatMap((dir) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => /\.ya?ml$/.test(f))
        .map((f) => `${dir}/${f}`)
    : [],
);

let failed = 0;
for (const file of [...actions, ...workflows]) {
  let target = file;
  if (actions.includes(file)) {
    // Keep the name action.yml: the validator tells actions from workflows by file name.
    target = path.join(tmp, file.replace(/\//g, '_'), 'action.yml');
    mkdirSync(path.dirname(target));
    writeFileSync(target, readFileSync(file, 'utf8').replace(/^(\s*using:\s*)node24\s*$/m, '$1node20'));
  }
  try {
    execFileSync(validator, [target], { stdio: 'pipe' });
    console.log(`ok  ${file}`);
  } catch (error) {
    failed++;
    console.error(`FAIL ${file}\n${error.stdout}${error.stderr}`);
  }
}
process.exitCode = failed ? 1 : 0;
