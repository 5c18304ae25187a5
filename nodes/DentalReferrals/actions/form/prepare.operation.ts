import { patientFormOperation } from '../patient-form.operation';

export const { description, prepare } = patientFormOperation({
	resource: 'form',
	operation: 'prepare',
	endpoint: 'prepare_form',
	formTypeOptionalForSE: true,
});
