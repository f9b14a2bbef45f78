import { InputError, loadYaml } from '@llmops/core';

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const HEADER_LINE = /^\s*([!#$%&'*+.^_`|~0-9A-Za-z-]+)\s*:(.*)$/;

/** `"v"` or `'v'` as YAML would read a quoted scalar on one line; anything else as written. */
function unquote(value: string): string {
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
    try {
      return JSON.parse(value) as string;
    } catch {
      return value;
    }
  }
  if (value.length >= 2 && value.startsWith("'") && value.endsWith("'"))
    return value.slice(1, -1).replace(/''/g, "'");
  return value;
}

/**
 * Extra request headers, from `prometheus-headers`: `Name: value` lines, or a YAML mapping.
 * Lines are read first and taken as written, because YAML would rewrite header values: `007`
 * becomes 7, `1e3` 1000, and `abc #def` loses its `#def` as a comment. Other YAML (a flow
 * mapping) is read with the failsafe schema, where every value stays a string.
 */
export function parseHeaders(text: string | undefined): Record<string, string> {
  if (!text?.trim()) return {};
  const lines = text.split(/\r?\n/).filter((line) => line.trim() && !line.trim().startsWith('#'));
  const entries: Array<[string, string]> = [];
  if (lines.every((line) => HEADER_LINE.test(line))) {
    for (const line of lines) {
      const [, name, value] = HEADER_LINE.exec(line)!;
      entries.push([name!, unquote(value!.trim())]);
    }
  } else {
    const parsed = loadYaml(text, { schema: 'failsafe' }).value;
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
      throw new InputError(
        `input 'prometheus-headers': expected 'Name: value' lines or a YAML mapping, got a line without a name`,
      );
    for (const [name, value] of Object.entries(parsed)) {
      if (value === null || typeof value === 'object')
        throw new InputError(`input 'prometheus-headers': header '${name}' needs a text value`);
      entries.push([name, String(value)]);
    }
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of entries) {
    if (!HEADER_NAME.test(name))
      throw new InputError(`input 'prometheus-headers': '${name}' is not a valid header name`);
    if (/[\r\n]/.test(value))
      throw new InputError(`input 'prometheus-headers': header '${name}' has a line break in its value`);
    headers[name] = value;
  }
  return headers;
}
