import { patientFormOperation } from '../patient-form.operation';

// The seed: system type SE makes form_type optional for Prepare Form only, not for drafts.
export const { description, prepare } = patientFormOperation({
	resource: 'draft',
	operation: 'save',
	endpoint: 'save_draft',
	formTypeOptionalForSE: false,
});
