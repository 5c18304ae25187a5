/**
 * `npm run test:e2e:queue`: n8n in queue mode (main + worker + webhook processor, Redis,
 * PostgreSQL, binary data in the database). The test file starts and stops its own stack.
 */
module.exports = {
	rootDir: '../..',
	testEnvironment: 'node',
	testMatch: ['<rootDir>/e2e/queue/*.e2e.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { isolatedModules: true, diagnostics: false }] },
	maxWorkers: 1,
	testTimeout: 180000,
	slowTestThreshold: 60,
};
