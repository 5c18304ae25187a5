/**
 * The floor n8n allows a community node: a minimal node that makes, per item, exactly the
 * `httpRequestWithAuthentication` call our node makes for Prepare Form (same credential
 * type, same request options, the credential read once per run and handed over), with
 * nothing else: no parameter reads per item, no input checks, no error mapping. It sends
 * `parallel` items at a time, in input order, like our node's Parallel Requests.
 */
import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type IHttpRequestOptions,
	type IN8nHttpFullResponse,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

export const FLOOR_NODE_TYPE = 'bench.floor';

export class FloorNode implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Floor',
		name: 'floor',
		group: ['transform'],
		version: 1,
		description: 'Minimal node: one httpRequestWithAuthentication call per item',
		defaults: { name: 'Floor' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		usableAsTool: true,
		credentials: [{ name: 'dentalReferralsApi', required: true }],
		properties: [
			{ displayName: 'Body', name: 'body', type: 'string', default: '' },
			{ displayName: 'Parallel', name: 'parallel', type: 'number', default: 1 },
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const body = this.getNodeParameter('body', 0) as string;
		const parallel = this.getNodeParameter('parallel', 0) as number;
		const data = await this.getCredentials('dentalReferralsApi');
		const baseURL = String(data.baseUrl);
		const credentialsDecrypted = { id: '', name: '', type: 'dentalReferralsApi', data };
		const hostname = new URL(baseURL).hostname;
		const results: INodeExecutionData[] = new Array(items.length);
		let next = 0;
		const worker = async () => {
			while (next < items.length) {
				const i = next++;
				const options: IHttpRequestOptions = {
					method: 'POST',
					baseURL,
					url: 'prepare_form',
					headers: { Accept: 'application/json' },
					encoding: 'text',
					json: false,
					body: new URLSearchParams(body),
					timeout: 60_000,
					returnFullResponse: true,
					ignoreHttpStatusErrors: true,
					disableFollowRedirect: true,
					sendCredentialsOnCrossOriginRedirect: false,
					allowedDomains: hostname,
				};
				const response = (await this.helpers.httpRequestWithAuthentication.call(
					this,
					'dentalReferralsApi',
					options,
					{ credentialsDecrypted },
				)) as IN8nHttpFullResponse;
				results[i] = { json: JSON.parse(response.body as string), pairedItem: { item: i } };
			}
		};
		await Promise.all(Array.from({ length: Math.min(parallel, items.length) }, worker));
		return [results];
	}
}
