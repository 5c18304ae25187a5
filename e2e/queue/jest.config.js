/**
 * `npm run test:e2e:queue`: n8n in queue mode (main + worker + webhook processor, Redis,
 * PostgreSQL, binary data in the database). The test file starts and stops its own stack.
 * `globals.DR_E2E_QUEUE_STAGE` lets the queue tests run only under this config (e2e/jest.config.js
 * matches `*.e2e.test.ts` below e2e/ too; there they are skipped).
 */
module.exports = {
	rootDir: '../..',
	roots: ['<rootDir>/e2e/queue'],
	testEnvironment: 'node',
	testMatch: ['**/*.e2e.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { isolatedModules: true, diagnostics: false }] },
	globals: { DR_E2E_QUEUE_STAGE: true },
	maxWorkers: 1,
	testTimeout: 180000,
	slowTestThreshold: 60,
};
