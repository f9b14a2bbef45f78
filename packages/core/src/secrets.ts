/**
 * Secrets are registered before anything is logged. In Actions the sink is `core.setSecret`
 * (the runner masks them); on a terminal the CLI redacts them itself.
 */
type SecretSink = (value: string) => void;

const known = new Set<string>();
/** Every form a registered secret is redacted in: itself and its common encodings. */
const forms = new Set<string>();
let sink: SecretSink = () => {};

// Shorter encoded forms would redact ordinary words; the verbatim secret (3+ characters) is always kept.
const MIN_ENCODED = 6;

/**
 * Base64 of `bytes` wherever it starts in a longer encoded text: at each of the three offsets in
 * a 3-byte group, only the characters that depend on the secret's bits alone.
 */
function base64Forms(bytes: Buffer): string[] {
  const out: string[] = [];
  for (let offset = 0; offset < 3; offset++) {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
    const start = Math.ceil((offset * 8) / 6);
    const end = Math.floor(((offset + bytes.length) * 8) / 6);
    const core = encoded.slice(start, end);
    out.push(core);
    // Whole-value encodings end in a padded quad: redact that too, so no tail character is left.
    if (offset === 0) out.push(encoded);
  }
  return out.flatMap((b64) => [b64, b64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')]);
}

/** The secret and the encodings a model, a server or a tool might echo it in. */
export function secretForms(value: string): string[] {
  const bytes = Buffer.from(value, 'utf8');
  const encoded = [
    ...base64Forms(bytes),
    bytes.toString('hex'),
    bytes.toString('hex').toUpperCase(),
    encodeURIComponent(value),
    encodeURIComponent(value).replace(/%20/g, '+'),
    [...value].reverse().join(''),
  ].filter((form) => form.length >= MIN_ENCODED && form !== value);
  // Longest first: a whole padded base64 before the core it contains.
  return [value, ...new Set(encoded)].sort((a, b) => b.length - a.length);
}

export function setSecretSink(next: SecretSink): void {
  sink = next;
  for (const value of forms) sink(value);
}

/**
 * Mask a value from now on. Header-style values ("Bearer x", "user:pass") also leak their parts,
 * so those are masked too unless `split: false` (a whole document such as a kubeconfig, whose
 * words are ordinary; its credentials are registered one by one).
 */
export function registerSecret(value: string | undefined, options: { split?: boolean } = {}): void {
  if (!value || value.length < 3 || known.has(value)) return;
  known.add(value);
  for (const form of secretForms(value)) {
    if (forms.has(form)) continue;
    forms.add(form);
    sink(form);
  }
  if (options.split === false) return;
  for (const part of value.split(/[\s:]+/)) if (part.length >= 6 && part !== value) registerSecret(part);
}

/** Every string inside a value with secrets replaced: reports and files are not masked by the runner. */
export function redactDeep<T>(value: T): T {
  if (forms.size === 0) return value;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return redactSecrets(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object')
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value) as T;
}

/**
 * Replace every registered secret, and its encodings, in text (for output the runner does not
 * mask). Each form is one linear substring scan, longest forms first.
 */
export function redactSecrets(text: string): string {
  let out = text;
  for (const form of sortedForms()) if (out.includes(form)) out = out.split(form).join('***');
  return out;
}

let sorted: { size: number; list: string[] } = { size: 0, list: [] };
function sortedForms(): string[] {
  if (sorted.size !== forms.size)
    sorted = { size: forms.size, list: [...forms].sort((a, b) => b.length - a.length) };
  return sorted.list;
}
