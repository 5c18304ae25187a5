/**
 * `npm run test:e2e`: the real-n8n stage. One stack (sandbox + n8n with this package) is
 * started by the global setup and shared by every *.e2e.test.ts, which run one at a time.
 */
module.exports = {
	rootDir: '..',
	roots: ['<rootDir>/e2e'],
	testEnvironment: 'node',
	testMatch: ['**/*.e2e.test.ts'],
	// Queue mode has its own stack and config (e2e/queue/jest.config.js).
	testPathIgnorePatterns: ['/node_modules/', '<rootDir>/e2e/queue/'],
	transform: { '^.+\\.ts$': ['ts-jest', { isolatedModules: true, diagnostics: false }] },
	globalSetup: '<rootDir>/e2e/jest.global-setup.ts',
	globalTeardown: '<rootDir>/e2e/jest.global-teardown.ts',
	maxWorkers: 1,
	testTimeout: 180000,
	slowTestThreshold: 60,
};
