import { isVersionRaised } from '@llmops/evals/validate';

describe('isVersionRaised', () => {
  it.each([
    ['1.0.0', '1.0.1', true],
    ['1.9', '1.10', true],
    ['2', '3', true],
    ['v1.2.0', 'v1.3.0', true],
    [undefined, '1', true],
    ['1.0.0', '1.0.0', false],
    ['1.10', '1.9', false],
    ['1.0.0', undefined, false],
  ])('%s -> %s is %s', (before, after, raised) => expect(isVersionRaised(before, after)).toBe(raised));
});
