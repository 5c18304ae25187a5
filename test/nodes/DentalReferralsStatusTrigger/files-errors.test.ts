import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { IBinaryData } from 'n8n-workflow';

import { readBinary } from '../../../tools/engine/run-workflow';
import { sandboxCredential } from '../../../tools/engine/sandbox-workflow';
import { eventsOf, expectNoKey, json, poller } from './helpers';
import { BATCH_PATH, batchAnswer, nextBatchWithFiles, submitReferrals, useStatusSandbox } from './practices';
import { findKey } from '../../../tools/key-forms';

describe('Dental Referrals Status Trigger: PDF downloads and errors', () => {
	const { sandbox, nextPractice } = useStatusSandbox();

	/** Another origin (another port): anything it receives would be a leak. */
	let foreign: Server;
	const foreignRequests: IncomingMessage[] = [];
	let foreignOrigin = '';
	beforeAll(async () => {
		foreign = createServer((req, res) => {
			foreignRequests.push(req);
			res.writeHead(200, { 'Content-Type': 'application/pdf' }).end('%PDF-1.4 not yours');
		});
		await new Promise<void>((resolve) => foreign.listen(0, '127.0.0.1', resolve));
		foreignOrigin = `http://127.0.0.1:${(foreign.address() as AddressInfo).port}`;
	});
	afterAll(async () => {
		await new Promise<void>((resolve) => foreign.close(() => resolve()));
	});

	async function pdfText(binary: IBinaryData | undefined): Promise<string> {
		expect(binary).toBeDefined();
		return (await readBinary(binary as IBinaryData)).toString('latin1');
	}

	it('Download Files attaches the real PDFs of newReferral and filesReady items as file_0, file_1', async () => {
		const practice = nextPractice();
		const trigger = poller(sandbox(), practice, undefined, { downloadFiles: true });
		await trigger.activate();
		const [first, second] = await submitReferrals(sandbox(), practice, 2);
		await nextBatchWithFiles(sandbox(), practice, { [second]: [] });

		const output = await trigger.tick();
		expect(eventsOf(output)).toEqual([`newReferral:${first}`, `newReferral:${second}`]);
		const [withFiles, withoutFiles] = output ?? [];
		expect(Object.keys(withFiles.binary ?? {})).toEqual(['file_0', 'file_1']);
		expect(await pdfText(withFiles.binary?.file_0)).toMatch(/^%PDF-/);
		expect(await pdfText(withFiles.binary?.file_1)).toMatch(/^%PDF-/);
		expect(withFiles.binary?.file_0).toEqual(
			expect.objectContaining({ mimeType: 'application/pdf', fileName: `${first}_AdultRestorativeForm.pdf` }),
		);
		expect(withFiles.binary?.file_1?.fileName).toBe(`${first}_MH.pdf`);
		expect(withoutFiles.binary).toBeUndefined();

		// Its PDFs arrive: the filesReady item carries them; a status change carries none.
		sandbox().setStatus(first, 'Accepted');
		const later = await trigger.tick();
		expect(eventsOf(later)).toEqual([`statusChanged:${first}`, `filesReady:${second}`]);
		expect(later?.[0].binary).toBeUndefined();
		expect(await pdfText(later?.[1].binary?.file_0)).toContain(second);

		const documents = sandbox().requests.filter((request) => request.path.includes('/documents/'));
		expect(documents).toHaveLength(4);
		expectNoKey(sandbox(), practice, output, later);
	});

	it('a manual run with Download Files shows the sample with its PDFs', async () => {
		const practice = nextPractice();
		const [urn] = await submitReferrals(sandbox(), practice);
		const output = await poller(sandbox(), practice, undefined, { downloadFiles: true }).manual();
		expect(json(output)[0]).toEqual(expect.objectContaining({ event: 'sample', urn }));
		expect(await pdfText(output?.[0].binary?.file_1)).toMatch(/^%PDF-/);
	});

	it('a foreign document URL is never requested: the item goes out with downloadError', async () => {
		const practice = nextPractice();
		const trigger = poller(sandbox(), practice, ['filesReady'], { downloadFiles: true });
		await trigger.activate();
		const [urn, other] = await submitReferrals(sandbox(), practice, 2);
		const own = (await batchAnswer(sandbox(), practice)).referral_data[1].referral_files as string[];
		await nextBatchWithFiles(sandbox(), practice, { [urn]: [own[0], `${foreignOrigin}/documents/x.pdf`] });

		const output = await trigger.tick();
		expect(eventsOf(output)).toEqual([`filesReady:${urn}`, `filesReady:${other}`]);
		const [refused, fine] = output ?? [];
		expect(refused.json.downloadError).toBe(
			`referral_files[1]: is on ${foreignOrigin}, not on the credential's API origin ${sandbox().origin}`,
		);
		expect(refused.binary).toBeUndefined();
		expect(Object.keys(fine.binary ?? {})).toEqual(['file_0', 'file_1']);
		expect(foreignRequests).toHaveLength(0);
		// Checked before any download: not even the referral's own first URL was fetched.
		const documents = sandbox().requests.filter((request) => request.path.includes('/documents/'));
		expect(documents.map((request) => request.path)).not.toContain(new URL(own[0]).pathname);
		expectNoKey(sandbox(), practice, output);
	});

	it('a PDF that fails to download does not fail the poll: downloadError, no binary', async () => {
		const practice = nextPractice();
		const trigger = poller(sandbox(), practice, undefined, { downloadFiles: true });
		await trigger.activate();
		const [urn] = await submitReferrals(sandbox(), practice);
		sandbox().addFault({ kind: 'status', status: 500, path: /\/documents\//, times: 1 });
		const output = await trigger.tick();
		expect(eventsOf(output)).toEqual([`newReferral:${urn}`]);
		expect(output?.[0].json.downloadError).toMatch(/^The Dental Referrals API failed \(HTTP 500\)/);
		expect(output?.[0].binary).toBeUndefined();
		expect(await trigger.tick()).toBeNull();
	});

	it('a sign-in page answered 200 instead of a PDF is no file: downloadError names what came back', async () => {
		const practice = nextPractice();
		const trigger = poller(sandbox(), practice, undefined, { downloadFiles: true });
		await trigger.activate();
		const [urn] = await submitReferrals(sandbox(), practice);
		sandbox().addFault({ kind: 'notPdf', body: 'html', path: /\/documents\//, times: 1 });
		const output = await trigger.tick();
		expect(eventsOf(output)).toEqual([`newReferral:${urn}`]);
		expect(output?.[0].json.downloadError).toBe(
			`Document ${urn}_AdultRestorativeForm.pdf is not a PDF: the API at ${new URL(sandbox().origin).host} answered HTTP 200 with HTML (content type text/html; charset=utf-8)`,
		);
		expect(output?.[0].binary).toBeUndefined();
		expectNoKey(sandbox(), practice, output);
	});

	it('a referral listed without its referral_files array fails the poll naming it, and changes no state', async () => {
		const practice = nextPractice();
		const trigger = poller(sandbox(), practice);
		await trigger.activate();
		const [urn] = await submitReferrals(sandbox(), practice);
		const answer = await batchAnswer(sandbox(), practice);
		delete answer.referral_data[0].referral_files;
		sandbox().addFault({ kind: 'answer', path: BATCH_PATH, json: answer });
		await expect(trigger.tick()).rejects.toThrow(
			'The Dental Referrals API answered batch_referral_status without a referral_files array of URLs in referral_data[0]',
		);
		// Nothing was skipped or remembered: the next good poll reports the referral.
		expect(eventsOf(await trigger.tick())).toEqual([`newReferral:${urn}`]);
	});

	it('a rejected key fails the activation with a clear message that does not contain the key', async () => {
		const practice = nextPractice();
		const wrongKey = sandbox().practices[practice].apiKey.split('').reverse().join('');
		const credentials = { ...sandboxCredential(sandbox(), practice), apiKey: wrongKey };
		const trigger = poller(sandbox(), practice, undefined, {}, credentials);
		const error = await trigger.activate().then(
			() => undefined,
			(reason: Error) => reason,
		);
		expect(error?.message).toBe(
			'There was a problem activating the workflow: "The Dental Referrals API rejected the API key (HTTP 401)"',
		);
		const cause = error?.cause as Error & { description?: string };
		const reported = JSON.stringify({
			message: error?.message,
			cause: cause.message,
			description: cause.description,
		});
		expect(reported).toContain('Check the API key');
		expect(findKey(reported, wrongKey)).toEqual([]);
		expect(sandbox().requests.at(-1)?.status).toBe(401);
		expect(trigger.saves).toBe(0);
	});

	it('a 500 at activation fails it; a 500 or an error answer on a later poll fails that poll only', async () => {
		const practice = nextPractice();
		const trigger = poller(sandbox(), practice);
		sandbox().addFault({ kind: 'status', status: 500, path: BATCH_PATH });
		await expect(trigger.activate()).rejects.toThrow(
			'There was a problem activating the workflow: "The Dental Referrals API failed (HTTP 500): Injected fault: HTTP 500"',
		);
		expect(await trigger.activate()).toBeNull();
		sandbox().addFault({ kind: 'apiError', message: 'Batch unavailable', path: BATCH_PATH });
		await expect(trigger.tick()).rejects.toThrow('Batch unavailable');
		sandbox().addFault({ kind: 'status', status: 401, path: BATCH_PATH });
		await expect(trigger.tick()).rejects.toThrow('The Dental Referrals API rejected the API key (HTTP 401)');
		await expect(trigger.manual()).resolves.toBeNull();
	});
});
