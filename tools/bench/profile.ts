/**
 * `node dist-tools/tools/bench/profile.js [items] [out.json]`: the CPU profile of the node's run on its own
 * (sandbox process + profile child), as the bench's profile case takes it. Used to record
 * bench/profile-before.json from the code before the issue-13 changes.
 */
import './env';

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { runChild } from './child';
import type { ProfileAnswer, ProfileJob } from '../../bench/cases/profile-child';
import { startSandboxProcess } from './sandbox-process';

async function main() {
	const items = Number(process.argv[2] ?? 1000);
	const sandbox = await startSandboxProcess();
	try {
		const job: ProfileJob = {
			baseUrl: sandbox.baseUrl,
			apiKey: sandbox.apiKey,
			formType: sandbox.formType,
			items,
			warmups: 2,
		};
		const answer = await runChild<ProfileAnswer>(
			join(__dirname, '..', '..', 'bench', 'cases', 'profile-child.js'),
			[JSON.stringify(job)],
			{
				timeoutMs: 10 * 60_000,
			},
		);
		const text = JSON.stringify(answer, null, 2);
		if (process.argv[3]) writeFileSync(process.argv[3], `${text}\n`);
		console.log(text);
	} finally {
		await sandbox.stop();
	}
}

main().then(
	() => process.exit(0),
	(error: Error) => {
		console.error(error.stack ?? error.message);
		process.exit(1);
	},
);
