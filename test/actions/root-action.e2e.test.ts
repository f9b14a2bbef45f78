import { runBundle } from '../helpers/run-bundle';
import { promptYml, workspace } from '../evals/validate/fixtures';

// The root action: `uses: <owner>/llmops@v1` with `command:`, inputs from the generated action.yml.
describe('root action', () => {
  it('runs the chosen command with its own defaults and outputs', async () => {
    const ws = workspace({
      'a.prompt.yml': promptYml(),
      'b.prompt.yml': promptYml({ head: 'name: b\nmodel: openai/gpt-4o', testData: 'testData:\n  - x: 1' }),
    });
    const result = await runBundle('llmops', { command: 'validate-prompts' }, { cwd: ws });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    // report-path's default differs between actions, so the root leaves it empty and the command's applies.
    expect(result.outputs).toMatchObject({
      verdict: 'fail',
      files: '2',
      errors: '1',
      'report-path': 'llmops-validate-prompts-report.json',
    });
    expect(result.annotations.find((a) => a.props.file === 'b.prompt.yml')?.props.title).toBe(
      'prompt/missing-variable',
    );
  });

  it('names the allowed commands for an unknown one', async () => {
    const result = await runBundle('llmops', { command: 'constructor' }, { cwd: workspace({}) });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /::error::input 'command' has value 'constructor': expected one of validate-prompts, metric-gate, trivy-wrap, llm-quality-gate, canary-step, safety-tests/,
    );
  });

  it('does nothing in the post step of a command without cleanup', async () => {
    const result = await runBundle(
      'llmops',
      { command: 'validate-prompts' },
      { cwd: workspace({}), env: { STATE_isPost: 'true' } },
    );
    expect(result).toMatchObject({ code: 0, stderr: '', stdout: '' });
  });
});
