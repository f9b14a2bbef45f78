// The root action (`uses: <owner>/llmops@v1` with `command:`): runs the chosen action with the
// same inputs. Inputs whose default differs between actions are empty in the root action.yml,
// so the chosen action's own default fills them.
import * as core from '@actions/core';
import { runAction } from '@llmops/core/action';
import { commands, postCommands } from './commands';
import { manifest } from './manifest.generated';

const name = core.getInput('command');
const spec = Object.hasOwn(manifest, name) ? manifest[name] : undefined;
const load = Object.hasOwn(commands, name) ? commands[name] : undefined;
if (!load || !spec) {
  core.setFailed(`input 'command' has value '${name}': expected one of ${Object.keys(commands).join(', ')}`);
} else {
  const source = (input: string) => core.getInput(input) || spec.inputs[input]?.default || '';
  // One bundle for `main:` and `post:`; the state saved by the main run tells them apart.
  if (core.getState('isPost') === 'true') {
    const post = Object.hasOwn(postCommands, name) ? postCommands[name] : undefined;
    if (post) await runAction(await post(), source);
  } else {
    core.saveState('isPost', 'true');
    await runAction(await load(), source);
  }
}
