import { apiRequests, runNode, useSandbox } from '../../../../tools/engine/sandbox-workflow';
import { submittedReferral } from './submitted-referral';

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
});
