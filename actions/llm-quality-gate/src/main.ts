import { runAction } from '@llmops/core/action';
import { qualityGateCommand } from '@llmops/evals';

await runAction(qualityGateCommand);
