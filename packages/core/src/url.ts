import { registerSecret } from './secrets';

/**
 * Endpoint URLs carry credentials two ways: `user:password@host` and a query value
 * (`?key=`, `?api_key=`, `?token=`, Azure's `?sig=`). Both are registered as secrets when the
 * input is read and left out wherever a URL is shown; the rest of the URL stays readable.
 */
const SECRET_PARAM = /key|token|secret|passw|sig|auth|cred|session|code/i;

// By hand rather than with `URL`: a value that does not parse still has to be shown without them.
const USERINFO = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#@]*)@/i;
const QUERY_PAIR = /([?&;])([^=&;#]*)=([^&;#]*)/g;

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The secret parts of a URL (parsed or not): the password (or a lone user, a token), key-like query values. */
export function urlSecrets(text: string): string[] {
  const found: string[] = [];
  const userinfo = USERINFO.exec(text)?.[2];
  if (userinfo) {
    const at = userinfo.indexOf(':');
    const user = at < 0 ? userinfo : userinfo.slice(0, at);
    const password = at < 0 ? '' : userinfo.slice(at + 1);
    // `https://TOKEN@host` puts the credential in the user part; with a password, or when short
    // (`admin@`), the user is a name, and masking it would hide that word in every log line.
    for (const part of password ? [password] : user.length >= 8 ? [user] : [])
      found.push(part, decoded(part));
    if (password) found.push(Buffer.from(`${decoded(user)}:${decoded(password)}`).toString('base64'));
  }
  const query = text.slice(text.indexOf('?') + 1 || text.length).split('#')[0]!;
  for (const match of `?${query}`.matchAll(QUERY_PAIR)) {
    if (SECRET_PARAM.test(decoded(match[2]!)) && match[3]) found.push(match[3], decoded(match[3]));
  }
  return [...new Set(found)].filter((s) => s.length > 0);
}

/** Register a URL's credentials as secrets (before anything prints it). */
export function registerUrlSecrets(text: string | undefined): void {
  if (!text) return;
  for (const secret of urlSecrets(text)) registerSecret(secret, { split: false });
}

/** The URL as logs and reports show it: credentials and key-like query values as `***`. */
export function redactUrl(text: string): string {
  const [head, ...fragment] = text.split('#');
  const shown = head!
    .replace(USERINFO, (_, scheme: string) => `${scheme}***@`)
    .replace(QUERY_PAIR, (pair, sep: string, name: string, value: string) =>
      value && SECRET_PARAM.test(decoded(name)) ? `${sep}${name}=***` : pair,
    );
  return fragment.length ? `${shown}#${fragment.join('#')}` : shown;
}

/**
 * An http(s) URL input: `undefined` when empty, the trimmed text otherwise. Its credentials are
 * registered as secrets first, so even the line rejecting it shows them masked.
 */
export function parseHttpUrl(text: string): { url?: string; problem?: string } {
  if (text === '') return {};
  registerUrlSecrets(text);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { problem: 'expected an http:// or https:// URL, e.g. http://vllm:8000/v1' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return { problem: `expected an http:// or https:// URL, not ${url.protocol}` };
  return { url: text };
}
