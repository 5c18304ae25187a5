import { saveDraft } from '../../../shared/api';
import { patientFormOperation } from '../patient-form';

// API documentation, “Change Log”: system type SE makes form_type optional for Prepare Form only, not for drafts.
export const { description, prepare } = patientFormOperation({
	resource: 'draft',
	operation: 'save',
	send: saveDraft,
	formTypeOptionalForSE: false,
});
