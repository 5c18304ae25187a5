/**
 * `npm test`'s jest: the suites under test/ (ts-jest runs the TypeScript sources; `npm run build`
 * and `tsc` type-check). Each stage's config selects its own folder: this one test/, the real-n8n
 * stages e2e/*.e2e.test.ts (e2e/jest.config.js) and e2e/queue/ (e2e/queue/jest.config.js).
 */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
	globalSetup: '<rootDir>/tools/engine/jest-global-setup.js',
	testTimeout: 30000,
};
