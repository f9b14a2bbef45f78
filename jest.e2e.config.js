// The end-to-end tier (`npm run test:e2e`): the bundles, Prometheus and the fake API servers.
import unit from './jest.config.js';

/** @type {import('jest').Config} */
export default { ...unit, testMatch: ['**/*.e2e.test.ts'], testPathIgnorePatterns: [] };
