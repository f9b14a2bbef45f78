/**
 * Secrets are registered before anything is logged. In Actions the sink is `core.setSecret`
 * (the runner masks them); on a terminal the CLI redacts them itself.
 */
type SecretSink = (value: string) => void;

const known = new Set<string>();
let sink: SecretSink = () => {};

export function setSecretSink(next: SecretSink): void {
  sink = next;
  for (const value of known) sink(value);
}

/**
 * Mask a value from now on. Header-style values ("Bearer x", "user:pass") also leak their parts,
 * so those are masked too unless `split: false` (a whole document such as a kubeconfig, whose
 * words are ordinary; its credentials are registered one by one).
 */
export function registerSecret(value: string | undefined, options: { split?: boolean } = {}): void {
  if (!value || value.length < 3 || known.has(value)) return;
  known.add(value);
  sink(value);
  if (options.split === false) return;
  for (const part of value.split(/[\s:]+/)) if (part.length >= 6 && part !== value) registerSecret(part);
}

/** Every string inside a value with secrets replaced: reports and files are not masked by the runner. */
export function redactDeep<T>(value: T): T {
  if (known.size === 0) return value;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return redactSecrets(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object')
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value) as T;
}

/** Replace every registered secret in text (for output the runner does not mask). */
export function redactSecrets(text: string): string {
  let out = text;
  for (const value of known) out = out.split(value).join('***');
  return out;
}
