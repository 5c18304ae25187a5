import type { IExecuteFunctions, NodeExecutionHint } from 'n8n-workflow';

// n8n shows every hint it is given, and one node run handles many items: each message once per run.
const given = new WeakMap<object, Set<string>>();

/** Shows `message` above the node's output in the editor, once per run of the node. */
export function addHint(
	this: IExecuteFunctions,
	message: string,
	type: NodeExecutionHint['type'] = 'info',
): void {
	const messages = given.get(this) ?? new Set<string>();
	given.set(this, messages);
	if (messages.has(message)) return;
	messages.add(message);
	this.addExecutionHints({ message, type, location: 'outputPane' });
}
