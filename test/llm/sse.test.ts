import { sseChunks } from '@llmops/llm';

async function collect(parts: string[]): Promise<unknown[]> {
  const body = (async function* () {
    for (const p of parts) yield new TextEncoder().encode(p);
  })();
  const out: unknown[] = [];
  for await (const chunk of sseChunks(body)) out.push(chunk);
  return out;
}

describe('sseChunks', () => {
  it('reads events split across reads, CRLF endings, multi-line data and stops at [DONE]', async () => {
    const chunks = await collect([
      'data: {"a"',
      ': 1}\r\n\r\nevent: x\ndata: {"b":\ndata: 2}\n\n',
      'data: [DONE]\n\ndata: {"c": 3}\n\n',
    ]);
    expect(chunks).toEqual([{ a: 1 }, { b: 2 }]);
  });

  it('throws on an error event, an error chunk and malformed JSON', async () => {
    await expect(collect(['event: error\ndata: {"message": "boom"}\n\n'])).rejects.toThrow(/boom/);
    await expect(collect(['data: {"error": {"message": "engine died"}}\n\n'])).rejects.toThrow(/engine died/);
    await expect(collect(['data: {"choices": [\n\n'])).rejects.toThrow(SyntaxError);
  });
});
