import { redactUrl, urlSecrets } from '@llmops/core';

describe('redactUrl and urlSecrets', () => {
  it.each([
    [
      'https://u:p%40ss-word@h/v1?key=abc123&api-version=2024',
      'https://***@h/v1?key=***&api-version=2024',
      ['p%40ss-word', 'p@ss-word'],
    ],
    ['https://ghp_token1234@h/v1', 'https://***@h/v1', ['ghp_token1234']],
    [
      'http://h/v1?access_token=t0k3n;sig=s1gn#frag',
      'http://h/v1?access_token=***;sig=***#frag',
      ['t0k3n', 's1gn'],
    ],
    ['http://[::1?apiKey=k3y', 'http://[::1?apiKey=***', ['k3y']],
    ['http://vllm:8000/v1', 'http://vllm:8000/v1', []],
  ])('%s shows as %s', (url, shown, secrets) => {
    expect(redactUrl(url)).toBe(shown);
    expect(urlSecrets(url)).toEqual(expect.arrayContaining(secrets));
    for (const secret of urlSecrets(url)) expect(redactUrl(url)).not.toContain(secret);
  });
});
