import { apiRequests, useSandbox } from '../../../../tools/engine/sandbox-workflow';
import { newFileUpload } from './new-file-upload';

describe('fileUpload resource', () => {
	const sandbox = useSandbox();

	it('Prepare File Upload returns a numeric id', async () => {
		const id = await newFileUpload(sandbox());
		expect(Number.isInteger(id)).toBe(true);
		expect(apiRequests(sandbox(), 'prepare_fileupload')).toHaveLength(1);
	});
});
