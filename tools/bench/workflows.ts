/** The node configurations the cases run, shared by the in-process and the real-n8n cases. */
import { PACKAGE } from '../engine/run-workflow';

export const NODE_NAME = 'Dental Referrals';
export const NODE_TYPE = `${PACKAGE}.dentalReferrals`;

/** Prepare Form with the fields a practice system typically fills in. */
export function prepareFormParameters(formType: string) {
	return {
		resource: 'form',
		operation: 'prepare',
		formType,
		patientDob: '31/01/1980',
		additionalFields: {
			patientTitle: 'Mr',
			patientFirstName: 'John',
			patientLastName: 'Doe',
			patientIdentifier: 'PMS-1001',
		},
	};
}

export function sandboxCredential(baseUrl: string, apiKey: string) {
	return { environment: 'custom', baseUrl, apiKey };
}
