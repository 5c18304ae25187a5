import type { IBinaryData } from 'n8n-workflow';

import { storeDocument, type DocumentContext, type DocumentLocation } from '../transport';
import type { CallOptions } from './call-options';

/**
 * API documentation, “Accessing PDF exports”: a referral's PDF, from a URL the API gave (already
 * checked to be on the credential's origin), streamed into n8n's binary store.
 */
export async function downloadDocument(
	this: DocumentContext,
	location: DocumentLocation,
	call: CallOptions = {},
): Promise<IBinaryData> {
	return await storeDocument.call(this, location, { notFound: `Document ${location.fileName}`, ...call });
}
