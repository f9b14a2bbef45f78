import { runAction } from '@llmops/core/action';
import { qualityGateCommand } from '@llmops/evals/quality-gate';

await runAction(qualityGateCommand);
