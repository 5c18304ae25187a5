import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { INode, INodeParameters } from 'n8n-workflow';

import { submittedReferral } from '../fuzz/setup';
import { PACKAGE, runWorkflow, type RunResult } from '../../tools/engine/run-workflow';
import {
	apiRequests,
	dentalReferrals,
	sandboxCredential,
	useSandbox,
} from '../../tools/engine/sandbox-workflow';
import { activateWorkflow } from '../../tools/engine/webhook-server';
import { startForeignOrigin } from './hostile-servers';
import {
	captureOutput,
	foreignHaystack,
	preparedFormSecrets,
	runHaystacks,
	scan,
	type Finding,
	type Secret,
} from './leak-scan';

/**
 * Runs successes, failures and the trigger while capturing console output, then looks for the
 * API keys and prepared form URLs (and their tokens) in everything the runs left behind:
 * execution data, errors (message, description, stack, own fields), printed output, and what
 * a foreign origin received. Prepare Form's own `prepared_form_url` field is the one allowed place.
 */
describe('leak scan: keys and prepared form URLs', () => {
	const sandbox = useSandbox();
	const secrets: Secret[] = [];
	const wrongKey = randomBytes(10).toString('hex');
	let foreign: Awaited<ReturnType<typeof startForeignOrigin>>;

	beforeAll(async () => {
		foreign = await startForeignOrigin();
		sandbox().practices.forEach((practice, index) =>
			secrets.push({ label: `practice ${index} API key`, value: practice.apiKey }),
		);
		secrets.push({ label: 'wrong API key', value: wrongKey });
	});
	afterAll(async () => {
		await foreign.close();
	});

	async function run(
		parameters: INode['parameters'],
		options: { credentials?: Record<string, unknown>; continueOnFail?: boolean } = {},
	): Promise<RunResult> {
		return await runWorkflow({
			nodes: [dentalReferrals(parameters, { continueOnFail: options.continueOnFail })],
			credentials: (options.credentials ?? sandboxCredential(sandbox())) as never,
		});
	}

	/** Runs `body` while capturing output; returns what was found where. */
	async function scanned(body: (haystacks: Record<string, string>) => Promise<void>): Promise<Finding[]> {
		const haystacks: Record<string, string> = {};
		const output = captureOutput();
		try {
			await body(haystacks);
		} finally {
			output.restore();
		}
		haystacks['captured console/stdout/stderr'] = output.text();
		haystacks['foreign origin requests'] = foreignHaystack(foreign.hits);
		return scan(haystacks, secrets);
	}

	const prepare = (): INodeParameters => ({
		resource: 'form',
		operation: 'prepare',
		formType: sandbox().practices[0].forms[0],
		patientDob: '01/02/1980',
		additionalFields: { patientIdentifier: 'leak-scan' },
	});

	it('the scan itself finds a secret in captured output, errors and unstripped fields', async () => {
		const probe = randomBytes(10).toString('hex');
		const output = captureOutput();
		try {
			console.log(`probe ${probe}`);
			process.stderr.write(`probe ${probe.toUpperCase()}\n`);
		} finally {
			output.restore();
		}
		const url = `${sandbox().origin}/prepared_forms/show/${randomBytes(12).toString('hex')}`;
		// The allowed field is stripped; the same URL in another field of the same item is found.
		const item = { json: { status: 'success', urn: 'TST1', prepared_form_url: url, copy: url } };
		const runData = { Node: [{ data: { main: [[item]] } }] };
		const run = { run: { data: { resultData: { runData } } }, error: new Error(`key ${probe}`) } as never;
		expect(
			scan({ output: output.text(), ...runHaystacks('probe', run) }, [
				{ label: 'probe', value: probe },
				...preparedFormSecrets(url, 'probe'),
			]),
		).toEqual([
			{ where: 'output', secret: 'probe' },
			{ where: 'probe: execution data', secret: 'probe prepared_form_url' },
			{ where: 'probe: execution data', secret: 'probe prepared form token' },
			{ where: 'probe: error', secret: 'probe' },
		]);
		const stripped = runHaystacks('probe', run)['probe: execution data'];
		expect(stripped.split(url)).toHaveLength(2);
		expect(output.text()).toContain(probe.toUpperCase());
	});

	it('successes on every resource leak nothing', async () => {
		const referral = await submittedReferral(sandbox(), 'leak-scan-submitted');
		const findings = await scanned(async (haystacks) => {
			const prepared = await run(prepare());
			expect(prepared.error).toBeUndefined();
			const url = String(prepared.output('Dental Referrals')[0].json.prepared_form_url);
			expect(url).toMatch(/\/prepared_forms\/show\//);
			secrets.push(...preparedFormSecrets(url, 'Prepare Form'));
			const runs: Array<[string, INodeParameters]> = [
				['form/getTypes', { resource: 'form', operation: 'getTypes' }],
				['draft/save', { ...prepare(), resource: 'draft', operation: 'save' }],
				['referral/get', { resource: 'referral', operation: 'get', urn: referral.urn }],
				['referral/getMany', { resource: 'referral', operation: 'getMany', limit: 5 }],
				[
					'referral/getByPatient',
					{ resource: 'referral', operation: 'getByPatient', ptguid: referral.ptguid, returnAll: true },
				],
				['fileUpload/create', { resource: 'fileUpload', operation: 'create' }],
				[
					'document/download',
					{ resource: 'document', operation: 'download', documentUrl: referral.files[0] },
				],
			];
			Object.assign(haystacks, runHaystacks('form/prepare', prepared));
			for (const [label, parameters] of runs) {
				const result = await run(parameters);
				expect([label, result.error?.message]).toEqual([label, undefined]);
				Object.assign(haystacks, runHaystacks(label, result));
			}
		});
		expect(findings).toEqual([]);
	});

	it('failures (401, 404, 500, apiError, non-JSON, timeout, refused, redirect) leak nothing', async () => {
		const closed = createServer();
		await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
		const closedPort = (closed.address() as AddressInfo).port;
		await new Promise<void>((resolve) => closed.close(() => resolve()));
		const path = (endpoint: string) => `/react4r/v2/${endpoint}`;

		const messages: string[] = [];
		const findings = await scanned(async (haystacks) => {
			const cases: Array<[string, () => void, INodeParameters, Record<string, unknown>?]> = [
				[
					'401 wrong key',
					() => undefined,
					{ resource: 'form', operation: 'getTypes' },
					{ ...sandboxCredential(sandbox()), apiKey: wrongKey },
				],
				['404', () => undefined, { resource: 'referral', operation: 'get', urn: 'TST9999999' }],
				[
					'500',
					() => sandbox().addFault({ path: path('prepare_form'), kind: 'status', status: 500 }),
					prepare(),
				],
				[
					'apiError',
					() => sandbox().addFault({ path: path('prepare_form'), kind: 'apiError', message: 'Broken form' }),
					prepare(),
				],
				[
					'non-JSON',
					() => sandbox().addFault({ path: path('available_forms'), kind: 'nonJson' }),
					{ resource: 'form', operation: 'getTypes' },
				],
				[
					'timeout 0.5 s',
					() => sandbox().addFault({ path: path('available_forms'), kind: 'slow', delayMs: 1500 }),
					{ resource: 'form', operation: 'getTypes', options: { timeout: 0.5 } },
				],
				[
					'refused connection',
					() => undefined,
					{ resource: 'form', operation: 'getTypes' },
					{ ...sandboxCredential(sandbox()), baseUrl: `http://127.0.0.1:${closedPort}/react4r/v2/` },
				],
				[
					'redirect to a foreign origin',
					() =>
						sandbox().addFault({
							path: path('prepare_form'),
							kind: 'redirect',
							status: 307,
							location: `${foreign.origin}/collect`,
						}),
					prepare(),
				],
			];
			for (const [label, arrange, parameters, credentials] of cases) {
				sandbox().clearFaults();
				arrange();
				const result = await run(parameters, { credentials });
				expect([label, typeof result.error?.message]).toEqual([label, 'string']);
				messages.push(`${label}: ${result.error?.message}`);
				Object.assign(haystacks, runHaystacks(label, result));
				const failed = await run(parameters, { credentials, continueOnFail: true });
				Object.assign(haystacks, runHaystacks(`${label} (Continue On Fail)`, failed));
			}
		});
		expect(messages.join('\n')).toMatch(/timeout 0\.5 s: .*no answer within/);
		console.log(`[leak-scan] failure messages:\n${messages.join('\n')}`);
		expect(foreign.hits).toHaveLength(0);
		expect(findings).toEqual([]);
	}, 30000);

	it('the trigger (valid, forged, wrong token) leaks nothing', async () => {
		const workflow = await activateWorkflow({
			nodes: [dentalReferrals({ ...prepare(), filesReadyNotification: 'trigger' }, { name: 'Prepare Form' })],
			trigger: {
				name: 'Dental Referrals Trigger',
				type: `${PACKAGE}.dentalReferralsTrigger`,
				parameters: { options: { downloadFiles: true } },
			},
			credentials: sandboxCredential(sandbox()),
		});
		try {
			const findings = await scanned(async (haystacks) => {
				const manual = await workflow.runManual();
				expect(manual.error).toBeUndefined();
				const [item] = manual.output('Prepare Form');
				secrets.push(...preparedFormSecrets(String(item.json.prepared_form_url), 'trigger workflow'));
				Object.assign(haystacks, runHaystacks('Prepare Form (trigger workflow)', manual));
				// The URL Prepare Form sent as files_ready_webhook_url (works with either URL layout).
				const hookUrl = String(apiRequests(sandbox(), 'prepare_form').at(-1)?.form?.files_ready_webhook_url);
				expect(hookUrl).toContain('token=');

				await sandbox().submit(String(item.json.urn));
				await workflow.waitForExecutions(1);
				expect(workflow.executions[0].error).toBeUndefined();

				const post = async (url: string, body: unknown) => {
					const response = await fetch(url, {
						method: 'POST',
						headers: { 'Content-Type': 'application/json' },
						body: JSON.stringify(body),
					});
					return `${response.status} ${await response.text()}`;
				};
				const forged = await post(hookUrl, {
					urn: String(item.json.urn),
					files: [`${foreign.origin}/documents/stolen.pdf`],
				});
				expect(forged).toMatch(/^400 /);
				const wrongToken = await post(hookUrl.replace(/token=[^&]+/, `token=${'0'.repeat(40)}`), {
					urn: String(item.json.urn),
					files: [],
				});
				expect(wrongToken).toMatch(/^401 /);
				haystacks['trigger answers'] = [forged, wrongToken].join('\n');
				workflow.executions.forEach((execution, index) =>
					Object.assign(haystacks, runHaystacks(`trigger execution ${index}`, execution)),
				);
			});
			expect(workflow.executions).toHaveLength(1);
			expect(foreign.hits).toHaveLength(0);
			expect(findings).toEqual([]);
		} finally {
			await workflow.deactivate();
		}
	});
});
