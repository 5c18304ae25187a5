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
	});
});
