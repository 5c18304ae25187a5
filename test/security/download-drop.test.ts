import { runNode, useSandbox } from '../../tools/engine/sandbox-workflow';
import { startCuttingProxy } from './hostile-servers';

/** A fault the sandbox cannot act out by itself: a download cut mid-body (redirects: faults.test.ts). */
describe('faults: a download dropped mid-body', () => {
	const sandbox = useSandbox();

	// Was a bug: the stream's "aborted" surfaced inside prepareBinaryData as a bare
	// NodeOperationError. Fixed: it is mapped to the network failure (a NodeApiError).
	it('a 4 MB PDF whose connection drops after 1 MB fails with the host and the cause; nothing is output', async () => {
		const proxy = await startCuttingProxy(sandbox().baseUrl, /^\/documents\//, 1024 * 1024);
		try {
			const url = sandbox()
				.addSyntheticDocument(sandbox().practices[0].apiKey, 4 * 1024 * 1024)
				.replace(sandbox().origin, proxy.origin);
			const credentials = {
				environment: 'custom',
				baseUrl: proxy.baseUrl,
				apiKey: sandbox().practices[0].apiKey,
			};
			const run = await runNode(
				sandbox(),
				{ resource: 'document', operation: 'download', documentUrl: url },
				{ credentials, continueOnFail: true },
			);
			expect(proxy.cuts).toBe(1);
			expect(run.error).toBeUndefined();
			expect(run.items).toHaveLength(1);
			expect(run.items[0].binary).toBeUndefined();
			console.log(`[faults] mid-body drop: ${JSON.stringify(run.items[0].json)}`);
			expect(run.items[0].json.error).toBe(
				`Could not reach the Dental Referrals API at ${new URL(proxy.origin).host}: the connection was closed before the answer was complete`,
			);
		} finally {
			await proxy.close();
		}
	});
});
