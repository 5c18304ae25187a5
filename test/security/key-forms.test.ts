import { randomBytes } from 'node:crypto';

import { assertKeyAbsent, findKey } from '../../tools/key-forms';
import { DEMO_PRACTICES } from '../../tools/sandbox';
import { scan } from './leak-scan';

/**
 * The shared helper behind every key-leak scan (leak-scan.ts, assertNoSecret of the engine
 * harness, the node / trigger / status-trigger / e2e checks) finds a key in its encoded forms.
 */
describe('key forms: a key is found plain, Base64 (standard, URL-safe) and URL-encoded', () => {
	/** The documentation's example key (the sandbox's first demo practice). */
	const key = DEMO_PRACTICES[0].apiKey;
	const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
	const b64url = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

	it('finds the plain key, also upper-cased', () => {
		expect(findKey(`{"x":"Token token=${key}"}`, key)).toEqual(['plain']);
		expect(findKey(`LOG ${key.toUpperCase()}`, key)).toEqual(['plain']);
	});

	it('finds the Base64 of the key alone and of key + identifier (the old sandbox PTGUID)', () => {
		expect(findKey(`{"v":"${b64(key)}"}`, key)).toContain('base64');
		// The seed's description of a PTGUID, taken literally: Base64 of key + patient identifier.
		expect(findKey(`{"ptguid":"${b64(`${key}patient-1`)}"}`, key)).toContain('base64');
	});

	it('finds the key at any byte alignment inside a longer Base64 text', () => {
		for (const prefix of ['', 'a', 'ab', 'abc', 'Token token=']) {
			const encoded = b64(`${prefix}${key}!suffix`);
			expect(findKey(encoded, key)).toContain('base64');
			expect(findKey(b64url(`${prefix}${key}?`), key).length).toBeGreaterThan(0);
		}
	});

	it('finds URL-safe Base64 and URL-encoded Base64 (a PTGUID in a query string)', () => {
		// A key whose Base64 has '+' and '/' in it, so URL-safe and URL-encoded forms differ.
		const odd = Buffer.from([
			0xfb, 0xff, 0xbf, 0xfb, 0xef, 0xfe, 0xfa, 0xaf, 0xfb, 0xff, 0xbf, 0xfb,
		]).toString('latin1');
		const standard = b64(odd);
		expect(standard).toMatch(/[+/]/);
		expect(findKey(b64url(odd), odd)).toContain('base64url');
		expect(findKey(`ptguid=${encodeURIComponent(standard)}`, odd)).toContain('base64');
	});

	it('finds URL-encoded keys (percent-encoding, form encoding, every byte escaped)', () => {
		const secret = 'k3y with spaces&=/é';
		expect(findKey(`url?k=${encodeURIComponent(secret)}`, secret)).toEqual(['url-encoded']);
		expect(findKey(`body=${new URLSearchParams({ k: secret }).toString()}`, secret)).toEqual(['url-encoded']);
		const everyByte = Array.from(Buffer.from(key), (byte) => `%${byte.toString(16)}`).join('');
		expect(findKey(everyByte, key)).toEqual(['url-encoded']);
	});

	it('finds nothing in unrelated text, nor in a hash of the key', () => {
		const other = randomBytes(10).toString('hex');
		const text = `${other} ${b64(other)} ${encodeURIComponent(other)} ${b64(`${other}${key.slice(0, 5)}`)}`;
		expect(findKey(text, key)).toEqual([]);
		expect(() => assertKeyAbsent(text, key)).not.toThrow();
	});

	it('assertKeyAbsent and scan report the encoded forms without printing the key', () => {
		const encoded = `{"ptguid":"${b64(`${key}7`)}"}`;
		expect(() => assertKeyAbsent(encoded, key, 'the execution data')).toThrow(
			/^The API key appears in the execution data \(base64/,
		);
		try {
			assertKeyAbsent(encoded, key);
		} catch (error) {
			expect(findKey((error as Error).message, key)).toEqual([]);
		}
		expect(scan({ execution: encoded }, [{ label: 'practice 0 API key', value: key }])).toEqual([
			{ where: 'execution', secret: expect.stringMatching(/^practice 0 API key \(base64/) },
		]);
	});
});
