import { createReadStream } from 'node:fs';
import type { IExecuteFunctions, INodeExecutionData, INodeType } from 'n8n-workflow';

import { startDescription } from './start-description';

/** A file on disk to attach to an item as binary data, the way an upstream n8n node would. */
export interface FixtureFile {
	property: string;
	path: string;
	fileName: string;
	mimeType: string;
}

/**
 * The engine's one start node. It is registered under the Manual Trigger's type name, so workflows
 * exported from n8n (examples/) run as they are, and bench cases swap in their own start under it.
 */
export const START_NODE_TYPE = 'n8n-nodes-base.manualTrigger';

/**
 * Test fixture standing in for n8n's Manual Trigger + "Read Files from Disk": it starts the
 * workflow with the given JSON items and streams real files into n8n's binary store
 * (filesystem mode), so the nodes under test read binaries exactly as they would in n8n.
 */
export class HarnessStart implements INodeType {
	description = startDescription(
		'harnessStart',
		'Harness Start',
		'Test fixture: emits the configured items',
		[
			{ displayName: 'Items', name: 'items', type: 'json', default: '[{}]' },
			{ displayName: 'Files', name: 'files', type: 'json', default: '[]' },
		],
	);

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = JSON.parse(this.getNodeParameter('items', 0) as string) as object[];
		const files = JSON.parse(this.getNodeParameter('files', 0) as string) as FixtureFile[][];
		const output: INodeExecutionData[] = [];
		for (let i = 0; i < items.length; i++) {
			const item: INodeExecutionData = { json: items[i] as INodeExecutionData['json'] };
			for (const file of files[i] ?? []) {
				item.binary ??= {};
				item.binary[file.property] = await this.helpers.prepareBinaryData(
					createReadStream(file.path),
					file.fileName,
					file.mimeType,
				);
			}
			output.push(item);
		}
		return [output];
	}
}
