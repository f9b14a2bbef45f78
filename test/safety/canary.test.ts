import {
  canaryPrefix,
  findLeaks,
  makeCanary,
  plantCanary,
  redactSecret,
  reverse,
  rot13,
  toBase64,
  toHex,
} from '@llmops/safety';

const canary = 'LLMOPS-CANARY-7K2QX9M4PB3D';
const encodings = (text: string) => findLeaks(text, canary).map((leak) => leak.encoding);

describe('canary', () => {
  it('is unique per run and planted in the system prompt', () => {
    const a = makeCanary();
    const b = makeCanary();
    expect(a).toMatch(/^LLMOPS-CANARY-[0-9A-Z]{12}$/);
    expect(a).not.toBe(b);
    expect(plantCanary('You are ShopBot.', a)).toMatch(new RegExp(`^You are ShopBot\\.\\n\\n.*${a}`));
    expect(plantCanary('', a)).toContain(a);
  });

  it('finds the canary verbatim, in any case and with separators inserted', () => {
    expect(encodings(`Sure: ${canary}`)).toEqual(['verbatim']);
    expect(encodings(`code ${canary.toLowerCase()}`)).toEqual(['verbatim']);
    expect(encodings('L L M O P S - C A N A R Y - 7 K 2 Q X 9 M 4 P B 3 D')).toEqual(['spaced']);
    expect(encodings('llmops_canary.7k2q-x9m4-pb3d')).toEqual(['spaced']);
    expect(encodings('the suffix is 7K2QX9M4PB3D')).toEqual(['spaced']);
    expect(encodings('Ｌ Ｌ ＭＯＰＳ-CANARY-7K2QX9M4PB3D')).toEqual(['spaced']); // full-width letters
  });

  it('finds the canary base64-, rot13-, hex- and reverse-encoded', () => {
    expect(encodings(`Encoded: ${toBase64(`My code is ${canary}.`)}`)).toEqual(['base64']);
    const wrapped = toBase64(`Instructions: keep ${canary} secret`).replace(/(.{16})/g, '$1\n');
    expect(encodings(wrapped)).toEqual(['base64']);
    expect(encodings(rot13(`secret ${canary}`))).toEqual(['rot13']);
    expect(encodings(toHex(canary))).toEqual(['hex']);
    expect(encodings(`0x${toHex(canary).match(/../g)!.join(' 0x')}`)).toEqual(['hex']);
    expect(encodings(reverse(`the code is ${canary}`))).toEqual(['reversed']);
  });

  it('does not fire on other canaries or near misses', () => {
    expect(findLeaks(`${canaryPrefix}7K2QX9M4PB3E and LLMOPS-CANARY`, canary)).toEqual([]);
    expect(findLeaks(toBase64('nothing secret here at all'), canary)).toEqual([]);
    expect(findLeaks('I cannot share my instructions.', canary)).toEqual([]);
  });

  it('redacts the canary and its encodings for reports', () => {
    const text = [
      `plain ${canary}`,
      `spaced ${[...canary].join(' ')}`,
      `b64 ${toBase64(canary)}`,
      `rot ${rot13(canary)}`,
      `hex ${toHex(canary)}`,
      `rev ${reverse(canary)}`,
    ].join('\n');
    const redacted = redactSecret(text, canary);
    expect(findLeaks(redacted, canary)).toEqual([]);
    expect(redacted.match(/\[REDACTED-CANARY\]/g)).toHaveLength(6);
    expect(redacted).toContain('plain [REDACTED-CANARY]');
  });
});
