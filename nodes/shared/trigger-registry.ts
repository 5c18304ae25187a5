import type { IDataObject } from 'n8n-workflow';

/**
 * Where a Dental Referrals Trigger publishes its production URL (token included) for the
 * Prepare Form / Save Draft nodes of the same workflow: the workflow's global static data.
 * The trigger writes it when n8n activates the workflow (webhookMethods.create, the only
 * place n8n hands a node its exact production URL, WEBHOOK_URL included); n8n saves static
 * data with the workflow, so every later execution, on any process, can read it.
 */
export interface TriggerRegistration {
	nodeName: string;
	url: string;
}

const KEY = 'dentalReferralsTriggers';

function registry(staticData: IDataObject): Record<string, TriggerRegistration> {
	staticData[KEY] ??= {};
	return staticData[KEY] as Record<string, TriggerRegistration>;
}

export function registerTrigger(
	staticData: IDataObject,
	nodeId: string,
	registration: TriggerRegistration,
): void {
	registry(staticData)[nodeId] = registration;
}

export function unregisterTrigger(staticData: IDataObject, nodeId: string): void {
	delete registry(staticData)[nodeId];
}

export function registeredTrigger(staticData: IDataObject, nodeId: string): TriggerRegistration | undefined {
	return (staticData[KEY] as Record<string, TriggerRegistration> | undefined)?.[nodeId];
}

export function registeredTriggers(staticData: IDataObject): TriggerRegistration[] {
	return Object.values((staticData[KEY] as Record<string, TriggerRegistration> | undefined) ?? {});
}
