import { runAction } from '@llmops/core/action';
import { validatePromptsCommand } from '@llmops/evals';

await runAction(validatePromptsCommand);
