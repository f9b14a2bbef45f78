import { runAction } from '@llmops/core/action';
import { validatePromptsCommand } from '@llmops/evals/validate';

await runAction(validatePromptsCommand);
