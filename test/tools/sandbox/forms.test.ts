import { findKey } from '../../../tools/key-forms';
import { startSandbox } from '../../../tools/sandbox/index';
import type { Sandbox } from '../../../tools/sandbox/index';
import { call, KEY_A, KEY_B, KEY_SINGLE, PATIENT, post, prepare } from '../../../tools/sandbox/test-helpers';

describe('sandbox forms: available_forms, prepare_form, save_draft', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox();
	});
	afterAll(() => sandbox.close());

	it("available_forms lists the key's own form types", async () => {
		const a = await call(sandbox, 'available_forms', { apiKey: KEY_A });
		expect(a.status).toBe(200);
		expect(JSON.parse(a.text)).toEqual(['AdultRestorativeForm', 'ChildOralCareForm']);
		const single = await call(sandbox, 'available_forms', { apiKey: KEY_SINGLE });
		expect(JSON.parse(single.text)).toEqual(['ChildOralCareForm']);
	});

	it('prepare_form answers a prepared_form_url on the sandbox origin, a TST URN and a Base64 PTGUID', async () => {
		const answer = await prepare(sandbox, KEY_A, { patient_identifier: '1' });
		expect(answer.status).toBe('success');
		expect(answer.prepared_form_url).toMatch(
			new RegExp(
				`^${sandbox.origin}/prepared_forms/show/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`,
			),
		);
		expect(answer.urn).toMatch(/^TST\d{7}$/);
		expect(answer.ptguid).toMatch(/^[A-Za-z0-9+/]{27}=$/);
		expect(Object.keys(answer)).toEqual(['status', 'prepared_form_url', 'urn', 'ptguid']);
	});

	it('PTGUIDs are one-way: deterministic per key + identifier, and the key is in none of its forms', async () => {
		const again = await prepare(sandbox, KEY_A, { patient_identifier: '1' });
		const first = await prepare(sandbox, KEY_A, { patient_identifier: '1' });
		const otherPatient = await prepare(sandbox, KEY_A, { patient_identifier: '2' });
		const otherPractice = await prepare(sandbox, KEY_B, { patient_identifier: '1' });
		expect(again.ptguid).toBe(first.ptguid);
		expect(otherPatient.ptguid).not.toBe(first.ptguid);
		expect(otherPractice.ptguid).not.toBe(first.ptguid);
		const ptguid = String(first.ptguid);
		// Neither the PTGUID nor what it decodes to holds the key (plain, Base64, URL-encoded).
		expect(findKey(ptguid, KEY_A)).toEqual([]);
		expect(findKey(Buffer.from(ptguid, 'base64').toString('latin1'), KEY_A)).toEqual([]);
		// ... which the documented-looking alternative, Base64 of key + identifier, would.
		expect(findKey(Buffer.from(`${KEY_A}1`).toString('base64'), KEY_A)).toContain('base64');
		expect(ptguid).not.toBe(Buffer.from(`${KEY_A}1`).toString('base64'));
	});

	it('omits ptguid without patient_identifier', async () => {
		const answer = await prepare(sandbox);
		expect(answer).not.toHaveProperty('ptguid');
	});

	it('save_draft answers a numeric draft_id and a URN; URNs are unique across practices', async () => {
		const a = await post(sandbox, 'save_draft', KEY_A, { ...PATIENT, patient_identifier: 'p-9' });
		const b = await post(sandbox, 'save_draft', KEY_B, { ...PATIENT });
		expect(a.status).toBe(200);
		expect(typeof a.json.draft_id).toBe('number');
		expect(a.json.urn).toMatch(/^TST\d{7}$/);
		expect(a.json.ptguid).toMatch(/^[A-Za-z0-9+/]{27}=$/);
		// Save Draft and Prepare Form issue the same PTGUID for the same patient.
		expect(a.json.ptguid).toBe((await prepare(sandbox, KEY_A, { patient_identifier: 'p-9' })).ptguid);
		expect(b.json.urn).not.toBe(a.json.urn);
		expect(b.json.draft_id).not.toBe(a.json.draft_id);
		expect(a.json).not.toHaveProperty('prepared_form_url');
	});

	it('accepts every documented parameter and ignores unknown ones', async () => {
		const answer = await post(sandbox, 'prepare_form', KEY_A, {
			...PATIENT,
			system_type: 'PD',
			patient_postcode: 'AB1 2CD',
			patient_email: 'john@example.org',
			patient_address_line_1: '1 High St',
			patient_address_line_2: 'Flat 2',
			patient_address_line_3: 'Westside',
			patient_town: 'Leeds',
			patient_mobile_tel: '07700900000',
			patient_home_tel: '0113000000',
			patient_work_tel: '0113000001',
			patient_phone_number: '0113000002',
			permission_sms: '1',
			nhs_number: '9434765919',
			gender: 'MALE',
			patient_gp_name: 'Dr Who',
			patient_gp_postcode: 'LS1 1AA',
			patient_gp_street_address: '2 Low St',
			patient_gp_town: 'Leeds',
			referrer_gdc: '12345',
			referrer_name: 'Dr Jane Doe',
			urgent: '0',
			medical_history_drugs: 'Aspirin',
			medical_history_text: 'Allergic to penicillin',
			medical_forms_as_single_file: '1',
			files_ready_webhook_url: 'https://example.org/hook',
			patient_identifier: 'abc',
			something_unknown: 'x',
		});
		expect(answer.status).toBe(200);
		expect(answer.json.status).toBe('success');
	});

	it('form_type is optional with system_type=SE on prepare_form only', async () => {
		const { form_type: _omitted, ...withoutForm } = PATIENT;
		expect(_omitted).toBeDefined();
		const se = await post(sandbox, 'prepare_form', KEY_A, { ...withoutForm, system_type: 'SE' });
		expect(se.status).toBe(200);
		const draft = await post(sandbox, 'save_draft', KEY_A, { ...withoutForm, system_type: 'SE' });
		expect(draft.status).toBe(400);
		expect(draft.json.message).toContain('form_type');
		const plain = await post(sandbox, 'prepare_form', KEY_A, withoutForm);
		expect(plain.status).toBe(400);
		expect(plain.json).toEqual({ status: 'error', message: expect.stringContaining('form_type') });
	});

	it.each([
		['missing patient_dob', { patient_dob: undefined }, 422, 'patient_dob'],
		['ISO patient_dob', { patient_dob: '2010-10-10' }, 422, 'patient_dob'],
		['impossible patient_dob', { patient_dob: '31/02/2010' }, 422, 'patient_dob'],
		['short patient_dob', { patient_dob: '1/2/2010' }, 422, 'patient_dob'],
		['month 13', { patient_dob: '01/13/2010' }, 422, 'patient_dob'],
		['form_type of another practice', { form_type: 'OrthodonticForm' }, 400, 'form_type'],
		['unknown system_type', { system_type: 'XX' }, 400, 'system_type'],
		['lower-case system_type', { system_type: 'wd' }, 400, 'system_type'],
		['unknown patient_title', { patient_title: 'Sir' }, 400, 'patient_title'],
		['unknown gender', { gender: 'X' }, 400, 'gender'],
		['permission_sms=yes', { permission_sms: 'yes' }, 400, 'permission_sms'],
		['urgent=true', { urgent: 'true' }, 400, 'urgent'],
		[
			'medical_forms_as_single_file=2',
			{ medical_forms_as_single_file: '2' },
			400,
			'medical_forms_as_single_file',
		],
		['non-numeric nhs_number', { nhs_number: '943 476 5919' }, 400, 'nhs_number'],
		['non-URL webhook', { files_ready_webhook_url: 'not a url' }, 400, 'files_ready_webhook_url'],
		['ftp webhook', { files_ready_webhook_url: 'ftp://example.org/x' }, 400, 'files_ready_webhook_url'],
		['non-numeric fileupload_id', { fileupload_id: 'abc' }, 400, 'fileupload_id'],
		['unknown fileupload_id', { fileupload_id: '999999' }, 404, 'fileupload_id'],
	])('refuses %s on both methods', async (_label, change, status, parameter) => {
		const params: Record<string, string> = { ...PATIENT };
		for (const [name, value] of Object.entries(change)) {
			if (value === undefined) delete params[name];
			else params[name] = value;
		}
		for (const method of ['prepare_form', 'save_draft']) {
			const answer = await post(sandbox, method, KEY_A, params);
			expect(answer.status).toBe(status);
			expect(answer.json.status).toBe('error');
			expect(answer.json.message).toContain(parameter);
		}
	});

	it('refuses a fileupload of another practice with 404', async () => {
		const other = await call(sandbox, 'prepare_fileupload', { apiKey: KEY_B });
		const answer = await post(sandbox, 'prepare_form', KEY_A, {
			...PATIENT,
			fileupload_id: String(other.json.fileupload_id),
		});
		expect(answer.status).toBe(404);
		expect(answer.json.message).toContain('fileupload_id');
	});

	it('refuses bodies that are not application/x-www-form-urlencoded with 400', async () => {
		const json = await call(sandbox, 'prepare_form', {
			method: 'POST',
			apiKey: KEY_A,
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify(PATIENT),
		});
		expect(json.status).toBe(400);
		expect(json.json.status).toBe('error');
		expect(json.json.message).toContain('application/x-www-form-urlencoded');
	});

	it('accepts a charset parameter on the form content type', async () => {
		const answer = await call(sandbox, 'save_draft', {
			method: 'POST',
			apiKey: KEY_A,
			headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=UTF-8' },
			body: new URLSearchParams({ ...PATIENT, patient_last_name: 'Müller' }).toString(),
		});
		expect(answer.status).toBe(200);
	});

	it('only answers prepare_form to POST', async () => {
		expect((await call(sandbox, 'prepare_form', { apiKey: KEY_A })).status).toBe(404);
	});
});
