import { NodeOperationError, type INode } from 'n8n-workflow';

/**
 * Bad input, found before any request: the message names the field (as the user sees it
 * in the editor) and the item, so a failing item in a long run is easy to find.
 */
export function inputError(
	node: INode,
	itemIndex: number,
	field: string,
	problem: string,
	description?: string,
): NodeOperationError {
	return new NodeOperationError(node, `${field}: ${problem} (item index ${itemIndex})`, {
		itemIndex,
		description,
	});
}
