// Lint = the rules n8n's community package scanner (@n8n/scan-community-package) applies:
// @n8n/eslint-plugin-community-nodes `recommended` + eslint-plugin-n8n-nodes-base's
// community / credentials / nodes rule sets + no-console, on everything that is published
// (package.json, credentials/, nodes/). Tooling that never ships (tools/, test/, e2e/, bench/)
// gets the same plugin without the n8n Cloud runtime restrictions (it must import
// node:http, spawn n8n, use timers), because those rules describe the Cloud sandbox
// the published nodes run in, not a test runner. Inline eslint-disable comments are
// refused (`noInlineConfig`), as the scanner ignores them.
import js from '@eslint/js';
import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import tseslint from 'typescript-eslint';

const { recommended, recommendedWithoutN8nCloudSupport } = n8nCommunityNodesPlugin.configs;

export default tseslint.config(
	{
		ignores: [
			'dist/**',
			'dist-tools/**',
			'node_modules/**',
			'coverage/**',
			'.cache/**',
			'**/*.js',
			'**/*.mjs',
		],
	},
	{
		linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'error' },
		plugins: { 'n8n-nodes-base': n8nNodesBase },
	},
	{
		files: ['**/*.ts'],
		extends: [js.configs.recommended, ...tseslint.configs.recommended],
		rules: { 'prefer-spread': 'off', 'no-console': 'error' },
	},
	{
		files: ['credentials/**/*.ts', 'nodes/**/*.ts'],
		extends: [recommended],
	},
	{
		files: ['tools/**/*.ts', 'test/**/*.ts', 'e2e/**/*.ts', 'bench/**/*.ts'],
		extends: [recommendedWithoutN8nCloudSupport],
		rules: {
			// Test tooling starts the sandbox, n8n and Chromium as child processes.
			'@n8n/community-nodes/no-dangerous-functions': 'off',
			// Test runners and CLIs report on the console.
			'no-console': 'off',
		},
	},
	{
		files: ['package.json'],
		extends: [recommended],
		rules: { ...n8nNodesBase.configs.community.rules },
		languageOptions: { parser: tseslint.parser, parserOptions: { extraFileExtensions: ['.json'] } },
	},
	{
		files: ['credentials/**/*.ts'],
		rules: {
			...n8nNodesBase.configs.credentials.rules,
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
		},
	},
	{
		files: ['nodes/**/*.ts'],
		rules: {
			...n8nNodesBase.configs.nodes.rules,
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
			'n8n-nodes-base/node-param-type-options-max-value-present': 'off',
		},
	},
);
