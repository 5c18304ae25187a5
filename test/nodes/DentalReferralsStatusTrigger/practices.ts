import type { IDataObject } from 'n8n-workflow';

import { useSandbox } from '../../../tools/engine/sandbox-workflow';
import type { PracticeSeed, Sandbox } from '../../../tools/sandbox';

// The sandbox side of the Status Trigger tests: its practices and their referrals, read and set over HTTP.

export const BATCH_PATH = '/react4r/v2/batch_referral_status';

/** One practice per test, so that every test starts from its own empty referral list. */
const PRACTICES: PracticeSeed[] = Array.from({ length: 16 }, (_, index) => ({
	name: `Practice ${index}`,
	apiKey: `${(0xabc000 + index).toString(16)}${'0123456789abcd'}`.slice(0, 20),
	forms: ['AdultRestorativeForm'],
}));

/** A sandbox with 16 practices for the file, and a fresh practice index per call of next(). */
export function useStatusSandbox(): { sandbox: () => Sandbox; nextPractice: () => number } {
	const sandbox = useSandbox({ practices: PRACTICES });
	let next = 0;
	return {
		sandbox,
		nextPractice: () => {
			if (next >= PRACTICES.length) throw new Error('out of test practices');
			return next++;
		},
	};
}

/** Prepares and submits `count` referrals for the practice straight over HTTP; returns URNs, oldest first. */
export async function submitReferrals(sandbox: Sandbox, practice: number, count = 1): Promise<string[]> {
	const urns: string[] = [];
	for (let i = 0; i < count; i++) {
		const response = await fetch(`${sandbox.baseUrl}prepare_form`, {
			method: 'POST',
			headers: {
				Authorization: `Token token=${sandbox.practices[practice].apiKey}`,
				'Content-Type': 'application/x-www-form-urlencoded',
			},
			body: 'form_type=AdultRestorativeForm&patient_dob=02/03/1984',
		});
		const answer = (await response.json()) as { urn: string };
		await sandbox.submit(answer.urn);
		urns.push(answer.urn);
	}
	return urns;
}

/** The sandbox's real batch answer for the practice (read directly, not through the node). */
export async function batchAnswer(
	sandbox: Sandbox,
	practice: number,
): Promise<{ status: string; referral_data: IDataObject[] }> {
	const response = await fetch(`${sandbox.baseUrl}batch_referral_status?count=100`, {
		headers: { Authorization: `Token token=${sandbox.practices[practice].apiKey}` },
	});
	return (await response.json()) as { status: string; referral_data: IDataObject[] };
}

/**
 * Makes the next batch_referral_status answer the real one with some referrals' files replaced
 * (e.g. [] while the API is still exporting the PDFs: the sandbox makes them at once).
 */
export async function nextBatchWithFiles(
	sandbox: Sandbox,
	practice: number,
	files: Record<string, string[]>,
): Promise<void> {
	const answer = await batchAnswer(sandbox, practice);
	for (const referral of answer.referral_data) {
		const urn = String(referral.referral_urn);
		if (files[urn]) referral.referral_files = files[urn];
	}
	sandbox.addFault({ kind: 'status', status: 200, path: BATCH_PATH, body: JSON.stringify(answer) });
}
