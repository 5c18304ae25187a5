import { randomFile } from '../../../tools/engine/files';
import { apiRequests, runNode, useSandbox } from '../../../tools/engine/sandbox-workflow';

/**
 * An answer that breaks the documented shape is an error naming the method and the field, never
 * a guess: nothing is sent on the strength of it, and Continue On Fail keeps it on its item.
 */
describe('answers without their documented shape', () => {
	const sandbox = useSandbox();
	const API = '/react4r/v2/';

	const prepareForm = () => ({
		formType: sandbox().practices[0].forms[0],
		patientDob: '01/01/2000',
	});

	it('prepare_fileupload without fileupload_id: Upload Files fails that item and sends no add_file', async () => {
		sandbox().addFault({ path: `${API}prepare_fileupload`, kind: 'answer', json: { status: 'success' } });
		const file = randomFile('scan.jpg', 100);
		const run = await runNode(
			sandbox(),
			{ resource: 'fileUpload', operation: 'upload', binaryPropertyName: 'data' },
			{
				continueOnFail: true,
				items: [{}, {}],
				files: [0, 1].map(() => [
					{ property: 'data', path: file.path, fileName: 'scan.jpg', mimeType: 'image/jpeg' },
				]),
			},
		);
		expect(run.error).toBeUndefined();
		expect(run.items[0].json.error).toBe(
			'The Dental Referrals API answered prepare_fileupload without a numeric fileupload_id',
		);
		expect(run.items[0].json.description).toMatch(/^It sent nothing there\./);
		expect(run.items[0].pairedItem).toEqual({ item: 0 });
		const id = run.items[1].json.fileupload_id;
		expect(Number.isInteger(id)).toBe(true);
		expect(apiRequests(sandbox(), 'prepare_fileupload')).toHaveLength(2);
		// Only the good item's file went out: no fileupload/NaN/add_file, no key sent with a guess.
		expect(apiRequests(sandbox(), 'add_file').map((request) => request.path)).toEqual([
			`${API}fileupload/${id}/add_file`,
		]);
	});

	it.each([
		['text', { status: 'success', fileupload_id: 'abc' }],
		['zero', { status: 'success', fileupload_id: 0 }],
		['a fraction', { status: 'success', fileupload_id: 3.5 }],
	])('Prepare File Upload refuses a fileupload_id that is %s', async (_label, json) => {
		sandbox().addFault({ path: `${API}prepare_fileupload`, kind: 'answer', json });
		const run = await runNode(sandbox(), { resource: 'fileUpload', operation: 'create' });
		expect(run.error?.message).toBe(
			'The Dental Referrals API answered prepare_fileupload without a numeric fileupload_id',
		);
	});

	it.each([
		['form', 'prepare', 'prepare_form', { status: 'success', prepared_form_url: 'https://x/y' }, 'a urn'],
		[
			'form',
			'prepare',
			'prepare_form',
			{ status: 'success', urn: 'TST0000001', prepared_form_url: 'javascript:alert(1)' },
			'an http(s) prepared_form_url',
		],
		['draft', 'save', 'save_draft', { status: 'success', urn: 'TST0000001' }, 'a numeric draft_id'],
		['draft', 'save', 'save_draft', { status: 'success', draft_id: 11047 }, 'a urn'],
	])('%s %s: a %s answer %j is refused', async (resource, operation, method, json, expected) => {
		sandbox().addFault({ path: `${API}${method}`, kind: 'answer', json });
		const run = await runNode(sandbox(), { resource, operation, ...prepareForm() });
		expect(run.error?.message).toBe(`The Dental Referrals API answered ${method} without ${expected}`);
	});

	it.each(['ftp://x/y', 'http://', 'https//x/y', ' ', 'https://x y/'])(
		'Prepare Form refuses a prepared_form_url %j that is not an absolute http(s) URL',
		async (url) => {
			sandbox().addFault({
				path: `${API}prepare_form`,
				kind: 'answer',
				json: { status: 'success', urn: 'TST0000001', prepared_form_url: url },
			});
			const run = await runNode(sandbox(), { resource: 'form', operation: 'prepare', ...prepareForm() });
			expect(run.error?.message).toBe(
				'The Dental Referrals API answered prepare_form without an http(s) prepared_form_url',
			);
		},
	);

	it('List Available Forms refuses an answer that is not an array of form type names', async () => {
		sandbox().addFault({ path: `${API}available_forms`, kind: 'answer', json: { forms: ['A'] } });
		const run = await runNode(sandbox(), { resource: 'form', operation: 'getTypes' });
		expect(run.error?.message).toBe(
			'The Dental Referrals API answered available_forms without a JSON array of form type names',
		);
		expect(run.error?.description).toMatch(/^It sent an object there\./);
	});

	it('Get Status: strict on referral_files, lenient on the descriptive names (referrer_name or referral_name)', async () => {
		const urn = 'TST0000001';
		sandbox().addFault({
			path: `${API}referral_status`,
			kind: 'answer',
			json: {
				status: 'success',
				referral_status: 'Accepted',
				referral_name: 'Dr Who',
				referral_files: 'x.pdf',
			},
		});
		const broken = await runNode(sandbox(), { resource: 'referral', operation: 'get', urn });
		expect(broken.error?.message).toBe(
			'The Dental Referrals API answered referral_status without a referral_files array of URLs',
		);
		// The seed's own example: referrer_name, no referral_urn, no referral_name.
		const example = {
			status: 'success',
			referral_status: 'Sent to: St Clements Dental Suite - Mr E Harunani',
			referrer_name: 'Nitin Joshi',
			referral_reason: 'Minor Oral Surgery',
			referral_files: [`${sandbox().origin}/documents/${urn}.pdf`],
		};
		sandbox().addFault({ path: `${API}referral_status`, kind: 'answer', json: example });
		const fine = await runNode(sandbox(), { resource: 'referral', operation: 'get', urn });
		expect(fine.error).toBeUndefined();
		expect(fine.items[0].json).toEqual({ referral_urn: urn, ...example });
	});

	it.each([
		['batch_referral_status', 'getMany', {}, { status: 'success' }, 'a referral_data array'],
		[
			'patient_referrals',
			'getByPatient',
			{ ptguid: 'NDJhNDJhNTJlOTZmOTE5YTdmYTc=' },
			{
				status: 'success',
				referral_data: [{ referral_urn: 'TST0000001', referral_status: 'x', referral_files: [] }, 'TST2'],
			},
			'an object as referral_data[1]',
		],
		[
			'batch_referral_status',
			'getMany',
			{},
			{ status: 'success', referral_data: [{ referral_status: 'Accepted', referral_files: [] }] },
			'a referral_urn in referral_data[0]',
		],
	])('%s (%s) %j: a malformed answer is refused', async (method, operation, parameters, json, expected) => {
		sandbox().addFault({ path: `${API}${method}`, kind: 'answer', json });
		const run = await runNode(sandbox(), { resource: 'referral', operation, returnAll: true, ...parameters });
		expect(run.error?.message).toBe(`The Dental Referrals API answered ${method} without ${expected}`);
	});
});
