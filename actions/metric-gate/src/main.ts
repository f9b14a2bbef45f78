import { runAction } from '@llmops/core/action';
import { metricGateCommand } from '@llmops/prom';

await runAction(metricGateCommand);
