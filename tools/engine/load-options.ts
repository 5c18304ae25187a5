import { LoadOptionsContext } from 'n8n-core';
import type { INode } from 'n8n-workflow';

import type { Sandbox } from '../sandbox';
import { buildWorkflow } from './run-workflow';
import { dentalReferrals, sandboxCredential } from './sandbox-workflow';

/**
 * What n8n hands a node's loadOptions / listSearch method when the editor opens a dropdown or
 * a picker: n8n-core's LoadOptionsContext for the node with `parameters`, the practice's credential.
 */
export function loadOptionsContext(
	sandbox: Sandbox,
	parameters: INode['parameters'],
	options: { practice?: number; typeVersion?: number; path: string },
): LoadOptionsContext {
	const { workflow, additionalData } = buildWorkflow({
		nodes: [dentalReferrals(parameters, { typeVersion: options.typeVersion })],
		credentials: sandboxCredential(sandbox, options.practice),
	});
	return new LoadOptionsContext(
		workflow,
		workflow.getNode('Dental Referrals')!,
		additionalData,
		options.path,
	);
}
