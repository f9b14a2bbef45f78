import { parse } from 'yaml';
import { UserError } from '@llmops/core';

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * Extra request headers, from `prometheus-headers`: a YAML mapping, or `Name: value` lines
 * (which are mostly the same thing, except for values YAML would reinterpret).
 */
export function parseHeaders(text: string | undefined): Record<string, string> {
  if (!text?.trim()) return {};
  let parsed: unknown;
  try {
    parsed = parse(text);
  } catch {
    parsed = undefined;
  }
  const entries: Array<[string, string]> = [];
  if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
    for (const [name, value] of Object.entries(parsed)) {
      if (value === null || typeof value === 'object')
        throw new UserError(`input 'prometheus-headers': header '${name}' needs a text value`);
      entries.push([name, String(value)]);
    }
  } else {
    for (const line of text.split(/\r?\n/)) {
      if (!line.trim() || line.trim().startsWith('#')) continue;
      const colon = line.indexOf(':');
      if (colon <= 0)
        throw new UserError(
          `input 'prometheus-headers': expected 'Name: value' lines or a YAML mapping, got a line without a name`,
        );
      entries.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
    }
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of entries) {
    if (!HEADER_NAME.test(name))
      throw new UserError(`input 'prometheus-headers': '${name}' is not a valid header name`);
    if (/[\r\n]/.test(value))
      throw new UserError(`input 'prometheus-headers': header '${name}' has a line break in its value`);
    headers[name] = value;
  }
  return headers;
}
