/**
 * Workflows running inside the real n8n against the sandbox: every action operation in one
 * workflow, the webhook trigger activated and called by the sandbox, Wait for PDFs resumed by
 * the sandbox, and the status trigger polling on n8n's schedule. Outputs are printed to the log.
 */
import type { Execution, N8nApi, WorkflowDefinition, WorkflowNode } from '../tools/n8n/n8n-api';
import { n8nMajor, nodeHints, nodeOutput } from '../tools/n8n/n8n-api';
import { expectSuccess } from '../tools/n8n/expect-execution';
import { SandboxControl } from '../tools/n8n/sandbox-control';
import { connect, stackInfo } from '../tools/n8n/stack-info';
import { MANUAL_TRIGGER, manualTriggerNode } from '../tools/n8n/workflow-builder';
import { findKey } from '../tools/key-forms';

const info = stackInfo();
const sandbox = new SandboxControl(info.sandboxOrigin);
const credentials = { dentalReferralsApi: { id: info.credential.id, name: info.credential.name } };
const ACTION = `${info.packageName}.dentalReferrals`;

/** A chain of nodes after a Manual Trigger; `executeOnce` keeps one item flowing where it matters. */
interface ChainNode {
	name: string;
	type: string;
	parameters: Record<string, unknown>;
	typeVersion?: number;
	[key: string]: unknown;
}

function chain(name: string, nodes: ChainNode[]): WorkflowDefinition {
	const all: WorkflowNode[] = [
		manualTriggerNode(),
		...nodes.map((node, index) => ({
			...node,
			name: node.name,
			type: node.type,
			parameters: node.parameters,
			typeVersion: node.typeVersion ?? 1,
			position: [220 * (index + 1), 0] as [number, number],
		})),
	];
	const connections: Record<string, unknown> = {};
	for (let i = 1; i < all.length; i++)
		connections[all[i - 1].name] = { main: [[{ node: all[i].name, type: 'main', index: 0 }]] };
	return { name, nodes: all, connections, settings: { executionOrder: 'v1' } };
}

const action = (name: string, parameters: Record<string, unknown>, extra: Partial<WorkflowNode> = {}) => ({
	name,
	type: ACTION,
	parameters,
	credentials,
	...extra,
});

function logOutputs(execution: Execution, nodes: string[]): void {
	for (const node of nodes) {
		console.log(
			`[e2e] ${node} →`,
			JSON.stringify(nodeOutput(execution, node).map((item) => ({ json: item.json, binary: item.binary }))),
		);
	}
}

