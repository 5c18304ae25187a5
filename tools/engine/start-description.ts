import { NodeConnectionTypes, type INodeProperties, type INodeTypeDescription } from 'n8n-workflow';

/** What every start-node fixture declares: a trigger named Start, no input, one main output. */
export function startDescription(
	name: string,
	displayName: string,
	description: string,
	properties: INodeProperties[],
): INodeTypeDescription {
	return {
		displayName,
		name,
		group: ['trigger'],
		version: 1,
		description,
		defaults: { name: 'Start' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties,
	};
}
