import { prepareForm } from '../../../shared/api';
import { patientFormOperation } from '../patient-form';
import { notificationHint } from './notification-hint';

// API documentation, “Prepare Form”: with system type SE the user may pick the form type in the browser.
export const { description, prepare } = patientFormOperation({
	resource: 'form',
	operation: 'prepare',
	send: prepareForm,
	formTypeOptionalForSE: true,
	afterSend: notificationHint,
});
