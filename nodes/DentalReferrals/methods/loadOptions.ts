import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { apiRequest } from '../../shared/transport';

/** The Form Type dropdown: the form types enabled for the credential's key, live. */
export async function getFormTypes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const answer: unknown = await apiRequest.call(this, { method: 'GET', endpoint: 'available_forms' });
	// apiRequest has checked the documented shape: an array of form type names.
	return [...(answer as string[])].sort().map((formType) => ({
		name: formType.replace(/Form$/, '').replace(/([a-z])([A-Z])/g, '$1 $2'),
		value: formType,
		description: formType,
	}));
}
