import {
  tripwirePrefix,
  findLeaks,
  makeTripwire,
  plantTripwire,
  redactSecret,
  reverse,
  rot13,
  toBase64,
  toHex,
} from '@llmops/safety';

const tripwire = 'LLMOPS-CANARY-7K2QX9M4PB3D';
const encodings = (text: string) => findLeaks(text, tripwire).map((leak) => leak.encoding);

describe('tripwire', () => {
  it('is unique per run and planted in the system prompt', () => {
    const a = makeTripwire();
    const b = makeTripwire();
    expect(a).toMatch(/^LLMOPS-CANARY-[0-9A-Z]{12}$/);
    expect(a).not.toBe(b);
    expect(plantTripwire('You are ShopBot.', a)).toMatch(new RegExp(`^You are ShopBot\\.\\n\\n.*${a}`));
    expect(plantTripwire('', a)).toContain(a);
  });

  it('finds the tripwire verbatim, in any case and with separators inserted', () => {
    expect(encodings(`Sure: ${tripwire}`)).toEqual(['verbatim']);
    expect(encodings(`code ${tripwire.toLowerCase()}`)).toEqual(['verbatim']);
    expect(encodings('L L M O P S - C A N A R Y - 7 K 2 Q X 9 M 4 P B 3 D')).toEqual(['spaced']);
    expect(encodings('llmops_canary.7k2q-x9m4-pb3d')).toEqual(['spaced']);
    expect(encodings('the suffix is 7K2QX9M4PB3D')).toEqual(['spaced']);
    expect(encodings('Ｌ Ｌ ＭＯＰＳ-CANARY-7K2QX9M4PB3D')).toEqual(['spaced']); // full-width letters
  });

  it('finds the tripwire base64-, rot13-, hex- and reverse-encoded', () => {
    expect(encodings(`Encoded: ${toBase64(`My code is ${tripwire}.`)}`)).toEqual(['base64']);
    const wrapped = toBase64(`Instructions: keep ${tripwire} secret`).replace(/(.{16})/g, '$1\n');
    expect(encodings(wrapped)).toEqual(['base64']);
    expect(encodings(rot13(`secret ${tripwire}`))).toEqual(['rot13']);
    expect(encodings(toHex(tripwire))).toEqual(['hex']);
    expect(encodings(`0x${toHex(tripwire).match(/../g)!.join(' 0x')}`)).toEqual(['hex']);
    expect(encodings(reverse(`the code is ${tripwire}`))).toEqual(['reversed']);
  });

  it('does not fire on other canaries or near misses', () => {
    // Another run's tripwire shares the prefix, and at most 7 characters of a random suffix prove nothing.
    expect(findLeaks(`${tripwirePrefix}9ZZ2QX9M4PZZ and LLMOPS-CANARY`, tripwire)).toEqual([]);
    expect(findLeaks(toBase64('nothing secret here at all'), tripwire)).toEqual([]);
    expect(findLeaks('I cannot share my instructions.', tripwire)).toEqual([]);
  });

  it('finds 0x-list hex, wrapped base64, decimal bytes, acrostics, suffix runs and look-alike letters', () => {
    const bytes = [...Buffer.from(tripwire)];
    expect(encodings(`bytes: ${bytes.map((b) => `0x${b.toString(16)}`).join(', ')}`)).toEqual(['hex']);
    expect(encodings(`decimal: ${bytes.join(', ')}`)).toEqual(['decimal']);
    const wrapped = toBase64(`The code is ${tripwire}, keep it.`).replace(/(.{10})/g, '$1\n    ');
    expect(encodings(`Here:\n    ${wrapped}`)).toEqual(['base64']);
    const poem = [...tripwire.replace(/-/g, '')].map((c) => `${c}${'ight over the hills'}`).join('\n');
    expect(encodings(poem)).toEqual(['acrostic']);
    expect(encodings('the tail of the code is X9M4PB3D')).toEqual(['partial']);
    expect(encodings('LLМОPS-CАNARY-7K2QX9M4PB3D')).toEqual(['look-alike']); // Cyrillic М, О, А
    expect(encodings('ΛΛ LLMOPS-CANΑRY-7Κ2QΧ9Μ4PΒ3D')).toEqual(['look-alike']); // Greek Α, Κ, Χ, Β
    expect(
      encodings('- L\n- L\n- M\n- O\n- P\n- S\n- C\n- A\n- N\n- A\n- R\n- Y\n- 7K2Q\n- X9M4\n- PB3D'),
    ).toContain('spaced');
  });

  it('redacts every form it detects (property: nothing is found after redaction)', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const pick = <T>(items: readonly T[]) => items[random(items.length)]!;
    const separators = [' ', '-', '_', '. ', ' · ', ', ', '\n', '\n- ', '\n* ', ' | ', '/', '  '];
    const words = ['Sure', 'the code is', 'here you go:', 'as requested', '', 'Thanks!', 'ok'];
    const forms: Array<(c: string) => string> = [
      (c) => c,
      (c) => [...c].join(pick(separators)),
      (c) => [...c].map((ch) => `${ch}${random(3) ? pick(separators) : ''}`).join(''),
      (c) => [...c].map((ch) => `- ${ch}`).join('\n'),
      (c) => c.slice(tripwirePrefix.length + random(4), tripwirePrefix.length + 8 + random(5)),
      (c) => toBase64(`${pick(words)} ${c}`).replace(/(.{8})/g, (m) => m + pick(['', '\n', '\n  '])),
      (c) => toHex(c).replace(/(..)/g, (m) => pick(['', '0x', '\\x']) + m + pick(['', ' ', ', ', ':'])),
      (c) => [...Buffer.from(c)].join(pick([' ', ', ', ',', '; '])),
      (c) => rot13([...c].join(random(2) ? ' ' : '')),
      (c) => reverse(c),
      (c) =>
        [...c.replace(/-/g, '')].map((ch) => `${ch}${pick(['ight', 'oon', 'ater', ''])} falls`).join('\n'),
      (c) =>
        c.replace(/[AOEKMPCX]/g, (ch) =>
          pick([
            ch,
            ({ A: 'А', O: 'О', E: 'Е', K: 'К', M: 'М', P: 'Р', C: 'С', X: 'Х' } as Record<string, string>)[
              ch
            ]!,
          ]),
        ),
    ];
    let detected = 0;
    for (let i = 0; i < 600; i++) {
      const secret = makeTripwire((n) => Buffer.from(Array.from({ length: n }, () => random(256))));
      const form = forms[i % forms.length]!(secret);
      const text = `${pick(words)} ${form} ${pick(words)}`;
      if (findLeaks(text, secret).length === 0) continue;
      detected++;
      const redacted = redactSecret(text, secret);
      expect({ text, leaks: findLeaks(redacted, secret) }).toEqual({ text, leaks: [] });
    }
    expect(detected).toBeGreaterThan(550);
  });

  it('redacts the tripwire and its encodings for reports', () => {
    const text = [
      `plain ${tripwire}`,
      `spaced ${[...tripwire].join(' ')}`,
      `b64 ${toBase64(tripwire)}`,
      `rot ${rot13(tripwire)}`,
      `hex ${toHex(tripwire)}`,
      `rev ${reverse(tripwire)}`,
    ].join('\n');
    const redacted = redactSecret(text, tripwire);
    expect(findLeaks(redacted, tripwire)).toEqual([]);
    expect(redacted.match(/\[REDACTED-CANARY\]/g)).toHaveLength(6);
    expect(redacted).toContain('plain [REDACTED-CANARY]');
  });
});
