import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { countChatTokens } from '@llmops/evals/validate';
import { countTokensWithServer } from '@llmops/evals/validate';
import { closedPort } from '../../helpers/ports';

describe('token counts', () => {
  it('counts OpenAI models exactly with their own encoding', async () => {
    // "Hello world" is 2 tokens in both o200k_base and cl100k_base; "user" is 1; +3 per message +3 priming.
    const messages = [{ role: 'user', content: 'Hello world' }];
    expect(await countChatTokens(messages, 'o200k_base')).toEqual({
      tokens: 9,
      method: 'o200k_base',
      exact: true,
    });
    expect(await countChatTokens(messages, 'cl100k_base')).toEqual({
      tokens: 9,
      method: 'cl100k_base',
      exact: true,
    });
  });

  it('marks counts for models without a tokenizer as estimates', async () => {
    const count = await countChatTokens([{ role: 'user', content: 'x'.repeat(400) }], undefined);
    expect(count).toEqual({ tokens: 106, method: 'estimate', exact: false });
  });
});

describe('tokenize-url', () => {
  let server: Server;
  let url: string;
  const seen: unknown[] = [];
  beforeAll(async () => {
    // A stand-in for vLLM's /tokenize: {model, messages} -> {count, max_model_len, tokens}.
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        seen.push(JSON.parse(body));
        if (req.url !== '/tokenize') return res.writeHead(404).end();
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ count: 42, max_model_len: 4096, tokens: [] }));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  });
  afterAll(() => new Promise((r) => server.close(r)));

  it("uses the serving engine's count and context window", async () => {
    const count = await countTokensWithServer(url, 'meta-llama/Llama-3.1-8B-Instruct', [
      { role: 'user', content: 'hi' },
    ]);
    expect(count).toEqual({ tokens: 42, method: 'server', exact: true, contextWindow: 4096 });
    expect(seen[0]).toMatchObject({
      model: 'meta-llama/Llama-3.1-8B-Instruct',
      messages: [{ role: 'user', content: 'hi' }],
    });
  });

  it('fails with a clear error when the server is unreachable', async () => {
    const port = await closedPort();
    await expect(countTokensWithServer(`http://127.0.0.1:${port}`, 'm', [])).rejects.toThrow(
      `input 'tokenize-url': cannot reach http://127.0.0.1:${port} (ECONNREFUSED); is the vLLM/TGI server running?`,
    );
  });
});
