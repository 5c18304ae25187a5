import type { INode } from 'n8n-workflow';

/**
 * Every node of the running workflow, or undefined where n8n does not expose them. The node
 * functions reach only the nodes connected to this one (getParentNodes / getChildNodes), but a
 * trigger usually starts a branch of its own; n8n-core's execution contexts (1.x and 2.x) hold
 * the Workflow in their public `workflow` field. Callers say nothing rather than guess without it.
 */
export function workflowNodes(context: object): INode[] | undefined {
	const nodes = (context as { workflow?: { nodes?: unknown } }).workflow?.nodes;
	return nodes && typeof nodes === 'object' ? Object.values(nodes as Record<string, INode>) : undefined;
}

/** The node type `name` of this package, e.g. dentalReferralsTrigger, named as n8n knows it. */
export function packageNodeType(node: INode, name: string): string {
	return `${node.type.slice(0, node.type.lastIndexOf('.') + 1)}${name}`;
}
