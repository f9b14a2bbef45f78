import { APIError } from 'openai';

/**
 * Server-sent events of a chat completion stream, as JSON chunks: `data:` lines joined, ended
 * by `[DONE]`. An `event: error` or a chunk carrying `error` (vLLM and TGI report failures this
 * way after a 200) throws an APIError without status; a chunk that is not JSON throws a
 * SyntaxError. Same contract as the openai SDK's stream, at a fraction of its cost per event.
 *
 * Linear in the bytes read: each read is scanned once, and an event longer than one read
 * is kept as pieces joined once when it ends (rescanning a growing buffer made a 10 MB answer
 * cost seconds of CPU). Lines end with LF, CRLF or CR (html.spec.whatwg.org, "server-sent events").
 */
export async function* sseChunks(body: AsyncIterable<Uint8Array>): AsyncGenerator<Record<string, unknown>> {
  const decoder = new TextDecoder();
  /** The unfinished event, in pieces (each read once). */
  let pending: string[] = [];
  /** The pending text ends with LF: an LF starting the next read ends the event. */
  let endsLF = false;
  /** The last read ended with CR: an LF starting the next one belongs to that line break. */
  let afterCR = false;
  const events: string[] = [];
  /** Split one read into the events it completes; the rest stays pending. */
  const feed = (input: string): void => {
    let text = afterCR && input.charCodeAt(0) === 10 ? input.slice(1) : input;
    if (text.length === 0) return;
    afterCR = text.charCodeAt(text.length - 1) === 13;
    if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
    let from = 0;
    if (endsLF && text.charCodeAt(0) === 10) {
      events.push(pending.join(''));
      pending = [];
      from = 1;
    }
    for (let end = text.indexOf('\n\n', from); end >= 0; end = text.indexOf('\n\n', from)) {
      const piece = text.slice(from, end);
      if (pending.length) {
        pending.push(piece);
        events.push(pending.join(''));
        pending = [];
      } else events.push(piece);
      from = end + 2;
    }
    if (from < text.length) pending.push(from ? text.slice(from) : text);
    endsLF = pending.length > 0 && text.charCodeAt(text.length - 1) === 10;
  };
  const drain = function* (): Generator<Record<string, unknown> | 'done'> {
    for (const block of events.splice(0)) {
      const parsed = parseEvent(block);
      if (parsed) yield parsed;
    }
  };
  for await (const bytes of body) {
    feed(decoder.decode(bytes, { stream: true }));
    for (const parsed of drain()) {
      if (parsed === 'done') return;
      yield parsed;
    }
  }
  // A last event without its blank line still counts (some servers end the body right after it).
  feed(decoder.decode());
  if (pending.length) events.push(pending.join('').trim());
  for (const parsed of drain()) {
    if (parsed === 'done') return;
    yield parsed;
  }
}

function parseEvent(block: string): Record<string, unknown> | 'done' | undefined {
  let event: string | undefined;
  let data: string | undefined;
  // The usual event is one `data: {...}` line.
  if (block.startsWith('data: ') && !block.includes('\n')) data = block.slice(6);
  else {
    for (const line of block.split('\n')) {
      if (line.startsWith('data:')) {
        const value = line.charCodeAt(5) === 32 ? line.slice(6) : line.slice(5);
        data = data === undefined ? value : `${data}\n${value}`;
      } else if (line.startsWith('event:')) {
        event = line.slice(6).trim();
      }
    }
  }
  if (data === undefined) return undefined;
  if (data === '[DONE]') return 'done';
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(data) as Record<string, unknown>;
  } catch {
    throw new SyntaxError('malformed server-sent event JSON');
  }
  if (event === 'error') throw new APIError(undefined, json?.error ?? json, undefined, new Headers());
  if (json && json.error) throw new APIError(undefined, json.error, undefined, new Headers());
  return json;
}
