/** Runs a compiled bench script in a fresh Node process and parses the JSON line it prints last. */
import { spawn } from 'node:child_process';

export async function runChild<T>(
	script: string,
	args: string[],
	options: { timeoutMs: number; nodeArgs?: string[] },
): Promise<T> {
	const child = spawn(process.execPath, [...(options.nodeArgs ?? []), script, ...args], {
		stdio: ['ignore', 'pipe', 'pipe'],
		env: process.env,
	});
	let stdout = '';
	let stderr = '';
	child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
	child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-8000)));
	const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
	const code = await new Promise<number | null>((resolve, reject) => {
		child.on('error', reject);
		child.on('exit', (exitCode, signal) => resolve(signal ? null : exitCode));
	}).finally(() => clearTimeout(timer));
	if (code !== 0) {
		throw new Error(
			`${script} ${code === null ? `was killed (limit ${options.timeoutMs} ms)` : `exited ${code}`}: ${stderr.trim().slice(-2000)}`,
		);
	}
	const last = stdout.trim().split('\n').pop() ?? '';
	const parsed = parseJson(last);
	if (parsed === undefined) {
		throw new Error(`${script} printed no JSON result: ${stdout.slice(-500)} ${stderr.slice(-500)}`);
	}
	return parsed as T;
}

export function parseJson(text: string): unknown {
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return undefined;
	}
}

/** The child side of runChild: prints the result as its last JSON line and exits 0, or exits 1 with the error. */
export function childMain(main: () => Promise<unknown>): void {
	main().then(
		(answer) => {
			process.stdout.write(`${JSON.stringify(answer)}\n`);
			process.exit(0);
		},
		(error: Error) => {
			process.stderr.write(`${error.stack ?? error.message}\n`);
			process.exit(1);
		},
	);
}
