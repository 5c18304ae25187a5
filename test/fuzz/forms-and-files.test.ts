import fc from 'fast-check';

import { useSandbox } from '../../tools/engine/sandbox-workflow';
import {
	anyValue,
	asDelivered,
	dateExpression,
	fileName,
	mimeType,
	nastyString,
	refusalBiased,
	taggedDate,
	type TaggedDate,
} from './arbitraries';
import { check, fuzzOperation, sha256, type FuzzFile } from './fuzz-harness';
import {
	callbackUrl,
	choice,
	dateVerdict,
	flag,
	formType,
	freeText,
	GENDERS,
	nhsNumber,
	numberOf,
	satisfies,
	SYSTEM_TYPES,
	textOf,
	TITLES,
	type Verdict,
} from './oracle';
import { callApi, submittedReferral } from './setup';

/**
 * Property-based tests of the operations with a body or a file: Prepare Form, Save Draft,
 * Add File, Upload Files, Download PDF. 10 000 generated inputs each (workflows of 2 500
 * items, Continue On Fail), biased towards refusal; a few hundred reach the sandbox.
 */

jest.setTimeout(120_000);

const COUNT = 10_000;
const MIN_ACCEPTED = 200;

const blank = (value: unknown) =>
	value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/** One generated Prepare Form / Save Draft item: each key feeds one parameter through an expression. */
interface PatientInput {
	/** Form Type */
	f?: unknown;
	/** System Type */
	s?: unknown;
	/** Patient Date of Birth */
	d: TaggedDate;
	/** Title, Gender, First Name */
	t?: unknown;
	x?: unknown;
	a?: unknown;
	/** Urgent and Permission to SMS (the 0/1 switches) */
	g?: unknown;
	p?: unknown;
	/** NHS Number, Patient Identifier, Files Ready Webhook URL */
	n?: unknown;
	i?: unknown;
	w?: unknown;
}

/** The parameters under test: editor name (what refusals name), API name, the item key, and the oracle's rule. */
const PATIENT_FIELDS: Array<{
	field: string;
	apiName: string;
	key: Exclude<keyof PatientInput, 'f' | 'd'>;
	parameter: string;
	rule: (value: unknown) => Verdict;
}> = [
	{
		field: 'System Type',
		apiName: 'system_type',
		key: 's',
		parameter: 'systemType',
		rule: (v) => choice(v, SYSTEM_TYPES),
	},
	{
		field: 'Title',
		apiName: 'patient_title',
		key: 't',
		parameter: 'patientTitle',
		rule: (v) => choice(v, TITLES),
	},
	{ field: 'Gender', apiName: 'gender', key: 'x', parameter: 'gender', rule: (v) => choice(v, GENDERS) },
	{
		field: 'First Name',
		apiName: 'patient_first_name',
		key: 'a',
		parameter: 'patientFirstName',
		rule: freeText,
	},
	{ field: 'Urgent', apiName: 'urgent', key: 'g', parameter: 'urgent', rule: flag },
	{ field: 'Permission to SMS', apiName: 'permission_sms', key: 'p', parameter: 'permissionSms', rule: flag },
	{ field: 'NHS Number', apiName: 'nhs_number', key: 'n', parameter: 'nhsNumber', rule: nhsNumber },
	{
		field: 'Patient Identifier',
		apiName: 'patient_identifier',
		key: 'i',
		parameter: 'patientIdentifier',
		rule: freeText,
	},
	{
		field: 'Files Ready Webhook URL',
		apiName: 'files_ready_webhook_url',
		key: 'w',
		parameter: 'filesReadyWebhookUrl',
		rule: callbackUrl,
	},
];

/**
 * Prepare Form and Save Draft take "exactly the same request parameters" (the docs): each
 * property covers half of them, so a workflow evaluates fewer expressions per item (an n8n
 * expression costs about as much as the rest of an item's refusal).
 */
const FIELDS_OF: Record<'prepare' | 'save', string[]> = {
	prepare: ['system_type', 'patient_title', 'gender', 'urgent', 'nhs_number'],
	save: [
		'system_type',
		'patient_first_name',
		'permission_sms',
		'patient_identifier',
		'files_ready_webhook_url',
	],
};

