import { apiCredential, type ApiContext } from '../transport';

/** The credential's API key, for the trigger's legacy token (read the one way the requests read it). */
export async function apiKey(this: ApiContext): Promise<string> {
	return String((await apiCredential.call(this)).data.apiKey ?? '');
}
