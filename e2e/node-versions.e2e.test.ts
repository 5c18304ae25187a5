/**
 * Node versions 2 and 2.1 inside the real n8n: a workflow saved with version 1 (test/fixtures)
 * still runs unchanged; a version 2 Get Status runs with a picked referral; the editor's Referral
 * picker (From List) lists the sandbox's referrals (saves docs/editor-urn-picker.png for the
 * README); and Parallel Requests left at its default sends 10 at a time in version 2, 20 in 2.1.
 */
import { promises as fs } from 'node:fs';
import { join } from 'node:path';

import { launchBrowser, loginBrowser, type LaunchedBrowser } from '../tools/n8n/browser';
import { toDefinition } from '../tools/n8n/examples';
import { nodeOutput, parseJson, type Execution, type N8nApi } from '../tools/n8n/n8n-api';
import { expectSuccess } from '../tools/n8n/expect-execution';
import { SandboxControl } from '../tools/n8n/sandbox-control';
import { connect, stackInfo } from '../tools/n8n/stack-info';
import { ACTION_NODE, actionWorkflow, MANUAL_TRIGGER } from '../tools/n8n/workflow-builder';

const info = stackInfo();
const sandbox = new SandboxControl(info.sandboxOrigin);
const FIXTURE = join(__dirname, '..', 'test', 'fixtures', 'version-1-workflow.json');
const ARTIFACTS = join(__dirname, 'artifacts');
// The README's picture is refreshed on request only (DR_E2E_UPDATE_DOCS=1), so a test run leaves
// the working tree clean; every run writes its own copy to e2e/artifacts/.
const SCREENSHOT = process.env.DR_E2E_UPDATE_DOCS
	? join(__dirname, '..', 'docs', 'editor-urn-picker.png')
	: join(ARTIFACTS, 'editor-urn-picker.png');

const json = (execution: Execution, node: string) =>
	nodeOutput(execution, node).map((item) => item.json as Record<string, unknown>);

