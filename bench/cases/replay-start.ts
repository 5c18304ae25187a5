/**
 * A start node for the memory children: emits items given as JSON, binary references
 * included, so a measured run only does the operation under test (the files were put into
 * n8n's binary store before the measurement started).
 */
import type { IExecuteFunctions, INodeExecutionData, INodeType } from 'n8n-workflow';

import { startDescription } from '../../tools/engine/start-description';

export class ReplayStart implements INodeType {
	description = startDescription(
		'benchReplayStart',
		'Bench Replay Start',
		'Bench fixture: emits the configured items, binaries included',
		[{ displayName: 'Items', name: 'items', type: 'json', default: '[]' }],
	);

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [JSON.parse(this.getNodeParameter('items', 0) as string) as INodeExecutionData[]];
	}
}