describe('every action operation inside n8n', () => {
	let api: N8nApi;
	beforeAll(async () => {
		api = await connect(info);
		await sandbox.clearRequests();
	});

	it('one workflow runs all ten operations against the sandbox; outputs and wire format checked', async () => {
		const formType = info.practices[0].forms[0];
		const workflow = await api.createWorkflow(
			chain('e2e every operation', [
				action('List Available Forms', { resource: 'form', operation: 'getTypes' }),
				action(
					'Prepare Form',
					{
						resource: 'form',
						operation: 'prepare',
						formType: `={{ $json.formType === "${formType}" ? $json.formType : "${formType}" }}`,
						patientDob: '1975-06-30',
						additionalFields: { patientFirstName: 'Eve', patientIdentifier: 'E2E-1', urgent: true },
					},
					{ executeOnce: true },
				),
				action('Save Draft', {
					resource: 'draft',
					operation: 'save',
					formType,
					patientDob: '30/06/1975',
					additionalFields: { patientIdentifier: 'E2E-1' },
				}),
				{
					name: 'Submit in the Sandbox',
					type: 'n8n-nodes-base.httpRequest',
					typeVersion: 4.2,
					parameters: {
						method: 'POST',
						url: `${info.sandboxOrigin}/__sandbox/submit`,
						sendBody: true,
						specifyBody: 'json',
						jsonBody: "={{ JSON.stringify({ urn: $('Prepare Form').first().json.urn }) }}",
					},
				},
				action('Get Status', {
					resource: 'referral',
					operation: 'get',
					urn: "={{ $('Prepare Form').first().json.urn }}",
				}),
				action('Get Recent', { resource: 'referral', operation: 'getMany', returnAll: false, limit: 5 }),
				action(
					'Get by Patient',
					{
						resource: 'referral',
						operation: 'getByPatient',
						ptguid: "={{ $('Prepare Form').first().json.ptguid }}",
						returnAll: true,
					},
					{ executeOnce: true },
				),
				action('Prepare File Upload', { resource: 'fileUpload', operation: 'create' }, { executeOnce: true }),
				action('Download PDF', {
					resource: 'document',
					operation: 'download',
					documentUrl: "={{ $('Get Status').first().json.referral_files[0] }}",
					binaryPropertyName: 'data',
				}),
				action('Add File', {
					resource: 'fileUpload',
					operation: 'addFile',
					fileuploadId: '={{ $json.fileupload_id }}',
					binaryPropertyName: 'data',
					uploadKind: 'radiograph',
					uploadDate: '2024-02-29',
				}),
				action('Download PDF Again', {
					resource: 'document',
					operation: 'download',
					documentUrl: "={{ $('Get Status').first().json.referral_files[0] }}",
					binaryPropertyName: 'letter',
				}),
				action('Upload Files', { resource: 'fileUpload', operation: 'upload', binaryPropertyName: 'letter' }),
			]),
		);
		const execution = await api.runManuallyAndWait(
			workflow.id,
			{ triggerToStartFrom: { name: MANUAL_TRIGGER } },
			120_000,
		);
		const nodes = [
			'List Available Forms',
			'Prepare Form',
			'Save Draft',
			'Get Status',
			'Get Recent',
			'Get by Patient',
			'Prepare File Upload',
			'Download PDF',
			'Add File',
			'Upload Files',
		];
		logOutputs(execution, nodes);
		expectSuccess(execution);

		const out = (node: string) =>
			nodeOutput(execution, node).map((item) => item.json as Record<string, unknown>);
		expect(out('List Available Forms')).toEqual(info.practices[0].forms.map((form) => ({ formType: form })));
		const prepared = out('Prepare Form')[0];
		expect(prepared).toMatchObject({ status: 'success', urn: expect.stringMatching(/^TST\d{7}$/) });
		expect(out('Save Draft')[0]).toMatchObject({ status: 'success', draft_id: expect.any(Number) });
		expect(out('Get Status')[0]).toMatchObject({
			referral_urn: prepared.urn,
			referral_status: 'Entered on System',
		});
		expect(out('Get Recent').length).toBeGreaterThanOrEqual(1);
		expect(out('Get by Patient').map((referral) => referral.referral_urn)).toContain(prepared.urn);
		// Real n8n keeps the nodes' execution hints: Prepare Form sent no notification URL and this
		// workflow has no trigger to receive one; Get by Patient found the referral, so says nothing.
		expect(nodeHints(execution, 'Prepare Form')).toEqual([
			expect.objectContaining({ message: expect.stringContaining('No PDF notification is set up') }),
		]);
		expect(nodeHints(execution, 'Get by Patient')).toEqual([]);
		expect(out('Prepare File Upload')[0]).toEqual({ fileupload_id: expect.any(Number) });
		const pdf = nodeOutput(execution, 'Download PDF')[0].binary?.data as Record<string, unknown>;
		expect(pdf).toMatchObject({ mimeType: 'application/pdf', fileName: expect.stringMatching(/\.pdf$/) });
		expect(out('Add File')[0]).toMatchObject({ status: 'success' });
		expect(out('Upload Files')[0]).toMatchObject({
			fileupload_id: expect.any(Number),
			files: [expect.objectContaining({ mimeType: 'application/pdf' })],
		});

		const requests = await sandbox.requests();
		const prepare = requests.find((request) => request.path.endsWith('/prepare_form'));
		expect(prepare?.contentType).toBe('application/x-www-form-urlencoded');
		expect(prepare?.form).toMatchObject({
			patient_dob: '30/06/1975',
			patient_first_name: 'Eve',
			urgent: '1',
		});
		const addFile = requests.find((request) => request.path.endsWith('/add_file'));
		expect(addFile?.headers).toMatchObject({
			'upload-kind': 'radiograph',
			'upload-date': '29/02/2024',
			'upload-content-type': 'application/pdf',
		});
		expect(addFile?.parts?.[0]).toMatchObject({ name: 'file', contentType: 'application/pdf' });
		expect(
			requests.every(
				(request) =>
					request.path.startsWith('/__sandbox') ||
					request.headers.authorization === `Token token=${info.practiceKey}`,
			),
		).toBe(true);
		expect(findKey(JSON.stringify(execution), info.practiceKey)).toEqual([]);
	});

	it('a refused input names the field and the item; Continue On Fail keeps the other items', async () => {
		const workflow = await api.createWorkflow(
			chain('e2e bad input', [
				{
					name: 'Three Patients',
					type: 'n8n-nodes-base.code',
					typeVersion: 2,
					parameters: {
						jsCode: "return [{json:{dob:'01/01/2000'}},{json:{dob:'31/02/2000'}},{json:{dob:'2001-12-24'}}];",
					},
				},
				action(
					'Prepare Form',
					{
						resource: 'form',
						operation: 'prepare',
						formType: info.practices[0].forms[0],
						patientDob: '={{ $json.dob }}',
					},
					{ onError: 'continueRegularOutput' },
				),
			]),
		);
		const execution = await api.runManuallyAndWait(workflow.id, {
			triggerToStartFrom: { name: MANUAL_TRIGGER },
		});
		logOutputs(execution, ['Prepare Form']);
		expectSuccess(execution);
		const items = nodeOutput(execution, 'Prepare Form').map((item) => item.json as Record<string, unknown>);
		expect(items[1].error).toBe('Patient Date of Birth: no such calendar date (item index 1)');
		expect(items[0].urn).toMatch(/^TST/);
		expect(items[2].urn).toMatch(/^TST/);
	});
});

