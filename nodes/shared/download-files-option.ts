import type { INodeProperties } from 'n8n-workflow';

/**
 * The "Download Files" option of the trigger, the status trigger and Wait for PDFs: the same
 * parameter everywhere; only which PDFs it covers differs (and Wait for PDFs turns it on by default).
 */
export function downloadFilesOption(which: string, order: string): INodeProperties {
	return {
		displayName: 'Download Files',
		name: 'downloadFiles',
		type: 'boolean',
		default: false,
		description: `Whether to download ${which} (with the credential, only from the credential's API origin) into binary properties file_0, file_1, … in the order of ${order}`,
	};
}
