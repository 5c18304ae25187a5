import type { IBinaryData, IExecuteFunctions } from 'n8n-workflow';

import type { UploadFile } from '../../shared/api';
import { nodeOf } from '../../shared/node-of';
import { MIME_ALIASES, MIME_BY_EXTENSION, SUPPORTED_MIME_TYPES } from '../descriptions/upload.fields';
import { toApiDate } from './dates';
import { inputError } from './input-error';
import { textParameter } from './parameters';

const MAX_FILE_NAME_LENGTH = 255;

/**
 * Header values must be ASCII: a file name like "röntgen.jpg" would make Node refuse the
 * request. The API documentation says nothing about encoding, so other characters are percent-encoded
 * in Upload-Filename (the multipart part keeps the name as it is, in UTF-8). When it is
 * percent-encoded, a literal % is encoded too (%25), so a server that decodes the header gets
 * the exact name back ("100% röntgen.jpg" is not read as an escape). An ASCII name is sent as is.
 */
function headerSafe(value: string): string {
	// A lone UTF-16 surrogate cannot be percent-encoded: it becomes U+FFFD first.
	const wellFormed = value.replace(
		/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
		'\uFFFD',
	);
	if (!/[^\x20-\x7e]/u.test(wellFormed)) return wellFormed;
	return wellFormed.replace(/[^\x20-\x24\x26-\x7e]/gu, (char) => encodeURIComponent(char));
}

/** One file of an item, checked and ready to stream. */
export interface PlannedUpload {
	property: string;
	fileName: string;
	mimeType: string;
	headers: Record<string, string>;
	open(): Promise<UploadFile>;
}

// Binary metadata may say "constructor" or "__proto__": only the tables' own entries count.
function own(table: Record<string, string>, key: string): string | undefined {
	return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

/** The documented Upload-Content-Type for a binary, or undefined when the API cannot take it. */
function supportedMimeType(binary: IBinaryData): string | undefined {
	// Binary metadata set by other nodes or code may be anything: only text counts.
	const declared = (typeof binary.mimeType === 'string' ? binary.mimeType : '')
		.split(';')[0]
		.trim()
		.toLowerCase();
	const documented = own(MIME_ALIASES, declared) ?? declared;
	if (SUPPORTED_MIME_TYPES.includes(documented)) return documented;
	if (declared === '' || declared === 'application/octet-stream') {
		const extension =
			(typeof binary.fileName === 'string' ? binary.fileName : '').split('.').pop()?.toLowerCase() ?? '';
		return own(MIME_BY_EXTENSION, extension);
	}
	return undefined;
}

/**
 * Reads and checks the upload fields of item `itemIndex`: every named binary property must
 * exist with a supported MIME type, and a radiograph needs a real date. Nothing is read
 * from the binary store yet; `open()` streams the bytes when the request is sent.
 */
export function planUploads(this: IExecuteFunctions, itemIndex: number): PlannedUpload[] {
	const node = nodeOf(this);
	const names = textParameter
		.call(this, 'binaryPropertyName', itemIndex, 'Input Binary Field', 'data')
		.split(',')
		.map((name) => name.trim())
		.filter(Boolean);
	if (names.length === 0) throw inputError(node, itemIndex, 'Input Binary Field', 'is required');

	const kind = textParameter.call(this, 'uploadKind', itemIndex, 'Upload Kind', 'other');
	if (kind !== 'radiograph' && kind !== 'other') {
		throw inputError(node, itemIndex, 'Upload Kind', `"${kind}" is not one of radiograph, other`);
	}
	const shared: Record<string, string> = { 'Upload-Kind': kind };
	const rawDate = kind === 'radiograph' ? this.getNodeParameter('uploadDate', itemIndex, '') : '';
	if (kind === 'radiograph') {
		const date = toApiDate(rawDate);
		if (!date.ok) {
			throw inputError(
				node,
				itemIndex,
				'Upload Date',
				`${date.problem}; a radiograph needs the date it was taken`,
			);
		}
		shared['Upload-Date'] = date.value;
	}

	const item = this.getInputData()[itemIndex];
	return names.map((property) => {
		const binary = item?.binary?.[property];
		if (!binary) {
			const present = Object.keys(item?.binary ?? {});
			throw inputError(
				node,
				itemIndex,
				'Input Binary Field',
				`the item has no binary property "${property}"${present.length ? ` (it has: ${present.join(', ')})` : ' (it has no binary data)'}`,
			);
		}
		const mimeType = supportedMimeType(binary);
		if (!mimeType) {
			throw inputError(
				node,
				itemIndex,
				'Input Binary Field',
				`"${property}" has MIME type ${typeof binary.mimeType === 'string' && binary.mimeType ? binary.mimeType.slice(0, 80) : '(none)'}, which the API does not accept`,
				`Supported: ${SUPPORTED_MIME_TYPES.join(', ')}`,
			);
		}
		const extension = typeof binary.fileExtension === 'string' ? binary.fileExtension : 'bin';
		const fileName =
			typeof binary.fileName === 'string' && binary.fileName !== ''
				? binary.fileName
				: `${property}.${extension}`;
		// Upload-Filename is a header: servers refuse headers of many kilobytes (Node: 16 KiB in all).
		if (fileName.length > MAX_FILE_NAME_LENGTH) {
			throw inputError(
				node,
				itemIndex,
				'Input Binary Field',
				`the file name of "${property}" is longer than ${MAX_FILE_NAME_LENGTH} characters`,
			);
		}
		return {
			property,
			fileName,
			mimeType,
			headers: { ...shared, 'Upload-Content-Type': mimeType, 'Upload-Filename': headerSafe(fileName) },
			open: async (): Promise<UploadFile> => {
				// n8n 2.x keeps binaries in a store (filesystem, database, S3): stream by id.
				if (binary.id) {
					const metadata = await this.helpers.getBinaryMetadata(binary.id);
					const content = await this.helpers.getBinaryStream(binary.id, 256 * 1024);
					return { fileName, mimeType, content, size: metadata.fileSize };
				}
				const content = await this.helpers.getBinaryDataBuffer(itemIndex, property);
				return { fileName, mimeType, content };
			},
		};
	});
}
