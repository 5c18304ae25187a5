import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { DentalReferralsStatusTrigger } from '../../../nodes/DentalReferralsStatusTrigger/DentalReferralsStatusTrigger.node';
import { createPoller, type Poller, type PollOutput } from '../../../tools/engine/poll';
import { PACKAGE, registerNodeType } from '../../../tools/engine/run-workflow';
import { sandboxCredential } from '../../../tools/engine/sandbox-workflow';
import type { Sandbox } from '../../../tools/sandbox';
import { findKey } from '../../../tools/key-forms';

// The trigger side of the Status Trigger tests: the node polled through n8n, and what it emitted.

export const TRIGGER = 'Dental Referrals Status Trigger';
export const TYPE = `${PACKAGE}.dentalReferralsStatusTrigger`;

registerNodeType(TYPE, new DentalReferralsStatusTrigger());

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
