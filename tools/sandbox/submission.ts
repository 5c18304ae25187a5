// What happens when the person submits a prepared form or a draft: the referral enters the
// status methods, its fileupload expires, its PDFs become downloadable and the files-ready
// webhook (if any) is called in the background.
import { SandboxError } from './errors';
import { FORM_FIELDS } from './form-fields';
import { buildPdf } from './pdf';
import type { Referral, SandboxStore } from './store';
import type { SubmitOptions, SubmittedReferral } from './types';
import type { WebhookDispatcher } from './webhooks';

export const INITIAL_STATUS = 'Entered on System';

/** Finds the referral from a URN, a prepared-form token or a whole prepared_form_url. */
export function findReferral(store: SandboxStore, urnOrToken: string): Referral | undefined {
	const key = urnOrToken.trim();
	const token = /\/prepared_forms\/show\/([^/?#]+)/.exec(key)?.[1] ?? key;
	return store.referralByUrn(key) ?? store.referralByToken(token);
}

export function formPageLines(referral: Referral, practiceName: string, formType: string): string[] {
	const p = referral.params;
	const lines = [
		`Dental Referrals - ${formType}`,
		`Referral URN: ${referral.urn}`,
		`Form type: ${formType}`,
		`Practice: ${practiceName}`,
		`Care type: ${p.urgent === '1' ? 'Urgent' : 'Routine'}`,
		'',
	];
	for (const [name, label] of FORM_FIELDS) if (p[name]) lines.push(`${label}: ${p[name]}`);
	return lines;
}

export function submitReferral(
	store: SandboxStore,
	webhooks: WebhookDispatcher,
	origin: string,
	urnOrToken: string,
	options: SubmitOptions = {},
): SubmittedReferral {
	const referral = findReferral(store, urnOrToken);
	if (!referral) throw new SandboxError(404, `No prepared form or draft found for '${urnOrToken}'`);
	if (referral.submission) throw new SandboxError(409, `Referral ${referral.urn} has already been submitted`);
	const practice = store.practice(referral.apiKey);
	if (!practice) throw new SandboxError(404, `The practice of ${referral.urn} no longer exists`);

	// With system_type=SE and no form_type the user picks the form in the browser.
	const formType = referral.params.form_type || options.formType || practice.forms[0];
	if (!practice.forms.includes(formType)) {
		throw new SandboxError(400, `form_type '${formType}' is not enabled for ${practice.name}`);
	}
	const referrerName = options.referrerName ?? (referral.params.referrer_name || 'Dr Jane Doe');
	const referralReason = options.referralReason ?? 'Restorative';

	const fileupload =
		referral.fileuploadId !== undefined ? store.fileupload(referral.fileuploadId) : undefined;
	if (fileupload) fileupload.expiredBy = referral.urn;

	const formLines = [
		...formPageLines(referral, practice.name, formType),
		`Referrer: ${referrerName}`,
		`Reason for referral: ${referralReason}`,
		...(fileupload?.files.length ? ['', 'Attached files:'] : []),
		...(fileupload?.files ?? []).map(
			(f) => `- ${f.filename} (${f.kind}${f.date ? `, ${f.date}` : ''}, ${f.contentType}, ${f.size} bytes)`,
		),
	];
	const historyLines = [
		`Medical history - ${referral.urn}`,
		`Form type: ${formType}`,
		`Medications: ${referral.params.medical_history_drugs || 'none recorded'}`,
		`Medical history: ${referral.params.medical_history_text || 'none recorded'}`,
	];
	const pdfs: Array<{ filename: string; bytes: Buffer }> =
		referral.params.medical_forms_as_single_file === '1'
			? [
					{
						filename: `${referral.urn}.pdf`,
						bytes: buildPdf(`${referral.urn} ${formType}`, [formLines, historyLines]),
					},
				]
			: [
					{
						filename: `${referral.urn}_${formType}.pdf`,
						bytes: buildPdf(`${referral.urn} ${formType}`, [formLines]),
					},
					{
						filename: `${referral.urn}_MH.pdf`,
						bytes: buildPdf(`${referral.urn} medical history`, [historyLines]),
					},
				];
	// The real system exports PDFs in a background queue; here they exist as soon as submit returns,
	// and the webhook still fires asynchronously.
	const files = pdfs.map(({ filename, bytes }) => {
		const document = store.addDocument({
			apiKey: referral.apiKey,
			urn: referral.urn,
			filename,
			size: bytes.length,
			bytes,
		});
		return origin + document.path;
	});

	referral.submission = {
		at: Date.now(),
		sequence: store.nextSubmissionSequence(),
		status: INITIAL_STATUS,
		referrerName,
		referralReason,
		formType,
		files,
	};
	if (referral.params.files_ready_webhook_url && !options.skipWebhook) {
		webhooks.deliver(referral.urn, referral.params.files_ready_webhook_url, files);
	}
	return { urn: referral.urn, files: [...files] };
}
