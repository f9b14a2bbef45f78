import { InputError, input, readInputs } from '@llmops/core';
import { z } from 'zod';

const schema = z.object({
  'fail-on': input.choice(['error', 'warning']),
  comment: input.bool(),
  concurrency: input.integer({ min: 1 }),
  paths: input.list(),
  interval: input.duration(),
  'base-url': input.optional(),
});

const good = {
  'fail-on': 'warning',
  comment: 'True',
  concurrency: '8',
  paths: 'a/*.yml, b/*.yml\nc',
  interval: '1m30s',
  'base-url': '',
};
const read = (values: Record<string, string>) => readInputs(schema, (name) => values[name]);

describe('readInputs', () => {
  it('parses every kind of input into typed values', () => {
    expect(read(good)).toEqual({
      'fail-on': 'warning',
      comment: true,
      concurrency: 8,
      paths: ['a/*.yml', 'b/*.yml', 'c'],
      interval: 90_000,
      'base-url': undefined,
    });
  });

  it.each([
    ['fail-on', 'errors', "input 'fail-on' has value 'errors': expected one of error, warning"],
    ['comment', 'yes', "input 'comment' has value 'yes': expected true or false"],
    ['concurrency', '0', "input 'concurrency' has value '0': expected an integer from 1 to 2147483647"],
    ['concurrency', '2.5', "input 'concurrency' has value '2.5': expected an integer from 1 to 2147483647"],
    [
      'interval',
      '5 minutes',
      "input 'interval' has value '5 minutes': expected a duration such as 30s, 5m or 1h, at most 596h31m23s",
    ],
  ])('names the input, the value and what is allowed: %s=%s', (name, value, message) => {
    expect(() => read({ ...good, [name]: value })).toThrow(new InputError(message));
  });
});
