/**
 * Node version 2's pickers: the listSearch methods n8n calls when the editor opens the Referral
 * or Document locator (From List), against the sandbox's recent referrals, and the By URN rule.
 */
import type { INodeParameters, INodeProperties } from 'n8n-workflow';

import { DentalReferrals } from '../../../nodes/DentalReferrals/DentalReferrals.node';
import { URN_PATTERN } from '../../../nodes/shared/notification';
import { loadOptionsContext } from '../../../tools/engine/load-options';
import { apiRequests, useSandbox } from '../../../tools/engine/sandbox-workflow';
import { submittedReferral } from './referral/submitted-referral';

const node = new DentalReferrals();
const { searchReferrals, searchDocuments } = node.methods.listSearch;

describe('node version 2 pickers', () => {
	const sandbox = useSandbox();
	const context = (parameters: INodeParameters, path: string, practice = 0) =>
		loadOptionsContext(sandbox(), parameters, { typeVersion: 2, path, practice });

	it('From List shows the recent referrals, newest first: URN — status, referrer and reason', async () => {
		const older = await submittedReferral(sandbox(), 'pick-1');
		const newer = await submittedReferral(sandbox(), 'pick-2');
		sandbox().setStatus(older.urn, 'Accepted');
		sandbox().clearRequests();

		const { results } = await searchReferrals.call(
			context({ resource: 'referral', operation: 'get' }, 'urn'),
		);

		const ours = results.filter((entry) => [older.urn, newer.urn].includes(String(entry.value)));
		expect(ours).toEqual([
			{ name: `${newer.urn} — Entered on System`, value: newer.urn, description: 'Dr Who, Restorative' },
			{ name: `${older.urn} — Accepted`, value: older.urn, description: 'Dr Who, Restorative' },
		]);
		expect(apiRequests(sandbox(), 'batch_referral_status').map((request) => request.query)).toEqual([
			{ count: '100' },
		]);
	});

	it('the search filter matches URN or status, ignoring case', async () => {
		const { urn } = await submittedReferral(sandbox(), 'pick-3');
		const parameters = { resource: 'referral', operation: 'get' };
		const byUrn = await searchReferrals.call(context(parameters, 'urn'), urn.toLowerCase());
		expect(byUrn.results.map((entry) => entry.value)).toEqual([urn]);
		const byStatus = await searchReferrals.call(context(parameters, 'urn'), 'accepted');
		expect(byStatus.results.length).toBeGreaterThan(0);
		expect(byStatus.results.every((entry) => entry.name.endsWith('— Accepted'))).toBe(true);
		const none = await searchReferrals.call(context(parameters, 'urn'), 'no such referral');
		expect(none.results).toEqual([]);
	});

	it("lists only the credential's practice", async () => {
		const { urn } = await submittedReferral(sandbox(), 'pick-other', 1);
		const mine = await searchReferrals.call(context({ resource: 'referral', operation: 'get' }, 'urn', 0));
		expect(mine.results.map((entry) => entry.value)).not.toContain(urn);
		const theirs = await searchReferrals.call(context({ resource: 'referral', operation: 'get' }, 'urn', 1));
		expect(theirs.results.map((entry) => entry.value)).toContain(urn);
	});

	it("Document From List shows each recent referral's PDFs by URN and file name, the value its URL", async () => {
		const { urn, files } = await submittedReferral(sandbox(), 'pick-docs');
		const parameters = { resource: 'document', operation: 'download' };
		const { results } = await searchDocuments.call(context(parameters, 'documentUrl'), urn);
		expect(results).toEqual(
			files.map((url) => ({
				name: `${urn} — ${url.slice(url.lastIndexOf('/') + 1)}`,
				value: url,
				description: 'Entered on System',
			})),
		);
		expect(files.length).toBeGreaterThan(0);
	});

	it('By URN validates with the same rule as the input check', () => {
		const locator = node.description.properties.find(
			(property) => property.name === 'urn' && property.type === 'resourceLocator',
		) as INodeProperties;
		const byUrn = locator.modes?.find((mode) => mode.name === 'urn');
		const rule = byUrn?.validation?.[0] as unknown as { properties: { regex: string } };
		expect(new RegExp(rule.properties.regex).source).toBe(URN_PATTERN.source);
		expect(new RegExp(rule.properties.regex).test('TST0000001')).toBe(true);
		expect(new RegExp(rule.properties.regex).test('TST 0000001')).toBe(false);
	});
});
