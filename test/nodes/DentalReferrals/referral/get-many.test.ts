import { apiRequests, runNode, useSandbox } from '../../../../tools/engine/sandbox-workflow';
import { prepare } from '../../../../tools/sandbox/test-helpers';
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

	it('Get Recent hints that older referrals may exist when it returns the API maximum of 100, not below', async () => {
		// A practice of its own, so the other tests' referrals do not count.
		const practice = 1;
		const { apiKey } = sandbox().practices[practice];
		const submitOne = async () => sandbox().submit((await prepare(sandbox(), apiKey)).urn);
		for (let i = 0; i < 99; i++) await submitOne();
		const recent = () =>
			runNode(sandbox(), { resource: 'referral', operation: 'getMany', returnAll: true }, { practice });

		const below = await recent();
		expect(below.items).toHaveLength(99);
		expect(below.hints('Dental Referrals')).toEqual([]);

		await submitOne();
		const atCap = await recent();
		expect(atCap.items).toHaveLength(100);
		expect(atCap.hints('Dental Referrals')).toEqual([
			{ message: expect.stringContaining('the most the API lists'), type: 'info', location: 'outputPane' },
		]);
		expect(atCap.hints('Dental Referrals')[0].message).toContain('Get by Patient');
	});
});
