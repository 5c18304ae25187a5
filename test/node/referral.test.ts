import { apiRequests, runNode, useSandbox } from '../../tools/engine/sandbox-workflow';
import type { Sandbox } from '../../tools/sandbox';

async function submittedReferral(sandbox: Sandbox, patientIdentifier: string, practice = 0) {
	const run = await runNode(
		sandbox,
		{
			resource: 'form',
			operation: 'prepare',
			formType: sandbox.practices[practice].forms[0],
			patientDob: '01/01/1970',
			additionalFields: { patientIdentifier, referrerName: 'Dr Who' },
		},
		{ practice },
	);
	const { urn, ptguid } = run.items[0].json as { urn: string; ptguid: string };
	const submitted = await sandbox.submit(urn, { referralReason: 'Restorative' });
	return { urn, ptguid, files: submitted.files };
}

describe('referral resource', () => {
	const sandbox = useSandbox();

	it('Get Status returns the submitted referral', async () => {
		const { urn, files } = await submittedReferral(sandbox(), 'p1');
		sandbox().clearRequests();
		const run = await runNode(sandbox(), { resource: 'referral', operation: 'get', urn });
		expect(run.error).toBeUndefined();
		expect(run.items).toHaveLength(1);
		expect(run.items[0].json).toMatchObject({
			status: 'success',
			referral_urn: urn,
			referral_status: 'Entered on System',
			referral_reason: 'Restorative',
			referral_files: files,
		});
		expect(apiRequests(sandbox(), 'referral_status')[0].query).toEqual({ urn });
	});

	it('Get Status of an unknown URN is a 404 naming the referral', async () => {
		const run = await runNode(sandbox(), { resource: 'referral', operation: 'get', urn: 'TST9999999' });
		expect(run.error?.message).toBe('Referral TST9999999 was not found or has expired (HTTP 404)');
	});

	it("another practice's referral is invisible (404) with its own key", async () => {
		const { urn } = await submittedReferral(sandbox(), 'p2', 1);
		const run = await runNode(sandbox(), { resource: 'referral', operation: 'get', urn }, { practice: 0 });
		expect((run.error as { httpCode?: string }).httpCode).toBe('404');
	});

	it('Get Recent: limit is sent as count, one item per referral; Return All asks for the API maximum', async () => {
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

	it.each([
		[
			'get',
			{ urn: 'TST 0000001' },
			'URN: "TST 0000001" is not a referral URN such as TST0000001 (item index 0)',
		],
		['get', { urn: '={{ { a: 1 } }}' }, 'URN: expected text, got an object (item index 0)'],
		[
			'getByPatient',
			{ ptguid: 'not base64!', limit: 5 },
			'PTGUID: is not a PTGUID (Base64 text from Prepare Form or Save Draft) (item index 0)',
		],
	])('%s refuses a malformed identifier %p before any request', async (operation, parameters, message) => {
		const run = await runNode(sandbox(), { resource: 'referral', operation, ...parameters });
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

	it('Get by Patient sends the PTGUID properly encoded (it contains = and +)', async () => {
		const { urn, ptguid } = await submittedReferral(sandbox(), 'patient-with-a-long-identifier>>');
		sandbox().clearRequests();
		const run = await runNode(sandbox(), {
			resource: 'referral',
			operation: 'getByPatient',
			ptguid,
			limit: 5,
		});
		expect(run.error).toBeUndefined();
		expect(run.items.map((item) => item.json.referral_urn)).toEqual([urn]);
		const [request] = apiRequests(sandbox(), 'patient_referrals');
		expect(request.query).toEqual({ ptguid, count: '5' });
		expect(ptguid).toMatch(/[=+/]/);
	});
});
