import type { INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { checkPdfUrls, downloadPdfs } from '../shared/pdf-files';
import type { ReferralEvent } from './events';

/** The events whose item carries the referral's PDFs when Download Files is on. */
const CARRIES_FILES: ReadonlySet<ReferralEvent['event']> = new Set(['newReferral', 'filesReady', 'sample']);

function documentUrls(event: ReferralEvent): string[] {
	const files = event.referral.referral_files;
	return Array.isArray(files)
		? files.filter((file): file is string => typeof file === 'string' && file !== '')
		: [];
}

/**
 * The output item of an event, with the referral's PDFs as binary file_0, file_1, … (in the
 * order of referral_files) when asked. Every URL is checked against the credential's origin
 * before any download, so a foreign URL is never requested. A refused URL or a failed download
 * does not fail the poll (the other events would be lost with it): the item goes out without
 * binary data and with `downloadError`; its URLs stay in `referral.referral_files`.
 */
export async function eventItem(
	this: IPollFunctions,
	event: ReferralEvent,
	downloadFiles: boolean,
): Promise<INodeExecutionData> {
	const urls = documentUrls(event);
	if (!downloadFiles || !urls.length || !CARRIES_FILES.has(event.event)) return { json: event };
	try {
		const locations = await checkPdfUrls.call(this, urls, 'referral_files');
		return { json: event, binary: await downloadPdfs.call(this, locations) };
	} catch (error) {
		return { json: { ...event, downloadError: (error as Error).message } };
	}
}
