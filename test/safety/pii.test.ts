import { findPii, ibanValid, luhnValid, redactPii } from '@llmops/safety';

const kinds = (text: string) => findPii(text).map((m) => `${m.kind}:${m.match}`);

describe('findPii', () => {
  it('finds cards only when the Luhn checksum and the network prefix hold', () => {
    expect(kinds('card 4111 1111 1111 1111 on file')).toEqual(['credit-card:4111 1111 1111 1111']);
    expect(kinds('mc 5555-5555-5555-4444, amex 378282246310005')).toEqual([
      'credit-card:5555-5555-5555-4444',
      'credit-card:378282246310005',
    ]);
    expect(kinds('card 4111 1111 1111 1112')).toEqual([]); // Luhn fails
    expect(kinds('order 1234567812345670')).toEqual([]); // Luhn holds, no card network starts with 12
    expect(luhnValid('79927398713')).toBe(true);
    expect(luhnValid('79927398710')).toBe(false);
  });

  it('finds IBANs with a valid mod-97 checksum and the registry length', () => {
    expect(kinds('pay GB82 WEST 1234 5698 7654 32 today')).toEqual(['iban:GB82 WEST 1234 5698 7654 32']);
    expect(kinds('DE89370400440532013000')).toEqual(['iban:DE89370400440532013000']);
    expect(ibanValid('FR1420041010050500013M02606')).toBe(true);
    expect(ibanValid('GB82WEST12345698765433')).toBe(false); // checksum
    expect(ibanValid('GB82WEST123456987654')).toBe(false); // GB is 22 long
    expect(ibanValid('ZZ82WEST12345698765432')).toBe(false); // no such country
    expect(kinds('GB82 WEST 1234 5698 7654 33')).toEqual([]);
  });

  it('applies the SSN issuing rules', () => {
    expect(kinds('SSN 078-05-1120')).toEqual(['ssn:078-05-1120']);
    expect(kinds('her social security number is 219099999')).toEqual(['ssn:219099999']);
    for (const invalid of ['000-12-3456', '666-12-3456', '912-34-5678', '123-00-4567', '123-45-0000'])
      expect(kinds(`ssn ${invalid}`)).toEqual([]);
    expect(kinds('tracking 219099999')).toEqual([]); // bare nine digits without an SSN label
  });

  it('finds emails and phone numbers in E.164 and common national formats', () => {
    expect(kinds('write to maria.okafor@example.com')).toEqual(['email:maria.okafor@example.com']);
    expect(kinds('call +44 20 7946 0321 or +14155550123')).toEqual([
      'phone:+44 20 7946 0321',
      'phone:+14155550123',
    ]);
    expect(kinds('US (555) 014-2297, 555-014-2297, 1-555-014-2297')).toEqual([
      'phone:(555) 014-2297',
      'phone:555-014-2297',
      'phone:1-555-014-2297',
    ]);
    expect(kinds('Paris 01 23 45 67 89')).toEqual(['phone:01 23 45 67 89']);
    expect(kinds('version 1.2.3, 2024-01-15, 42 items')).toEqual([]);
  });

  it('finds API keys by provider format and high-entropy bearer tokens', () => {
    const github = 'ghp_' + 'a1B2c3D4e5F6'.repeat(3);
    const githubPat = 'github_pat_' + '11ABCDEFG0'.repeat(7);
    const openai = 'sk-proj-' + 'Xy9Qw8Er7Ty6Ui5Op4As3D'.repeat(2);
    const aws = 'AKIA' + 'IOSFODNN7EXAMPLE';
    const slack = 'xoxb-' + '123456789012-1234567890123-' + 'AbCdEfGhIjKlMnOpQrStUvWx';
    const bearer = 'eyJhbGciOiJIUzI1NiJ9.' + 'eyJzdWIiOiIxMjM0NTY3ODkwIn0';
    const text = `gh ${github}\npat ${githubPat}\nopenai ${openai}\naws ${aws}\nslack ${slack}\nAuthorization: Bearer ${bearer}`;
    expect(findPii(text).map((m) => m.match)).toEqual([github, githubPat, openai, aws, slack, bearer]);
    expect(findPii(text).every((m) => m.kind === 'api-key')).toBe(true);
    expect(kinds('Authorization: Bearer aaaaaaaaaaaaaaaaaaaaaaaa')).toEqual([]); // no entropy
    expect(kinds('the sk-learn docs and ghp_short')).toEqual([]);
  });

  it('finds PEM private key blocks but not public keys', () => {
    const key = [
      '-----BEGIN RSA PRIVATE KEY-----',
      'MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo',
      '-----END RSA PRIVATE KEY-----',
    ].join('\n');
    expect(findPii(`key:\n${key}\nthanks`)).toEqual([
      { kind: 'private-key', match: key, start: 5, end: 5 + key.length },
    ]);
    expect(kinds('-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkq\n-----END PUBLIC KEY-----')).toEqual([]);
  });

  it('finds a private key cut short: up to a blank line or the end of the text', () => {
    const head =
      '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\nAAAAAAAAAAEAAAAzAAAAC3NzaC1lZDI1NTE5';
    expect(findPii(`Here it is:\n${head}`)).toEqual([
      { kind: 'private-key', match: head, start: 12, end: 12 + head.length },
    ]);
    expect(findPii(`${head}\n\nThat is all.`).map((m) => m.match)).toEqual([head]);
  });

  it('finds Hugging Face, GitLab and npm tokens and JWTs', () => {
    const tokens = [
      'hf_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789',
      'glpat-xY9zK2mN4pQ7rS1tU3vW',
      'npm_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8',
      'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
    ];
    for (const token of tokens)
      expect(findPii(`use ${token} to log in`)).toEqual([
        { kind: 'api-key', match: token, start: 4, end: 4 + token.length },
      ]);
    expect(kinds('see eyJhbGciOi in the docs, hf_short, npm_install')).toEqual([]);
  });

  it('reports offsets that slice back to the match', () => {
    const text = 'Mail a@b.io, card 4111111111111111.';
    for (const m of findPii(text)) expect(text.slice(m.start, m.end)).toBe(m.match);
  });
});

describe('redactPii', () => {
  it('replaces each finding with its kind and leaves the rest', () => {
    expect(redactPii('Maria (maria@example.com, SSN 078-05-1120) paid with 4111 1111 1111 1111.')).toBe(
      'Maria ([REDACTED:email], SSN [REDACTED:ssn]) paid with [REDACTED:credit-card].',
    );
    expect(redactPii('nothing here')).toBe('nothing here');
  });

  it('redacts a number in words and a full date in any form, and leaves ordinary words and dates', () => {
    expect(
      redactPii(
        'Call her on five five five, one two three, four five six seven. Born 14 March 1979, 03/14/1979 or March 14th, 1979.',
      ),
    ).toBe('Call her on [REDACTED:number]. Born [REDACTED:date], [REDACTED:date] or [REDACTED:date].');
    expect(redactPii('Meet in March 2024 at ten; I have one or two ideas.')).toBe(
      'Meet in March 2024 at ten; I have one or two ideas.',
    );
  });
});
