import { startSandbox } from '../../../tools/sandbox/index';
import type { Sandbox } from '../../../tools/sandbox/index';
import { call, KEY_A, KEY_B, PATIENT, post, prepare } from '../../../tools/sandbox/test-helpers';

describe('sandbox referrals: referral_status, batch_referral_status, patient_referrals', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox();
	});
	afterAll(() => sandbox.close());

	it('referral_status: 404 until submitted, then the documented fields', async () => {
		const prepared = await prepare(sandbox, KEY_A, { referrer_name: 'Nitin Joshi' });
		const before = await call(sandbox, `referral_status?urn=${prepared.urn}`, { apiKey: KEY_A });
		expect(before.status).toBe(404);
		expect(before.json.status).toBe('error');

		const submitted = await sandbox.submit(prepared.urn, { referralReason: 'Minor Oral Surgery' });
		expect(submitted.urn).toBe(prepared.urn);
		const after = await call(sandbox, `referral_status?urn=${prepared.urn}`, { apiKey: KEY_A });
		expect(after.status).toBe(200);
		expect(after.json).toEqual({
			status: 'success',
			referral_urn: prepared.urn,
			referral_status: 'Entered on System',
			referrer_name: 'Nitin Joshi',
			referral_reason: 'Minor Oral Surgery',
			referral_files: submitted.files,
		});

		sandbox.setStatus(prepared.urn, 'Sent to: St Clements Dental Suite - Mr E Harunani');
		const moved = await call(sandbox, `referral_status?urn=${prepared.urn}`, { apiKey: KEY_A });
		expect(moved.json.referral_status).toBe('Sent to: St Clements Dental Suite - Mr E Harunani');
		sandbox.setStatus(prepared.urn, 'Accepted');
		expect(
			(await call(sandbox, `referral_status?urn=${prepared.urn}`, { apiKey: KEY_A })).json.referral_status,
		).toBe('Accepted');
	});

	it("referral_status: missing urn is 400, unknown is 404, another practice's is 404", async () => {
		expect((await call(sandbox, 'referral_status', { apiKey: KEY_A })).status).toBe(400);
		expect((await call(sandbox, 'referral_status?urn=', { apiKey: KEY_A })).json.message).toContain('urn');
		expect((await call(sandbox, 'referral_status?urn=TST9999999', { apiKey: KEY_A })).status).toBe(404);
		const prepared = await prepare(sandbox, KEY_A);
		await sandbox.submit(prepared.urn);
		const other = await call(sandbox, `referral_status?urn=${prepared.urn}`, { apiKey: KEY_B });
		expect(other.status).toBe(404);
		expect(other.text).not.toContain('documents');
	});

	it('a draft can be submitted by its URN and then shows up', async () => {
		const draft = await post(sandbox, 'save_draft', KEY_A, PATIENT);
		const urn = draft.json.urn as string;
		await sandbox.submit(urn, { referrerName: 'Jane Doe' });
		const status = await call(sandbox, `referral_status?urn=${urn}`, { apiKey: KEY_A });
		expect(status.json.referrer_name).toBe('Jane Doe');
		await expect(sandbox.submit(urn)).rejects.toThrow(/already been submitted/);
	});

	it('setStatus refuses a referral that is not submitted', async () => {
		const prepared = await prepare(sandbox);
		expect(() => sandbox.setStatus(prepared.urn, 'Accepted')).toThrow(/not been submitted/);
	});

	it('batch_referral_status: most recently submitted first, count default 100 and capped at 100', async () => {
		const fresh = await startSandbox();
		try {
			const urns: string[] = [];
			for (let i = 0; i < 105; i++) {
				const prepared = await prepare(fresh, KEY_A);
				await fresh.submit(prepared.urn);
				urns.push(prepared.urn);
			}
			// Another practice's referral never appears.
			await fresh.submit((await prepare(fresh, KEY_B)).urn);

			const two = await call(fresh, 'batch_referral_status?count=2', { apiKey: KEY_A });
			expect(two.status).toBe(200);
			const data = two.json.referral_data as Array<Record<string, unknown>>;
			expect(data.map((item) => item.referral_urn)).toEqual([urns[104], urns[103]]);
			expect(Object.keys(data[0]).sort()).toEqual([
				'referral_files',
				'referral_reason',
				'referral_status',
				'referral_urn',
				'referrer_name',
			]);

			for (const query of ['', '?count=100', '?count=101', '?count=5000']) {
				const answer = await call(fresh, `batch_referral_status${query}`, { apiKey: KEY_A });
				expect((answer.json.referral_data as unknown[]).length).toBe(100);
			}
			for (const bad of ['0', '-1', 'abc', '1.5', '']) {
				const answer = await call(fresh, `batch_referral_status?count=${bad}`, { apiKey: KEY_A });
				expect(answer.status).toBe(400);
				expect(answer.json.message).toContain('count');
			}
			const b = await call(fresh, 'batch_referral_status', { apiKey: KEY_B });
			expect((b.json.referral_data as unknown[]).length).toBe(1);
		} finally {
			await fresh.close();
		}
	});

	it('patient_referrals filters by PTGUID (Base64 with "=" and "+" decoded properly) within the practice', async () => {
		// An identifier whose PTGUID has '+' in it (every PTGUID ends in '='): found by asking.
		let identifier = '';
		let candidate: Awaited<ReturnType<typeof prepare>> | undefined;
		for (let n = 0; !identifier; n++) {
			candidate = await prepare(sandbox, KEY_A, { patient_identifier: `patient-${n}` });
			if (String(candidate.ptguid).includes('+')) identifier = `patient-${n}`;
		}
		const first = candidate!;
		const second = await prepare(sandbox, KEY_A, { patient_identifier: identifier });
		await prepare(sandbox, KEY_A, { patient_identifier: 'someone-else' }).then((p) => sandbox.submit(p.urn));
		await sandbox.submit(first.urn);
		await sandbox.submit(second.urn);
		const ptguid = first.ptguid as string;
		expect(ptguid).toMatch(/\+.*=$/);

		const answer = await call(sandbox, `patient_referrals?count=10&ptguid=${encodeURIComponent(ptguid)}`, {
			apiKey: KEY_A,
		});
		expect(answer.status).toBe(200);
		expect((answer.json.referral_data as Array<{ referral_urn: string }>).map((r) => r.referral_urn)).toEqual(
			[second.urn, first.urn],
		);

		// An unescaped '+' decodes to a space, as on any form-decoding server: no match.
		const raw = await call(sandbox, `patient_referrals?ptguid=${ptguid}`, { apiKey: KEY_A });
		expect(raw.json.referral_data).toEqual([]);
		const one = await call(sandbox, `patient_referrals?count=1&ptguid=${encodeURIComponent(ptguid)}`, {
			apiKey: KEY_A,
		});
		expect((one.json.referral_data as unknown[]).length).toBe(1);
		// Another practice asking with the same PTGUID sees nothing.
		const other = await call(sandbox, `patient_referrals?ptguid=${encodeURIComponent(ptguid)}`, {
			apiKey: KEY_B,
		});
		expect(other.json.referral_data).toEqual([]);
		expect((await call(sandbox, 'patient_referrals', { apiKey: KEY_A })).status).toBe(400);
		expect((await call(sandbox, 'patient_referrals?ptguid=x&count=0', { apiKey: KEY_A })).status).toBe(400);
	});
});
