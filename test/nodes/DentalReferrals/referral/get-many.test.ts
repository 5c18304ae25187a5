import { apiRequests, runNode, useSandbox } from '../../../../tools/engine/sandbox-workflow';
import { submittedReferral } from './submitted-referral';

describe('referral resource', () => {
	const sandbox = useSandbox();

	it('Get Recent: limit is sent as count, one item per referral; Return All asks for the API maximum', async () => {
		// Three referrals: in the suite this came from, Get Status had submitted the first.
		await submittedReferral(sandbox(), 'p1');
		await submittedReferral(sandbox(), 'p3');
		await submittedReferral(sandbox(), 'p4');
		sandbox().clearRequests();
		const limited = await runNode(sandbox(), {
			resource: 'referral',
			operation: 'getMany',
			returnAll: false,
			limit: 2,
		});
		expect(limited.items).toHaveLength(2);
		expect(limited.items[0].json.referral_urn).toMatch(/^TST/);
		expect(apiRequests(sandbox(), 'batch_referral_status')[0].query).toEqual({ count: '2' });

		const all = await runNode(sandbox(), { resource: 'referral', operation: 'getMany', returnAll: true });
		expect(all.items.length).toBeGreaterThanOrEqual(3);
		expect(apiRequests(sandbox(), 'batch_referral_status')[1].query).toEqual({ count: '100' });
	});

	it.each([
		['={{ true }}', 'Limit: expected a number, got a boolean (item index 0)'],
		['={{ [5] }}', 'Limit: expected a number, got an array (item index 0)'],
	])('Get Recent refuses a wrong-typed limit %p from an expression', async (limit, message) => {
		const run = await runNode(sandbox(), {
			resource: 'referral',
			operation: 'getMany',
			returnAll: false,
			limit,
		});
		expect(run.error?.message).toBe(message);
		expect(apiRequests(sandbox())).toHaveLength(0);
	});

	it.each([0, 101, 2.5])('Get Recent refuses limit %p before any request', async (limit) => {
		const run = await runNode(sandbox(), {
			resource: 'referral',
			operation: 'getMany',
			returnAll: false,
			limit,
		});
		expect(run.error?.message).toBe(
			`Limit: must be a whole number from 1 to 100, got ${limit} (item index 0)`,
		);
		expect(apiRequests(sandbox())).toHaveLength(0);
	});
});
