import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { checkDocumentUrl, downloadDocument } from '../../../shared/api';
import { nodeOf } from '../../../shared/node-of';
import { documentLocator } from '../../descriptions/locator.fields';
import { V1 } from '../../descriptions/node-versions';
import { inputError } from '../../input/input-error';
import { callOptions } from '../../input/node-options';
import { locatorParameter, textParameter } from '../../input/parameters';
import type { SendRequest } from '../operation';

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['document'], operation: ['download'] } },
	[
		{
			displayName: 'Document URL',
			name: 'documentUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder:
				'https://app.dental-referrals.org/documents/show/attachments/1/pdfs/original/TST0000001.pdf',
			description:
				"URL of a referral PDF, from a referral's referral_files or a files-ready notification. Only URLs on the credential's API origin are fetched.",
			displayOptions: V1,
		},
		documentLocator,
		{
			displayName: 'Put Output File in Field',
			name: 'binaryPropertyName',
			type: 'string',
			default: 'data',
			required: true,
			hint: 'The name of the output binary field to put the PDF in',
			description: 'Name of the binary property the downloaded PDF is written to',
		},
	],
);

export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<SendRequest> {
	const property = textParameter.call(
		this,
		'binaryPropertyName',
		itemIndex,
		'Put Output File in Field',
		'data',
	);
	if (property === '') throw inputError(nodeOf(this), itemIndex, 'Put Output File in Field', 'is required');
	const location = await checkDocumentUrl.call(
		this,
		locatorParameter.call(this, 'documentUrl', itemIndex, 'Document URL'),
		'Document URL',
		itemIndex,
	);
	return async () => {
		const binary = await downloadDocument.call(this, location, callOptions.call(this, itemIndex));
		const input = this.getInputData()[itemIndex];
		return [{ json: input.json, binary: { ...input.binary, [property]: binary } }];
	};
}
