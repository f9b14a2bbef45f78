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
    // core is the bottom layer: it imports no other package.
    files: ['packages/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/actions/**'], message: 'packages and tests use packages, never actions' },
            { group: ['@llmops/*', '../../*/src/**'], message: 'core imports no other package' },
          ],
        },
      ],
    },
  },
  {
    // @actions/core is the runtime adapter: only the entry points and core's run-action (which the
    // entry points call) touch it; commands receive plain inputs and return a report.
    files: ['packages/**/*.ts'],
    ignores: ['packages/cli/src/**', 'packages/core/src/run-action.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: '@actions/core', message: 'only entry points and core/run-action use @actions/core' },
          ],
          patterns: [{ group: ['**/actions/**'], message: 'packages and tests use packages, never actions' }],
        },
      ],
    },
  },
  {
    files: ['packages/core/**/*.ts'],
    ignores: ['packages/core/src/run-action.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: '@actions/core', message: 'only entry points and core/run-action use @actions/core' },
          ],
          patterns: [
            { group: ['**/actions/**'], message: 'packages and tests use packages, never actions' },
            { group: ['@llmops/*', '../../*/src/**'], message: 'core imports no other package' },
          ],
        },
      ],
    },
  },
  {
    files: ['actions/**/*.ts'],
    ignores: ['actions/*/src/main.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: '@actions/core', message: 'only entry points (src/main.ts) use @actions/core' }] },
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
        {
          // A package's index names what it offers; `export *` would make every module public.
          selector: 'ExportAllDeclaration',
          message: 'export names explicitly: a package exports what other packages, actions and tests use',
        },
      ],
    },
  },
);
