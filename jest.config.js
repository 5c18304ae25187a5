/** Tests run the TypeScript sources through ts-jest; type checking is done by `npm run build`/`tsc`. */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
	globalSetup: '<rootDir>/test/harness/global-setup.js',
	testTimeout: 30000,
};
