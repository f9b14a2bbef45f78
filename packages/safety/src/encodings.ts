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
// "LLМОPS" with a Cyrillic М and О reads as the tripwire to a person, so it is one to the detector.
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
function foldCodePointUncached(char: string): string {
  let out = '';
  for (const c of char.normalize('NFKC')) out += lookAlikes[c] ?? c.toLowerCase();
  return out.replace(/[^a-z0-9]/g, '');
}

// Text has few distinct non-ASCII characters: fold each once.
const folds = new Map<string, { folded: string; lookAlike: boolean }>();
function foldCodePoint(char: string): { folded: string; lookAlike: boolean } {
  let fold = folds.get(char);
  if (!fold) {
    fold = { folded: foldCodePointUncached(char), lookAlike: char.normalize('NFKC') in lookAlikes };
    if (folds.size < 10_000) folds.set(char, fold);
  }
  return fold;
}

/** A text reduced to letters and digits, with where each kept character came from in the original. */
export interface SquashedText {
  chars: string;
  /** Original offset where squashed character i starts, and where it ends. */
  starts: Int32Array;
  ends: Int32Array;
  /** 1 where squashed character i came from a look-alike (Cyrillic, Greek) letter. */
  lookAlike: Uint8Array;
}

// eslint-disable-next-line no-control-regex -- every ASCII character, control characters included
const asciiOnly = /^[\x00-\x7f]*$/;

export function squashWithOffsets(text: string): SquashedText {
  // Typed arrays, grown on demand: NFKC can turn one character into several (ﬁ → fi).
  let size = text.length + 16;
  let starts = new Int32Array(size);
  let ends = new Int32Array(size);
  let lookAlike = new Uint8Array(size);
  const codes: number[] = [];
  const keep = (code: number, start: number, end: number, foreign: boolean) => {
    if (codes.length === size) {
      size *= 2;
      const grow = <T extends Int32Array | Uint8Array>(from: T, to: T) => (to.set(from), to);
      starts = grow(starts, new Int32Array(size));
      ends = grow(ends, new Int32Array(size));
      lookAlike = grow(lookAlike, new Uint8Array(size));
    }
    starts[codes.length] = start;
    ends[codes.length] = end;
    lookAlike[codes.length] = foreign ? 1 : 0;
    codes.push(code);
  };
  for (let at = 0; at < text.length;) {
    const code = text.charCodeAt(at);
    if (code < 128) {
      // ASCII folds to itself in lower case: only the rest needs NFKC and the look-alike table.
      if ((code >= 48 && code <= 57) || (code >= 97 && code <= 122)) keep(code, at, at + 1, false);
      else if (code >= 65 && code <= 90) keep(code + 32, at, at + 1, false);
      at++;
      continue;
    }
    const char = String.fromCodePoint(text.codePointAt(at)!);
    const fold = foldCodePoint(char);
    for (let i = 0; i < fold.folded.length; i++)
      keep(fold.folded.charCodeAt(i), at, at + char.length, fold.lookAlike);
    at += char.length;
  }
  // Letters and digits only: one UTF-16 unit each, so the codes decode as Latin-1 bytes would.
  const chars = Buffer.from(codes).toString('latin1');
  const n = codes.length;
  return {
    chars,
    starts: starts.subarray(0, n),
    ends: ends.subarray(0, n),
    lookAlike: lookAlike.subarray(0, n),
  };
}

/**
 * Lower-case letters and digits only, after NFKC (which folds full-width and other look-alike forms)
 * and with Cyrillic/Greek look-alikes read as Latin. Comparing these makes
 * "L L M O P S - c a n a r y" and "llmops_canary" the same string.
 */
export function squash(text: string): string {
  if (asciiOnly.test(text)) return text.toLowerCase().replace(/[^a-z0-9]/g, '');
  // Runs of other characters at a time: most fold to nothing, and a callback per character is slow.
  return text
    .replace(/[^a-zA-Z0-9]+/g, (run) => {
      if (asciiOnly.test(run)) return '';
      let folded = '';
      for (const char of run) if (char.charCodeAt(0) >= 128) folded += foldCodePoint(char).folded;
      return folded;
    })
    .toLowerCase();
}
