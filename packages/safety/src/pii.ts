export type PiiKind = 'email' | 'phone' | 'ssn' | 'credit-card' | 'iban' | 'api-key' | 'private-key';

export interface PiiMatch {
  kind: PiiKind;
  match: string;
  start: number;
  end: number;
}

// ISO 13616 IBAN registry: country code -> total length.
// prettier-ignore
const ibanLengths: Record<string, number> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BI: 27, BR: 29, BY: 28,
  CH: 21, CR: 22, CY: 28, CZ: 24, DE: 22, DJ: 27, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18,
  FK: 18, FO: 18, FR: 27, GB: 22, GE: 22, GI: 23, GL: 18, GR: 27, GT: 28, HN: 28, HR: 21, HU: 28,
  IE: 22, IL: 23, IQ: 23, IS: 26, IT: 27, JO: 30, KW: 30, KZ: 20, LB: 28, LC: 32, LI: 21, LT: 20,
  LU: 20, LV: 21, LY: 25, MC: 27, MD: 24, ME: 22, MK: 19, MN: 20, MR: 27, MT: 31, MU: 30, NI: 28,
  NL: 18, NO: 15, OM: 23, PK: 24, PL: 28, PS: 29, PT: 25, QA: 29, RO: 24, RS: 22, RU: 33, SA: 24,
  SC: 31, SD: 18, SE: 24, SI: 19, SK: 24, SM: 27, SO: 23, ST: 25, SV: 28, TL: 23, TN: 24, TR: 26,
  UA: 29, VA: 22, VG: 24, XK: 20, YE: 30,
};

export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** ISO 7064 mod 97-10 over the rearranged IBAN, plus the registry length of its country. */
export function ibanValid(candidate: string): boolean {
  const iban = candidate.replace(/[\s-]/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(iban)) return false;
  if (ibanLengths[iban.slice(0, 2)] !== iban.length) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const value = char >= 'A' ? String(char.charCodeAt(0) - 55) : char;
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

/** Card networks by IIN prefix and length; Luhn alone would pass one random number in ten. */
function cardNetworkKnown(digits: string): boolean {
  const n = digits.length;
  const p2 = Number(digits.slice(0, 2));
  const p3 = Number(digits.slice(0, 3));
  const p4 = Number(digits.slice(0, 4));
  const p6 = Number(digits.slice(0, 6));
  if (digits[0] === '4') return n === 13 || n === 16 || n === 19; // Visa
  if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) return n === 16; // Mastercard
  if (p2 === 34 || p2 === 37) return n === 15; // American Express
  if (p4 === 6011 || p2 === 65 || (p3 >= 644 && p3 <= 649) || (p6 >= 622126 && p6 <= 622925))
    return n >= 16 && n <= 19; // Discover
  if (p4 >= 3528 && p4 <= 3589) return n >= 16 && n <= 19; // JCB
  if (p2 === 36 || p2 === 38 || (p3 >= 300 && p3 <= 305)) return n >= 14 && n <= 19; // Diners Club
  if (p2 === 62) return n >= 16 && n <= 19; // UnionPay
  return false;
}

/** SSA rules: area 000, 666 and 900–999 are never issued, nor group 00 or serial 0000. */
export function ssnValid(area: string, group: string, serial: string): boolean {
  const a = Number(area);
  return a !== 0 && a !== 666 && a < 900 && group !== '00' && serial !== '0000';
}