/** The oracle's verdict for every parameter of an item (by API name). */
function patientVerdicts(input: PatientInput, fields: typeof PATIENT_FIELDS, formTypeOptionalForSE: boolean) {
	const verdicts = new Map<string, { field: string; verdict: Verdict }>();
	for (const { field, apiName, key, rule } of fields)
		verdicts.set(apiName, { field, verdict: rule(asDelivered(input[key])) });
	verdicts.set('patient_dob', {
		field: 'Patient Date of Birth',
		verdict: dateVerdict(asDelivered(input.d.value), input.d.mode),
	});
	// The SE exception needs system_type SE to be what is sent: a valid or an open SE.
	const system = verdicts.get('system_type')!.verdict;
	const se = formTypeOptionalForSE && satisfies(system, 'SE');
	verdicts.set('form_type', { field: 'Form Type', verdict: formType(asDelivered(input.f), se) });
	return verdicts;
}

/** true: some parameter must be refused; false: every one must be accepted; undefined: open. */
function mustRefuseOf(verdicts: ReturnType<typeof patientVerdicts>): boolean | undefined {
	const all = [...verdicts.values()].map((entry) => entry.verdict.status);
	if (all.includes('invalid')) return true;
	return all.every((status) => status === 'valid') ? false : undefined;
}

