import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { referralStatus } from '../../../shared/api';
import { callOptions } from '../../input/node-options';
import { urnParameter } from '../../input/parameters';
import { urnLocator } from '../../descriptions/locator.fields';
import { V1 } from '../../descriptions/node-versions';
import { jsonItems, type SendRequest } from '../operation';

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
			displayOptions: V1,
		},
		urnLocator(
			'The referral: one of the recent referrals, or its URN as returned by Prepare Form or Save Draft',
		),
	],
);

export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<SendRequest> {
	const urn = urnParameter.call(this, itemIndex);
	return async () => {
		const answer = await referralStatus.call(this, urn, callOptions.call(this, itemIndex));
		// API documentation, “Referral Status”: the example answer omits referral_urn although its field list has it;
		// fill it in so Get Status items look like Get Recent ones.
		return jsonItems({ referral_urn: urn, ...answer });
	};
}
