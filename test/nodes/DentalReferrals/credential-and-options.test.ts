import { randomBytes } from 'node:crypto';

import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { DentalReferralsApi } from '../../../credentials/DentalReferralsApi.credentials';
import { credentialType } from '../../../tools/engine/credentials-helper';
import { loadOptionsContext } from '../../../tools/engine/load-options';
import { buildWorkflow } from '../../../tools/engine/run-workflow';
import {
	apiRequests,
	dentalReferrals,
	sandboxCredential,
	useSandbox,
} from '../../../tools/engine/sandbox-workflow';

/**
 * What n8n's "Test credential" button does for a credential with a `test.request`: resolve
 * the request's expressions against the credential, apply `authenticate`, send it, and map a
 * failing status through the test's rules. Expressions and authentication run in n8n's engine.
 */
async function testCredential(credentials: ICredentialDataDecryptedObject) {
	const { workflow, additionalData } = buildWorkflow({ nodes: [dentalReferrals({})], credentials });
	const node = workflow.getNode('Dental Referrals')!;
	const type = new DentalReferralsApi();
	const resolve = (value: string) =>
		String(
			workflow.expression.getSimpleParameterValue(node, value, 'internal', {
				$credentials: credentials,
			} as never),
		);
	const options = await additionalData.credentialsHelper.authenticate(
		credentials,
		'dentalReferralsApi',
		{
			url: type.test.request.url ?? '',
			method: type.test.request.method,
			baseURL: resolve(type.test.request.baseURL ?? ''),
		},
		workflow,
		node,
	);
	const url = new URL(options.url, options.baseURL);
	const response = await fetch(url, {
		method: options.method,
		headers: options.headers as Record<string, string>,
		redirect: 'manual',
	});
	const rule = type.test.rules?.find(
		(candidate) => candidate.type === 'responseCode' && candidate.properties.value === response.status,
	);
	return { url: url.href, status: response.status, ok: response.ok, message: rule?.properties.message };
}

describe('credential and dropdowns', () => {
	const sandbox = useSandbox();

	it('the credential test request proves a good key and names a rejected one', async () => {
		const good = await testCredential(sandboxCredential(sandbox()));
		expect(good).toMatchObject({ url: `${sandbox().baseUrl}available_forms`, status: 200, ok: true });
		expect(apiRequests(sandbox(), 'available_forms')[0].headers.authorization).toBe(
			`Token token=${sandbox().practices[0].apiKey}`,
		);
		const bad = await testCredential({
			...sandboxCredential(sandbox()),
			apiKey: randomBytes(10).toString('hex'),
		});
		expect(bad).toMatchObject({
			status: 401,
			ok: false,
			message: 'The Dental Referrals API rejected the API key. Check the key and the environment.',
		});
	});

	it('authenticate adds the key for the credential’s own origin only, without an expression', async () => {
		const type = new DentalReferralsApi();
		expect(typeof type.authenticate).toBe('function');
		const credentials = { environment: 'custom', baseUrl: 'http://127.0.0.1:8787/react4r/v2/', apiKey: 'k1' };
		const sign = (url: string, baseURL?: string) => type.authenticate(credentials, { url, baseURL });
		await expect(sign('prepare_form', credentials.baseUrl)).resolves.toMatchObject({
			headers: { Authorization: 'Token token=k1' },
		});
		await expect(sign('http://127.0.0.1:8787/docs/x.pdf')).resolves.toMatchObject({
			headers: { Authorization: 'Token token=k1' },
		});
		for (const [url, baseURL] of [
			['https://evil.example/react4r/v2/prepare_form', undefined],
			['//evil.example/x', credentials.baseUrl],
			['/\t/evil.example/x', credentials.baseUrl],
			['\\\\evil.example/x', credentials.baseUrl],
			['http://127.0.0.1:8788/react4r/v2/', undefined],
			['prepare_form', 'https://evil.example/react4r/v2/'],
		]) {
			await expect(sign(url as string, baseURL)).rejects.toThrow(/only sent to the credential’s API root/);
		}
		const production = { environment: 'production', apiKey: 'k2' };
		await expect(
			type.authenticate(production, {
				url: 'available_forms',
				baseURL: 'https://app.dental-referrals.org/react4r/v2/',
			}),
		).resolves.toMatchObject({ headers: { Authorization: 'Token token=k2' } });
		await expect(
			type.authenticate(production, {
				url: 'available_forms',
				baseURL: 'https://staging.dental-referrals.org/react4r/v2/',
			}),
		).rejects.toThrow();
	});

	it('the environments resolve to the vendor roots', async () => {
		const { workflow } = buildWorkflow({ nodes: [dentalReferrals({})], credentials: {} });
		const node = workflow.getNode('Dental Referrals')!;
		const baseURL = new DentalReferralsApi().test.request.baseURL ?? '';
		const resolve = (credentials: object) =>
			workflow.expression.getSimpleParameterValue(node, baseURL, 'internal', {
				$credentials: credentials,
			} as never);
		expect(resolve({ environment: 'production' })).toBe('https://app.dental-referrals.org/react4r/v2/');
		expect(resolve({ environment: 'staging' })).toBe('https://staging.dental-referrals.org/react4r/v2/');
		expect(resolve({ environment: 'custom', baseUrl: 'http://127.0.0.1:1/react4r/v2/' })).toBe(
			'http://127.0.0.1:1/react4r/v2/',
		);
		expect(
			credentialType('dentalReferralsApi').properties.find((p) => p.name === 'apiKey')?.typeOptions?.password,
		).toBe(true);
	});

	it("the Form Type dropdown loads the forms of the credential's practice, live", async () => {
		for (const practice of [0, 2]) {
			const context = loadOptionsContext(
				sandbox(),
				{ resource: 'form', operation: 'prepare' },
				{ practice, path: 'formType' },
			);
			const { getFormTypes } = await import('../../../nodes/DentalReferrals/methods/load-options');
			const options = await getFormTypes.call(context);
			expect(options.map((option) => option.value).sort()).toEqual(
				[...sandbox().practices[practice].forms].sort(),
			);
			expect(options.every((option) => typeof option.name === 'string' && option.name.length > 0)).toBe(true);
		}
	});
});