describe('fuzz: operations with a body or a file (10 000 inputs each)', () => {
	const sandbox = useSandbox();
	const documents: string[] = [];
	const uploads: number[] = [];
	beforeAll(async () => {
		documents.push(...(await submittedReferral(sandbox(), 'fuzz-documents')).files);
		for (let i = 0; i < 3; i++)
			uploads.push(Number((await callApi(sandbox(), 'POST', 'prepare_fileupload')).fileupload_id));
	});

	/** A documented choice in any letter case, sometimes with white space around it. */
	const cased = (choices: readonly string[]) =>
		fc
			.constantFrom(...choices)
			.chain((entry) => fc.constantFrom(entry, entry.toLowerCase(), entry.toUpperCase(), ` ${entry}`));
	/** Mostly well-formed (so hundreds of items reach the sandbox), sometimes absent, sometimes anything. */
	const optional = (good: fc.Arbitrary<unknown>, goodWeight = 4) =>
		fc.oneof(
			{ weight: 4, arbitrary: fc.constant(undefined) },
			{ weight: goodWeight, arbitrary: good },
			{ weight: 1, arbitrary: anyValue },
		);
	/** The values the documentation allows for a 0/1 switch, in the forms an expression yields them. */
	const flagValue = fc.oneof(
		{ weight: 4, arbitrary: fc.boolean() },
		{
			weight: 1,
			arbitrary: fc.constantFrom<unknown>(1, 0, '1', '0', ' true ', 'FALSE', 'True', ' 0 ', 2, 'yes', ''),
		},
	);

	const patientArbitrary = (): fc.Arbitrary<PatientInput> =>
		fc.record(
			{
				f: fc.oneof(
					{ weight: 4, arbitrary: fc.constantFrom(...sandbox().practices[0].forms) },
					{ weight: 1, arbitrary: fc.constantFrom('UnknownForm', ' ChildOralCareForm ', '', '  ') },
					// Text reaches the API (which answers 400): mostly wrong types, which never do.
					{ weight: 1, arbitrary: anyValue },
					{ weight: 6, arbitrary: anyValue.filter((value) => textOf(asDelivered(value)) === false) },
				),
				s: optional(cased(SYSTEM_TYPES), 3),
				// Dates in every format (mostly valid ones), or anything at all.
				d: fc.oneof(
					{ weight: 2, arbitrary: taggedDate },
					{ weight: 3, arbitrary: anyValue.map((value): TaggedDate => ({ value, mode: 0 })) },
				),
				t: optional(cased(TITLES)),
				x: optional(cased(GENDERS)),
				a: fc.oneof(fc.constantFrom('Ann', ' Zoë ', 'O’Brien', '[object Object]'), nastyString, anyValue),
				g: optional(flagValue, 6),
				p: optional(flagValue, 2),
				n: optional(
					fc.constantFrom<unknown>('943 476 5919', '943-476-5919', '9434765919', 9434765919, '12a'),
				),
				i: optional(fc.oneof(fc.constantFrom('patient-1', 'P 2'), nastyString), 2),
				w: fc.oneof(
					{ weight: 12, arbitrary: fc.constant(undefined) },
					{
						weight: 2,
						arbitrary: fc.constantFrom(
							'https://example.org/hook',
							'http://127.0.0.1:9/files?ready=1',
							'HTTPS://Example.ORG/a b',
							' https://example.org/x ',
						),
					},
					{
						weight: 1,
						arbitrary: fc.constantFrom('ftp://example.org/x', 'not a url', '/relative', 'javascript:x'),
					},
					{ weight: 1, arbitrary: anyValue },
				),
			},
			{ requiredKeys: ['d'] },
		) as fc.Arbitrary<PatientInput>;

	it.each([
		['form/prepare', 'form', 'prepare', 'prepare_form', 0x6e7101],
		['draft/save', 'draft', 'save', 'save_draft', 0x6e7102],
	] as const)(
		'%s: every parameter from expressions, judged by the documented rules; the exact body on the wire',
		async (label, resource, operation, endpoint, seed) => {
			const optionalForSE = operation === 'prepare';
			const fields = PATIENT_FIELDS.filter(({ apiName }) => FIELDS_OF[operation].includes(apiName));
			const verdictsOf = (input: PatientInput) => patientVerdicts(input, fields, optionalForSE);
			const forms = sandbox().practices[0].forms;
			await fuzzOperation<PatientInput>(sandbox(), {
				label,
				seed,
				count: COUNT,
				arbitrary: patientArbitrary(),
				item: (input) => ({ ...input }),
				parameters: {
					resource,
					operation,
					formType: '={{ $json.f }}',
					patientDob: dateExpression('d'),
					additionalFields: Object.fromEntries(
						fields.map(({ parameter, key }) => [parameter, `={{ $json.${key} }}`]),
					),
				},
				isOwnRequest: (request) => request.path.endsWith(`/${endpoint}`),
				// One request per accepted item, in item order (checkSent then compares the whole body,
				// so a request paired with the wrong item fails there).
				claims: (_input, _request, position) => position === 0,
				fields: ['Form Type', 'Patient Date of Birth', ...fields.map(({ field }) => field)],
				minAccepted: MIN_ACCEPTED,
				mustRefuse: (input) => mustRefuseOf(verdictsOf(input)),
				checkRefused: (outcome) => {
					// The refusal names a field the documented rules reject (or leave open).
					const named = /^([^:]+): /.exec(outcome.error?.error ?? '')?.[1];
					const entry = [...verdictsOf(outcome.input).values()].find(({ field }) => field === named);
					check(entry && entry.verdict.status !== 'valid', `refused naming ${named}, a valid field`);
				},
				checkSent: (outcome) => {
					const form = outcome.requests[0].form ?? {};
					const verdicts = verdictsOf(outcome.input);
					// Exactly the parameters the oracle expects, each as the documentation says.
					for (const name of Object.keys(form))
						check(verdicts.has(name), `sent a parameter nobody set: ${name}=${form[name]}`);
					for (const [apiName, { verdict }] of verdicts)
						check(
							satisfies(verdict, form[apiName]),
							`${apiName} sent as ${JSON.stringify(form[apiName])?.slice(0, 80)}, expected ${JSON.stringify(verdict).slice(0, 120)}`,
						);
					// The API's verdict: a form type the key has (or SE without one on Prepare Form) succeeds.
					const typeOk =
						form.form_type === undefined
							? optionalForSE && form.system_type === 'SE'
							: forms.includes(form.form_type);
					if (!typeOk) {
						check(outcome.error?.httpCode === '400', `form_type ${form.form_type}: expected the API's 400`);
						return;
					}
					check(!outcome.error, `a valid form failed: ${outcome.error?.error}`);
					const json = outcome.outputs[0].json;
					check(
						json.status === 'success' && /^TST\d{7}$/.test(String(json.urn)),
						`answer ${JSON.stringify(json)}`,
					);
					check(
						operation === 'prepare'
							? typeof json.prepared_form_url === 'string'
							: typeof json.draft_id === 'number',
						'no prepared_form_url / draft_id',
					);
					// A PTGUID (Base64 text) exactly when a patient identifier was sent.
					check(
						form.patient_identifier === undefined
							? json.ptguid === undefined
							: /^[A-Za-z0-9+/]+={0,2}$/.test(String(json.ptguid)),
						`ptguid ${String(json.ptguid)} for patient_identifier ${form.patient_identifier}`,
					);
				},
			});
		},
	);

	interface FileInput {
		id?: unknown;
		p?: unknown;
		k?: unknown;
		d: TaggedDate;
		files: Array<Omit<FuzzFile, 'content'>>;
	}

	const fileMeta = fc.record(
		{ fileName, mimeType, fileExtension: fc.oneof(fc.constantFrom('jpg', 'pdf', 'exe'), anyValue) },
		{ requiredKeys: [] },
	);
	const goodMeta = fc.record({
		fileName: fc.constantFrom('x-ray.jpg', 'RÖNTGEN.PNG', 'scan.pdf', 'quote".jpg', 'line\r\nbreak.pdf'),
		mimeType: fc.constantFrom('image/jpeg', 'IMAGE/PNG', 'application/pdf', 'application/octet-stream'),
	});
	/** Most items carry no binary at all: refused cheaply ("the item has no binary property"). */
	const filesArbitrary = fc.oneof(
		{ weight: 6, arbitrary: fc.constant([]) },
		{
			weight: 2,
			arbitrary: fc.array(
				fc.record({ property: fc.constantFrom('data', 'scan'), meta: refusalBiased(goodMeta, fileMeta, 1) }),
				{ minLength: 1, maxLength: 2 },
			),
		},
	);
	const fileInput = (withId: boolean) =>
		fc.record(
			{
				...(withId
					? {
							id: refusalBiased(
								fc.constantFrom(0, 1, 2).map((i) => uploads[i]),
								fc.oneof(anyValue, fc.integer({ min: 1 })),
								2,
							),
						}
					: {}),
				p: refusalBiased(
					fc.constantFrom('data', 'scan', 'data, scan', ' data '),
					fc.oneof(nastyString, anyValue),
					2,
				),
				k: fc.oneof(
					{ weight: 6, arbitrary: fc.constantFrom('other', 'radiograph') },
					{ weight: 1, arbitrary: anyValue },
				),
				d: taggedDate,
				files: filesArbitrary,
			},
			{ requiredKeys: ['d', 'files'] },
		) as fc.Arbitrary<FileInput>;
	const contentOf = (index: number, property: string) => `fuzz file ${index} ${property}`;
	/** Which generated input is which (the bytes of its files name it): set when its files are made. */
	const indexes = new WeakMap<object, number>();
	const inputIndex = (input: object) => indexes.get(input) ?? -1;

	// Odd binary metadata included: a mimeType or fileName that is not text (e.g. 42) and a file
	// name with a lone surrogate once crashed planUploads and headerSafe without naming the field
	// or the item (both fixed in input/uploads.ts); the oracle says which inputs must be refused.
	it.each([
		['fileUpload/addFile', 'addFile', 0x6e7103],
		['fileUpload/upload', 'upload', 0x6e7104],
	] as const)('%s: binary property, kind, date and odd binary metadata', async (label, operation, seed) => {
		const withId = operation === 'addFile';
		const report = await fuzzOperation<FileInput>(sandbox(), {
			label,
			seed,
			count: COUNT,
			arbitrary: fileInput(withId),
			item: (input) => ({ id: input.id, p: input.p, k: input.k, d: input.d }),
			files: (input, index) => {
				indexes.set(input, index);
				return input.files.map((file) => ({ ...file, content: contentOf(index, file.property) }));
			},
			parameters: {
				resource: 'fileUpload',
				operation,
				...(withId ? { fileuploadId: '={{ $json.id }}' } : {}),
				binaryPropertyName: '={{ $json.p }}',
				uploadKind: '={{ $json.k }}',
				uploadDate: dateExpression('d'),
			},
			isOwnRequest: (request) =>
				request.path.endsWith('/add_file') || request.path.endsWith('/prepare_fileupload'),
			// Position 0 of Upload Files is prepare_fileupload; every add_file carries the item's own bytes.
			claims: (input, request, position) => {
				if (!withId && position === 0) return request.path.endsWith('/prepare_fileupload');
				const part = request.parts?.find((candidate) => candidate.name === 'file');
				return (
					request.path.endsWith('/add_file') &&
					input.files.some((file) => part?.sha256 === sha256(contentOf(inputIndex(input), file.property)))
				);
			},
			fields: ['File Upload ID', 'Input Binary Field', 'Upload Kind', 'Upload Date'],
			mustRefuse: (input) => {
				if (withId) {
					const id = numberOf(asDelivered(input.id));
					if (id === false && !blank(asDelivered(input.id))) return true;
					if (id !== false && (!Number.isInteger(id) || id < 1)) return true;
				}
				if (input.files.length === 0) return true;
				if (textOf(asDelivered(input.k)) === false) return true;
				// Docs: Upload-Date is "Required if Upload-Kind set to radiograph", in DD/MM/YYYY.
				if (
					asDelivered(input.k) === 'radiograph' &&
					dateVerdict(asDelivered(input.d.value), input.d.mode).status === 'invalid'
				)
					return true;
				return undefined;
			},
			checkSent: (outcome) => {
				const date = dateVerdict(asDelivered(outcome.input.d.value), outcome.input.d.mode);
				for (const request of outcome.requests.filter((candidate) => candidate.path.endsWith('/add_file'))) {
					if (request.headers['upload-kind'] === 'radiograph')
						check(
							satisfies(date, request.headers['upload-date']),
							`Upload-Date ${request.headers['upload-date']} for ${JSON.stringify(date).slice(0, 100)}`,
						);
					for (const name of ['upload-filename', 'upload-content-type', 'upload-kind']) {
						// Header values reach the API as printable ASCII: no CR/LF injection.
						check(/^[\x20-\x7e]*$/.test(request.headers[name] ?? ''), `${name}: ${request.headers[name]}`);
					}
				}
			},
		});
		check(report.sent >= 50, `only ${report.sent} inputs reached the sandbox`);
	});

	/**
	 * Download PDF, judged by the README ("any URL whose origin is not the credential's is refused
	 * before a request is made"; the file lands in *Put Output File in Field*, `application/pdf`,
	 * file name from the URL) and the docs (document URLs are fetched with the Authorization header).
	 */
	function documentUrlVerdict(value: unknown): Verdict {
		const text = textOf(value);
		if (text === false || text.trim() === '') return { status: 'invalid' };
		let url: URL;
		try {
			url = new URL(text.trim());
		} catch {
			return { status: 'invalid' };
		}
		if (url.origin !== sandbox().origin) return { status: 'invalid' };
		// User info in a same-origin URL, white space around it: not addressed; if fetched, that URL.
		const exact = text === text.trim() && url.username === '' && url.password === '';
		return exact ? { status: 'valid', sent: url.href } : { status: 'open', alternatives: [url.href] };
	}
	function outputFieldVerdict(value: unknown): Verdict {
		const text = textOf(value);
		if (text === false) return { status: 'invalid' };
		// A required field left blank: refused, or the default `data` (not addressed).
		if (text.trim() === '') return { status: 'open', alternatives: ['data'] };
		return text === text.trim()
			? { status: 'valid', sent: text }
			: { status: 'open', alternatives: [text, text.trim()] };
	}
	const sameResource = (href: string, request: { path: string; query: Record<string, string> }) => {
		const url = new URL(href);
		const decoded = (path: string) => {
			try {
				return decodeURIComponent(path);
			} catch {
				return path;
			}
		};
		const query = Object.fromEntries([...url.searchParams].reverse());
		return (
			(request.path === url.pathname || decoded(request.path) === decoded(url.pathname)) &&
			JSON.stringify(Object.entries(request.query).sort()) === JSON.stringify(Object.entries(query).sort())
		);
	};

	it('document/download: Document URL and output field from expressions', async () => {
		const origin = () => sandbox().origin;
		type DownloadInput = { u?: unknown; b?: unknown };
		const verdicts = (input: DownloadInput) => ({
			'Document URL': documentUrlVerdict(asDelivered(input.u)),
			'Put Output File in Field': outputFieldVerdict(asDelivered(input.b)),
		});
		await fuzzOperation<DownloadInput>(sandbox(), {
			label: 'document/download',
			seed: 0x6e7105,
			count: COUNT,
			arbitrary: fc.record(
				{
					u: refusalBiased(
						fc.constantFrom(...documents, `${documents[0]}?x=1`, ` ${documents[1] ?? documents[0]} `),
						fc.oneof(
							{ weight: 30, arbitrary: anyValue },
							{
								weight: 2,
								arbitrary: fc.constantFrom(
									'http://127.0.0.9:1/documents/a.pdf',
									'https://app.dental-referrals.org/documents/a.pdf',
									'/documents/a.pdf',
									'file:///etc/passwd',
									'javascript:alert(1)',
									`${origin().replace('http:', 'https:')}/documents/a.pdf`,
									`${origin()}/documents/missing.pdf`,
									`${origin()}/documents/%E2%9C%93 ✓.pdf`,
								),
							},
							{ weight: 1, arbitrary: nastyString.map((text) => `${origin()}/${text}`) },
						),
						25,
					),
					b: fc.oneof(
						{ weight: 20, arbitrary: fc.constantFrom('data', 'pdf') },
						{ weight: 1, arbitrary: fc.oneof(anyValue, fc.constantFrom(' data ', '', '  ')) },
					),
				},
				{ requiredKeys: [] },
			),
			item: (input) => ({ u: input.u, b: input.b }),
			parameters: {
				resource: 'document',
				operation: 'download',
				documentUrl: '={{ $json.u }}',
				binaryPropertyName: '={{ $json.b }}',
			},
			isOwnRequest: (request) => request.method === 'GET' && !request.path.startsWith('/react4r/v2/'),
			// One GET per accepted item, in item order; checkSent compares it with the item's URL.
			claims: (_input, _request, position) => position === 0,
			fields: ['Document URL', 'Put Output File in Field'],
			minAccepted: MIN_ACCEPTED,
			mustRefuse: (input) => {
				const all = Object.values(verdicts(input)).map((verdict) => verdict.status);
				if (all.includes('invalid')) return true;
				return all.every((status) => status === 'valid') ? false : undefined;
			},
			checkRefused: (outcome) => {
				const named = /^([^:]+): /.exec(outcome.error?.error ?? '')?.[1] as keyof ReturnType<typeof verdicts>;
				check(verdicts(outcome.input)[named]?.status !== 'valid', `refused naming ${named}, a valid field`);
			},
			checkSent: (outcome) => {
				const request = outcome.requests[0];
				const url = verdicts(outcome.input)['Document URL'];
				const href =
					url.status === 'valid' ? url.sent : url.status === 'open' ? (url.alternatives as string[])[0] : '';
				check(
					href && sameResource(href, request),
					`fetched ${request.path} for ${String(href).slice(0, 120)}`,
				);
				check(request.apiKey === sandbox().practices[0].apiKey, 'the download did not carry the key');
				check(!request.path.startsWith('/react4r/'), 'a document URL reached the API root');
				// A real document, whatever the query (the sandbox ignores it).
				if (documents.some((document) => sameResource(document, { path: request.path, query: {} }))) {
					check(!outcome.error, `a real PDF failed: ${outcome.error?.error}`);
					const field = outputFieldVerdict(asDelivered(outcome.input.b));
					const names = Object.keys(outcome.outputs[0].binary ?? {});
					check(names.length === 1 && satisfies(field, names[0]), `PDF stored in ${names.join(', ')}`);
					const binary = outcome.outputs[0].binary![names[0]];
					check(binary.mimeType === 'application/pdf', `stored as ${binary.mimeType}`);
					const fileName = decodeURIComponent(new URL(href!).pathname.split('/').pop() ?? '');
					check(binary.fileName === fileName, `file name ${binary.fileName}, expected ${fileName}`);
					// The input item's JSON is kept (README).
					check(outcome.outputs[0].json.u === asDelivered(outcome.input.u), 'the input JSON was not kept');
				} else {
					check(
						outcome.error?.httpCode === '404',
						`an unknown document answered ${JSON.stringify(outcome.error)}`,
					);
				}
			},
		});
	});
});
