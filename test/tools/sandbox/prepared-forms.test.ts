import { startSandbox } from '../../../tools/sandbox/index';
import type { Sandbox } from '../../../tools/sandbox/index';
import { call, KEY_A, KEY_B, PATIENT, post, prepare } from '../../../tools/sandbox/test-helpers';

function sessionCookie(setCookie: string | null): string {
	expect(setCookie).toMatch(/^dr_session=[0-9a-f]+; Path=\/; Max-Age=86400; HttpOnly; SameSite=Lax$/);
	return (setCookie as string).split(';')[0];
}

describe('sandbox prepared-form pages', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox();
	});
	afterAll(() => sandbox.close());

	it('first open logs in (24 h session cookie) and shows the pre-filled form; the token is then spent', async () => {
		const prepared = await prepare(sandbox, KEY_A, {
			patient_first_name: 'Jöhn <b>',
			patient_postcode: 'AB1 2CD',
		});
		const first = await call(sandbox, prepared.prepared_form_url);
		expect(first.status).toBe(200);
		expect(first.headers.get('content-type')).toMatch(/^text\/html/);
		const cookie = sessionCookie(first.headers.get('set-cookie'));
		expect(first.text).toContain('value="J\u00f6hn &#60;b&#62;"');
		expect(first.text).toContain('value="AB1 2CD"');
		expect(first.text).toContain(prepared.urn);
		expect(first.text).toContain(
			`action="/prepared_forms/submit/${prepared.prepared_form_url.split('/').pop()}"`,
		);

		// Second open from another browser (no cookie): login required, answered 401 with a login form.
		const second = await call(sandbox, prepared.prepared_form_url);
		expect(second.status).toBe(401);
		expect(second.text).toContain('id="login"');
		expect(second.headers.get('set-cookie')).toBeNull();

		// The browser that opened it keeps working with its session.
		const again = await call(sandbox, prepared.prepared_form_url, { headers: { Cookie: cookie } });
		expect(again.status).toBe(200);
		expect(again.text).toContain('referral-form');
	});

	it('the browser form post submits with the session cookie and not without it', async () => {
		const prepared = await prepare(sandbox, KEY_A);
		const first = await call(sandbox, prepared.prepared_form_url);
		const cookie = sessionCookie(first.headers.get('set-cookie'));
		const submitUrl = prepared.prepared_form_url.replace('/show/', '/submit/');
		const body = new URLSearchParams({ referrer_name: 'Dr Who', referral_reason: 'Orthodontics' }).toString();
		const form = { 'Content-Type': 'application/x-www-form-urlencoded' };

		const anonymous = await call(sandbox, submitUrl, { method: 'POST', headers: form, body });
		expect(anonymous.status).toBe(401);
		const submitted = await call(sandbox, submitUrl, {
			method: 'POST',
			headers: { ...form, Cookie: cookie },
			body,
		});
		expect(submitted.status).toBe(200);
		expect(submitted.text).toContain(prepared.urn);

		const status = await call(sandbox, `referral_status?urn=${prepared.urn}`, { apiKey: KEY_A });
		expect(status.json).toMatchObject({
			referral_status: 'Entered on System',
			referrer_name: 'Dr Who',
			referral_reason: 'Orthodontics',
		});
		const twice = await call(sandbox, submitUrl, {
			method: 'POST',
			headers: { ...form, Cookie: cookie },
			body,
		});
		expect(twice.status).toBe(409);
	});

	it('a session of another practice does not open a spent link', async () => {
		const theirs = await prepare(sandbox, KEY_B, { form_type: 'OrthodonticForm' });
		const cookie = sessionCookie((await call(sandbox, theirs.prepared_form_url)).headers.get('set-cookie'));
		const ours = await prepare(sandbox, KEY_A);
		await call(sandbox, ours.prepared_form_url);
		expect((await call(sandbox, ours.prepared_form_url, { headers: { Cookie: cookie } })).status).toBe(401);
	});

	it('an SE prepared form without form_type lets the user pick the form', async () => {
		const { form_type: _omitted, ...withoutForm } = PATIENT;
		expect(_omitted).toBeDefined();
		const answer = await post(sandbox, 'prepare_form', KEY_A, { ...withoutForm, system_type: 'SE' });
		const page = await call(sandbox, answer.json.prepared_form_url as string);
		expect(page.text).toContain('<option value="ChildOralCareForm">');
		const { files } = await sandbox.submit(answer.json.prepared_form_url as string, {
			formType: 'ChildOralCareForm',
		});
		expect(files[0]).toMatch(/_ChildOralCareForm\.pdf$/);
	});

	it('unknown tokens are 404 pages', async () => {
		expect((await call(sandbox, '/prepared_forms/show/00000000-0000-0000-0000-000000000000')).status).toBe(
			404,
		);
	});

	it('submit() accepts the URN, the token or the whole prepared_form_url', async () => {
		const byToken = await prepare(sandbox);
		expect((await sandbox.submit(byToken.prepared_form_url.split('/').pop() as string)).urn).toBe(
			byToken.urn,
		);
		await expect(sandbox.submit('TST0009999')).rejects.toThrow(/No prepared form or draft/);
	});
});
