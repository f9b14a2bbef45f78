// `npx tsx bench/sse.ts`: the SSE parser on 10 MB streams (token events, and one 10 MB answer), read 64 KB at a time as a
// socket delivers them. Floor = the least any parser does with the same reads, measured in this
// run: decode, split on '\n', JSON.parse each `data:` line. The parser must stay linear (it once
// rescanned its buffer on every read: a 10 MB answer in one event cost seconds).
import { sseChunks } from '@llmops/llm';

const READ = 65_536;
const STREAM_BYTES = 10_000_000;

function reads(text: string): Uint8Array[] {
  const bytes = new TextEncoder().encode(text);
  const out: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += READ) out.push(bytes.subarray(i, i + READ));
  return out;
}

const chunkEvent = (content: string) =>
  `data: ${JSON.stringify({ object: 'chat.completion.chunk', choices: [{ index: 0, delta: { content }, finish_reason: null }] })}\n\n`;

/** 10 MB of stream: about 100,000 events of one token each. */
function tokenStream(eol: string): string {
  const event = chunkEvent(' token');
  const events: string[] = [];
  for (let n = 0; n < STREAM_BYTES; n += event.length) events.push(event);
  return `${events.join('')}data: [DONE]\n\n`.replaceAll('\n', eol);
}

async function parse(parts: Uint8Array[]): Promise<number> {
  const body = (async function* () {
    yield* parts;
  })();
  let chars = 0;
  for await (const chunk of sseChunks(body)) {
    const choices = chunk.choices as Array<{ delta?: { content?: string } }>;
    chars += choices[0]?.delta?.content?.length ?? 0;
  }
  return chars;
}

function floor(parts: Uint8Array[]): number {
  const decoder = new TextDecoder();
  const text = parts.map((part) => decoder.decode(part, { stream: true })).join('');
  let chars = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith('data: {')) continue;
    const chunk = JSON.parse(line.slice(6)) as { choices: Array<{ delta?: { content?: string } }> };
    chars += chunk.choices[0]?.delta?.content?.length ?? 0;
  }
  return chars;
}

/** Best of 3 runs, in ms. */
async function best(run: () => unknown): Promise<number> {
  let min = Infinity;
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    await run();
    min = Math.min(min, performance.now() - start);
  }
  return min;
}

const cases: Array<{ name: string; text: string; max: number }> = [
  { name: '10 MB in token events (LF)', text: tokenStream('\n'), max: 2 },
  { name: '10 MB in token events (CRLF)', text: tokenStream('\r\n'), max: 2 },
  { name: '10 MB in one event', text: `${chunkEvent('x'.repeat(STREAM_BYTES))}data: [DONE]\n\n`, max: 3 },
];
const rows: string[][] = [];
for (const c of cases) {
  const parts = reads(c.text);
  const parsed = await best(() => parse(parts));
  const base = await best(() => floor(parts));
  const chars = await parse(parts);
  if (chars !== floor(parts))
    throw new Error(`${c.name}: parsed ${chars} characters, expected ${floor(parts)}`);
  rows.push([
    c.name,
    `${parsed.toFixed(0)} ms`,
    `${base.toFixed(0)} ms`,
    `${(parsed / base).toFixed(2)}x (max ${c.max}x)`,
  ]);
}
const head = ['stream', 'sseChunks', 'floor', 'ratio'];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i]!)).join('  ');
console.log(`SSE parser: ${STREAM_BYTES / 1e6} MB streams in ${READ / 1024} KB reads; best of 3`);
console.log(line(head));
for (const r of rows) console.log(line(r));
