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

	describe('node version 2: the Referral locator', () => {
		const locator = (mode: string, value: string) => ({ __rl: true, mode, value });

		it.each([
			['From List', 'list'],
			['By URN', 'urn'],
		])('%s gives the same Get Status as a version 1 URN', async (_label, mode) => {
			const { urn } = await submittedReferral(sandbox(), `v2-${mode}`);
			sandbox().clearRequests();
			const run = await runNode(
				sandbox(),
				{ resource: 'referral', operation: 'get', urn: locator(mode, urn) },
				{ typeVersion: 2 },
			);
			expect(run.error).toBeUndefined();
			expect(run.items.map((item) => item.json.referral_urn)).toEqual([urn]);
			expect(apiRequests(sandbox(), 'referral_status')[0].query).toEqual({ urn });
		});

		it('an expression in the locator is read per item', async () => {
			const first = await submittedReferral(sandbox(), 'v2-expr-1');
			const second = await submittedReferral(sandbox(), 'v2-expr-2');
			const run = await runNode(
				sandbox(),
				{ resource: 'referral', operation: 'get', urn: locator('urn', '={{ $json.urn }}') },
				{ typeVersion: 2, items: [{ urn: first.urn }, { urn: second.urn }] },
			);
			expect(run.items.map((item) => item.json.referral_urn)).toEqual([first.urn, second.urn]);
		});

		it.each([
			[locator('urn', 'TST 0000001'), 'Not a referral URN such as TST0000001'],
			[locator('list', ''), 'Parameter "Referral" is required.'],
		])(
			"n8n's engine refuses %p (the mode's validation, as in the editor) before any request",
			async (urn, issue) => {
				const run = runNode(sandbox(), { resource: 'referral', operation: 'get', urn }, { typeVersion: 2 });
				await expect(run).rejects.toThrow("The 'Dental Referrals' node has issues");
				await expect(run).rejects.toThrow(issue);
				expect(apiRequests(sandbox())).toHaveLength(0);
			},
		);

		it('an expression giving no URN is refused by the input check, as in version 1', async () => {
			const run = await runNode(
				sandbox(),
				{ resource: 'referral', operation: 'get', urn: locator('urn', '={{ { a: 1 } }}') },
				{ typeVersion: 2 },
			);
			expect(run.error?.message).toBe('URN: expected text, got an object (item index 0)');
			expect(apiRequests(sandbox())).toHaveLength(0);
		});
	});
});
