/**
 * The editor's "Test credential" through n8n's own REST endpoint (POST /rest/credentials/test):
 * the credential's test request runs inside n8n against the sandbox.
 */
import { showsCredentialRuleMessages } from '../tools/n8n/n8n-api';
import { connect, stackInfo } from '../tools/n8n/stack-info';
import { findKey } from '../tools/key-forms';

const info = stackInfo();
/** Well-formed (20 hex characters) but not a key of any sandbox practice. */
const WRONG_KEY = '0'.repeat(20);

describe('Dental Referrals API credential test inside n8n', () => {
	const data = (apiKey: string) => ({ environment: 'custom', baseUrl: info.sandboxBaseUrl, apiKey });

	it('passes for the saved credential, retested the way the editor does (redacted key, by id)', async () => {
		const api = await connect(info);
		const stored = await api.getCredential(info.credential.id);
		expect(stored.data?.apiKey).not.toBe(info.practiceKey);
		const result = await api.testCredential({
			id: info.credential.id,
			name: info.credential.name,
			type: 'dentalReferralsApi',
			data: stored.data ?? {},
		});
		expect(result).toEqual(expect.objectContaining({ status: 'OK' }));
	});

	it('passes with the sandbox practice key', async () => {
		const api = await connect(info);
		const result = await api.testCredential({
			id: '',
			type: 'dentalReferralsApi',
			data: data(info.practiceKey),
		});
		expect(result).toEqual(expect.objectContaining({ status: 'OK' }));
	});

	it('fails with a wrong key, says the key was rejected and does not echo it', async () => {
		const api = await connect(info);
		const result = await api.testCredential({ id: '', type: 'dentalReferralsApi', data: data(WRONG_KEY) });
		expect(result.status).toBe('Error');
		// n8n before 2.40 (1.123.x, 2.20.x) drops the HTTP error's cause, so the credential's
		// 401 rule never applies and n8n's generic 401 text is shown (README: n8n versions).
		expect(result.message).toMatch(
			showsCredentialRuleMessages(info.n8nVersion) ? /rejected/i : /^Authorization failed/,
		);
		expect(findKey(String(result.message), WRONG_KEY)).toEqual([]);
	});

	it('fails for the saved credential when the editor sends a changed, wrong key', async () => {
		const api = await connect(info);
		const result = await api.testCredential({
			id: info.credential.id,
			name: info.credential.name,
			type: 'dentalReferralsApi',
			data: data(WRONG_KEY),
		});
		expect(result.status).toBe('Error');
	});
});
