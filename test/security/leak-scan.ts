import type { IDataObject, IRun } from 'n8n-workflow';

import { findKey } from '../../tools/key-forms';
import type { RunResult } from '../../tools/engine/run-workflow';
import type { ForeignHit } from './hostile-servers';

/** Everything written to stdout/stderr or through console.* while capturing. */
export interface CapturedOutput {
	text(): string;
	restore(): void;
}

const CONSOLE_METHODS = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;

/**
 * Captures process.stdout/stderr writes and console methods (jest's console does not go
 * through process.stdout, so both are wrapped). The originals still run: nothing is hidden.
 */
export function captureOutput(): CapturedOutput {
	const chunks: string[] = [];
	const record = (value: unknown) => {
		chunks.push(
			typeof value === 'string' ? value : Buffer.isBuffer(value) ? value.toString('utf8') : String(value),
		);
	};
	const stdoutWrite = process.stdout.write;
	const stderrWrite = process.stderr.write;
	const wrap = (original: typeof process.stdout.write, stream: NodeJS.WriteStream) =>
		function (this: unknown, chunk: unknown, ...rest: unknown[]) {
			record(chunk);
			return (original as (...args: unknown[]) => boolean).call(stream, chunk, ...rest);
		} as typeof process.stdout.write;
	process.stdout.write = wrap(stdoutWrite, process.stdout);
	process.stderr.write = wrap(stderrWrite, process.stderr);
	const originals = CONSOLE_METHODS.map((method) => [method, console[method]] as const);
	for (const [method, original] of originals) {
		console[method] = (...args: unknown[]) => {
			record(args.map((arg) => (typeof arg === 'string' ? arg : safeStringify(arg))).join(' '));
			(original as (...values: unknown[]) => void).apply(console, args);
		};
	}
	return {
		text: () => chunks.join('\n'),
		restore() {
			process.stdout.write = stdoutWrite;
			process.stderr.write = stderrWrite;
			for (const [method, original] of originals) console[method] = original as never;
		},
	};
}

/** JSON.stringify that survives cycles and keeps Error fields (message, stack, own properties). */
export function safeStringify(value: unknown): string {
	const seen = new WeakSet<object>();
	return (
		JSON.stringify(value, (_key, current: unknown) => {
			if (typeof current === 'bigint') return current.toString();
			if (typeof current !== 'object' || current === null) return current;
			if (seen.has(current)) return '[cycle]';
			seen.add(current);
			if (current instanceof Error) {
				const own: Record<string, unknown> = {};
				for (const key of Object.getOwnPropertyNames(current))
					own[key] = (current as unknown as Record<string, unknown>)[key];
				return { name: current.name, message: current.message, stack: current.stack, ...own };
			}
			return current;
		}) ?? String(value)
	);
}

/**
 * The execution without the one place a prepared form URL must appear: Prepare Form's output
 * field `prepared_form_url`. The user has to open (or send) that URL, so it is the product,
 * not a leak; the same URL anywhere else (another field, an error, a log line, a later node,
 * another host) is one.
 */
export function withoutPreparedFormUrlField(run: IRun): unknown {
	const copy = JSON.parse(safeStringify(run)) as IRun;
	for (const tasks of Object.values(copy.data?.resultData?.runData ?? {}))
		for (const task of tasks)
			for (const output of task.data?.main ?? [])
				for (const item of output ?? []) {
					const json = item.json as IDataObject;
					if (typeof json.prepared_form_url === 'string' && typeof json.urn === 'string')
						delete json.prepared_form_url;
				}
	return copy;
}

/** A secret and a label for the report (never print the secret itself). */
export interface Secret {
	label: string;
	value: string;
}

/** The prepared form URL and the token in it (the path segment after /prepared_forms/show/). */
export function preparedFormSecrets(url: string, label: string): Secret[] {
	const token = /\/prepared_forms\/show\/([^/?#]+)/.exec(url)?.[1];
	const secrets: Secret[] = [{ label: `${label} prepared_form_url`, value: url }];
	if (token) secrets.push({ label: `${label} prepared form token`, value: token });
	return secrets;
}

export interface Finding {
	where: string;
	secret: string;
}

/**
 * Where each secret appears among named texts, as written or encoded (Base64 standard or
 * URL-safe, URL-encoded: see findKey). A hit in an encoded form only is labelled with the form.
 */
export function scan(haystacks: Record<string, string>, secrets: Secret[]): Finding[] {
	const findings: Finding[] = [];
	for (const [where, text] of Object.entries(haystacks))
		for (const secret of secrets) {
			const forms = findKey(text, secret.value);
			if (!forms.length) continue;
			findings.push({
				where,
				secret: forms.includes('plain') ? secret.label : `${secret.label} (${forms.join(', ')})`,
			});
		}
	return findings;
}

/** The texts of one run worth scanning: its execution data and its error (message, description, stack). */
export function runHaystacks(label: string, result: RunResult): Record<string, string> {
	const error = result.error;
	return {
		[`${label}: execution data`]: safeStringify(withoutPreparedFormUrlField(result.run)),
		[`${label}: error`]: error
			? [error.message, error.description ?? '', error.stack ?? '', safeStringify(error)].join('\n')
			: '',
	};
}

/** What a foreign origin received: method, URL, headers and body of every request. */
export function foreignHaystack(hits: ForeignHit[]): string {
	return safeStringify(hits);
}
