import type { Command } from '@llmops/core';

/**
 * Every command the CLI and the root action can run. Loaded on demand, so a command's
 * dependencies are only read when it runs.
 */
export const commands: Record<string, () => Promise<Command>> = {
  'validate-prompts': async () => (await import('@llmops/evals/validate')).validatePromptsCommand,
  'metric-gate': async () => (await import('@llmops/prom')).metricGateCommand,
  'trivy-wrap': async () => (await import('@llmops/trivy')).trivyWrapCommand,
  'llm-quality-gate': async () => (await import('@llmops/evals/quality-gate')).qualityGateCommand,
  'canary-step': async () => (await import('@llmops/kube')).canaryStepCommand,
  'safety-tests': async () => (await import('@llmops/safety')).safetyTestsCommand,
};

/** Commands with cleanup for a `post:` step (the runner runs it after the job, on failure and cancellation too). */
export const postCommands: Record<string, () => Promise<Command>> = {
  'canary-step': async () => (await import('@llmops/kube')).canaryStepPostCommand,
};
