import fc from 'fast-check';

import { runWorkflow } from '../../tools/engine/run-workflow';
import { dentalReferrals, sandboxCredential, useSandbox } from '../../tools/engine/sandbox-workflow';
import { anyValue, asDelivered, nastyString, numberLike, refusalBiased, timeoutValue } from './arbitraries';
import { check, fuzzOperation, type ItemOutcome } from './fuzz-harness';
import { jsonTypeWord, numberOf, ptguidVerdict, satisfies, textOf, urnVerdict, type Verdict } from './oracle';
import { submittedReferral } from './setup';

/**
 * Property-based tests of the operations whose input is a URN, a PTGUID, a Limit or only the
 * Timeout option: List Available Forms, Prepare File Upload, Get Status, Get Recent, Get by
 * Patient, and the refusal side of Wait for PDFs. 10 000 generated inputs each, as the items
 * of workflows of 2 500 items with Continue On Fail. Inputs are biased towards refusal (the
 * cheap path); a few hundred per operation still reach the sandbox.
 */

jest.setTimeout(120_000);

const COUNT = 10_000;
const MIN_ACCEPTED = 200;
const MAX_TIMEOUT_SECONDS = 2_147_483;

/** The seconds the node must use, or false if it must refuse the Timeout. */
function timeoutVerdict(value: unknown): number | false {
	const seconds = numberOf(value);
	return seconds !== false && seconds >= 0.001 && seconds <= MAX_TIMEOUT_SECONDS ? seconds : false;
}

/** The count to send, or false if Limit must be refused. */
function limitVerdict(returnAll: unknown, limit: unknown): number | false {
	if (returnAll === true) return 100;
	const count = numberOf(limit);
	return count !== false && Number.isInteger(count) && count >= 1 && count <= 100 ? count : false;
}

/** true: must be refused; false: must be sent; undefined: the documentation leaves it open. */
const mustRefuseOf = (verdict: Verdict) =>
	verdict.status === 'invalid' ? true : verdict.status === 'valid' ? false : undefined;

/** The refusal of a wrongly typed number parameter names the type. */
function checkNumberRefusal(field: string, value: unknown, message: string): void {
	if (numberOf(value) === false && typeof value !== 'string' && value !== undefined && value !== null) {
		check(
			// README: a wrongly typed value is refused naming the field; the message says what came instead.
			message.startsWith(`${field}: expected a number, got `) &&
				message.split('(item index')[0].includes(jsonTypeWord(value)),
			`wrong-type refusal reads: ${message}`,
		);
	}
}

const urnLike = fc.oneof(
	nastyString,
	anyValue,
	fc.string({ unit: fc.constantFrom('A', '0', '_', '.', ' ', '/', 'é'), maxLength: 70 }),
);

