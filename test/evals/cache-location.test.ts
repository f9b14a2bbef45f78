import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startTestServer, type TestServer } from '@llmops/llm/test-server';
import { runGate, runnerTemp, workspace } from './gate-fixtures';

// The model knows returns and nothing else: the express case fails unless a cached answer lies.
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({
    answer: (body) => (/return/i.test(body.messages?.at(-1)?.content ?? '') ? 'Within 30 days.' : 'No idea.'),
  });
});
afterAll(() => server.stop());

const suite = `name: support
cases:
  - name: returns
    messages: [{role: user, content: "Can I return shoes?"}]
    assert: [{contains: "30 days"}]
  - name: express
    messages: [{role: user, content: "How fast is express?"}]
    assert: [{contains: "1-2 business days"}]
`;

const inputs = (extra: Record<string, string> = {}) => ({
  'base-url': server.url,
  model: 'test-model',
  'min-score': '1',
  ...extra,
});

/** The cache entries under a directory: file → parsed entry. */
function entries(dir: string): Map<string, { key: string; request: string; answer: { text: string } }> {
  const found = new Map();
  for (const sub of readdirSync(dir))
    for (const file of readdirSync(path.join(dir, sub)))
      found.set(path.join(dir, sub, file), JSON.parse(readFileSync(path.join(dir, sub, file), 'utf8')));
  return found;
}

/** Rewrite every entry to the answer that passes both cases, as a forger would. */
function forge(dir: string): void {
  for (const [file, entry] of entries(dir)) {
    entry.answer.text = 'Within 30 days, and express takes 1-2 business days.';
    writeFileSync(file, JSON.stringify(entry));
  }
}

describe('response cache location', () => {
  it('by default lives in RUNNER_TEMP: answers committed to the workspace are never read', async () => {
    const dir = workspace({ 'evals/support.eval.yml': suite });
    // A pull request commits a cache with forged answers where the cache used to be.
    await runGate(dir, inputs({ 'cache-dir': '.llmops-cache/llm' }));
    forge(path.join(dir, '.llmops-cache/llm'));

    const before = server.chatRequests;
    const { report } = await runGate(dir, inputs());
    expect(server.chatRequests - before).toBe(2);
    expect(report.outputs).toMatchObject({ requests: 2, 'cache-hits': 0, failed: 1 });
    expect(report.verdict).toBe('fail');
    expect(entries(path.join(runnerTemp(dir), 'llmops-cache/llm')).size).toBe(2);
  });

  it('answers a request only from the entry written for that request', async () => {
    const dir = workspace({ 'evals/support.eval.yml': suite });
    const cacheDir = path.join(runnerTemp(dir), 'llmops-cache/llm');
    await runGate(dir, inputs());
    const all = [...entries(cacheDir)];
    const returns = all.find(([, e]) => e.request.includes('return'))!;
    const express = all.find(([, e]) => e.request.includes('express'))!;
    // The passing answer to "returns", put under the name of the "express" request.
    writeFileSync(express[0], JSON.stringify({ ...returns[1], key: express[1].key }));
    const { report } = await runGate(dir, inputs());
    expect(report.outputs).toMatchObject({ requests: 1, 'cache-hits': 1, failed: 1 });

    // An entry whose recorded request was edited is a miss too.
    const edited = entries(cacheDir).get(returns[0])!;
    writeFileSync(
      returns[0],
      JSON.stringify({ ...edited, request: edited.request.replace('shoes', 'boots') }),
    );
    const again = await runGate(dir, inputs());
    expect(again.report.outputs).toMatchObject({ requests: 1, 'cache-hits': 1 });
  });

  it('uses a cache-dir the workflow sets, absolute as given', async () => {
    const dir = workspace({ 'evals/support.eval.yml': suite });
    const chosen = path.join(runnerTemp(dir), 'chosen');
    await runGate(dir, inputs({ 'cache-dir': chosen }));
    const { report } = await runGate(dir, inputs({ 'cache-dir': chosen }));
    expect(report.outputs).toMatchObject({ requests: 0, 'cache-hits': 2 });
  });
});
