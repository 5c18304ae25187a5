/**
 * A start node for the memory children: emits items given as JSON, binary references
 * included, so a measured run only does the operation under test (the files were put into
 * n8n's binary store before the measurement started).
 */
import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

export class ReplayStart implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Bench Replay Start',
		name: 'benchReplayStart',
		group: ['trigger'],
		version: 1,
		description: 'Bench fixture: emits the configured items, binaries included',
		defaults: { name: 'Start' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'Items', name: 'items', type: 'json', default: '[]' }],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [JSON.parse(this.getNodeParameter('items', 0) as string) as INodeExecutionData[]];
	}
}
