// `npm run demo`: the PR-check pipeline on examples/, through the built CLI, as a user runs it.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { demoQualityGate } from './demo-quality-gate.mjs';
import { demoSafety } from './demo-safety.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'dist/cli/index.js');
const reports = path.join(root, 'tmp/demo');

// The demo is a local run even inside a CI job: the commands ignore LLMOPS_TEST_DOUBLE in Actions.
function llmops(title, args, env = {}) {
  console.log(`\n━━ ${title}\n$ llmops ${args.join(' ')}\n`);
  const result = spawnSync(process.execPath, [cli, ...args], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, GITHUB_ACTIONS: '', ...env },
  });
  return result.status ?? 1;
}

const steps = [
  [
    'Lint the prompt files',
    [
      'validate-prompts',
      '--paths',
      'examples/**/*.prompt.yml,examples/**/*.prompty',
      '--models-file',
      'examples/models.yml',
      '--report-path',
      path.join(reports, 'validate-prompts.json'),
      '--sarif-path',
      path.join(reports, 'validate-prompts.sarif'),
    ],
  ],
];

let failed = 0;
for (const [title, args] of steps) failed += llmops(title, args) === 0 ? 0 : 1;
// These start the project's OpenAI-compatible test double first, labelled as such.
failed += (await demoQualityGate({ llmops, reports })) === 0 ? 0 : 1;
failed += (await demoSafety({ llmops, reports })) === 0 ? 0 : 1;
console.log(`\nReports are in ${path.relative(process.cwd(), reports) || reports}/`);
process.exitCode = failed ? 1 : 0;
