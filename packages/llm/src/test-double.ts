import { readFile } from 'node:fs/promises';
import { UserError } from '@llmops/core';

/**
 * The test-double script a command should use, if any: `LLMOPS_TEST_DOUBLE`, except in a real
 * GitHub Actions run (`GITHUB_ACTIONS=true`), where a stray variable must not swap the model under
 * test for a scripted one: there it is ignored with a warning. The demo runs through the CLI.
 */
export function testDoubleScript(env: NodeJS.ProcessEnv, log: (line: string) => void): string | undefined {
  const script = env.LLMOPS_TEST_DOUBLE;
  if (!script) return undefined;
  if (env.GITHUB_ACTIONS === 'true') {
    log(
      'LLMOPS_TEST_DOUBLE is set but ignored: this is a GitHub Actions run, so the real endpoint (base-url) is evaluated',
    );
    return undefined;
  }
  return script;
}

/**
 * `LLMOPS_TEST_DOUBLE=<script.json>` points a command (llm-quality-gate, safety-tests) at the
 * project's own OpenAI-compatible test server, started in this process: how `npm run demo` works
 * without a real model. Every log line and the report say so. Loaded lazily: a normal run never
 * reads the test server.
 */
export async function startTestDouble(
  scriptPath: string,
  log: (line: string) => void,
): Promise<{ url: string; model: string; stop: () => Promise<void> }> {
  const { startTestServer, scriptToOptions } = await import('./test-server/server');
  let script;
  try {
    script = JSON.parse(await readFile(scriptPath, 'utf8'));
  } catch (error) {
    throw new UserError(
      `LLMOPS_TEST_DOUBLE=${scriptPath}: cannot read the script (${(error as Error).message})`,
    );
  }
  const server = await startTestServer(scriptToOptions(script));
  const model = server.options.models?.[0] ?? 'test-model';
  log(
    `TEST DOUBLE: answers come from the llmops test server at ${server.url} (model '${model}'), not from a real model`,
  );
  return { url: server.url, model, stop: () => server.stop() };
}
