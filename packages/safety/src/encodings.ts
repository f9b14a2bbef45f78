/** Small, reversible text encodings used by transforms and by the leak detectors. */

export function rot13(text: string): string {
  return text.replace(/[a-z]/gi, (char) => {
    const base = char <= 'Z' ? 65 : 97;
    return String.fromCharCode(((char.charCodeAt(0) - base + 13) % 26) + base);
  });
}

export function toBase64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}

export function fromBase64(text: string): string {
  return Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8');
}

export function toHex(text: string): string {
  return Buffer.from(text, 'utf8').toString('hex');
}

export function fromHex(hex: string): string {
  return Buffer.from(hex.length % 2 === 0 ? hex : hex.slice(0, -1), 'hex').toString('utf8');
}

export function reverse(text: string): string {
  return [...text].reverse().join('');
}

/**
 * Lower-case letters and digits only, after NFKC (which folds full-width and other look-alike forms).
 * Comparing these makes "L L M O P S - c a n a r y" and "llmops_canary" the same string.
 */
export function squash(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}
