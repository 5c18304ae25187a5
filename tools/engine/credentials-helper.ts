import {
	ICredentialsHelper,
	type ICredentialDataDecryptedObject,
	type ICredentials,
	type ICredentialType,
	type IHttpRequestOptions,
	type INode,
	type INodeCredentialsDetails,
	type INodeProperties,
	type IRequestOptionsSimplified,
	type Workflow,
} from 'n8n-workflow';

import { DentalReferralsApi } from '../product';

const credentialTypes: Record<string, ICredentialType> = {
	dentalReferralsApi: new DentalReferralsApi(),
};

/**
 * Stands in for n8n's database-backed credentials store: credentials are looked up by id
 * in a plain map. Authentication is NOT faked: it applies the credential type's own
 * `authenticate` as n8n's CLI CredentialsHelper does: a function is called with the
 * credentials and the request; a `generic` definition has its expressions resolved with
 * n8n's expression engine.
 */
export class TestCredentialsHelper extends ICredentialsHelper {
	constructor(private readonly byId: Record<string, ICredentialDataDecryptedObject>) {
		super();
	}

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const type = credentialTypes[typeName];
		const authenticate = type?.authenticate;
		// A function is called as n8n's CredentialsHelper calls it: (credentials, requestOptions).
		if (typeof authenticate === 'function') {
			return await authenticate.call(type, credentials, requestOptions as IHttpRequestOptions);
		}
		if (!authenticate || authenticate.type !== 'generic') {
			throw new Error(`Test credentials helper: no generic authenticate for ${typeName}`);
		}
		const resolve = (value: string) =>
			value.startsWith('=') && workflow && node
				? String(
						workflow.expression.getSimpleParameterValue(node, value, 'internal', {
							$credentials: credentials,
						} as never),
					)
				: value;
		const options = requestOptions as IHttpRequestOptions;
		for (const [section, entries] of Object.entries(authenticate.properties)) {
			const target = ((options as unknown as Record<string, Record<string, unknown>>)[section] ??= {});
			for (const [key, value] of Object.entries(entries as Record<string, string>)) {
				target[resolve(key)] = resolve(value);
			}
		}
		return options;
	}

	async preAuthentication(): Promise<ICredentialDataDecryptedObject | undefined> {
		return undefined;
	}

	async runPreAuthentication(): Promise<ICredentialDataDecryptedObject | undefined> {
		return undefined;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('Test credentials helper: getCredentials is not supported');
	}

	async getDecrypted(
		_additionalData: unknown,
		details: INodeCredentialsDetails,
	): Promise<ICredentialDataDecryptedObject> {
		const data = details.id ? this.byId[details.id] : undefined;
		if (!data) throw new Error(`Test credentials helper: unknown credential id ${String(details.id)}`);
		return { ...data };
	}

	async updateCredentials(): Promise<void> {}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	getCredentialsProperties(type: string): INodeProperties[] {
		return credentialTypes[type]?.properties ?? [];
	}
}

export function credentialType(name: string): ICredentialType {
	return credentialTypes[name];
}
