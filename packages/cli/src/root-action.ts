// The root action (`uses: <owner>/llmops@v1` with `command:`): runs the chosen action with the
// same inputs. Inputs whose default differs between actions are empty in the root action.yml,
// so the chosen action's own default fills them.
import * as core from '@actions/core';
import { runAction } from '@llmops/core/action';
import { commands } from './commands';
import { manifest } from './manifest.generated';

const name = core.getInput('command');
const spec = Object.hasOwn(manifest, name) ? manifest[name] : undefined;
const load = Object.hasOwn(commands, name) ? commands[name] : undefined;
if (!load || !spec) {
  core.setFailed(`input 'command' has value '${name}': expected one of ${Object.keys(commands).join(', ')}`);
} else {
  await runAction(await load(), (input) => core.getInput(input) || spec.inputs[input]?.default || '');
}
