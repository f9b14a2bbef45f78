import { runAction } from '@llmops/core/action';
import { trivyWrapCommand } from '@llmops/trivy';

await runAction(trivyWrapCommand);
