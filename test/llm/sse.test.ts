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

describe('sseChunks on reads split anywhere', () => {
  const stream =
    'data: {"a": 1}\r\n\r\nevent: x\r\ndata: {"b":\r\ndata: 2}\r\n\r\n: comment\n\ndata: {"c": 3}\r\rdata: [DONE]\n\n';

  it('gives the same events for every split point, CR, LF and CRLF alike', async () => {
    for (let i = 0; i <= stream.length; i++) {
      for (let j = i; j <= stream.length; j += 7) {
        const chunks = await collect([stream.slice(0, i), stream.slice(i, j), stream.slice(j)]);
        expect(chunks).toEqual([{ a: 1 }, { b: 2 }, { c: 3 }]);
      }
    }
  });

  // Its speed is measured by bench/sse.ts against a floor in the same run, not timed here.
  it('reads one 10 MB event in 64 KB reads', async () => {
    const event = `data: ${JSON.stringify({ text: 'x'.repeat(10_000_000) })}\n\n`;
    const parts: string[] = [];
    for (let i = 0; i < event.length; i += 65_536) parts.push(event.slice(i, i + 65_536));
    const [chunk] = (await collect(parts)) as Array<{ text: string }>;
    expect(chunk!.text.length).toBe(10_000_000);
  });
});
