import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { availableForms } from '../../shared/api';

/** The Form Type dropdown: the form types enabled for the credential's key, live. */
export async function getFormTypes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const formTypes = await availableForms.call(this);
	return [...formTypes].sort().map((formType) => ({
		name: formType.replace(/Form$/, '').replace(/([a-z])([A-Z])/g, '$1 $2'),
		value: formType,
		description: formType,
	}));
}
