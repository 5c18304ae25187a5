import type { Sandbox } from '../../tools/sandbox';

/** Calls the sandbox API directly (test setup only), with practice 0's key. */
export async function callApi(
	sandbox: Sandbox,
	method: 'GET' | 'POST',
	endpoint: string,
	form?: Record<string, string>,
): Promise<Record<string, unknown>> {
	const response = await fetch(new URL(endpoint, sandbox.baseUrl), {
		method,
		headers: {
			Authorization: `Token token=${sandbox.practices[0].apiKey}`,
			...(form ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}),
		},
		body: form ? new URLSearchParams(form).toString() : undefined,
	});
	return (await response.json()) as Record<string, unknown>;
}

/** A submitted referral of practice 0 (so its status, its PDFs and its PTGUID exist). */
export async function submittedReferral(
	sandbox: Sandbox,
	patientIdentifier: string,
): Promise<{ urn: string; ptguid: string; files: string[] }> {
	const prepared = await callApi(sandbox, 'POST', 'prepare_form', {
		form_type: sandbox.practices[0].forms[0],
		patient_dob: '01/02/1980',
		patient_identifier: patientIdentifier,
	});
	const submitted = await sandbox.submit(String(prepared.urn));
	return { urn: submitted.urn, ptguid: String(prepared.ptguid), files: submitted.files };
}
