// Two tiers. This config is the in-process tier (`npm test`, about a minute). The end-to-end tier
// (`npm run test:e2e`, jest.e2e.config.js) runs the committed bundles as the runner does, the real
// Prometheus and the fake API servers: files named *.e2e.test.ts.
/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['\\.e2e\\.test\\.ts$'],
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'es6' } },
    ],
  },
  testTimeout: 60000,
};
