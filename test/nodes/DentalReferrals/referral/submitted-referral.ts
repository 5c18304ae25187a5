import { runNode } from '../../../../tools/engine/sandbox-workflow';
import type { Sandbox } from '../../../../tools/sandbox';

/** A referral prepared through the node and submitted in the sandbox (so its status, PDFs and PTGUID exist). */
export async function submittedReferral(sandbox: Sandbox, patientIdentifier: string, practice = 0) {
	const run = await runNode(
		sandbox,
		{
			resource: 'form',
			operation: 'prepare',
			formType: sandbox.practices[practice].forms[0],
			patientDob: '01/01/1970',
			additionalFields: { patientIdentifier, referrerName: 'Dr Who' },
		},
		{ practice },
	);
	const { urn, ptguid } = run.items[0].json as { urn: string; ptguid: string };
	const submitted = await sandbox.submit(urn, { referralReason: 'Restorative' });
	return { urn, ptguid, files: submitted.files };
}
