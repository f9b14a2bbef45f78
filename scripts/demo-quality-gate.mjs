// The quality-gate step of `npm run demo`: the built CLI runs llm-quality-gate on examples/ against
// the project's own OpenAI-compatible test server. LLMOPS_TEST_DOUBLE makes the command start that
// server inside its own process (from the bundle, loaded only then) with the answers scripted in
// examples/evals/test-double.json, so the demo needs no model, no key and no network.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export async function demoQualityGate({ reports = path.join(root, 'tmp/demo') } = {}) {
  const args = [
    'llm-quality-gate',
    '--suites',
    'examples/**/*.prompt.yml,examples/**/*.eval.yml',
    '--concurrency',
    '8',
    '--cache',
    'false',
    '--min-score',
    '0.8',
    '--report-path',
    path.join(reports, 'llm-quality-gate.json'),
    '--junit-path',
    path.join(reports, 'llm-quality-gate.junit.xml'),
  ];
  console.log('\n━━ Score the eval suites (model: TEST DOUBLE)');
  console.log('   The model below is the llmops test server started in-process, answering from');
  console.log('   examples/evals/test-double.json. It is a test double, not a real model: the scores');
  console.log('   show how the gate reports, not how good any model is.');
  console.log(`$ LLMOPS_TEST_DOUBLE=examples/evals/test-double.json llmops ${args.join(' ')}\n`);
  // LLMOPS_DEMO_CLI points at another CLI build (e.g. one made while dist/ is being rebuilt).
  const result = spawnSync(
    process.execPath,
    [process.env.LLMOPS_DEMO_CLI ?? path.join(root, 'dist/cli/index.js'), ...args],
    {
      cwd: root,
      stdio: 'inherit',
      // The command ignores LLMOPS_TEST_DOUBLE when GITHUB_ACTIONS=true (a stray variable must never
      // replace a real endpoint); the demo is a local CLI run even when CI runs it inside Actions.
      env: {
        ...process.env,
        GITHUB_ACTIONS: '',
        LLMOPS_TEST_DOUBLE: path.join(root, 'examples/evals/test-double.json'),
      },
    },
  );
  return result.status ?? 1;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exitCode = await demoQualityGate();
