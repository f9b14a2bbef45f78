import { runAction } from '@llmops/core/action';
import { safetyTestsCommand } from '@llmops/safety';

await runAction(safetyTestsCommand);
