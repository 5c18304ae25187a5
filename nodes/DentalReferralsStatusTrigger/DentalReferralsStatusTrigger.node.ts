import {
	NodeConnectionTypes,
	NodeOperationError,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';

import { CREDENTIAL_TYPE } from '../../credentials/DentalReferralsApi.credentials';
import { apiRoot } from '../shared/api';
import { downloadFilesOption } from '../shared/download-files-option';
import { optionsCollection } from '../shared/options-collection';
import { eventItem } from './downloads';
import { diffReferrals, overflowItem, sampleEvent, WATCHABLE_EVENTS, type WatchedEvent } from './events';
import { API_WINDOW, fetchRecentReferrals } from './referrals';
import { nextState, readState, writeState } from './state';

function watchedEvents(this: IPollFunctions): Set<WatchedEvent> {
	const chosen = this.getNodeParameter('events', []) as unknown;
	const watched = new Set(
		(Array.isArray(chosen) ? chosen : []).filter((name): name is WatchedEvent =>
			(WATCHABLE_EVENTS as readonly string[]).includes(name as string),
		),
	);
	if (!watched.size) {
		throw new NodeOperationError(this.getNode(), 'Events: choose at least one event to watch');
	}
	return watched;
}

/** Which credential and API origin the remembered referrals belong to (no secret in it). */
async function stateScope(this: IPollFunctions): Promise<string> {
	const credential = this.getNode().credentials?.[CREDENTIAL_TYPE];
	const { origin } = await apiRoot.call(this);
	return `${credential?.id ?? credential?.name ?? ''}@${origin}`;
}

export class DentalReferralsStatusTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Dental Referrals Status Trigger',
		name: 'dentalReferralsStatusTrigger',
		icon: {
			light: 'file:../../icons/dentalReferrals.svg',
			dark: 'file:../../icons/dentalReferrals.dark.svg',
		},
		group: ['trigger'],
		version: 1,
		subtitle: '={{ "Polls: " + ($parameter["events"] || []).join(", ") }}',
		description:
			'Starts the workflow when referrals are submitted, change status or get their PDFs, by polling the API',
		defaults: { name: 'Dental Referrals Status Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'dentalReferralsApi', required: true }],
		properties: [
			{
				displayName:
					'For n8n instances the API cannot call: polls the 100 most recently submitted referrals (the API shows no more). The first poll after activation only records them. If more than 100 referrals are submitted between two polls, older ones cannot be seen and the poll emits a "windowOverflow" item first. Status changes are only seen while a referral is among the 100 most recent.',
				name: 'pollingNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				options: [
					{
						name: 'New Referral',
						value: 'newReferral',
						description: 'A referral was submitted',
					},
					{
						name: 'PDFs Ready',
						value: 'filesReady',
						description: "A referral's PDF forms became available (or it gained more)",
					},
					{
						name: 'Status Changed',
						value: 'statusChanged',
						description: "A referral's status text changed",
					},
				],
				default: ['newReferral', 'statusChanged', 'filesReady'],
				description: 'Which changes start the workflow; each change is one item with its "event"',
			},
			optionsCollection([
				downloadFilesOption('the PDFs of New Referral and PDFs Ready items', 'referral_files'),
			]),
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const watched = watchedEvents.call(this);
		const { downloadFiles = false } = this.getNodeParameter('options', {}) as {
			downloadFiles?: boolean;
		};

		// A manual test run shows the latest referral so fields can be mapped. n8n does not save
		// static data after manual runs, so it neither reads nor writes the trigger's state.
		if (this.getMode() === 'manual') {
			const { referrals } = await fetchRecentReferrals.call(this, 1);
			if (!referrals.length) return null;
			return [[await eventItem.call(this, sampleEvent(referrals[0]), downloadFiles)]];
		}

		const recent = await fetchRecentReferrals.call(this, API_WINDOW);
		const scope = await stateScope.call(this);
		const staticData = this.getWorkflowStaticData('node');
		// Read, compare and advance with no await in between, so that an overlapping poll (a
		// slow download) compares against the advanced state and cannot repeat these events.
		// n8n saves static data only with an emitting poll (or an activation), so the state it
		// saves always matches the events it started executions with; the advance made by a
		// poll that emits nothing lives in memory, and if a restart loses it, the next poll
		// compares against the last saved state again and re-derives exactly the unsaved changes.
		const known = readState(staticData, scope);
		writeState(staticData, scope, nextState(known, recent.referrals));
		if (!known) return null; // The baseline: what exists at activation is not news.

		const { events, overflow } = diffReferrals(known, recent, watched);
		const items: INodeExecutionData[] = overflow ? [{ json: overflowItem() }] : [];
		for (const event of events) items.push(await eventItem.call(this, event, downloadFiles));
		return items.length ? [items] : null;
	}
}
