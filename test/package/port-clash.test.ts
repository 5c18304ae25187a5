/**
 * `npm start` twice (or `npm run sandbox` next to it): the second fails at once with the same
 * readable message for the sandbox's port as for n8n's, before anything is installed or started,
 * never a raw `listen EADDRINUSE`.
 */
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';

import { startStack } from '../../tools/n8n/stack';
import { startSandbox } from '../../tools/sandbox';
import { REQUIRE_TS } from '../../tools/sandbox/test-helpers';

const HOST = '127.0.0.1';
const inUse = (what: string, port: number) =>
	`${what}: port ${port} on ${HOST} is already in use (stop whatever listens there or choose another port)`;

describe('a port that is already taken', () => {
	let occupier: Server;
	let port: number;

	beforeAll(async () => {
		occupier = createServer();
		await new Promise<void>((resolve) => occupier.listen(0, HOST, resolve));
		port = (occupier.address() as { port: number }).port;
	});

	afterAll(async () => {
		await new Promise((resolve) => occupier.close(resolve));
	});

	it('the sandbox refuses it in the words n8n uses', async () => {
		await expect(startSandbox({ port, host: HOST })).rejects.toThrow(inUse('Dental Referrals sandbox', port));
	});

	it('npm start (startStack) fails on the sandbox port before installing or starting anything', async () => {
		const log: string[] = [];
		await expect(
			startStack({ sandboxPort: port, n8nPort: 0, log: (line) => log.push(line) }),
		).rejects.toThrow(inUse('Dental Referrals sandbox', port));
		expect(log.filter((line) => !/^stop/.test(line))).toEqual([]);
	});

	it('npm start fails on the n8n port the same way, before installing anything', async () => {
		const log: string[] = [];
		await expect(
			startStack({ sandboxPort: 0, n8nPort: port, log: (line) => log.push(line) }),
		).rejects.toThrow(inUse('n8n HTTP', port));
		expect(log.filter((line) => /install|sandbox on/.test(line))).toEqual([]);
	});

	it('npm run sandbox prints the message and exits 1, without a stack trace', async () => {
		const child = spawn(
			process.execPath,
			['-e', REQUIRE_TS, join(__dirname, '..', '..', 'tools', 'sandbox', 'cli.ts'), '--port', String(port)],
			{ cwd: join(__dirname, '..', '..'), stdio: ['ignore', 'pipe', 'pipe'] },
		);
		let output = '';
		child.stdout.on('data', (data: Buffer) => (output += data.toString()));
		child.stderr.on('data', (data: Buffer) => (output += data.toString()));
		const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
		expect(code).toBe(1);
		expect(output).toContain(inUse('Dental Referrals sandbox', port));
		expect(output).not.toMatch(/EADDRINUSE|\n\s+at /);
	});
});
