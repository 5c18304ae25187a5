import { randomBytes } from 'node:crypto';

import { runNode, useSandbox } from '../../tools/engine/sandbox-workflow';
import type { PracticeSeed } from '../../tools/sandbox';

const PRACTICES = 20;

/** 20 practices, keys made at run time, each with forms no other practice has. */
const practices: PracticeSeed[] = Array.from({ length: PRACTICES }, (_, index) => ({
	name: `Concurrent Practice ${index}`,
	apiKey: randomBytes(10).toString('hex'),
	forms: [`Concurrent${index}Form`, `Concurrent${index}ChildForm`],
}));

/**
 * 20 workflows at once, one per practice and credential: nothing shared between executions
 * (credentials, request options, static state) may let one practice's key or data reach another.
 */
describe('20 practices running in parallel', () => {
	const sandbox = useSandbox({ practices });

	it('every request carries only its own key, every output belongs to its practice', async () => {
		const api = sandbox();
		const urns: string[] = [];
		await Promise.all(
			practices.map(async (practice, index) => {
				const listed = await runNode(api, { resource: 'form', operation: 'getTypes' }, { practice: index });
				expect(listed.error).toBeUndefined();
				expect(listed.items.map((item) => item.json.formType)).toEqual(practice.forms);

				const prepared = await runNode(
					api,
					{
						resource: 'form',
						operation: 'prepare',
						formType: practice.forms[index % 2],
						patientDob: '01/02/1980',
						additionalFields: { patientIdentifier: `concurrent-${index}` },
					},
					{ practice: index },
				);
				expect(prepared.error).toBeUndefined();
				const urn = String(prepared.items[0].json.urn);
				urns[index] = urn;
				await api.submit(urn);

				const status = await runNode(
					api,
					{ resource: 'referral', operation: 'get', urn },
					{ practice: index },
				);
				expect(status.error).toBeUndefined();
				expect(status.items[0].json.referral_urn).toBe(urn);
			}),
		);
		expect(new Set(urns).size).toBe(PRACTICES);

		// Each practice asks for the next practice's referral, all at once: 404 for every one.
		await Promise.all(
			practices.map(async (_practice, index) => {
				const foreignUrn = urns[(index + 1) % PRACTICES];
				const run = await runNode(
					api,
					{ resource: 'referral', operation: 'get', urn: foreignUrn },
					{ practice: index },
				);
				expect(run.error?.message).toMatch(/not found/);
				expect(run.error?.message).toContain('HTTP 404');
				expect(JSON.stringify(run.run.data.resultData.runData)).not.toContain('referral_status":"');
			}),
		);

		// Every recorded request: authenticated, with the Authorization header of its own key.
		expect(api.requests.length).toBe(PRACTICES * 4);
		for (const request of api.requests) {
			expect(request.apiKey).toBeDefined();
			expect(request.headers.authorization).toBe(`Token token=${request.apiKey}`);
		}
		const keyOf = (request: (typeof api.requests)[number]) =>
			practices.findIndex((practice) => practice.apiKey === request.apiKey);
		for (const [index, practice] of practices.entries()) {
			const mine = api.requests.filter((request) => request.apiKey === practice.apiKey);
			expect(mine.map((request) => request.path.split('/').pop()).sort()).toEqual([
				'available_forms',
				'prepare_form',
				'referral_status',
				'referral_status',
			]);
			// Grouped by what each run produced: its form and patient, its URN, the next practice's URN.
			const prepare = mine.find((request) => request.path.endsWith('/prepare_form'));
			expect(prepare?.form?.form_type).toBe(practice.forms[index % 2]);
			expect(prepare?.form?.patient_identifier).toBe(`concurrent-${index}`);
			const looked = mine
				.filter((request) => request.path.endsWith('/referral_status'))
				.map((request) => request.query.urn)
				.sort();
			expect(looked).toEqual([urns[index], urns[(index + 1) % PRACTICES]].sort());
		}
		for (const request of api.requests.filter((request) => request.path.endsWith('/prepare_form'))) {
			const owner = practices.findIndex((practice) =>
				practice.forms.includes(String(request.form?.form_type)),
			);
			expect(keyOf(request)).toBe(owner);
		}
		const statusOk = api.requests.filter(
			(request) => request.path.endsWith('/referral_status') && request.status === 200,
		);
		for (const request of statusOk) expect(keyOf(request)).toBe(urns.indexOf(request.query.urn));
	});
});
