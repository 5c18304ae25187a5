import { apiRequests, runNode, useSandbox } from '../../../../tools/engine/sandbox-workflow';
import { ptguidFor } from '../../../../tools/sandbox/routes/forms';

describe('draft resource', () => {
	const sandbox = useSandbox();

	it('Save Draft sends the shared patient fields to save_draft and returns the draft id', async () => {
		const formType = sandbox().practices[0].forms[0];
		const run = await runNode(sandbox(), {
			resource: 'draft',
			operation: 'save',
			formType,
			patientDob: '5/3/1990',
			additionalFields: {
				patientFirstName: 'Ann',
				medicalFormsAsSingleFile: true,
				fileuploadId: 0,
				patientIdentifier: 'abc',
			},
		});
		expect(run.error).toBeUndefined();
		const [request] = apiRequests(sandbox(), 'save_draft');
		expect(request.form).toEqual({
			form_type: formType,
			patient_dob: '05/03/1990',
			patient_first_name: 'Ann',
			medical_forms_as_single_file: '1',
			patient_identifier: 'abc',
		});
		expect(run.items[0].json).toEqual({
			status: 'success',
			draft_id: expect.any(Number),
			urn: expect.stringMatching(/^TST\d{7}$/),
			ptguid: ptguidFor(sandbox().practices[0].apiKey, 'abc'),
		});
	});

	it('system type SE does not make the form type optional for drafts', async () => {
		// n8n itself refuses an empty required field; an expression that yields nothing reaches the node.
		const run = await runNode(
			sandbox(),
			{
				resource: 'draft',
				operation: 'save',
				formType: '={{ $json.formType }}',
				patientDob: '01/01/2000',
				additionalFields: { systemType: 'SE' },
			},
			{ items: [{ formType: '' }] },
		);
		expect(run.error?.message).toBe('Form Type: is required (item index 0)');
		expect(apiRequests(sandbox())).toHaveLength(0);
	});

	it.each([
		[{ patientTitle: 'Sir' }, 'Title: "Sir" is not one of Mr, Mrs, Miss, Master, Dr (item index 0)'],
		[{ gender: 'x' }, 'Gender: "x" is not one of M, MALE, F, FEMALE (item index 0)'],
		[{ nhsNumber: '12AB' }, 'NHS Number: must contain digits only (item index 0)'],
		[
			{ filesReadyWebhookUrl: 'ftp://x' },
			'Files Ready Webhook URL: must be an absolute http(s) URL (item index 0)',
		],
		[{ patientEmail: 'nobody' }, 'Email: "nobody" is not an email address (item index 0)'],
		[{ fileuploadId: -3 }, 'File Upload ID: must be a whole number of at least 1, got -3 (item index 0)'],
		[{ urgent: 'yes' }, 'Urgent: expected true, false, 1 or 0, got "yes" (item index 0)'],
		[
			{ patientFirstName: '={{ { toString: "x" } }}' },
			'First Name: expected text, got an object (item index 0)',
		],
		[{ patientLastName: '={{ ["a"] }}' }, 'Last Name: expected text, got an array (item index 0)'],
		[{ fileuploadId: '={{ true }}' }, 'File Upload ID: expected a number, got a boolean (item index 0)'],
	])('refuses %p before any request', async (additionalFields, message) => {
		const run = await runNode(sandbox(), {
			resource: 'draft',
			operation: 'save',
			formType: sandbox().practices[0].forms[0],
			patientDob: '01/01/2000',
			additionalFields,
		});
		expect(run.error?.message).toBe(message);
		expect(apiRequests(sandbox())).toHaveLength(0);
	});

	it('normalises case of enumerations to the documented values', async () => {
		const run = await runNode(sandbox(), {
			resource: 'draft',
			operation: 'save',
			formType: sandbox().practices[0].forms[0],
			patientDob: '01/01/2000',
			additionalFields: { patientTitle: 'mrs', gender: 'female', systemType: 'dn' },
		});
		expect(run.error).toBeUndefined();
		expect(apiRequests(sandbox(), 'save_draft')[0].form).toMatchObject({
			patient_title: 'Mrs',
			gender: 'FEMALE',
			system_type: 'DN',
		});
	});
});
