import type { INodeProperties } from 'n8n-workflow';

/** A node's "Options" collection (parameter `options`), as every node of the package declares it. */
export function optionsCollection(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options,
	};
}