describe('fuzz: operations without a body (10 000 inputs each)', () => {
	const sandbox = useSandbox();
	const referrals: Array<{ urn: string; ptguid: string }> = [];
	beforeAll(async () => {
		// Two submitted referrals of one patient (a PTGUID with '=' and maybe '+'), one of another.
		referrals.push(await submittedReferral(sandbox(), 'fuzz-patient-1'));
		referrals.push(await submittedReferral(sandbox(), 'fuzz-patient-1'));
		referrals.push(await submittedReferral(sandbox(), 'fuzz-patient-2'));
	});
	const formsOf = () => sandbox().practices[0].forms;

	/** An accepted Timeout-only input: exactly one request, a healthy answer. */
	function checkOneHealthyRequest(outcome: ItemOutcome<{ t?: unknown }>) {
		check(outcome.requests.length === 1, `expected 1 request, got ${outcome.requests.length}`);
		check(!outcome.error, `a healthy sandbox answered, yet: ${outcome.error?.error}`);
	}

	const timeoutSpec = {
		item: (input: { t?: unknown }) => ({ t: input.t }),
		fields: ['Timeout'],
		minAccepted: MIN_ACCEPTED,
		mustRefuse: (input: { t?: unknown }) => timeoutVerdict(asDelivered(input.t)) === false,
		checkRefused: (outcome: ItemOutcome<{ t?: unknown }>) =>
			checkNumberRefusal('Timeout', asDelivered(outcome.input.t), outcome.error?.error ?? ''),
	};

	it('List Available Forms: Timeout from an expression', async () => {
		await fuzzOperation(sandbox(), {
			...timeoutSpec,
			label: 'form/getTypes',
			seed: 0x6e7001,
			count: COUNT,
			arbitrary: fc.record({ t: timeoutValue }, { requiredKeys: [] }),
			parameters: { resource: 'form', operation: 'getTypes', options: { timeout: '={{ $json.t }}' } },
			isOwnRequest: (request) => request.path.endsWith('/available_forms'),
			claims: (_input, request, position) => position === 0 && request.method === 'GET',
			checkSent: (outcome) => {
				checkOneHealthyRequest(outcome);
				check(
					JSON.stringify(outcome.outputs.map((output) => output.json.formType)) === JSON.stringify(formsOf()),
					'the form types are not the practice’s',
				);
			},
		});
	});

	it('Prepare File Upload: Timeout from an expression', async () => {
		await fuzzOperation(sandbox(), {
			...timeoutSpec,
			label: 'fileUpload/create',
			seed: 0x6e7002,
			count: COUNT,
			arbitrary: fc.record({ t: timeoutValue }, { requiredKeys: [] }),
			parameters: { resource: 'fileUpload', operation: 'create', options: { timeout: '={{ $json.t }}' } },
			isOwnRequest: (request) => request.path.endsWith('/prepare_fileupload'),
			claims: (_input, request, position) => position === 0 && request.method === 'POST',
			checkSent: (outcome) => {
				checkOneHealthyRequest(outcome);
				const id = outcome.outputs[0]?.json.fileupload_id;
				check(outcome.outputs.length === 1 && Number.isSafeInteger(id), `no fileupload_id: ${String(id)}`);
			},
		});
	});

	it('Get Status: URN from an expression', async () => {
		const urns = () => referrals.map((referral) => referral.urn);
		await fuzzOperation(sandbox(), {
			label: 'referral/get',
			seed: 0x6e7003,
			count: COUNT,
			arbitrary: fc.record(
				{
					u: refusalBiased(
						fc.oneof(
							fc.constantFrom(0, 1, 2).map((i) => `  TST000000${i + 1}\t`),
							fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/),
						),
						urnLike,
						25,
					),
				},
				{ requiredKeys: [] },
			),
			item: (input) => ({ u: input.u }),
			parameters: { resource: 'referral', operation: 'get', urn: '={{ $json.u }}' },
			isOwnRequest: (request) => request.path.endsWith('/referral_status'),
			// One request per accepted item, in item order; checkSent compares its URN with the item's.
			claims: (_input, _request, position) => position === 0,
			fields: ['URN'],
			minAccepted: MIN_ACCEPTED,
			mustRefuse: (input) => mustRefuseOf(urnVerdict(asDelivered(input.u))),
			checkRefused: (outcome) => {
				const value = asDelivered(outcome.input.u);
				if (textOf(value) === false) {
					check(
						outcome.error?.error.startsWith('URN: expected text, got ') &&
							outcome.error.error.split('(item index')[0].includes(jsonTypeWord(value)),
						`wrong-type refusal reads: ${outcome.error?.error}`,
					);
				}
			},
			checkSent: (outcome) => {
				const urn = outcome.requests[0].query.urn;
				check(satisfies(urnVerdict(asDelivered(outcome.input.u)), urn), `sent urn=${urn}`);
				if (urns().includes(urn)) {
					check(!outcome.error, `a known URN failed: ${outcome.error?.error}`);
					check(outcome.outputs[0].json.referral_urn === urn, 'the item is not the URN’s referral');
				} else {
					check(outcome.error?.httpCode === '404', `an unknown URN gave ${JSON.stringify(outcome.error)}`);
					check(outcome.error?.error.includes(urn) ?? false, 'the 404 does not name the URN');
				}
			},
		});
	});

	it('Get Recent: Return All and Limit (numbers, text, dates, objects) from expressions', async () => {
		await fuzzOperation(sandbox(), {
			label: 'referral/getMany',
			seed: 0x6e7004,
			count: COUNT,
			arbitrary: fc.record(
				{
					r: fc.oneof(
						{ weight: 1, arbitrary: fc.constant(true) },
						{ weight: 30, arbitrary: anyValue.filter((value) => value !== true) },
					),
					l: refusalBiased(
						fc.oneof(
							fc.integer({ min: 1, max: 100 }),
							fc.integer({ min: 1, max: 100 }).map((n) => ` ${n} `),
						),
						fc.oneof(numberLike, anyValue),
						20,
					),
					// Now and then the expression makes a JS Date of the value: a Date is not a number.
					d: fc.oneof(
						{ weight: 12, arbitrary: fc.constant(false) },
						{ weight: 1, arbitrary: fc.constant(true) },
					),
				},
				{ requiredKeys: ['d'] },
			),
			item: (input) => ({ r: input.r, l: input.l, d: input.d }),
			parameters: {
				resource: 'referral',
				operation: 'getMany',
				returnAll: '={{ $json.r }}',
				limit: '={{ $json.d ? new Date(0) : $json.l }}',
			},
			isOwnRequest: (request) => request.path.endsWith('/batch_referral_status'),
			claims: (input, request, position) =>
				position === 0 &&
				request.query.count ===
					String(limitVerdict(asDelivered(input.r), input.d ? new Date(0) : asDelivered(input.l))),
			fields: ['Limit'],
			minAccepted: MIN_ACCEPTED,
			mustRefuse: (input) =>
				limitVerdict(asDelivered(input.r), input.d ? new Date(0) : asDelivered(input.l)) === false,
			checkRefused: (outcome) =>
				checkNumberRefusal(
					'Limit',
					outcome.input.d ? new Date(0) : asDelivered(outcome.input.l),
					outcome.error?.error ?? '',
				),
			checkSent: (outcome) => {
				const count = Number(outcome.requests[0].query.count);
				check(!outcome.error, `failed: ${outcome.error?.error}`);
				check(
					outcome.outputs.length === Math.min(count, referrals.length),
					`${outcome.outputs.length} items for count ${count}`,
				);
			},
		});
	});

	it('Get by Patient: PTGUID, Return All and Limit from expressions', async () => {
		await fuzzOperation(sandbox(), {
			label: 'referral/getByPatient',
			seed: 0x6e7005,
			count: COUNT,
			arbitrary: fc.record(
				{
					p: refusalBiased(
						fc.oneof(
							fc.constantFrom(0, 2).map((i) => ` ${referrals[i].ptguid}\n`),
							fc.stringMatching(/^[A-Za-z0-9+/=_-]{1,40}$/),
							fc.integer({ min: 0 }),
						),
						fc.oneof(urnLike, fc.constantFrom('a b', 'é=', 'x'.repeat(513), 'AAAA%3D', 'AA==\u0000')),
						8,
					),
					r: fc.oneof(fc.constant(true), anyValue),
					l: numberLike,
				},
				{ requiredKeys: [] },
			),
			item: (input) => ({ p: input.p, r: input.r, l: input.l }),
			parameters: {
				resource: 'referral',
				operation: 'getByPatient',
				ptguid: '={{ $json.p }}',
				returnAll: '={{ $json.r }}',
				limit: '={{ $json.l }}',
			},
			isOwnRequest: (request) => request.path.endsWith('/patient_referrals'),
			// One request per accepted item, in item order, with its Limit as count; checkSent compares the PTGUID.
			claims: (input, request, position) =>
				position === 0 &&
				request.query.count === String(limitVerdict(asDelivered(input.r), asDelivered(input.l))),
			fields: ['PTGUID', 'Limit'],
			minAccepted: MIN_ACCEPTED,
			mustRefuse: (input) =>
				limitVerdict(asDelivered(input.r), asDelivered(input.l)) === false
					? true
					: mustRefuseOf(ptguidVerdict(asDelivered(input.p))),
			checkRefused: (outcome) => {
				// The refusal names a field the rules reject (or leave open), never a valid one.
				const allowed = [
					...(ptguidVerdict(asDelivered(outcome.input.p)).status !== 'valid' ? ['PTGUID'] : []),
					...(limitVerdict(asDelivered(outcome.input.r), asDelivered(outcome.input.l)) === false
						? ['Limit']
						: []),
				];
				check(
					allowed.some((field) => outcome.error?.error.startsWith(`${field}: `)),
					`the refusal names the wrong field: ${outcome.error?.error}`,
				);
			},
			checkSent: (outcome) => {
				// The PTGUID (Base64: '=', '+', '/') arrives exactly, URL-encoded properly.
				const ptguid = outcome.requests[0].query.ptguid;
				check(satisfies(ptguidVerdict(asDelivered(outcome.input.p)), ptguid), `sent ptguid=${ptguid}`);
				const count = Number(outcome.requests[0].query.count);
				check(!outcome.error, `failed: ${outcome.error?.error}`);
				const expected = referrals.filter((referral) => referral.ptguid === ptguid).length;
				// An unknown patient is an empty list (no output item for the input), not an error.
				check(outcome.outputs.length === Math.min(count, expected), `${outcome.outputs.length} items`);
			},
		});
	});

	it('Wait for PDFs: refused with several items, a bad URN or a bad Wait Limit; never waits', async () => {
		const seed = 0x6e7006;
		// Several items: every item is refused (one resume URL per execution), naming its index.
		const multiple = await fuzzOperation(sandbox(), {
			label: 'referral/waitForFiles (several items)',
			seed,
			count: COUNT,
			arbitrary: fc.record(
				{ u: fc.oneof(fc.constant('TST0000001'), urnLike), w: numberLike },
				{ requiredKeys: [] },
			),
			item: (input) => ({ u: input.u, w: input.w }),
			parameters: {
				resource: 'referral',
				operation: 'waitForFiles',
				urn: '={{ $json.u }}',
				waitLimit: '={{ $json.w }}',
				waitLimitUnit: 'minutes',
			},
			isOwnRequest: () => true,
			claims: () => false,
			fields: ['URN', 'Wait Limit'],
			mustRefuse: () => true,
		});
		check(multiple.refused === COUNT, 'an item of a multi-item run was accepted');

		// One item per execution: a URN or Wait Limit that is bad (the only inputs generated).
		const urnStatus = (value: unknown) => urnVerdict(value).status;
		const limitOk = (value: unknown) => {
			const amount = numberOf(value);
			return amount !== false && amount > 0;
		};
		const single = fc
			.sample(
				fc.record({
					u: fc.oneof(fc.constant('TST0000001'), urnLike),
					w: fc.oneof(fc.constant(5), numberLike),
				}),
				{ seed, numRuns: 3_000 },
			)
			.map((input) => asDelivered(input))
			.filter((input) => urnStatus(input.u) === 'invalid' || !limitOk(input.w))
			.slice(0, 1_000);
		const credentials = sandboxCredential(sandbox());
		const started = Date.now();
		const problems: string[] = [];
		for (let offset = 0; offset < single.length; offset += 50) {
			const runs = await Promise.all(
				single.slice(offset, offset + 50).map(async (input) => ({
					input,
					result: await runWorkflow({
						items: [input],
						nodes: [
							dentalReferrals({
								resource: 'referral',
								operation: 'waitForFiles',
								urn: '={{ $json.u }}',
								waitLimit: '={{ $json.w }}',
								waitLimitUnit: 'hours',
							}),
						],
						credentials,
					}),
				})),
			);
			for (const { input, result } of runs) {
				// The refusal names a field the rules reject (a URN they leave open may be named too).
				const fields = [
					...(urnStatus(input.u) !== 'valid' ? ['URN'] : []),
					...(limitOk(input.w) ? [] : ['Wait Limit']),
				];
				const message = result.error?.message ?? '';
				if (
					result.run.waitTill ||
					!new RegExp(`^(${fields.join('|')}): .+ \\(item index 0\\)$`, 's').test(message)
				) {
					if (problems.length < 5)
						problems.push(`${JSON.stringify(input).slice(0, 200)} → ${message || 'waiting'}`);
				}
			}
		}
		console.log(
			`[fuzz] referral/waitForFiles (one item): seed=${seed} inputs=${single.length} refused=${single.length - problems.length} in ${Date.now() - started} ms`,
		);
		expect(problems).toEqual([]);
		expect(sandbox().requests).toHaveLength(0);
	});
});
