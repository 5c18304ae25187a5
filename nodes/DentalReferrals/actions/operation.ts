import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

/**
 * The request(s) for one item, ready to send: everything that could be checked already was.
 * It answers with new item objects, which the router marks with their pairedItem.
 */
export type SendRequest = () => Promise<INodeExecutionData[]>;

/**
 * An operation is its fields plus `prepare`, which reads and checks one item's parameters
 * without any I/O to the API and returns the request to send. The router prepares every
 * item first, so bad input is refused before any request is made.
 */
export interface Operation {
	description: INodeProperties[];
	prepare(this: IExecuteFunctions, itemIndex: number): Promise<SendRequest>;
}

export function jsonItems(data: IDataObject | IDataObject[]): INodeExecutionData[] {
	return (Array.isArray(data) ? data : [data]).map((json) => ({ json }));
}
