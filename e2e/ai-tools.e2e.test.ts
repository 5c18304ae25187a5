/**
 * The Dental Referrals node as an AI tool inside the real n8n, with no language model: the
 * README's "Use it from an AI assistant" workflow (MCP Server Trigger + Dental Referrals Tool
 * nodes with $fromAI parameters, bearer auth) is published and driven by a real MCP client —
 * the tools a model is offered, calls with arguments against the sandbox, errors a model can act
 * on, and the API key in no tool result.
 */
import { randomUUID } from 'node:crypto';

import { StreamableHTTPError } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

import { findKey } from '../tools/key-forms';
import { listsToolArgumentSchemas, type N8nApi } from '../tools/n8n/n8n-api';
import { connectMcp, type McpSession, type ToolResult } from '../tools/n8n/mcp-client';
import { mcpWorkflow } from '../tools/n8n/mcp-workflow';
import { SandboxControl } from '../tools/n8n/sandbox-control';
import { connect, stackInfo } from '../tools/n8n/stack-info';

const info = stackInfo();
const sandbox = new SandboxControl(info.sandboxOrigin);
const PATH = `dental-referrals-${randomUUID().slice(0, 8)}`;
const MCP_URL = `${info.n8nUrl}/mcp/${PATH}`;
const BEARER_TOKEN = `mcp-e2e-${randomUUID()}`;
const FORMS = info.practices[0].forms;

let api: N8nApi;
let workflowId: string;
let session: McpSession;
/** Everything the client was shown, for the leak scan. */
const seen: string[] = [];

async function call(name: string, args: Record<string, unknown>): Promise<ToolResult> {
	const result = await session.call(name, args);
	seen.push(result.text);
	console.log(`[e2e] ${name}(${JSON.stringify(args)}) → ${result.isError ? 'ERROR ' : ''}${result.text}`);
	return result;
}

