/** Fires files-ready notifications all at once, as many API deliveries arriving together, and times each answer. */
import http from 'node:http';

import { nowMs, percentile } from './measure';
import { rawRequest } from './raw-http';

export interface Delivery {
	urn: string;
	status: number;
	ms: number;
}

export function urns(count: number, prefix: string): string[] {
	return Array.from({ length: count }, (_, i) => `${prefix}${String(i + 1).padStart(7, '0')}`);
}

export async function deliverAll(url: string, urnList: string[], fileOrigin: string): Promise<Delivery[]> {
	const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });
	try {
		return await Promise.all(
			urnList.map(async (urn) => {
				const body = Buffer.from(
					JSON.stringify({ urn, files: [`${fileOrigin}/documents/${urn}/${urn}_Form.pdf`] }),
				);
				const started = nowMs();
				const answer = await rawRequest(url, {
					method: 'POST',
					headers: { 'Content-Type': 'application/json', 'Content-Length': String(body.length) },
					body,
					agent,
				}).catch((error: Error) => ({ status: 0, body: Buffer.from(error.message) }));
				return { urn, status: answer.status, ms: nowMs() - started };
			}),
		);
	} finally {
		agent.destroy();
	}
}

/** The figures every notification case reports; `emitted` = URNs that became executions. */
export function notificationFigures(deliveries: Delivery[], emitted: string[]) {
	const sent = new Set(deliveries.map((delivery) => delivery.urn));
	const seen = new Set(emitted.filter((urn) => sent.has(urn)));
	const ms = deliveries.map((delivery) => delivery.ms);
	return {
		notifications: deliveries.length,
		answered_200: deliveries.filter((delivery) => delivery.status === 200).length,
		executions_with_urn: seen.size,
		lost: sent.size - seen.size,
		duplicated: emitted.length - seen.size,
		ack_p50_ms: Number(percentile(ms, 50).toFixed(1)),
		ack_p99_ms: Number(percentile(ms, 99).toFixed(1)),
		ack_max_ms: Number(Math.max(...ms).toFixed(1)),
	};
}
