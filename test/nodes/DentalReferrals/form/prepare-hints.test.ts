import type { INodeParameters } from 'n8n-workflow';

import { DentalReferralsStatusTrigger } from '../../../../nodes/DentalReferralsStatusTrigger/DentalReferralsStatusTrigger.node';
import {
	PACKAGE,
	registerNodeType,
	runWorkflow,
	type WorkflowNode,
} from '../../../../tools/engine/run-workflow';
import {
	assertNoSecret,
	dentalReferrals,
	sandboxCredential,
	useSandbox,
} from '../../../../tools/engine/sandbox-workflow';

registerNodeType(`${PACKAGE}.dentalReferralsStatusTrigger`, new DentalReferralsStatusTrigger());

const trigger = { name: 'Files Ready', type: `${PACKAGE}.dentalReferralsTrigger`, parameters: {} };
const statusTrigger = { name: 'Status', type: `${PACKAGE}.dentalReferralsStatusTrigger`, parameters: {} };
const waitForPdfs = dentalReferrals({ resource: 'referral', operation: 'waitForFiles' }, { name: 'Wait' });

/**
 * Prepare Form's hints about PDF notification wiring, read from what n8n-core recorded for the
 * node's run: the whole workflow (other branches included) decides whether anything receives the PDFs.
 */
describe('Prepare Form hints: who receives the PDFs', () => {
	const sandbox = useSandbox();

	async function prepareHints(
		notification: INodeParameters,
		workflow: { trigger?: WorkflowNode; after?: WorkflowNode[]; items?: object[] } = {},
	) {
		const credentials = sandboxCredential(sandbox());
		const { filesReadyWebhookUrl, ...choice } = notification;
		const run = await runWorkflow({
			items: workflow.items,
			nodes: [
				dentalReferrals(
					{
						resource: 'form',
						operation: 'prepare',
						formType: sandbox().practices[0].forms[0],
						patientDob: '01/01/1970',
						additionalFields: filesReadyWebhookUrl ? { filesReadyWebhookUrl } : {},
						...choice,
					},
					{ name: 'Prepare Form' },
				),
				...(workflow.after ?? []),
			],
			trigger: workflow.trigger,
			credentials,
		});
		expect(run.error).toBeUndefined();
		expect(run.output('Prepare Form').length).toBeGreaterThan(0);
		assertNoSecret(run, String(credentials.apiKey));
		return run.hints('Prepare Form');
	}

	it('no URL and no trigger anywhere: says nothing will receive the PDFs and what to add, once for many items', async () => {
		const hints = await prepareHints({}, { items: [{}, {}, {}] });
		expect(hints).toEqual([
			{
				message: expect.stringContaining('No PDF notification is set up'),
				type: 'info',
				location: 'outputPane',
			},
		]);
		expect(hints[0].message).toContain('Dental Referrals Status Trigger with the PDFs Ready event');
	});

	it.each([
		['a pasted Files Ready Webhook URL', { filesReadyWebhookUrl: 'https://example.org/hook' }, {}],
		['a Status Trigger on another branch', {}, { trigger: statusTrigger }],
		[
			'the trigger choice with a Dental Referrals Trigger',
			{ filesReadyNotification: 'trigger' },
			{ trigger },
		],
	])('no hint with %s', async (_, notification, workflow) => {
		expect(await prepareHints(notification, workflow)).toEqual([]);
	});

	it('the trigger choice without a Dental Referrals Trigger in the workflow is a warning', async () => {
		const hints = await prepareHints({ filesReadyNotification: 'trigger' });
		expect(hints).toHaveLength(1);
		expect(hints[0].type).toBe('warning');
		expect(hints[0].message).toContain('this workflow has no enabled Dental Referrals Trigger');
	});

	it('a disabled Dental Referrals Trigger does not count', async () => {
		const hints = await prepareHints(
			{ filesReadyNotification: 'trigger' },
			{ trigger: { ...trigger, disabled: true } },
		);
		expect(hints.map((hint) => hint.type)).toEqual(['warning']);
	});

	it('no URL while the workflow has a Dental Referrals Trigger: the trigger will not hear of it', async () => {
		const hints = await prepareHints({}, { trigger });
		expect(hints).toHaveLength(1);
		expect(hints[0].message).toContain('Dental Referrals Trigger will not hear of this referral');
	});

	it('no URL with Wait for PDFs after it: the wait would last until its limit', async () => {
		const hints = await prepareHints({}, { after: [waitForPdfs] });
		expect(hints).toHaveLength(1);
		expect(hints[0].message).toContain('will wait until its Wait Limit');
	});
});
