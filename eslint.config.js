import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', '**/*.generated.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        Buffer: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // Packages never import actions: one direction of imports.
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ['**/actions/**'], message: 'packages and tests use packages, never actions' }],
        },
      ],
    },
  },
  {
    // Product code reads inputs of any size; tests and benchmarks may spread what they built.
    files: ['packages/**/*.ts', 'actions/**/*.ts'],
    rules: {
      // A spread argument puts every element on the stack: 200,000 suite cases overflow it.
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'CallExpression[callee.property.name=/^(push|unshift|concat|splice|max|min|fromCharCode|fromCodePoint)$/] > SpreadElement',
          message: 'spread arguments overflow the stack on long arrays: use a loop or reduce',
        },
      ],
    },
  },
);