function shannonBits(text: string): number {
  const counts = new Map<string, number>();
  for (const char of text) counts.set(char, (counts.get(char) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / text.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

interface Detector {
  kind: PiiKind;
  pattern: RegExp;
  /** Which capture group is the value (default the whole match). */
  group?: number;
  accept?: (value: string, groups: RegExpExecArray) => boolean;
}

// Order is precedence when matches overlap: the more specific kind wins.
const detectors: Detector[] = [
  // Hugging Face access tokens
  { kind: 'api-key', pattern: /\bhf_[A-Za-z0-9]{30,256}\b/g },
  // GitLab personal access tokens
  { kind: 'api-key', pattern: /\bglpat-[A-Za-z0-9_-]{20,256}\b/g },
  // npm access tokens
  { kind: 'api-key', pattern: /\bnpm_[A-Za-z0-9]{36}\b/g },
  // JSON Web Tokens: base64url header and payload (both JSON objects, so both start "eyJ") and a signature
  {
    kind: 'api-key',
    pattern: /\beyJ[A-Za-z0-9_-]{8,8192}\.eyJ[A-Za-z0-9_-]{8,8192}\.[A-Za-z0-9_-]{16,1024}/g,
  },
  // OpenAI (sk-..., sk-proj-...), Anthropic (sk-ant-...)
  { kind: 'api-key', pattern: /\bsk-(?:proj-|ant-(?:api\d\d-)?|svcacct-|admin-)?[A-Za-z0-9_-]{20,512}/g },
  // GitHub classic tokens and fine-grained PATs
  { kind: 'api-key', pattern: /\bgh[pousr]_[A-Za-z0-9]{36,255}\b/g },
  { kind: 'api-key', pattern: /\bgithub_pat_[A-Za-z0-9_]{60,255}\b/g },
  // AWS access key ids
  { kind: 'api-key', pattern: /\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\b/g },
  // Slack bot/user/app/refresh tokens
  { kind: 'api-key', pattern: /\bxox[abposr]-(?:[A-Za-z0-9]{1,64}-){1,4}[A-Za-z0-9]{6,256}\b/g },
  // Google API keys
  { kind: 'api-key', pattern: /\bAIza[0-9A-Za-z_-]{35}\b/g },
  // Stripe secret and restricted keys
  { kind: 'api-key', pattern: /\b[sr]k_(?:live|test)_[A-Za-z0-9]{16,256}\b/g },
  // A bearer token or an assigned key/secret/token with enough entropy to be a real credential.
  {
    kind: 'api-key',
    pattern:
      /(?:\bbearer\s+|\b(?:api[_-]?key|secret|access[_-]?token|auth[_-]?token|token)["']?\s*[:=]\s*["']?)([A-Za-z0-9._~+/-]{20,1024}={0,2})/gi,
    group: 1,
    accept: (value) => shannonBits(value) >= 3.5 && /\d/.test(value) && /[A-Za-z]/.test(value),
  },
  {
    kind: 'iban',
    pattern: /\b[A-Z]{2}\d{2}(?:[ -]?[A-Z0-9]{4}){2,7}(?:[ -]?[A-Z0-9]{1,3})?\b/g,
    accept: (value) => ibanValid(value),
  },
  {
    kind: 'credit-card',
    pattern: /(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d-])/g,
    accept: (value) => {
      const digits = value.replace(/\D/g, '');
      return luhnValid(digits) && cardNetworkKnown(digits);
    },
  },
  {
    kind: 'ssn',
    pattern: /(?<![\d-])(\d{3})([- ])(\d{2})\2(\d{4})(?![\d-])/g,
    accept: (_value, groups) => ssnValid(groups[1]!, groups[3]!, groups[4]!),
  },
  // Unformatted nine digits only where the text says it is an SSN.
  {
    kind: 'ssn',
    pattern: /\b(?:ssn|social security(?: number| no\.?)?)\W{0,4}(?:is\s+)?(\d{9})\b/gi,
    group: 1,
    accept: (value) => ssnValid(value.slice(0, 3), value.slice(3, 5), value.slice(5)),
  },
  {
    kind: 'email',
    // Bounded (RFC 5321: 64-character local part, 63-character labels) so that a run like `a.a.a.…`
    // is scanned once, not once per starting character.
    pattern: /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@(?:[A-Za-z0-9-]{1,63}\.){1,8}[A-Za-z]{2,24}\b/g,
  },
  // E.164 (+ and 8–15 digits, separators allowed between groups)
  {
    kind: 'phone',
    pattern: /(?<![\w+])\+[1-9](?:[ .-]?\(?\d\)?){7,14}(?!\d)/g,
  },
  // North American (555) 123-4567, 555-123-4567, 555.123.4567, 1-555-123-4567
  {
    kind: 'phone',
    pattern: /(?<![\w-])(?:1[ .-])?(?:\(\d{3}\)\s?|\d{3}[ .-])\d{3}[ .-]\d{4}(?![\w-])/g,
  },
  // Common European national formats: 020 7946 0958, 06 12 34 56 78, 030-12345678
  {
    kind: 'phone',
    pattern: /(?<![\w-])0[1-9]\d{0,3}(?:[ -]\d{2,4}){2,4}(?![\w-])/g,
    accept: (value) => {
      const digits = value.replace(/\D/g, '').length;
      return digits >= 9 && digits <= 12;
    },
  },
];

const keyHeader = /-----BEGIN ((?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?)-----/g;

/**
 * PEM private keys, from the BEGIN line to its END line. A key cut short (max-tokens, a model stopping
 * mid-block) is still a leak: then up to the first blank line, else the end of the text. The next END
 * line and blank line are found once and reused for the headers before them, so many headers stay linear.
 */
function privateKeys(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const nextEnd = new Map<string, number>();
  const blank = /\n[ \t]*\n/g;
  let nextBlank = -1;
  keyHeader.lastIndex = 0;
  for (let m = keyHeader.exec(text); m; m = keyHeader.exec(text)) {
    const from = m.index + m[0].length;
    const endLine = `-----END ${m[1]}-----`;
    let end = nextEnd.get(endLine);
    if (end === undefined || (end >= 0 && end < from)) {
      end = text.indexOf(endLine, from);
      nextEnd.set(endLine, end);
    }
    if (nextBlank !== text.length && nextBlank < from) {
      blank.lastIndex = from;
      nextBlank = blank.exec(text)?.index ?? text.length;
    }
    const stop = end >= 0 && end < nextBlank ? end + endLine.length : nextBlank;
    spans.push([m.index, stop]);
    keyHeader.lastIndex = Math.max(keyHeader.lastIndex, stop);
  }
  return spans;
}

/** Personal data and credentials in text, with checksums where the format has one. */
export function findPii(text: string): PiiMatch[] {
  const found: PiiMatch[] = [];
  // Characters already claimed by a more specific kind: a mask, so many findings stay linear.
  const taken = new Uint8Array(text.length);
  const overlaps = (start: number, end: number) => taken.subarray(start, end).includes(1);
  for (const [start, end] of privateKeys(text)) {
    taken.fill(1, start, end);
    found.push({ kind: 'private-key', match: text.slice(start, end), start, end });
  }
  for (const detector of detectors) {
    detector.pattern.lastIndex = 0;
    for (let m = detector.pattern.exec(text); m; m = detector.pattern.exec(text)) {
      const value = detector.group === undefined ? m[0] : m[detector.group];
      if (value === undefined) continue;
      const start = m.index + (detector.group === undefined ? 0 : m[0].lastIndexOf(value));
      const end = start + value.length;
      if (detector.accept && !detector.accept(value, m)) continue;
      if (overlaps(start, end)) continue;
      taken.fill(1, start, end);
      found.push({ kind: detector.kind, match: value, start, end });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * Replace each finding with `[REDACTED:<kind>]`, then what reads as personal data only once read as a
 * person would: a number spelled out in seven or more digit words (`[REDACTED:number]`) and a full
 * date, day, month and year, in any of the forms `piiReading` knows (`[REDACTED:date]`).
 */
export function redactPii(text: string): string {
  let out = '';
  let at = 0;
  for (const match of findPii(text)) {
    out += text.slice(at, match.start) + `[REDACTED:${match.kind}]`;
    at = match.end;
  }
  out += text.slice(at);
  out = out.replace(spelledNumber(), '[REDACTED:number]');
  for (const date of fullDates()) out = out.replace(date, '[REDACTED:date]');
  return out;
}

const digitWord = String.raw`(?:(?:double|triple)[\s-]+)?(?:zero|oh|nought|one|two|three|four|five|six|seven|eight|nine)`;
/** Seven or more digits in words (digits may mix in), with the separators people put between groups. */
const spelledNumber = () =>
  new RegExp(String.raw`\b${digitWord}(?:[\s,.;:-]{1,3}(?:${digitWord}|\d{1,4})\b){6,40}`, 'gi');
const monthName = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const dayOf = String.raw`\d{1,2}(?:st|nd|rd|th)?`;
const fullDates = () => [
  new RegExp(String.raw`\b${dayOf}(?:\s+of)?\s+${monthName},?\s+\d{4}\b`, 'gi'),
  new RegExp(String.raw`\b${monthName}\s+${dayOf},?\s+\d{4}\b`, 'gi'),
  /\b\d{1,2}[/.-]\d{1,2}[/.-]\d{4}\b/g,
  /\b\d{4}[/.-]\d{1,2}[/.-]\d{1,2}\b/g,
];

const digitWords: Record<string, string> = {
  zero: '0',
  oh: '0',
  nought: '0',
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
};
const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function isoDate(year: string, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The text as personal data reads once spelled-out digits are digits ("five five five" → "555",
 * "double two" → "22") and every date is also written as ISO 8601 (`14 March 1979`,
 * `March 14, 1979`, `14/03/1979` and `03/14/1979` all add `1979-03-14`). Matching markers against
 * this catches a phone number in words or a birth date in another format.
 */
export function piiReading(text: string): string {
  const words = Object.keys(digitWords).join('|');
  let out = text
    .replace(
      new RegExp(String.raw`\b(double|triple)[\s-]+(${words})\b`, 'gi'),
      (_m, times: string, word: string) =>
        digitWords[word.toLowerCase()]!.repeat(times.toLowerCase() === 'double' ? 2 : 3),
    )
    .replace(new RegExp(String.raw`\b(?:${words})\b`, 'gi'), (word) => digitWords[word.toLowerCase()]!);
  const dates: string[] = [];
  const month = String.raw`(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?`;
  const day = String.raw`(\d{1,2})(?:st|nd|rd|th)?`;
  for (const m of out.matchAll(new RegExp(String.raw`\b${day}(?:\s+of)?\s+${month},?\s+(\d{4})\b`, 'gi')))
    dates.push(isoDate(m[3]!, months.indexOf(m[2]!.toLowerCase()) + 1, Number(m[1])) ?? '');
  for (const m of out.matchAll(new RegExp(String.raw`\b${month}\s+${day},?\s+(\d{4})\b`, 'gi')))
    dates.push(isoDate(m[3]!, months.indexOf(m[1]!.toLowerCase()) + 1, Number(m[2])) ?? '');
  for (const m of out.matchAll(/\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b/g)) {
    dates.push(isoDate(m[3]!, Number(m[2]), Number(m[1])) ?? ''); // day first
    dates.push(isoDate(m[3]!, Number(m[1]), Number(m[2])) ?? ''); // month first (US)
  }
  for (const m of out.matchAll(/\b(\d{4})[/.](\d{1,2})[/.](\d{1,2})\b/g))
    dates.push(isoDate(m[1]!, Number(m[2]), Number(m[3])) ?? '');
  const found = dates.filter(Boolean);
  if (found.length) out += `\n${found.join('\n')}`;
  return out;
}
