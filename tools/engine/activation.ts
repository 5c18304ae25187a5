import { HookContext } from 'n8n-core';

import type { WorkflowInstance } from './workflow-instance';

type HookMethod = 'checkExists' | 'create' | 'delete';

/** Runs one of the trigger's webhookMethods in a real HookContext, as n8n's activation does. */
async function hook(instance: WorkflowInstance, method: HookMethod): Promise<boolean> {
	const { workflow, additionalData } = instance.build();
	const { node, nodeType, description } = instance.describe(workflow);
	const context = new HookContext(
		workflow,
		node,
		additionalData,
		'webhook',
		'activate',
		instance.webhookData(workflow, additionalData),
	);
	const methods = nodeType.webhookMethods?.[description.name];
	if (!methods?.[method]) throw new Error(`the trigger has no webhookMethods.${description.name}.${method}`);
	const result = await methods[method].call(context);
	// n8n saves the static data right after activating (workflow-trigger-activator.ts).
	if (method !== 'delete') instance.saveStaticData(workflow);
	return result;
}

/** n8n's ActiveWorkflowManager for a webhook trigger: create only when checkExists says it is not there yet. */
export async function activate(instance: WorkflowInstance): Promise<void> {
	if (!(await hook(instance, 'checkExists'))) await hook(instance, 'create');
}

/** Deactivation: the trigger's delete hook. */
export async function deactivate(instance: WorkflowInstance): Promise<void> {
	await hook(instance, 'delete');
}
