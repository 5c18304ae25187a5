#!/usr/bin/env node
// `npm run test:e2e -- --n8n <version>` (and test:e2e:queue): runs the e2e jest config against
// another n8n release (1.123.x or 2.20+, see tools/n8n/toolchain.ts). `--n8n <version>` / `--n8n=<version>` becomes DR_E2E_N8N_VERSION,
// which tools/n8n/toolchain.ts reads (installing that release into its own cache folder on first use);
// every other argument goes to jest unchanged.
'use strict';

const { spawnSync } = require('node:child_process');

const ENV = 'DR_E2E_N8N_VERSION';

/** Splits `--n8n <version>` off the arguments meant for jest. */
function parseArgs(argv) {
	const jestArgs = [];
	let n8nVersion;
	for (let index = 0; index < argv.length; index++) {
		const arg = argv[index];
		if (arg === '--n8n' || arg.startsWith('--n8n=')) {
			const value = arg === '--n8n' ? argv[++index] : arg.slice('--n8n='.length);
			if (!value || value.startsWith('-')) throw new Error('--n8n needs a version, e.g. --n8n 2.41.1');
			n8nVersion = value;
		} else {
			jestArgs.push(arg);
		}
	}
	return { n8nVersion, jestArgs };
}

/**
 * Refuses, before jest starts, a release the suite does not support: 1.123.x (the last 1.x line)
 * and 2.20+ only (the same rule as n8nVersionFrom in tools/n8n/toolchain.ts, which also checks it).
 */
function checkSupported(version) {
	const match = /^([12])\.(\d+)\.\d+(?:-[0-9A-Za-z.-]+)?$/.exec(version);
	if (match && (match[1] === '1' ? Number(match[2]) !== 123 : Number(match[2]) < 20)) {
		throw new Error(
			`n8n ${version} is not supported by the e2e suite: use 1.123.x (the last 1.x line) or 2.20.0 and later (see the README's n8n versions table)`,
		);
	}
}

function main() {
	let parsed;
	try {
		parsed = parseArgs(process.argv.slice(2));
		if (parsed.n8nVersion) checkSupported(parsed.n8nVersion);
	} catch (error) {
		console.error(`[e2e] ${error.message}`);
		process.exit(2);
	}
	const env = { ...process.env };
	if (parsed.n8nVersion) {
		env[ENV] = parsed.n8nVersion;
		console.log(`[e2e] n8n ${parsed.n8nVersion} (${ENV})`);
	}
	const result = spawnSync(process.execPath, [require.resolve('jest/bin/jest'), ...parsed.jestArgs], {
		stdio: 'inherit',
		env,
	});
	process.exit(result.status ?? 1);
}

module.exports = { parseArgs, checkSupported, ENV };

if (require.main === module) main();
