import { NodeOperationError, type ICredentialDataDecryptedObject, type INode } from 'n8n-workflow';

import { API_ROOTS, CREDENTIAL_TYPE } from '../../../credentials/DentalReferralsApi.credentials';
import type { ApiContext } from './context';
import { nodeOf } from '../node-of';

/** Where the credential points: the API root and the only origin that ever sees the key. */
export interface ApiRoot {
	baseUrl: string;
	origin: string;
	host: string;
	/** The host without port: the request helper's allowedDomains. */
	hostname: string;
}

export function apiRootFromCredential(node: INode, credential: Record<string, unknown>): ApiRoot {
	const environment = String(credential.environment ?? 'production');
	const configured =
		environment === 'production' || environment === 'staging'
			? API_ROOTS[environment]
			: String(credential.baseUrl ?? '').trim();
	let url: URL;
	try {
		url = new URL(configured);
	} catch {
		throw new NodeOperationError(node, 'The Dental Referrals API credential has no valid Base URL', {
			description: 'Set Base URL to the API root, e.g. http://127.0.0.1:8787/react4r/v2/',
		});
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		throw new NodeOperationError(node, 'The credential Base URL must start with http:// or https://');
	}
	// A root without the trailing slash would make relative endpoints replace its last segment.
	const baseUrl = url.href.endsWith('/') ? url.href : `${url.href}/`;
	return { baseUrl, origin: url.origin, host: url.host, hostname: url.hostname };
}

export interface ApiCredential {
	root: ApiRoot;
	data: ICredentialDataDecryptedObject;
	/** The data as n8n's request helper takes it (`credentialsDecrypted`): built once per run. */
	decrypted: { id: string; name: string; type: string; data: ICredentialDataDecryptedObject };
}

// One read (and decryption) of the credential per node run, shared by all its items and
// handed to n8n's request helper, which would otherwise read it again for every request.
const credentials = new WeakMap<object, Promise<ApiCredential>>();

/**
 * The credential of this node run: its decrypted data and where it points; the one way it is read.
 * Not async: every request awaits it, and the run's one promise is handed back as it is.
 */
export function apiCredential(this: ApiContext, itemIndex?: number): Promise<ApiCredential> {
	let credential = credentials.get(this);
	if (!credential) {
		const node = nodeOf(this);
		credential = this.getCredentials(CREDENTIAL_TYPE, itemIndex).then((data) => ({
			data,
			decrypted: { id: '', name: '', type: CREDENTIAL_TYPE, data },
			// Resolved when asked for, so reading the key alone never fails on a bad Base URL.
			get root() {
				return rootOf(node, data);
			},
		}));
		credentials.set(this, credential);
	}
	return credential;
}

const roots = new WeakMap<object, ApiRoot>();

function rootOf(node: INode, data: ICredentialDataDecryptedObject): ApiRoot {
	let root = roots.get(data);
	if (!root) {
		root = apiRootFromCredential(node, data);
		roots.set(data, root);
	}
	return root;
}

export async function apiRoot(this: ApiContext, itemIndex?: number): Promise<ApiRoot> {
	return (await apiCredential.call(this, itemIndex)).root;
}
