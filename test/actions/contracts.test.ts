import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { commands } from '../../packages/cli/src/commands';
import { repoRoot } from '../helpers/run-bundle';

// action.yml describes inputs for the runner and the docs; the command's zod schema parses them.
// They must name the same inputs, or an input is ignored (or required but never given).
const actions = readdirSync(path.join(repoRoot, 'actions')).sort();

describe('action contracts', () => {
  it('every action is a CLI command and every command an action', () => {
    expect(Object.keys(commands).sort()).toEqual(actions);
  });

  it.each(actions)('%s: action.yml inputs are exactly the schema’s', async (action) => {
    const spec = parse(readFileSync(path.join(repoRoot, 'actions', action, 'action.yml'), 'utf8'));
    const command = await commands[action]!();
    expect(Object.keys(command.inputs.shape).sort()).toEqual(Object.keys(spec.inputs).sort());
    for (const secret of command.secretInputs) expect(Object.keys(spec.inputs)).toContain(secret);
    // DESIGN: `fail` and `inconclusive` fail the step unless the user opts out.
    expect(spec.inputs['fail-on-inconclusive']?.default).toBe('true');
    expect(spec.outputs.verdict).toBeDefined();
    expect(spec.outputs['report-path']).toBeDefined();
  });

  it.each(actions)('%s: the generated top-level copy runs the same bundle', (action) => {
    // `uses: <owner>/llmops/<name>@v1` resolves to <name>/action.yml at the top of the repository.
    const source = parse(readFileSync(path.join(repoRoot, 'actions', action, 'action.yml'), 'utf8'));
    const copy = parse(readFileSync(path.join(repoRoot, action, 'action.yml'), 'utf8'));
    expect({ ...copy, runs: undefined }).toEqual({ ...source, runs: undefined });
    for (const entry of ['main', 'post'] as const) {
      if (!source.runs[entry]) continue;
      expect(path.resolve(repoRoot, action, copy.runs[entry])).toBe(
        path.resolve(repoRoot, 'actions', action, source.runs[entry]),
      );
    }
  });
});
