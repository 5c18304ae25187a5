import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { INodeProperties, INodeType } from 'n8n-workflow';

import { DentalReferrals } from '../../nodes/DentalReferrals/DentalReferrals.node';
import { DentalReferralsStatusTrigger } from '../../nodes/DentalReferralsStatusTrigger/DentalReferralsStatusTrigger.node';
import { DentalReferralsTrigger } from '../../nodes/DentalReferralsTrigger/DentalReferralsTrigger.node';

const dir = join(__dirname, '..', '..', 'examples');
const ours: Record<string, INodeType> = {
	'n8n-nodes-dental-referrals.dentalReferrals': new DentalReferrals(),
	'n8n-nodes-dental-referrals.dentalReferralsTrigger': new DentalReferralsTrigger(),
	'n8n-nodes-dental-referrals.dentalReferralsStatusTrigger': new DentalReferralsStatusTrigger(),
};
// n8n's own nodes the examples may use besides ours.
const CORE_NODES = [
	'n8n-nodes-base.manualTrigger',
	'n8n-nodes-base.noOp',
	'n8n-nodes-base.scheduleTrigger',
	'n8n-nodes-base.stickyNote',
];

interface ExampleNode {
	name: string;
	type: string;
	typeVersion: number;
	parameters: Record<string, unknown>;
	credentials?: Record<string, unknown>;
}

/** Every example imports into n8n (the e2e stage imports them for real); here: they only use known parameters. */
describe.each(readdirSync(dir).filter((file) => file.endsWith('.json')))('examples/%s', (file) => {
	const workflow = JSON.parse(readFileSync(join(dir, file), 'utf8')) as {
		name: string;
		nodes: ExampleNode[];
		connections: Record<string, { main: Array<Array<{ node: string }>> }>;
	};

	it('uses our nodes with their credential, and n8n core nodes only', () => {
		expect(workflow.name).toMatch(/^Dental Referrals: /);
		for (const node of workflow.nodes) {
			if (ours[node.type]) expect(Object.keys(node.credentials ?? {})).toEqual(['dentalReferralsApi']);
			else expect(CORE_NODES).toContain(node.type);
		}
	});

	it('says how to run it where n8n 2.x would pick our trigger for the Execute workflow button', () => {
		// n8n 2.41.1's editor auto-selects the trigger to run by type (findTriggerNodeToAutoSelect):
		// Form 10, Webhook 9, any non-core (app) trigger 8, Schedule 7, Manual 6 — order and position
		// do not count. With one of our triggers next to a Manual Trigger, the button listens.
		const types = workflow.nodes.map((node) => node.type);
		const competing =
			types.includes('n8n-nodes-base.manualTrigger') &&
			types.some((type) => /^n8n-nodes-dental-referrals\..*Trigger$/.test(type));
		const notes = workflow.nodes
			.filter((node) => node.type === 'n8n-nodes-base.stickyNote')
			.map((node) => String(node.parameters.content));
		if (competing) {
			expect(notes.join('\n')).toContain('from When clicking ‘Execute workflow’');
			expect(notes.join('\n')).toContain('**Publish**');
		}
		expect(notes.join('\n')).not.toMatch(/\bActivate\b/);
	});

	it('saves our action node at its current version (what n8n gives a node added today)', () => {
		const action = ours['n8n-nodes-dental-referrals.dentalReferrals'].description;
		for (const node of workflow.nodes.filter((candidate) => candidate.type.endsWith('.dentalReferrals'))) {
			expect(node.typeVersion).toBe(action.defaultVersion);
		}
	});

	it('connects existing nodes', () => {
		const names = new Set(workflow.nodes.map((node) => node.name));
		for (const [from, outputs] of Object.entries(workflow.connections)) {
			expect(names).toContain(from);
			for (const target of outputs.main.flat()) expect(names).toContain(target.node);
		}
	});

	it('sets only parameters our nodes define, with valid resource and operation', () => {
		for (const node of workflow.nodes.filter((candidate) => ours[candidate.type])) {
			const properties = ours[node.type].description.properties;
			// n8n adds pollTimes to every polling trigger itself.
			const known = new Set([...properties.map((property) => property.name), 'pollTimes']);
			for (const name of Object.keys(node.parameters)) expect(known).toContain(name);
			const options = (name: string, resource?: unknown) =>
				properties
					.filter((property: INodeProperties) => property.name === name)
					.filter(
						(property) => !resource || property.displayOptions?.show?.resource?.includes(resource as string),
					)
					.flatMap((property) =>
						(property.options ?? []).map((option) => (option as { value: string }).value),
					);
			if (node.parameters.resource) {
				expect(options('resource')).toContain(node.parameters.resource);
				expect(options('operation', node.parameters.resource)).toContain(node.parameters.operation);
			}
		}
	});
});
