"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.INITIAL_STATUS = void 0;
exports.findReferral = findReferral;
exports.formPageLines = formPageLines;
exports.submitReferral = submitReferral;
// What happens when the person submits a prepared form or a draft: the referral enters the
// status methods, its fileupload expires, its PDFs become downloadable and the files-ready
// webhook (if any) is called in the background.
const errors_1 = require("./errors");
const pdf_1 = require("./pdf");
exports.INITIAL_STATUS = 'Entered on System';
const LABELS = [
    ['patient_title', 'Title'],
    ['patient_first_name', 'First name'],
    ['patient_last_name', 'Last name'],
    ['patient_dob', 'Date of birth'],
    ['gender', 'Gender'],
    ['nhs_number', 'NHS number'],
    ['patient_address_line_1', 'Address line 1'],
    ['patient_address_line_2', 'Address line 2'],
    ['patient_address_line_3', 'Address line 3'],
    ['patient_town', 'Town'],
    ['patient_postcode', 'Postcode'],
    ['patient_email', 'Email'],
    ['patient_mobile_tel', 'Mobile'],
    ['patient_home_tel', 'Home phone'],
    ['patient_work_tel', 'Work phone'],
    ['patient_phone_number', 'Phone'],
    ['permission_sms', 'SMS permission'],
    ['patient_gp_name', 'GP name'],
    ['patient_gp_street_address', 'GP address'],
    ['patient_gp_town', 'GP town'],
    ['patient_gp_postcode', 'GP postcode'],
    ['referrer_gdc', 'Referrer GDC'],
    ['system_type', 'System type'],
];
/** Finds the referral from a URN, a prepared-form token or a whole prepared_form_url. */
function findReferral(store, urnOrToken) {
    const key = urnOrToken.trim();
    const token = /\/prepared_forms\/show\/([^/?#]+)/.exec(key)?.[1] ?? key;
    return store.referralByUrn(key) ?? store.referralByToken(token);
}
function formPageLines(referral, practiceName, formType) {
    const p = referral.params;
    const lines = [
        `Dental Referrals - ${formType}`,
        `Referral URN: ${referral.urn}`,
        `Form type: ${formType}`,
        `Practice: ${practiceName}`,
        `Care type: ${p.urgent === '1' ? 'Urgent' : 'Routine'}`,
        '',
    ];
    for (const [name, label] of LABELS)
        if (p[name])
            lines.push(`${label}: ${p[name]}`);
    return lines;
}
function submitReferral(store, webhooks, origin, urnOrToken, options = {}) {
    const referral = findReferral(store, urnOrToken);
    if (!referral)
        throw new errors_1.SandboxError(404, `No prepared form or draft found for '${urnOrToken}'`);
    if (referral.submission)
        throw new errors_1.SandboxError(409, `Referral ${referral.urn} has already been submitted`);
    const practice = store.practice(referral.apiKey);
    if (!practice)
        throw new errors_1.SandboxError(404, `The practice of ${referral.urn} no longer exists`);
    // With system_type=SE and no form_type the user picks the form in the browser.
    const formType = referral.params.form_type || options.formType || practice.forms[0];
    if (!practice.forms.includes(formType)) {
        throw new errors_1.SandboxError(400, `form_type '${formType}' is not enabled for ${practice.name}`);
    }
    const referrerName = options.referrerName ?? (referral.params.referrer_name || 'Dr Jane Doe');
    const referralReason = options.referralReason ?? 'Restorative';
    const fileupload = referral.fileuploadId !== undefined ? store.fileupload(referral.fileuploadId) : undefined;
    if (fileupload)
        fileupload.expiredBy = referral.urn;
    const formLines = [
        ...formPageLines(referral, practice.name, formType),
        `Referrer: ${referrerName}`,
        `Reason for referral: ${referralReason}`,
        ...(fileupload?.files.length ? ['', 'Attached files:'] : []),
        ...(fileupload?.files ?? []).map((f) => `- ${f.filename} (${f.kind}${f.date ? `, ${f.date}` : ''}, ${f.contentType}, ${f.size} bytes)`),
    ];
    const historyLines = [
        `Medical history - ${referral.urn}`,
        `Form type: ${formType}`,
        `Medications: ${referral.params.medical_history_drugs || 'none recorded'}`,
        `Medical history: ${referral.params.medical_history_text || 'none recorded'}`,
    ];
    const pdfs = referral.params.medical_forms_as_single_file === '1'
        ? [
            {
                filename: `${referral.urn}.pdf`,
                bytes: (0, pdf_1.buildPdf)(`${referral.urn} ${formType}`, [formLines, historyLines]),
            },
        ]
        : [
            {
                filename: `${referral.urn}_${formType}.pdf`,
                bytes: (0, pdf_1.buildPdf)(`${referral.urn} ${formType}`, [formLines]),
            },
            {
                filename: `${referral.urn}_MH.pdf`,
                bytes: (0, pdf_1.buildPdf)(`${referral.urn} medical history`, [historyLines]),
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
        status: exports.INITIAL_STATUS,
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
//# sourceMappingURL=submission.js.map