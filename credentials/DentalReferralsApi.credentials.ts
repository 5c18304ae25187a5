import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

export const CREDENTIAL_TYPE = 'dentalReferralsApi';

/** The vendor's API roots. `custom` points anywhere else (the local sandbox, a mirror). */
export const API_ROOTS = {
	production: 'https://app.dental-referrals.org/react4r/v2/',
	staging: 'https://staging.dental-referrals.org/react4r/v2/',
} as const;

// The credential test resolves the root with the same table the transport uses.
const BASE_URL_EXPRESSION = `={{ $credentials.environment === "production" ? "${API_ROOTS.production}" : $credentials.environment === "staging" ? "${API_ROOTS.staging}" : $credentials.baseUrl }}`;

export class DentalReferralsApi implements ICredentialType {
	name = 'dentalReferralsApi';

	displayName = 'Dental Referrals API';

	icon: Icon = { light: 'file:../icons/dentalReferrals.svg', dark: 'file:../icons/dentalReferrals.dark.svg' };

	documentationUrl = 'https://github.com/dental-referrals/n8n-nodes-dental-referrals#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			options: [
				{
					name: 'Production',
					value: 'production',
					description: 'https://app.dental-referrals.org/react4r/v2/',
				},
				{
					name: 'Staging',
					value: 'staging',
					description: 'https://staging.dental-referrals.org/react4r/v2/ — for development',
				},
				{
					name: 'Custom Base URL',
					value: 'custom',
					description: 'Any other API root, such as the local sandbox or a self-hosted mirror',
				},
			],
			default: 'production',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'http://127.0.0.1:8787/react4r/v2/',
			description: 'The API root, ending in /react4r/v2/. The API key is only ever sent to this origin.',
			required: true,
			displayOptions: { show: { environment: ['custom'] } },
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'The API key of your practice, issued by Dental Referrals (office@dental-referrals.org). Each practice has its own key.',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Token token={{ $credentials.apiKey }}',
			},
		},
	};

	// available_forms is the cheapest authenticated call: a wrong key answers 401.
	test: ICredentialTestRequest = {
		request: {
			baseURL: BASE_URL_EXPRESSION,
			url: 'available_forms',
			method: 'GET',
			disableFollowRedirect: true,
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message: 'The Dental Referrals API rejected the API key. Check the key and the environment.',
				},
			},
		],
	};
}
