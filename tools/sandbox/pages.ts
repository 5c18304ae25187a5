// HTML pages of the prepared-form flow: the pre-filled form, the login page a spent token leads
// to, and the confirmation after submitting.
import { FORM_FIELDS } from './form-fields';
import type { Referral } from './store';
import type { PracticeSeed } from './types';

export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(title: string, body: string): string {
	return (
		`<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>\n` +
		`<body>\n<h1>${escapeHtml(title)}</h1>\n${body}\n</body></html>\n`
	);
}

/** The prepared form with every field the API received pre-filled. */
export function preparedFormPage(referral: Referral, practice: PracticeSeed): string {
	const p = referral.params;
	const field = (name: string, label: string) =>
		`<p><label for="${name}">${escapeHtml(label)}</label> ` +
		`<input id="${name}" name="${name}" value="${escapeHtml(p[name] ?? '')}" readonly></p>`;
	if (referral.submission) {
		return page(
			`Referral ${referral.urn}`,
			`<p id="submitted">This referral was submitted: ${escapeHtml(referral.submission.status)}.</p>`,
		);
	}
	const formTypeField = p.form_type
		? `<p>Form type: <strong id="form_type">${escapeHtml(p.form_type)}</strong></p>`
		: `<p><label for="form_type">Form type</label> <select id="form_type" name="form_type">` +
			practice.forms
				.map((form) => `<option value="${escapeHtml(form)}">${escapeHtml(form)}</option>`)
				.join('') +
			`</select></p>`;
	const body =
		`<p>Practice: <span id="practice">${escapeHtml(practice.name)}</span> &middot; URN <span id="urn">${referral.urn}</span></p>\n` +
		`<p>Care type: ${p.urgent === '1' ? 'Urgent' : 'Routine'}</p>\n` +
		`<form id="referral-form" method="post" action="/prepared_forms/submit/${escapeHtml(referral.token ?? '')}">\n` +
		formTypeField +
		FORM_FIELDS.map(([name, label]) => field(name, label)).join('\n') +
		`\n<p><label for="referrer_name">Referrer name</label> <input id="referrer_name" name="referrer_name" value="${escapeHtml(p.referrer_name ?? '')}"></p>` +
		`\n<p><label for="referral_reason">Reason for referral</label> <input id="referral_reason" name="referral_reason" value="Restorative"></p>` +
		`\n<p><button type="submit" id="submit">Submit referral</button></p>\n</form>`;
	return page(`Referral form ${referral.urn}`, body);
}

/** What a spent prepared-form link shows without the session its first open created. */
export function loginPage(): string {
	return page(
		'Log in to Dental Referrals',
		'<p id="login-required">This link has already been used. Please log in to continue.</p>\n' +
			'<form id="login" method="post" action="/users/sign_in">' +
			'<p><label for="email">Email</label> <input id="email" name="email" type="email"></p>' +
			'<p><label for="password">Password</label> <input id="password" name="password" type="password"></p>' +
			'<p><button type="submit">Log in</button></p></form>',
	);
}

export function submittedPage(urn: string, files: string[]): string {
	return page(
		`Referral ${urn} submitted`,
		`<p id="submitted">Thank you. Referral <strong>${urn}</strong> has been submitted.</p>\n<ul>` +
			files.map((file) => `<li>${escapeHtml(file.slice(file.lastIndexOf('/') + 1))}</li>`).join('') +
			'</ul>',
	);
}

export function messagePage(title: string, message: string): string {
	return page(title, `<p id="message">${escapeHtml(message)}</p>`);
}