describe('Dental Referrals Trigger inside n8n', () => {
	let api: N8nApi;
	beforeAll(async () => {
		api = await connect(info);
	});

	it('activated: Prepare Form sends its URL, the sandbox submit reaches n8n, the execution holds URN and PDFs', async () => {
		const imported = info.workflows.find((workflow) => workflow.file === 'prepare-form-receive-pdfs.json');
		expect(imported).toBeDefined();
		const id = imported!.id;
		await api.activateWorkflow(id);
		try {
			// Activation publishes the trigger's production URL (asynchronously in n8n 2.x): retry, bounded.
			let execution: Execution | undefined;
			for (let attempt = 0; attempt < 40; attempt++) {
				execution = await api.runManuallyAndWait(id, {
					triggerToStartFrom: { name: 'When clicking ‘Execute workflow’' },
				});
				if (execution.status === 'success') break;
				await new Promise((resolve) => setTimeout(resolve, 250));
			}
			logOutputs(execution!, ['Prepare Form']);
			expectSuccess(execution!);
			// Published, with its Dental Referrals Trigger: nothing to hint about the PDF wiring.
			expect(nodeHints(execution!, 'Prepare Form')).toEqual([]);
			const urn = String((nodeOutput(execution!, 'Prepare Form')[0].json as { urn: string }).urn);
			const sent = (await sandbox.requests())
				.filter((request) => request.path.endsWith('/prepare_form'))
				.pop();
			expect(sent?.form?.files_ready_webhook_url).toMatch(
				new RegExp(`^${info.n8nUrl}/webhook/[^?]+/files-ready\\?token=[0-9a-f]{40}$`),
			);

			const before = (await api.listExecutions({ workflowId: id })).map((e) => String(e.id));
			const { files } = await sandbox.submit(urn);
			const triggered = await api.waitForExecution(id, { ignoreIds: before, timeoutMs: 60_000 });
			logOutputs(triggered, ['Dental Referrals Trigger', 'PDFs Ready']);
			expectSuccess(triggered);
			const [item] = nodeOutput(triggered, 'Dental Referrals Trigger');
			expect(item.json).toEqual({ urn, files });
			for (const index of files.keys()) {
				expect(item.binary?.[`file_${index}`]).toMatchObject({ mimeType: 'application/pdf' });
			}
			const attempts = (await sandbox.webhookAttempts()).filter((attempt) => attempt.urn === urn);
			expect(attempts.map((attempt) => attempt.status)).toEqual([200]);
		} finally {
			await api.deactivateWorkflow(id);
		}
	});

	it('a forged notification with a foreign file URL is refused with 400 and starts nothing', async () => {
		const imported = info.workflows.find((workflow) => workflow.file === 'prepare-form-receive-pdfs.json')!;
		await api.activateWorkflow(imported.id);
		try {
			const execution = await api.runManuallyAndWait(imported.id, {
				triggerToStartFrom: { name: 'When clicking ‘Execute workflow’' },
			});
			expectSuccess(execution);
			const url = (await sandbox.requests()).filter((request) => request.path.endsWith('/prepare_form')).pop()
				?.form?.files_ready_webhook_url as string;
			const before = (await api.listExecutions({ workflowId: imported.id })).length;
			const forged = await fetch(url, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify({ urn: 'TST0000001', files: ['http://127.0.0.9:9/steal.pdf'] }),
			});
			expect(forged.status).toBe(400);
			const unsigned = await fetch(url.replace(/\?.*/, ''), {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: '{"urn":"TST0000001","files":[]}',
			});
			expect(unsigned.status).toBe(401);
			await new Promise((resolve) => setTimeout(resolve, 1000));
			expect((await api.listExecutions({ workflowId: imported.id })).length).toBe(before);
		} finally {
			await api.deactivateWorkflow(imported.id);
		}
	});
});

