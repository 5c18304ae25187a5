/**
 * A workflow saved before node version 2 (text URN and Document URL, typeVersion 1, defaults
 * left out as n8n saves them) runs unchanged on this package through n8n's engine.
 */
import { join } from 'node:path';

import { readExport, runExport } from '../../../tools/engine/run-export';
import { apiRequests, assertNoSecret, useSandbox } from '../../../tools/engine/sandbox-workflow';
import { submittedReferral } from './referral/submitted-referral';

const FIXTURE = join(__dirname, '..', '..', 'fixtures', 'version-1-workflow.json');

describe('a saved version 1 workflow', () => {
	const sandbox = useSandbox();

	it('runs Get Recent → Get Status → Download PDF as before', async () => {
		const { urn, files } = await submittedReferral(sandbox(), 'v1-fixture');
		sandbox().clearRequests();
		const fixture = readExport(FIXTURE);
		expect(
			fixture.nodes.filter((node) => node.type.endsWith('.dentalReferrals')).map((node) => node.typeVersion),
		).toEqual([1, 1, 1]);

		const result = await runExport(sandbox(), fixture, 'version-1');

		expect(result.error).toBeUndefined();
		assertNoSecret(result, sandbox().practices[0].apiKey);
		expect(result.output('Get Status').map((item) => item.json)).toEqual([
			expect.objectContaining({ referral_urn: urn, referral_files: files }),
		]);
		expect(apiRequests(sandbox(), 'referral_status').map((request) => request.query)).toEqual([{ urn }]);
		const [pdf] = result.output('Download PDF');
		expect(pdf.binary?.data).toMatchObject({
			mimeType: 'application/pdf',
			fileName: expect.stringMatching(/\.pdf$/),
		});
		expect(sandbox().requests.map((request) => request.path)).toContain(new URL(files[0]).pathname);
	});
});
