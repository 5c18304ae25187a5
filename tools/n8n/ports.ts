/** Loopback port helpers: pick a free port, or fail clearly when a chosen one is taken. */
import { createServer } from 'node:net';

export const LOOPBACK = '127.0.0.1';

function tryListen(port: number, host: string): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.unref();
		server.once('error', reject);
		server.listen({ port, host, exclusive: true }, () => {
			const address = server.address();
			const bound = typeof address === 'object' && address ? address.port : port;
			server.close(() => resolve(bound));
		});
	});
}

/** A port that was free a moment ago (the OS picks it). */
export function freePort(host = LOOPBACK): Promise<number> {
	return tryListen(0, host);
}

/** Throws a readable error when `port` cannot be bound on `host`. */
export async function assertPortFree(port: number, host: string, what: string): Promise<void> {
	const error = await tryListen(port, host).then(
		() => undefined,
		(failure: NodeJS.ErrnoException) => failure,
	);
	if (!error) return;
	if (error.code === 'EADDRINUSE') {
		throw new Error(
			`${what}: port ${port} on ${host} is already in use (stop whatever listens there or choose another port)`,
		);
	}
	throw new Error(`${what}: cannot listen on ${host}:${port} (${error.code ?? error.message})`);
}

/** `port` if given (checked free), else a free one. */
export async function choosePort(port: number | undefined, host: string, what: string): Promise<number> {
	if (port === undefined || port === 0) return freePort(host);
	await assertPortFree(port, host, what);
	return port;
}
