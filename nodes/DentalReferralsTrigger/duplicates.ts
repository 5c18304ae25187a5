import { createHash } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

import type { FilesReadyNotification } from '../shared/notification';

/**
 * The API retries a notification on any non-200 (1 h, 4 h, 1 day), so a slow or lost
 * acknowledgement can deliver the same PDFs twice. n8n's deduplication helpers are not
 * offered to webhook functions, so the trigger remembers what it emitted in its own static
 * data (saved by n8n after each webhook call): a bounded list of fingerprints.
 */
const MAX_REMEMBERED = 1000;

function fingerprint({ urn, files }: FilesReadyNotification): string {
	return createHash('sha256')
		.update(JSON.stringify([urn, [...files].sort()]))
		.digest('base64url')
		.slice(0, 22);
}

function remembered(staticData: IDataObject): string[] {
	if (!Array.isArray(staticData.emitted)) staticData.emitted = [];
	return staticData.emitted as string[];
}

export function alreadyEmitted(staticData: IDataObject, notification: FilesReadyNotification): boolean {
	return remembered(staticData).includes(fingerprint(notification));
}

export function rememberEmitted(staticData: IDataObject, notification: FilesReadyNotification): void {
	const list = remembered(staticData);
	list.push(fingerprint(notification));
	if (list.length > MAX_REMEMBERED) staticData.emitted = list.slice(-MAX_REMEMBERED);
}