describe('Wait for PDFs inside n8n', () => {
	it('the execution shows "waiting", the sandbox submits, the execution finishes with the PDFs', async () => {
		const api = await connect(info);
		const imported = info.workflows.find((workflow) => workflow.file === 'wait-for-pdfs.json')!;
		const waiting = await api.runManuallyAndWait(imported.id, {
			triggerToStartFrom: { name: 'When clicking ‘Execute workflow’' },
		});
		expect(waiting.status).toBe('waiting');
		const urn = String((nodeOutput(waiting, 'Prepare Form')[0].json as { urn: string }).urn);
		const sent = (await sandbox.requests()).filter((request) => request.path.endsWith('/prepare_form')).pop();
		// n8n 2.x signs resume URLs; 1.123.x sends them bare (the URN check is the only guard there).
		const signed = n8nMajor(info.n8nVersion) >= 2;
		expect(sent?.form?.files_ready_webhook_url).toMatch(
			new RegExp(`^${info.n8nUrl}/webhook-waiting/${waiting.id}${signed ? '\\?signature=' : '$'}`),
		);
		console.log(`[e2e] execution ${waiting.id} is ${waiting.status}; submitting ${urn}`);

		const { files } = await sandbox.submit(urn);
		const deadline = Date.now() + 60_000;
		let finished = await api.getExecution(waiting.id);
		while (['waiting', 'running', 'new'].includes(finished.status) && Date.now() < deadline) {
			await new Promise((resolve) => setTimeout(resolve, 500));
			finished = await api.getExecution(waiting.id);
		}
		logOutputs(finished, ['Wait for PDFs']);
		expectSuccess(finished);
		const [item] = nodeOutput(finished, 'Wait for PDFs');
		expect(item.json).toEqual({ urn, files, timedOut: false });
		expect(item.binary?.file_0).toMatchObject({ mimeType: 'application/pdf' });
	});
});

describe('Dental Referrals Status Trigger inside n8n', () => {
	it('active with a one-minute poll: a status change in the sandbox becomes an execution', async () => {
		const api = await connect(info);
		// A submitted referral that the activation poll records as the baseline.
		const prepare = await api.createWorkflow(
			chain('e2e status: prepare', [
				action('Prepare Form', {
					resource: 'form',
					operation: 'prepare',
					formType: info.practices[0].forms[0],
					patientDob: '01/01/1990',
				}),
			]),
		);
		const prepared = await api.runManuallyAndWait(prepare.id, {
			triggerToStartFrom: { name: MANUAL_TRIGGER },
		});
		const urn = String((nodeOutput(prepared, 'Prepare Form')[0].json as { urn: string }).urn);
		await sandbox.submit(urn);

		const workflow = await api.createWorkflow({
			name: 'e2e status trigger',
			nodes: [
				{
					name: 'Status Trigger',
					type: `${info.packageName}.dentalReferralsStatusTrigger`,
					typeVersion: 1,
					position: [0, 0],
					parameters: {
						pollTimes: { item: [{ mode: 'everyMinute' }] },
						events: ['newReferral', 'statusChanged', 'filesReady'],
					},
					credentials,
				},
			],
			connections: {},
			settings: { executionOrder: 'v1' },
		});
		await api.activateWorkflow(workflow.id);
		try {
			await new Promise((resolve) => setTimeout(resolve, 2000));
			await sandbox.setStatus(urn, 'Sent to: St Clements Dental Suite');
			const execution = await api.waitForExecution(workflow.id, { timeoutMs: 130_000, intervalMs: 2000 });
			logOutputs(execution, ['Status Trigger']);
			expectSuccess(execution);
			const events = nodeOutput(execution, 'Status Trigger').map(
				(item) => item.json as Record<string, unknown>,
			);
			expect(events).toContainEqual(
				expect.objectContaining({ event: 'statusChanged', urn, previousStatus: 'Entered on System' }),
			);
		} finally {
			await api.deactivateWorkflow(workflow.id);
		}
	});
});