/** A successful tool result: n8n returns the node's output items' JSON as a JSON array. */
function items(result: ToolResult): Array<Record<string, unknown>> {
	expect({ isError: result.isError, text: result.text.slice(0, 300) }).toEqual({
		isError: false,
		text: expect.stringMatching(/^\[/),
	});
	return JSON.parse(result.text) as Array<Record<string, unknown>>;
}

const patient = {
	formType: FORMS[0],
	dateOfBirth: '1980-01-31',
	firstName: 'Ada',
	lastName: 'Lovelace',
	patientId: `MCP-${randomUUID().slice(0, 6)}`,
};

describe('Dental Referrals tools through n8n’s MCP Server Trigger', () => {
	beforeAll(async () => {
		api = await connect(info);
		const bearerCredential = await api.createCredential({
			name: 'MCP clients (e2e)',
			type: 'httpBearerAuth',
			data: { token: BEARER_TOKEN },
		});
		const workflow = await api.createWorkflow(
			mcpWorkflow({
				packageName: info.packageName,
				credential: info.credential,
				path: PATH,
				bearerCredential,
			}),
		);
		workflowId = workflow.id;
		await api.activateWorkflow(workflowId);
		session = await connectMcp(MCP_URL, { headers: { authorization: `Bearer ${BEARER_TOKEN}` } });
	});

	afterAll(async () => {
		await session?.close();
		if (workflowId) await api.deactivateWorkflow(workflowId);
	});

	it('offers four tools whose names, descriptions and arguments say what they do', async () => {
		const tools = await session.listTools();
		seen.push(JSON.stringify(tools));
		// The MCP schema requires each inputSchema to be a JSON Schema object. Where n8n sends one
		// (README, n8n versions ⑤), the official client's own validating listing accepts it too.
		const described = tools.every(
			(tool) => tool.inputSchema.type === 'object' && typeof tool.inputSchema.properties === 'object',
		);
		expect({ version: info.n8nVersion, described }).toEqual({
			version: info.n8nVersion,
			described: listsToolArgumentSchemas(info.n8nVersion),
		});
		if (described) await expect(session.client.listTools()).resolves.toBeDefined();
		for (const tool of tools)
			console.log(`[e2e] tool ${tool.name}: ${tool.description} ${JSON.stringify(tool.inputSchema)}`);
		const byName = new Map(tools.map((tool) => [tool.name, tool]));
		expect([...byName.keys()].sort()).toEqual([
			'Get_recent_referrals',
			'Get_referral_status',
			'List_form_types',
			'Prepare_referral_form',
		]);
		const description = (name: string) => String(byName.get(name)?.description);
		// n8n's automatic tool description is the operation's action text + " in Dental Referrals".
		expect(description('Get_referral_status')).toMatch(/status.*URN/i);
		expect(description('Get_recent_referrals')).toMatch(/recent referrals/i);
		expect(description('List_form_types')).toMatch(/form types/i);
		expect(description('Prepare_referral_form')).toMatch(/login link for the clinician/i);
		if (!described) return; // 2.20.x: no argument schema to check (README ⑤)
		const schema = (name: string) =>
			byName.get(name)?.inputSchema as {
				properties?: Record<string, { type?: string; description?: string }>;
				required?: string[];
			};
		expect(schema('Get_referral_status').properties?.urn).toMatchObject({
			type: 'string',
			description: expect.stringMatching(/URN/),
		});
		expect(schema('Get_recent_referrals').properties?.count).toMatchObject({ type: 'number' });
		expect([...(schema('Prepare_referral_form').required ?? [])].sort()).toEqual([
			'dateOfBirth',
			'firstName',
			'formType',
			'lastName',
			'patientId',
		]);
	});

	it('refuses a client without the bearer token or with a wrong one (HTTP 403)', async () => {
		for (const headers of [{}, { authorization: `Bearer ${BEARER_TOKEN}x` }] as Array<
			Record<string, string>
		>) {
			const refused = await connectMcp(MCP_URL, { headers, timeoutMs: 0 }).catch((error: Error) => error);
			expect(refused).toBeInstanceOf(StreamableHTTPError);
			expect(refused).toMatchObject({
				code: 403,
				message: expect.stringMatching(/Authorization data is wrong/),
			});
		}
	});

	it('lists forms, prepares one, then reports its status and lists it once the clinician submitted it', async () => {
		expect(items(await call('List_form_types', {})).map((item) => item.formType)).toEqual(FORMS);

		await sandbox.clearRequests();
		const [prepared] = items(await call('Prepare_referral_form', patient));
		expect(prepared).toMatchObject({
			status: 'success',
			urn: expect.any(String),
			prepared_form_url: expect.stringMatching(/^http/),
		});
		const sent = (await sandbox.requests()).filter((request) => request.path.endsWith('/prepare_form'));
		expect(sent.map((request) => request.form)).toEqual([
			expect.objectContaining({
				form_type: patient.formType,
				patient_dob: '31/01/1980',
				patient_first_name: 'Ada',
				patient_last_name: 'Lovelace',
				patient_identifier: patient.patientId,
			}),
		]);

		const urn = String(prepared.urn);
		const submitted = await sandbox.submit(urn);
		await sandbox.setStatus(urn, 'Accepted');
		expect(items(await call('Get_referral_status', { urn }))).toEqual([
			expect.objectContaining({
				referral_urn: urn,
				referral_status: 'Accepted',
				referral_files: submitted.files,
			}),
		]);

		const recent = items(await call('Get_recent_referrals', { count: 100 }));
		expect(recent).toContainEqual(
			expect.objectContaining({ referral_urn: urn, referral_status: 'Accepted' }),
		);
		expect(items(await call('Get_recent_referrals', { count: 1 }))).toHaveLength(1);
	});

	it('answers a malformed URN and an impossible date with tool errors naming the field, sending nothing', async () => {
		await sandbox.clearRequests();
		const badUrn = await call('Get_referral_status', { urn: 'TST 0000/1' });
		expect(badUrn.isError).toBe(true);
		expect(badUrn.text).toMatch(/URN: "TST 0000\/1" is not a referral URN such as TST0000001/);

		const badDate = await call('Prepare_referral_form', { ...patient, dateOfBirth: '31/02/1980' });
		expect(badDate.isError).toBe(true);
		expect(badDate.text).toMatch(/Patient Date of Birth/);
		expect(await sandbox.requests()).toEqual([]);
	});

	it('answers API errors (unknown URN, a failing API) with tool errors a model can act on', async () => {
		const unknown = await call('Get_referral_status', { urn: 'TST9999999' });
		expect(unknown.isError).toBe(true);
		expect(unknown.text).toMatch(/TST9999999.*not found/);

		await sandbox.addFault({
			path: '/react4r/v2/batch_referral_status',
			kind: 'status',
			status: 500,
			times: 1,
		});
		const failing = await call('Get_recent_referrals', { count: 5 });
		expect(failing.isError).toBe(true);
		expect(failing.text).toMatch(/HTTP 500/);
	});

	it('shows the API key in no tool listing, result or execution', async () => {
		expect(seen.length).toBeGreaterThanOrEqual(9);
		expect(findKey(seen.join('\n'), info.practiceKey)).toEqual([]);
		// Tool calls are executions of the MCP workflow (at least the five successful ones so far);
		// n8n 2.20 answers the MCP client before it writes the execution, so wait for them.
		const executions = await api.waitForExecutions(workflowId, 5, { timeoutMs: 15_000 });
		console.log(
			`[e2e] MCP workflow executions: ${executions.map((execution) => execution.status).join(', ')}`,
		);
		expect(executions.length).toBeGreaterThanOrEqual(5);
		expect(findKey(JSON.stringify(executions), info.practiceKey)).toEqual([]);
	});
});
