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

// Cyrillic and Greek letters that look like Latin ones (Unicode confusables, the common subset):
// "LLМОPS" with a Cyrillic М and О reads as the canary to a person, so it is one to the detector.
// prettier-ignore
const lookAlikes: Record<string, string> = {
  // Cyrillic capitals, then small letters
  А: 'a', В: 'b', Е: 'e', Ё: 'e', З: '3', І: 'i', Ј: 'j', К: 'k', М: 'm', Н: 'h', О: 'o', Р: 'p',
  С: 'c', Ѕ: 's', Т: 't', У: 'y', Х: 'x', Ү: 'y', Ԛ: 'q', Ԝ: 'w',
  а: 'a', б: '6', с: 'c', ԁ: 'd', е: 'e', ё: 'e', һ: 'h', і: 'i', ї: 'i', ј: 'j', ӏ: 'l', о: 'o',
  р: 'p', ԛ: 'q', ѕ: 's', у: 'y', ѵ: 'v', ԝ: 'w', х: 'x', ү: 'y',
  // Greek capitals, then small letters
  Α: 'a', Β: 'b', Ε: 'e', Ζ: 'z', Η: 'h', Ι: 'i', Κ: 'k', Μ: 'm', Ν: 'n', Ο: 'o', Ρ: 'p', Τ: 't',
  Υ: 'y', Χ: 'x',
  α: 'a', ε: 'e', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x',
};

/** Lower-case Latin letters and digits a code point stands for: NFKC, lower case, then look-alikes. */
function foldCodePoint(char: string): string {
  let out = '';
  for (const c of char.normalize('NFKC')) out += lookAlikes[c] ?? c.toLowerCase();
  return out.replace(/[^a-z0-9]/g, '');
}

/** A text reduced to letters and digits, with where each kept character came from in the original. */
export interface SquashedText {
  chars: string;
  /** Original offset where squashed character i starts, and where it ends. */
  starts: number[];
  ends: number[];
  /** Squashed character i came from a look-alike (Cyrillic, Greek) letter. */
  lookAlike: boolean[];
}

export function squashWithOffsets(text: string): SquashedText {
  const out: SquashedText = { chars: '', starts: [], ends: [], lookAlike: [] };
  let at = 0;
  for (const char of text) {
    const folded = foldCodePoint(char);
    const foreign = char.normalize('NFKC') in lookAlikes;
    for (const c of folded) {
      out.chars += c;
      out.starts.push(at);
      out.ends.push(at + char.length);
      out.lookAlike.push(foreign);
    }
    at += char.length;
  }
  return out;
}

/**
 * Lower-case letters and digits only, after NFKC (which folds full-width and other look-alike forms)
 * and with Cyrillic/Greek look-alikes read as Latin. Comparing these makes
 * "L L M O P S - c a n a r y" and "llmops_canary" the same string.
 */
export function squash(text: string): string {
  return squashWithOffsets(text).chars;
}
