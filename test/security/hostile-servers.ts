import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Starts an http server on loopback and returns its origin and a close function. */
async function listen(server: Server): Promise<{ origin: string; close(): Promise<void> }> {
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return {
		origin,
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}

export interface ForeignHit {
	method: string;
	url: string;
	headers: IncomingHttpHeaders;
	body: string;
}

/**
 * "Another origin": a server that records every request it gets (headers and body), and
 * answers like a friendly API would, so that a client following it would look successful.
 */
export async function startForeignOrigin() {
	const hits: ForeignHit[] = [];
	const server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			hits.push({
				method: req.method ?? '',
				url: req.url ?? '',
				headers: req.headers,
				body: Buffer.concat(chunks).toString('utf8'),
			});
			const pdf = req.url?.includes('.pdf');
			res.writeHead(200, { 'Content-Type': pdf ? 'application/pdf' : 'application/json' });
			res.end(pdf ? '%PDF-1.4 stolen' : '{"status":"success","fileupload_id":1,"urn":"TST0000001"}');
		});
	});
	return { ...(await listen(server)), hits };
}

/**
 * A proxy in front of the sandbox that forwards requests unchanged and cuts the connection
 * after `cutAfterBytes` bytes of a response body whose path matches `cutPath` — a connection
 * dropped mid-download, which the sandbox's own faults (acted out before the answer) cannot do.
 */
export async function startCuttingProxy(target: string, cutPath: RegExp, cutAfterBytes: number) {
	const targetUrl = new URL(target);
	let cuts = 0;
	const server = createServer((req, res) => {
		const upstream = httpRequest(
			{
				host: targetUrl.hostname,
				port: targetUrl.port,
				method: req.method,
				path: req.url,
				headers: { ...req.headers, host: targetUrl.host },
			},
			(answer) => {
				res.writeHead(answer.statusCode ?? 502, answer.headers);
				if (!cutPath.test(req.url ?? '')) {
					answer.pipe(res);
					return;
				}
				let sent = 0;
				answer.on('data', (chunk: Buffer) => {
					if (sent >= cutAfterBytes) return;
					const room = cutAfterBytes - sent;
					sent += chunk.length;
					if (chunk.length < room) {
						res.write(chunk);
						return;
					}
					cuts++;
					res.write(chunk.subarray(0, room), () => res.socket?.destroy());
					answer.destroy();
				});
				answer.on('end', () => res.end());
			},
		);
		upstream.on('error', () => res.socket?.destroy());
		req.pipe(upstream);
	});
	const listening = await listen(server);
	return {
		...listening,
		/** The sandbox base URL as seen through the proxy. */
		baseUrl: target.replace(targetUrl.origin, listening.origin),
		get cuts() {
			return cuts;
		},
	};
}
