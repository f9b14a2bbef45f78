import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { formatProblem, lintWorkflow, workflowFiles } from '../../scripts/workflow-lint';
import { repoRoot } from '../helpers/run-bundle';

function repoWith(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'workflow-lint-'));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return root;
}

describe('workflow lint (GitHub parser + shellcheck)', () => {
  it("reports the parser's schema and expression errors at their file, line and column", () => {
    const file = 'workflows-templates/broken.yml';
    const root = repoWith({
      [file]: [
        'on: push',
        'jobs:',
        '  a:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        '      - uses: actions/checkout@v5',
        '        whith: { fetch-depth: 0 }',
        '      - env: { TOKEN: "${{ secret.TOKEN }}" }',
        '        run: "true"',
        '',
      ].join('\n'),
    });
    expect(lintWorkflow(root, file).map(formatProblem)).toEqual([
      "workflows-templates/broken.yml:7:9: Unexpected value 'whith'",
      "workflows-templates/broken.yml:8:24: Unrecognized named-value: 'secret'",
    ]);
  });

  it('runs shellcheck on run: scripts with ${{ }} as a variable, at the lines of the workflow file', () => {
    const file = '.github/workflows/ci.yml';
    const root = repoWith({
      [file]: [
        'on: push',
        'jobs:',
        '  deploy:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        '      - run: echo ok',
        '      - run: |',
        '          cd "$RUNNER_TEMP"',
        '          echo ${{ github.event.head_commit.message }}',
        '',
      ].join('\n'),
    });
    // An unquoted expression is word-split (and, from an event, injected): shellcheck says so.
    expect(lintWorkflow(root, file).map(formatProblem)).toEqual([
      '.github/workflows/ci.yml:8:11: job deploy: shellcheck SC2164 (warning): ' +
        "Use 'cd ... || exit' or 'cd ... || return' in case cd fails.",
      '.github/workflows/ci.yml:9:16: job deploy: shellcheck SC2086 (info): ' +
        'Double quote to prevent globbing and word splitting.',
    ]);
  });

  it('passes every workflow of this repository', () => {
    const files = workflowFiles(repoRoot);
    expect(files).toEqual(expect.arrayContaining(['workflows-templates/llmops-release.yml']));
    expect(files.flatMap((file) => lintWorkflow(repoRoot, file)).map(formatProblem)).toEqual([]);
  });
});
