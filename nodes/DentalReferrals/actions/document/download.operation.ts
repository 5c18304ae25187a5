import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { checkDocumentUrl, openDocument } from '../../../shared/transport';
import { requestTimeoutMs } from '../../helpers/api';
import { inputError } from '../../helpers/input-error';
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
		},
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
	const property = String(this.getNodeParameter('binaryPropertyName', itemIndex, 'data') ?? '').trim();
	if (property === '') throw inputError(this.getNode(), itemIndex, 'Put Output File in Field', 'is required');
	const location = await checkDocumentUrl.call(
		this,
		this.getNodeParameter('documentUrl', itemIndex, ''),
		'Document URL',
		itemIndex,
	);
	return async () => {
		const stream = await openDocument.call(this, location, itemIndex, requestTimeoutMs.call(this, itemIndex));
		// Streamed into n8n's binary store: memory does not grow with the PDF's size.
		const binary = await this.helpers.prepareBinaryData(stream, location.fileName, 'application/pdf');
		const input = this.getInputData()[itemIndex];
		return [{ json: input.json, binary: { ...input.binary, [property]: binary } }];
	};
}
