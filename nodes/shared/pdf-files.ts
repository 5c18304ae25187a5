import type { IBinaryKeyData } from 'n8n-workflow';

import { checkDocumentUrl, downloadDocument, type DocumentContext, type DocumentLocation } from './api';

/** The binary property a referral's n-th PDF is written to: file_0, file_1, … */
export const pdfProperty = (index: number) => `file_${index}`;

/**
 * Checks every URL against the credential's origin first, so that one foreign URL in a
 * notification stops everything before the key is sent anywhere; throws naming the field.
 */
export async function checkPdfUrls(
	this: DocumentContext,
	urls: string[],
	field: string,
): Promise<DocumentLocation[]> {
	const locations: DocumentLocation[] = [];
	for (const [index, url] of urls.entries()) {
		locations.push(await checkDocumentUrl.call(this, url, `${field}[${index}]`));
	}
	return locations;
}

/** Streams each PDF into n8n's binary store (filesystem, database or S3: whatever n8n uses). */
export async function downloadPdfs(
	this: DocumentContext,
	locations: DocumentLocation[],
): Promise<IBinaryKeyData> {
	const binary: IBinaryKeyData = {};
	for (const [index, location] of locations.entries()) {
		binary[pdfProperty(index)] = await downloadDocument.call(this, location);
	}
	return binary;
}
