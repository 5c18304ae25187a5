import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { nodeApiRequest } from '../../helpers/api';
import { jsonItems, type SendRequest } from '../operation';
import { urnParameter } from '../../helpers/parameters';

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['referral'], operation: ['get'] } },
	[
		{
			displayName: 'URN',
			name: 'urn',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'TST0000001',
			description: 'URN of the referral, as returned by Prepare Form or Save Draft',
		},
	],
);

export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<SendRequest> {
	const urn = urnParameter.call(this, itemIndex);
	return async () => {
		const answer = await nodeApiRequest.call(this, {
			method: 'GET',
			endpoint: 'referral_status',
			qs: { urn },
			itemIndex,
			notFound: `Referral ${urn}`,
		});
		// The seed's example answer omits referral_urn although its field list has it;
		// fill it in so Get Status items look like Get Recent ones.
		return jsonItems({ referral_urn: urn, ...answer });
	};
}
