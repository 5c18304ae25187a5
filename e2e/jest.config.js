/**
 * `npm run test:e2e`: the real-n8n stage. One stack (sandbox + n8n with this package) is
 * started by the global setup and shared by every e2e/*.e2e.test.ts, which run one at a time.
 * The pattern takes this folder's files only: queue/ is its own stage (e2e/queue/jest.config.js).
 */
module.exports = {
	rootDir: '..',
	testEnvironment: 'node',
	testMatch: ['<rootDir>/e2e/*.e2e.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { isolatedModules: true, diagnostics: false }] },
	globalSetup: '<rootDir>/tools/n8n/jest-global-setup.ts',
	globalTeardown: '<rootDir>/tools/n8n/jest-global-teardown.ts',
	maxWorkers: 1,
	testTimeout: 180000,
	slowTestThreshold: 60,
};