describe('node versions 2 and 2.1 in n8n', () => {
	let api: N8nApi;
	const run = async (definition: Parameters<N8nApi['createWorkflow']>[0]) => {
		const workflow = await api.createWorkflow(definition);
		const execution = await api.runManuallyAndWait(workflow.id, {
			triggerToStartFrom: { name: MANUAL_TRIGGER },
		});
		return { workflow, execution };
	};
	const action = (
		operation: string,
		parameters: Record<string, unknown>,
		typeVersion: number,
		items?: number,
	) =>
		actionWorkflow({
			items,
			packageName: info.packageName,
			credential: info.credential,
			resource: operation === 'prepare' ? 'form' : 'referral',
			operation,
			parameters,
			typeVersion,
		});

	/** A referral prepared by the node (version 2, n8n's default for a new node) and submitted in the sandbox. */
	async function submitted(patient: string, status?: string): Promise<{ urn: string; files: string[] }> {
		const { execution } = await run(
			action(
				'prepare',
				{
					formType: info.practices[0].forms[0],
					patientDob: '1980-01-31',
					additionalFields: { patientIdentifier: patient, referrerName: 'Dr Picker' },
				},
				2,
			),
		);
		expectSuccess(execution);
		const urn = String(json(execution, ACTION_NODE)[0].urn);
		const { files } = await sandbox.submit(urn);
		if (status) await sandbox.setStatus(urn, status);
		return { urn, files };
	}

	let referrals: Array<{ urn: string; files: string[] }> = [];
	beforeAll(async () => {
		api = await connect(info);
		referrals = [
			await submitted('PICK-1', 'Accepted'),
			await submitted('PICK-2'),
			await submitted('PICK-3', 'Sent to: St Clements Dental Suite'),
		];
	});

	it('a workflow saved with version 1 (text URN and Document URL) runs unchanged', async () => {
		const parsed = parseJson(await fs.readFile(FIXTURE, 'utf8'));
		if (!parsed.ok) throw new Error(parsed.error);
		const definition = toDefinition(parsed.value as Record<string, unknown>, FIXTURE, info.credential);
		const { workflow, execution } = await run({ ...definition, name: 'e2e saved with version 1' });
		expectSuccess(execution);
		const newest = referrals[referrals.length - 1];
		expect(json(execution, 'Get Status')).toEqual([
			expect.objectContaining({ referral_urn: newest.urn, referral_files: newest.files }),
		]);
		expect(nodeOutput(execution, 'Download PDF')[0].binary?.data).toMatchObject({
			mimeType: 'application/pdf',
		});
		// n8n kept the version the workflow was saved with.
		const stored = await api.getWorkflow(workflow.id);
		expect(
			stored.nodes
				.filter((node) => node.type === `${info.packageName}.dentalReferrals`)
				.map((node) => node.typeVersion),
		).toEqual([1, 1, 1]);
	});

	it('version 2 Get Status runs with a referral picked From List', async () => {
		const [first] = referrals;
		const { execution } = await run(
			action('get', { urn: { __rl: true, mode: 'list', value: first.urn } }, 2),
		);
		expectSuccess(execution);
		expect(json(execution, ACTION_NODE)).toEqual([
			expect.objectContaining({ referral_urn: first.urn, referral_status: 'Accepted' }),
		]);
	});

	// n8n saves a workflow without the parameters left at their default: the version decides.
	it.each([
		[2, 10],
		[2.1, 20],
	])(
		'version %s Prepare Form, Parallel Requests at its default: %i items at a time',
		async (typeVersion, inFlight) => {
			const items = inFlight + 2;
			const delayMs = 1500;
			await sandbox.clearRequests();
			await sandbox.addFault({ path: '/react4r/v2/prepare_form', kind: 'slow', delayMs, times: items });
			const { workflow, execution } = await run(
				action(
					'prepare',
					{
						formType: info.practices[0].forms[0],
						patientDob: '1980-01-31',
						additionalFields: { patientIdentifier: '={{ "PARALLEL-" + $json.i }}' },
					},
					typeVersion,
					items,
				),
			);
			expectSuccess(execution);
			expect(json(execution, ACTION_NODE).map((item) => item.ptguid)).toHaveLength(items);
			const stored = await api.getWorkflow(workflow.id);
			const node = stored.nodes.find((candidate) => candidate.name === ACTION_NODE);
			expect(node?.parameters.options ?? {}).toEqual({});
			const arrivals = (await sandbox.requests())
				.filter((request) => request.path.endsWith('/prepare_form'))
				.map((request) => request.at);
			expect(arrivals).toHaveLength(items);
			// `inFlight` calls leave before the first answer; the next one waits for an answer.
			expect(arrivals[inFlight - 1] - arrivals[0]).toBeLessThan(delayMs);
			expect(arrivals[inFlight] - arrivals[0]).toBeGreaterThanOrEqual(delayMs - 100);
		},
	);

	describe('the editor', () => {
		let browser: LaunchedBrowser | undefined;
		afterAll(async () => {
			await browser?.close();
		});

		it("the Referral picker (From List) lists the sandbox's referrals with their status", async () => {
			const workflow = await api.createWorkflow({
				...action('get', { urn: { __rl: true, mode: 'list', value: '' } }, 2),
				name: 'e2e URN picker',
			});
			browser = await launchBrowser(info.n8nUrl);
			const { page, context } = browser;
			await loginBrowser(context, info.n8nUrl, info.owner.email, info.owner.password);
			await page.goto(`/workflow/${workflow.id}`, { waitUntil: 'domcontentloaded', timeout: 60_000 });
			const node = page.getByTestId('canvas-node').filter({ hasText: ACTION_NODE }).first();
			await node.waitFor({ timeout: 60_000 });
			await node.dblclick();
			const picker = page.getByTestId('ndv').first().getByTestId('resource-locator-urn');
			const items = page.getByTestId('rlc-item');
			await picker
				.getByTestId('rlc-input')
				.first()
				.click()
				.then(() => items.filter({ hasText: referrals[0].urn }).first().waitFor({ timeout: 30_000 }))
				.catch(async (error: Error) => {
					await fs.mkdir(ARTIFACTS, { recursive: true });
					await page.screenshot({ path: join(ARTIFACTS, 'failed-urn-picker.png'), fullPage: true });
					throw error;
				});
			const listed = (await items.allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
			await fs.mkdir(ARTIFACTS, { recursive: true });
			await page.screenshot({ path: SCREENSHOT });

			for (const { urn } of referrals) expect(listed.join(' | ')).toContain(urn);
			expect(listed.find((text) => text.includes(referrals[0].urn))).toContain(
				`${referrals[0].urn} — Accepted`,
			);
		});
	});
});
