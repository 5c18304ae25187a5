// Runs the CLI in a child process (TypeScript transpiled on the fly by a tiny require hook, so the
// test does not depend on a prior build): banner, real requests, a streamed upload whose size the
// child's memory does not follow, and a clean stop on SIGTERM.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DEMO_PRACTICES } from '../../../tools/sandbox/practices';
import { authHeader, KEY_A, REQUIRE_TS, streamUpload } from '../../../tools/sandbox/test-helpers';

function rssKiB(pid: number): number {
	const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
	return Number(match?.[1]);
}

const canReadProc = (() => {
	try {
		readFileSync('/proc/self/status');
		return true;
	} catch {
		return false;
	}
})();

describe('sandbox CLI', () => {
	let child: ChildProcess;
	let output = '';
	let origin = '';

	beforeAll(async () => {
		child = spawn(
			process.execPath,
			['-e', REQUIRE_TS, path.join(__dirname, '..', '..', '..', 'tools', 'sandbox', 'cli.ts'), '--port', '0'],
			{
				cwd: path.join(__dirname, '..', '..', '..'),
				env: { ...process.env, SANDBOX_PORT: '1' },
				stdio: ['ignore', 'pipe', 'pipe'],
			},
		);
		child.stdout?.on('data', (data: Buffer) => (output += data.toString()));
		child.stderr?.on('data', (data: Buffer) => (output += data.toString()));
		const deadline = Date.now() + 15000;
		while (!/Stop with Ctrl-C/.test(output)) {
			if (Date.now() > deadline || child.exitCode !== null) throw new Error(`CLI did not start:\n${output}`);
			await new Promise((resolve) => setTimeout(resolve, 25));
		}
		origin = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1] ?? '';
	});

	afterAll(() => {
		if (child.exitCode === null) child.kill('SIGKILL');
	});

	it('prints the base URL, each demo practice with key and forms, and how to stop (--port beats SANDBOX_PORT)', () => {
		expect(origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
		expect(origin).not.toMatch(/:1$/);
		expect(output).toContain(`API base URL: ${origin}/react4r/v2/`);
		for (const practice of DEMO_PRACTICES) {
			expect(output).toContain(practice.name);
			expect(output).toContain(practice.apiKey);
			expect(output).toContain(practice.forms.join(', '));
		}
	});

	it('answers available_forms with the key and the documented 401 without it', async () => {
		const ok = await fetch(`${origin}/react4r/v2/available_forms`, { headers: authHeader(KEY_A) });
		expect(await ok.json()).toEqual(DEMO_PRACTICES[0].forms);
		const refused = await fetch(`${origin}/react4r/v2/available_forms`);
		expect(refused.status).toBe(401);
		expect(await refused.json()).toEqual({
			status: 'error',
			message:
				'Not Authorized. Check that you are providing a valid API key and that you have access to requested resource.',
		});
	});

	(canReadProc ? it : it.skip)(
		'streams a 200 MB upload without its memory growing by anything like that',
		async () => {
			const prepared = (await (
				await fetch(`${origin}/react4r/v2/prepare_fileupload`, { headers: authHeader(KEY_A) })
			).json()) as { fileupload_id: number };
			const pid = child.pid as number;
			const baseline = rssKiB(pid);
			let peak = baseline;
			const sampler = setInterval(() => (peak = Math.max(peak, rssKiB(pid))), 5);
			const size = 200 * 1024 * 1024;
			const chunk = Buffer.alloc(64 * 1024, 0x42);
			const result = await streamUpload(
				`${origin}/react4r/v2/fileupload/${prepared.fileupload_id}/add_file`,
				{ ...authHeader(KEY_A), 'Upload-Content-Type': 'image/png', 'Upload-Filename': 'pano.png' },
				size,
				'file',
				chunk,
			).finally(() => clearInterval(sampler));
			expect(result.status).toBe(200);
			const growthMiB = (peak - baseline) / 1024;
			console.log(
				`sandbox child RSS: baseline ${(baseline / 1024).toFixed(0)} MiB, peak growth ${growthMiB.toFixed(1)} MiB during a 200 MiB upload`,
			);
			expect(growthMiB).toBeLessThan(64);

			const requests = (await (await fetch(`${origin}/__sandbox/requests`)).json()) as Array<{
				parts?: Array<{ size: number; sha256: string }>;
			}>;
			const expected = createHash('sha256');
			for (let sent = 0; sent < size; sent += chunk.length) expected.update(chunk);
			expect(requests[requests.length - 1].parts?.[0]).toMatchObject({
				size,
				sha256: expected.digest('hex'),
			});
		},
	);

	it('stops cleanly on SIGTERM', async () => {
		const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
		child.kill('SIGTERM');
		expect(await exited).toBe(0);
		expect(output).toContain('SIGTERM: stopping the sandbox');
	});
});
