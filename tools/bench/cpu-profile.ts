/** V8's sampling profiler in this process (node:inspector), and who owns the code a sample landed in. */
import { Session } from 'node:inspector';

export interface CpuProfile {
	nodes: Array<{
		id: number;
		callFrame: { functionName: string; url: string; lineNumber: number };
	}>;
	samples: number[];
	/** µs from the previous sample (the first: from the profile's start). */
	timeDeltas: number[];
}

function post<T>(session: Session, method: string, params?: object): Promise<T> {
	return new Promise((resolve, reject) =>
		session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result as T))),
	);
}

/** Starts sampling every `intervalUs`; `stop` ends it and gives the profile. */
export async function startProfiler(intervalUs: number): Promise<{ stop(): Promise<CpuProfile> }> {
	const session = new Session();
	session.connect();
	await post(session, 'Profiler.enable');
	await post(session, 'Profiler.setSamplingInterval', { interval: intervalUs });
	await post(session, 'Profiler.start');
	return {
		async stop() {
			const { profile } = await post<{ profile: CpuProfile }>(session, 'Profiler.stop');
			session.disconnect();
			return profile;
		},
	};
}

/** Who owns the code a sample landed in. */
export function originOf(url: string, fn: string): string {
	if (!url) return fn.startsWith('(') ? fn : '(native)';
	if (/\/dist(-tools)?\/(nodes|credentials)\//.test(url) && !url.includes('node_modules'))
		return 'this package';
	const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url.slice(url.lastIndexOf('node_modules/')));
	if (match) return match[1];
	if (url.startsWith('node:')) return 'node internals';
	if (url.includes('/dist-tools/')) return 'bench harness';
	return 'other';
}

/** Where a sample landed: the file below node_modules or dist, and its line (from 1). */
export function shortWhere(url: string, line: number): string {
	if (!url) return '';
	const tail = url.includes('node_modules/')
		? url.slice(url.lastIndexOf('node_modules/') + 'node_modules/'.length)
		: url.replace(/^.*\/dist(-tools)?\//, '');
	return `${tail}:${line + 1}`;
}
