/**
 * A diagnostic with the network taken out: while `work` runs, the axios that n8n's request
 * path (`@n8n/backend-network`) sends with answers every request at once with `answer`, so
 * a node run costs only CPU — n8n's request path, the credential and the node's own code,
 * no sockets and no sandbox. Two nodes compared this way differ by their own work alone,
 * with far less noise than on loopback. Never used where a figure has a target.
 */
import { createRequire } from 'node:module';

interface AxiosLike {
	defaults: { adapter?: unknown };
}

function n8nAxios(): AxiosLike {
	// The axios n8n's request path resolves, wherever npm placed it.
	const fromN8n = createRequire(require.resolve('@n8n/backend-network'));
	return fromN8n('axios') as AxiosLike;
}

export async function withCannedAnswers<T>(answer: unknown, work: () => Promise<T>): Promise<T> {
	const axios = n8nAxios();
	const original = axios.defaults.adapter;
	const body = JSON.stringify(answer);
	axios.defaults.adapter = async (config: unknown) => ({
		data: body,
		status: 200,
		statusText: 'OK',
		headers: { 'content-type': 'application/json' },
		config,
		request: {},
	});
	try {
		return await work();
	} finally {
		axios.defaults.adapter = original;
	}
}
