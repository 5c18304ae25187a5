import type { INodeProperties } from 'n8n-workflow';

import type { Operations } from '../node-type';
import * as addFile from './add-file.operation';
import * as create from './create.operation';
import * as upload from './upload.operation';

export const operations: Operations<'fileUpload'> = { create, addFile, upload };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['fileUpload'] } },
		options: [
			{
				name: 'Add File',
				value: 'addFile',
				description: 'Upload a file (e.g. a radiograph) to an existing file upload',
				action: 'Add a file to a file upload',
			},
			{
				name: 'Prepare File Upload',
				value: 'create',
				description: 'Create a file upload that files are added to and a form or draft refers to',
				action: 'Prepare a file upload',
			},
			{
				name: 'Upload Files',
				value: 'upload',
				description: 'Prepare a file upload and add every chosen binary file to it, in one step',
				action: 'Upload files',
			},
		],
		default: 'upload',
	},
	...addFile.description,
	...upload.description,
];
