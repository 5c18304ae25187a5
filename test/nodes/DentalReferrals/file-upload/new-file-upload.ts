import { runNode } from '../../../../tools/engine/sandbox-workflow';
import type { Sandbox } from '../../../../tools/sandbox';

/** Prepare File Upload through the node; the new file upload's id. */
export async function newFileUpload(sandbox: Sandbox): Promise<number> {
	const run = await runNode(sandbox, { resource: 'fileUpload', operation: 'create' });
	expect(run.error).toBeUndefined();
	return run.items[0].json.fileupload_id as number;
}
