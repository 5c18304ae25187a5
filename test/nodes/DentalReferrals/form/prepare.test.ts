import type { INode } from 'n8n-workflow';

import { apiRequests, runNode, useSandbox } from '../../../../tools/engine/sandbox-workflow';
import { ptguidFor } from '../../../../tools/sandbox/routes/forms';

describe('form resource, through the n8n engine against the sandbox', () => {
	const sandbox = useSandbox();
	// Every test here runs Prepare Form: only the fields and the run options differ.
	const prepare = (fields: INode['parameters'], options?: Parameters<typeof runNode>[2]) =>
		runNode(sandbox(), { resource: 'form', operation: 'prepare', ...fields }, options);

	it('Prepare Form: form-urlencoded body with snake_case names, DD/MM/YYYY and 1/0 flags', async () => {
		const formType = sandbox().practices[0].forms[0];
		const run = await prepare({
			formType,
			patientDob: '1980-01-31',
			additionalFields: {
				patientTitle: 'Mr',
				patientFirstName: 'John',
				patientLastName: "O'Brien & Sons",
				patientAddressLine1: '1 High St',
				permissionSms: true,
				urgent: false,
				nhsNumber: '943 476 5919',
				gender: 'MALE',
				patientIdentifier: 'pat-1',
				patientEmail: '',
				systemType: 'WD',
			},
		});
		expect(run.error).toBeUndefined();
		const [request] = apiRequests(sandbox(), 'prepare_form');
		expect(request.method).toBe('POST');
		expect(request.contentType).toBe('application/x-www-form-urlencoded');
		expect(request.form).toEqual({
			form_type: formType,
			patient_dob: '31/01/1980',
			patient_title: 'Mr',
			patient_first_name: 'John',
			patient_last_name: "O'Brien & Sons",
			patient_address_line_1: '1 High St',
			permission_sms: '1',
			urgent: '0',
			nhs_number: '9434765919',
			gender: 'MALE',
			patient_identifier: 'pat-1',
			system_type: 'WD',
		});
		const output = run.items[0].json;
		expect(output.status).toBe('success');
		expect(output.urn).toMatch(/^TST\d{7}$/);
		expect(String(output.prepared_form_url)).toMatch(new RegExp(`^${sandbox().origin}/prepared_forms/show/`));
		// The sandbox's PTGUID for this key and patient identifier (a one-way hash, see tools/sandbox/README.md).
		expect(output.ptguid).toBe(ptguidFor(sandbox().practices[0].apiKey, 'pat-1'));
		expect(run.items[0].pairedItem).toEqual({ item: 0 });
	});

	it("the 0/1 switches take the API's own values and spreadsheet text from expressions; anything else is refused", async () => {
		const good: Array<[unknown, string]> = [
			[true, '1'],
			[false, '0'],
			[1, '1'],
			[0, '0'],
			['1', '1'],
			['0', '0'],
			[' TRUE ', '1'],
			['False', '0'],
			['\tfalse\n', '0'],
		];
		const bad: Array<[unknown, string]> = [
			['yes', '"yes"'],
			[2, 'a number'],
			['1.0', '"1.0"'],
			[[1], 'an array'],
		];
		const run = await prepare(
			{
				formType: sandbox().practices[0].forms[0],
				patientDob: '01/01/2000',
				additionalFields: {
					permissionSms: '={{ $json.flag }}',
					urgent: '={{ $json.flag }}',
					medicalFormsAsSingleFile: '={{ $json.flag }}',
				},
			},
			{ continueOnFail: true, items: [...good, ...bad].map(([flag]) => ({ flag })) },
		);
		// n8n hands the collection over in its own (alphabetical) order: the first flag checked is named.
		expect(run.error).toBeUndefined();
		expect(
			apiRequests(sandbox(), 'prepare_form').map(({ form }) => [
				form?.permission_sms,
				form?.urgent,
				form?.medical_forms_as_single_file,
			]),
		).toEqual(good.map(([, sent]) => [sent, sent, sent]));
		expect(run.items.slice(0, good.length).every((item) => String(item.json.urn).startsWith('TST'))).toBe(
			true,
		);
		expect(run.items.slice(good.length).map((item) => item.json.error)).toEqual(
			bad.map(
				([, shown], index) =>
					`Medical Forms as Single File: expected true, false, 1 or 0, got ${shown} (item index ${good.length + index})`,
			),
		);
	});

	it('Prepare Form with system type SE needs no form type', async () => {
		const run = await prepare({
			formType: '',
			patientDob: '10/10/2010',
			additionalFields: { systemType: 'SE' },
		});
		expect(run.error).toBeUndefined();
		expect(apiRequests(sandbox(), 'prepare_form')[0].form).toEqual({
			patient_dob: '10/10/2010',
			system_type: 'SE',
		});
	});

	it.each([
		['31/02/2010', 'Patient Date of Birth: no such calendar date (item index 1)'],
		[
			'2010/10/10',
			'Patient Date of Birth: "2010/10/10" is not a date in DD/MM/YYYY or YYYY-MM-DD form (item index 1)',
		],
		['', 'Patient Date of Birth: is empty (item index 1)'],
	])('refuses date of birth %p before any request, naming field and item', async (dob, message) => {
		const run = await prepare(
			{
				formType: sandbox().practices[0].forms[0],
				patientDob: '={{ $json.dob }}',
			},
			{ items: [{ dob: '01/01/2000' }, { dob }] },
		);
		expect(run.error?.message).toBe(message);
		expect(apiRequests(sandbox())).toHaveLength(0);
	});

	it('refuses a missing form type unless SE, naming field and item', async () => {
		const run = await prepare({
			formType: '',
			patientDob: '01/01/2000',
		});
		expect(run.error?.message).toBe('Form Type: is required unless System Type is SE (item index 0)');
		expect(apiRequests(sandbox())).toHaveLength(0);
	});

	it("the API's 400 for a form type the key lacks comes back with its message", async () => {
		const run = await prepare({
			formType: 'NoSuchForm',
			patientDob: '01/01/2000',
		});
		expect(run.error?.message).toMatch(/form_type/);
		expect((run.error as { httpCode?: string }).httpCode).toBe('400');
		expect(apiRequests(sandbox(), 'prepare_form')).toHaveLength(1);
	});

	it('Continue On Fail: bad items become error items paired to their input, the rest succeed', async () => {
		const run = await prepare(
			{
				formType: '={{ $json.formType }}',
				patientDob: '={{ $json.dob }}',
			},
			{
				continueOnFail: true,
				items: [
					{ formType: sandbox().practices[0].forms[0], dob: '01/01/2000' },
					{ formType: sandbox().practices[0].forms[0], dob: '32/01/2000' },
					{ formType: 'NoSuchForm', dob: '01/01/2000' },
					{ formType: sandbox().practices[0].forms[0], dob: '2001-02-03' },
				],
			},
		);
		expect(run.error).toBeUndefined();
		expect(run.items).toHaveLength(4);
		expect(run.items.map((item) => item.pairedItem)).toEqual([0, 1, 2, 3].map((item) => ({ item })));
		expect(run.items[0].json.urn).toMatch(/^TST/);
		expect(run.items[1].json.error).toBe('Patient Date of Birth: no such calendar date (item index 1)');
		expect(String(run.items[2].json.error)).toMatch(/form_type/);
		expect(run.items[3].json.urn).toMatch(/^TST/);
		// The refused item never reached the API.
		expect(apiRequests(sandbox(), 'prepare_form').map((request) => request.form?.patient_dob)).toEqual([
			'01/01/2000',
			'01/01/2000',
			'03/02/2001',
		]);
	});

	it('Parallel Requests: items overlap on the wire, output stays in input order', async () => {
		// Every reply is held back 300 ms: with 4 in flight, the first 4 arrive before any answer.
		sandbox().addFault({ path: '/react4r/v2/prepare_form', kind: 'slow', delayMs: 300, times: Infinity });
		const names = Array.from({ length: 8 }, (_, index) => `Patient${index}`);
		const run = await prepare(
			{
				formType: sandbox().practices[0].forms[0],
				patientDob: '01/01/2000',
				additionalFields: { patientIdentifier: '={{ $json.name }}' },
				options: { parallelRequests: 4 },
			},
			{ items: names.map((name) => ({ name })) },
		);
		expect(run.error).toBeUndefined();
		const key = sandbox().practices[0].apiKey;
		expect(run.items.map((item) => item.json.ptguid)).toEqual(names.map((name) => ptguidFor(key, name)));
		expect(run.items.map((item) => item.pairedItem)).toEqual(names.map((_, item) => ({ item })));
		const arrivals = apiRequests(sandbox(), 'prepare_form').map((request) => request.at);
		expect(arrivals[3] - arrivals[0]).toBeLessThan(300);
	});

	// A saved workflow keeps its node version, and n8n leaves a default out of the saved JSON:
	// version 2.1 changed the default, so 1 and 2 keep theirs.
	it.each([
		[1, 10],
		[2, 10],
		[2.1, 20],
	])(
		'node version %s: by default %i items are in flight; output in input order, Continue On Fail per item',
		async (typeVersion, inFlight) => {
			sandbox().addFault({ path: '/react4r/v2/prepare_form', kind: 'slow', delayMs: 300, times: Infinity });
			// Item 5 is answered with an API error (after the delay), the others succeed.
			const names = Array.from({ length: inFlight + 2 }, (_, index) => `Patient${index}`);
			const run = await prepare(
				{
					formType:
						'={{ $json.name === "Patient5" ? "NoSuchForm" : "' + sandbox().practices[0].forms[0] + '" }}',
					patientDob: '01/01/2000',
					additionalFields: { patientIdentifier: '={{ $json.name }}' },
				},
				{ items: names.map((name) => ({ name })), continueOnFail: true, typeVersion },
			);
			expect(run.error).toBeUndefined();
			expect(run.items.map((item) => item.pairedItem)).toEqual(names.map((_, item) => ({ item })));
			const key = sandbox().practices[0].apiKey;
			run.items.forEach((item, index) => {
				if (index === 5) expect(item.json.error).toBeDefined();
				else expect(item.json.ptguid).toBe(ptguidFor(key, names[index]));
			});
			const arrivals = apiRequests(sandbox(), 'prepare_form').map((request) => request.at);
			expect(arrivals).toHaveLength(inFlight + 2);
			// `inFlight` leave before the first answer (300 ms); the next one waits for one.
			expect(arrivals[inFlight - 1] - arrivals[0]).toBeLessThan(300);
			expect(arrivals[inFlight] - arrivals[0]).toBeGreaterThanOrEqual(250);
		},
	);
});
