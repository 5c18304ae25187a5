import type { INodeProperties } from 'n8n-workflow';

/** API documentation, “Add File”: the supported Upload-Content-Type values. */
export const SUPPORTED_MIME_TYPES = [
	'image/jpeg',
	'image/jpg',
	'image/bmp',
	'image/tiff',
	'image/png',
	'text/rtf',
	'application/pdf',
	'application/msword',
	'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
];

/*
 * n8n names a binary's type with the `mime-types` package: n8n-core's prepareBinaryData and
 * copyBinaryFile (binary-helper-functions.js) call its lookup(), which with mime-db 1.54 gives
 * .rtf → application/rtf (not the API's text/rtf), .jfif → image/pjpeg, .dib → image/bmp and
 * .dot → application/msword; mime-db also lists image/x-ms-bmp for .bmp. Browsers and older
 * systems send the remaining names below for the same formats. Each is sent under the name the
 * API documents. text/richtext is not here: mime-db gives it to .rtx (RFC 1341 richtext), not RTF.
 */
export const MIME_ALIASES: Record<string, string> = {
	// Documented too, but image/jpeg is the API's first name and its own example's.
	'image/jpg': 'image/jpeg',
	'image/pjpeg': 'image/jpeg',
	'image/x-ms-bmp': 'image/bmp',
	'image/x-bmp': 'image/bmp',
	'image/x-windows-bmp': 'image/bmp',
	'image/tif': 'image/tiff',
	'image/x-tiff': 'image/tiff',
	'image/x-png': 'image/png',
	'application/rtf': 'text/rtf',
	'application/x-rtf': 'text/rtf',
};

// For binaries whose MIME type is generic (application/octet-stream) or missing: every
// extension mime-db gives one of the documented kinds (or an alias above).
export const MIME_BY_EXTENSION: Record<string, string> = {
	jpg: 'image/jpeg',
	jpeg: 'image/jpeg',
	jpe: 'image/jpeg',
	jfif: 'image/jpeg',
	bmp: 'image/bmp',
	dib: 'image/bmp',
	tif: 'image/tiff',
	tiff: 'image/tiff',
	png: 'image/png',
	rtf: 'text/rtf',
	pdf: 'application/pdf',
	doc: 'application/msword',
	dot: 'application/msword',
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** Fields shared by Add File and Upload Files. */
export const uploadFields: INodeProperties[] = [
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		placeholder: 'data, radiograph',
		hint: 'The name of the input binary field(s) holding the file(s); separate several with commas',
		description: 'Name of the binary property (or comma-separated properties) of the input item to upload',
	},
	{
		displayName: 'Upload Kind',
		name: 'uploadKind',
		type: 'options',
		options: [
			{ name: 'Other', value: 'other' },
			{ name: 'Radiograph', value: 'radiograph' },
		],
		default: 'other',
		description: 'What the file is; a radiograph needs the date it was taken',
	},
	{
		displayName: 'Upload Date',
		name: 'uploadDate',
		type: 'string',
		default: '',
		placeholder: '29/01/2016',
		description:
			'Date the radiograph was taken: DD/MM/YYYY, an ISO date or a date from an expression; sent as DD/MM/YYYY',
		displayOptions: { show: { uploadKind: ['radiograph'] } },
	},
];
