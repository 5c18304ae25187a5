import { performance } from 'node:perf_hooks';

import { triggerUrl } from '../../nodes/shared/trigger-url';
import { instanceId, PACKAGE } from '../../tools/engine/run-workflow';
import { sandboxCredential, useSandbox } from '../../tools/engine/sandbox-workflow';
import { activateWorkflow, type ActiveWorkflow } from '../../tools/engine/webhook-server';
import { startForeignOrigin } from './hostile-servers';

async function post(url: string, body: string, contentType = 'application/json') {
	const started = performance.now();
	const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': contentType }, body });
	const text = await response.text();
	return { status: response.status, body: text, ms: performance.now() - started };
}

/**
 * Hostile callers of an activated trigger with Download Files on: huge, mistyped and deeply
 * nested bodies, and a flood of forged calls. Every one is refused; nothing starts, nothing is
 * downloaded, and no request leaves for the foreign host named in the forged file URLs.
 */
describe('Dental Referrals Trigger under hostile calls', () => {
	const sandbox = useSandbox();
	let workflow: ActiveWorkflow;
	let foreign: Awaited<ReturnType<typeof startForeignOrigin>>;
	let url: string;

	beforeAll(async () => {
		foreign = await startForeignOrigin();
		workflow = await activateWorkflow({
			nodes: [],
			trigger: {
				name: 'Dental Referrals Trigger',
				type: `${PACKAGE}.dentalReferralsTrigger`,
				parameters: { options: { downloadFiles: true } },
			},
			credentials: sandboxCredential(sandbox()),
		});
		url = triggerUrl(`${workflow.baseUrl}/webhook`, workflow.workflowId, instanceId());
	});
	afterAll(async () => {
		await workflow.deactivate();
		await foreign.close();
	});
	afterEach(async () => {
		// Give anything a refused call might have started a moment to show up before asserting.
		await new Promise((resolve) => setTimeout(resolve, 50));
		expect(workflow.executions).toHaveLength(0);
		expect(foreign.hits).toHaveLength(0);
		expect(sandbox().requests.filter((request) => request.path.startsWith('/documents'))).toHaveLength(0);
	});

	const documentUrl = (index: number) =>
		`${sandbox().origin}/documents/${String(index).padStart(8, '0')}/TST0000001_AdultRestorativeForm.pdf`;

	it('a 5 MB JSON body with 100,000 file URLs is refused (400: at most 100 files)', async () => {
		const body = JSON.stringify({
			urn: 'TST0000001',
			files: Array.from({ length: 100_000 }, (_, index) => documentUrl(index)),
		});
		expect(body.length).toBeGreaterThan(5_000_000);
		const answer = await post(url, body);
		expect(answer.status).toBe(400);
		expect(JSON.parse(answer.body).message).toContain('"files" must be an array of at most 100 URLs');
	});

	it.each([
		['text/plain prose', 'urn=TST0000001 files=', 'text/plain'],
		[
			'application/xml',
			'<notification><urn>TST0000001</urn><files><file>x</file></files></notification>',
			'application/xml',
		],
	])('a %s body is refused with 400', async (_label, body, contentType) => {
		const answer = await post(url, body, contentType);
		expect(answer.status).toBe(400);
		expect(JSON.parse(answer.body).message).toMatch(/^Not a files-ready notification: /);
	});

	const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
	it.each([
		['the whole body', () => `{"a":${'{"a":'.repeat(2000)}1${'}'.repeat(2000)}}`],
		['"files"', () => `{"urn":"TST0000001","files":${nested(2000)}}`],
		['"urn"', () => `{"urn":${nested(2000)},"files":[]}`],
	])('2,000-deep nested JSON in %s is refused with 400', async (_label, body) => {
		const answer = await post(url, body());
		expect(answer.status).toBe(400);
	});

	it('a flood of 300 forged calls is refused; p99 answer time is printed', async () => {
		const foreignFile = `${foreign.origin}/documents/1/TST0000001_MH.pdf`;
		const calls = Array.from({ length: 300 }, (_, index) => {
			const kind = index % 3;
			if (kind === 0)
				return { kind: 'missing token', target: url.replace(/\?token=.*/, ''), files: [documentUrl(1)] };
			if (kind === 1)
				return {
					kind: 'wrong token',
					target: url.replace(/token=[0-9a-f]+/, `token=${index.toString(16).padStart(40, 'f')}`),
					files: [documentUrl(1)],
				};
			return { kind: 'valid token, foreign file URL', target: url, files: [documentUrl(1), foreignFile] };
		});
		const answers: Array<{ kind: string; status: number; ms: number }> = [];
		for (let start = 0; start < calls.length; start += 50) {
			const batch = calls.slice(start, start + 50);
			answers.push(
				...(await Promise.all(
					batch.map(async (call) => {
						const answer = await post(call.target, JSON.stringify({ urn: 'TST0000001', files: call.files }));
						return { kind: call.kind, status: answer.status, ms: answer.ms };
					}),
				)),
			);
		}
		const byKind = (kind: string) => [
			...new Set(answers.filter((a) => a.kind === kind).map((a) => a.status)),
		];
		expect(byKind('missing token')).toEqual([401]);
		expect(byKind('wrong token')).toEqual([401]);
		expect(byKind('valid token, foreign file URL')).toEqual([400]);
		const times = answers.map((answer) => answer.ms).sort((a, b) => a - b);
		console.log(
			`[hostile-trigger] 300 forged calls (50 at a time): p50 ${times[149].toFixed(1)} ms, p99 ${times[296].toFixed(1)} ms, max ${times[299].toFixed(1)} ms`,
		);
	});
});
