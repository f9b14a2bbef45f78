import * as core from '@actions/core';
import { runAction } from '@llmops/core/action';
import { canaryStepCommand, canaryStepPostCommand } from '@llmops/kube';

// One bundle for `main:` and `post:`; the state saved by the main run tells them apart.
if (core.getState('isPost') === 'true') {
  await runAction(canaryStepPostCommand);
} else {
  core.saveState('isPost', 'true');
  await runAction(canaryStepCommand);
}
