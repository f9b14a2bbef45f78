import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { repoRoot, runBundle } from '../helpers/run-bundle';
import { promptYml, workspace } from '../evals/validate/fixtures';

// .ci/run sets LLMOPS_NODE to a Node 24 binary (the runners' runtime); plain `npm test` uses this Node.
const node = process.env.LLMOPS_NODE ?? process.execPath;
const expectedMajor = process.env.LLMOPS_NODE ? '24' : process.versions.node.split('.')[0];

describe(`bundles on node ${expectedMajor}`, () => {
  it('runs on the expected Node major version', () => {
    expect(execFileSync(node, ['--version'], { encoding: 'utf8' })).toMatch(
      new RegExp(`^v${expectedMajor}\\.`),
    );
  });

  it('validate-prompts gives the same verdict and findings', async () => {
    const ws = workspace({ 'a.prompt.yml': promptYml(), 'b.prompt.yml': 'name: b\nmessages: [' });
    const result = await runBundle('validate-prompts', {}, { cwd: ws, node });
    expect(result.stderr).toBe('');
    expect(result.outputs).toMatchObject({ verdict: 'fail', files: '2', prompts: '1', errors: '1' });
    expect(result.annotations.find((a) => a.props.file === 'b.prompt.yml')?.props.title).toBe('yaml/syntax');
  });

  // Every bundle loads and parses its inputs on this runtime: with its required inputs missing it
  // ends on one input error, not a crash at import.
  const actions = readdirSync(path.join(repoRoot, 'actions')).sort();
  it.each(actions)('%s loads and rejects missing inputs cleanly', async (action) => {
    const ws = workspace({});
    const result = await runBundle(action, {}, { cwd: ws, node, env: { 'INPUT_GITHUB-TOKEN': '' } });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/::error::.*input '/);
    expect(result.stdout).not.toMatch(/crashed/);
  });
});
