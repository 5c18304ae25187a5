import { apiRequests, runNode, useSandbox } from '../../../../tools/engine/sandbox-workflow';
import { submittedReferral } from './submitted-referral';

describe('referral resource', () => {
	const sandbox = useSandbox();

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
		expect(run.hints('Dental Referrals')).toEqual([]);
	});

	it('Get by Patient hints why a PTGUID finds nothing, without naming the PTGUID', async () => {
		const { ptguid } = await submittedReferral(sandbox(), 'a-patient');
		// The same patient's PTGUID under another practice's key: the API lists nothing for it.
		const run = await runNode(
			sandbox(),
			{ resource: 'referral', operation: 'getByPatient', ptguid, limit: 5 },
			{ practice: 1 },
		);
		expect(run.error).toBeUndefined();
		expect(run.items).toEqual([]);
		const hints = run.hints('Dental Referrals');
		expect(hints).toEqual([
			{ message: expect.stringContaining('found no referrals'), type: 'info', location: 'outputPane' },
		]);
		expect(hints[0].message).not.toContain(ptguid);
	});
});
