import { apiRequests, runNode, useSandbox } from '../../tools/engine/sandbox-workflow';
import { submittedReferral } from '../fuzz/setup';
import { startForeignOrigin } from './hostile-servers';

/**
 * Faults on every JSON operation of the action node, one workflow each: a 5xx burst that
 * n8n's Retry On Fail recovers, a truncated body, a non-JSON body, and a redirect to a live
 * foreign origin, which must get no request at all (so never the Authorization header).
 */
describe('faults on every JSON operation', () => {
	const sandbox = useSandbox();
	let referral: { urn: string; ptguid: string };
	beforeAll(async () => {
		referral = await submittedReferral(sandbox(), 'faults-patient');
	});
	const host = () => new URL(sandbox().origin).host;

	const operations: Array<[string, () => Record<string, unknown>, string]> = [
		['form/getTypes', () => ({ resource: 'form', operation: 'getTypes' }), 'available_forms'],
		[
			'form/prepare',
			() => ({
				resource: 'form',
				operation: 'prepare',
				formType: sandbox().practices[0].forms[0],
				patientDob: '01/02/1980',
			}),
			'prepare_form',
		],
		[
			'draft/save',
			() => ({
				resource: 'draft',
				operation: 'save',
				formType: sandbox().practices[0].forms[0],
				patientDob: '1980-02-01',
			}),
			'save_draft',
		],
		[
			'referral/get',
			() => ({ resource: 'referral', operation: 'get', urn: referral.urn }),
			'referral_status',
		],
		[
			'referral/getMany',
			() => ({ resource: 'referral', operation: 'getMany', limit: 5 }),
			'batch_referral_status',
		],
		[
			'referral/getByPatient',
			() => ({ resource: 'referral', operation: 'getByPatient', ptguid: referral.ptguid, returnAll: true }),
			'patient_referrals',
		],
		['fileUpload/create', () => ({ resource: 'fileUpload', operation: 'create' }), 'prepare_fileupload'],
	];
	const path = (endpoint: string) => `/react4r/v2/${endpoint}`;

	it.each(operations)(
		'%s: a burst of three 5xx is recovered by Retry On Fail',
		async (_label, parameters, endpoint) => {
			for (const status of [500, 502, 503])
				sandbox().addFault({ path: path(endpoint), kind: 'status', status, times: 1 });
			const run = await runNode(sandbox(), parameters() as never, {
				settings: { retryOnFail: true, maxTries: 4, waitBetweenTries: 10 },
			});
			expect(run.error).toBeUndefined();
			expect(run.items.length).toBeGreaterThan(0);
			expect(apiRequests(sandbox(), endpoint).map((request) => request.status)).toEqual([500, 502, 503, 200]);
		},
	);

	it.each(operations)(
		'%s: a truncated body is a network failure naming the host',
		async (_label, parameters, endpoint) => {
			sandbox().addFault({ path: path(endpoint), kind: 'truncated' });
			const run = await runNode(sandbox(), parameters() as never);
			expect(run.error?.message).toBe(
				`Could not reach the Dental Referrals API at ${host()}: the connection was closed before the answer was complete`,
			);
		},
	);

	it.each(operations)(
		'%s: a non-JSON body names the status and the host',
		async (_label, parameters, endpoint) => {
			sandbox().addFault({ path: path(endpoint), kind: 'nonJson' });
			const run = await runNode(sandbox(), parameters() as never);
			expect(run.error?.message).toMatch(
				new RegExp(
					`^The Dental Referrals API at ${host().replace(/\./g, '\\.')} answered HTTP \\d{3} with a body that is not JSON$`,
				),
			);
		},
	);

	it.each(operations)(
		'%s: a 307 to a live foreign origin is not followed; the foreign host gets nothing',
		async (_label, parameters, endpoint) => {
			const foreign = await startForeignOrigin();
			try {
				sandbox().addFault({
					path: path(endpoint),
					kind: 'redirect',
					status: 307,
					location: `${foreign.origin}/collect`,
				});
				const run = await runNode(sandbox(), parameters() as never);
				expect(run.error?.message).toBe(
					`The Dental Referrals API at ${host()} answered with a redirect (HTTP 307) to ${foreign.origin}`,
				);
				expect(foreign.hits).toHaveLength(0);
				expect(apiRequests(sandbox(), endpoint)).toHaveLength(1);
			} finally {
				await foreign.close();
			}
		},
	);
});
