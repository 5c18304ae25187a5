import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { DentalReferralsStatusTrigger } from '../../../nodes/DentalReferralsStatusTrigger/DentalReferralsStatusTrigger.node';
import { createPoller, type Poller, type PollOutput } from '../../../tools/engine/poll';
import { PACKAGE, registerNodeType } from '../../../tools/engine/run-workflow';
import { sandboxCredential, useSandbox } from '../../../tools/engine/sandbox-workflow';
import type { PracticeSeed, Sandbox } from '../../../tools/sandbox';
import { findKey } from '../../../tools/key-forms';

export const TRIGGER = 'Dental Referrals Status Trigger';
export const TYPE = `${PACKAGE}.dentalReferralsStatusTrigger`;
export const BATCH_PATH = '/react4r/v2/batch_referral_status';

registerNodeType(TYPE, new DentalReferralsStatusTrigger());

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

export function statusTrigger(events?: string[], options: INodeParameters = {}) {
	return {
		name: TRIGGER,
		type: TYPE,
		parameters: { ...(events ? { events } : {}), options },
	};
}

export function poller(
	sandbox: Sandbox,
	practice: number,
	events?: string[],
	options: INodeParameters = {},
	credentials = sandboxCredential(sandbox, practice),
): Poller {
	return createPoller({ trigger: statusTrigger(events, options), credentials });
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

export const json = (output: PollOutput): IDataObject[] => (output ?? []).map((item) => item.json);

export const eventsOf = (output: PollOutput) =>
	json(output).map((item) => `${String(item.event)}:${String(item.urn ?? '')}`);

/** The API key must not appear anywhere in what the trigger emitted. */
export function expectNoKey(
	sandbox: Sandbox,
	practice: number,
	...outputs: Array<PollOutput | unknown>
): void {
	const key = sandbox.practices[practice].apiKey;
	for (const output of outputs) expect(findKey(JSON.stringify(output ?? null), key)).toEqual([]);
}
