"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.patientFields = exports.formTypeField = exports.SYSTEM_TYPES = void 0;
exports.patientForm = patientForm;
const dates_1 = require("../helpers/dates");
const notification_fields_1 = require("./notification.fields");
const input_error_1 = require("../helpers/input-error");
const parameters_1 = require("../helpers/parameters");
const node_of_1 = require("../../shared/node-of");
const TITLES = ['Mr', 'Mrs', 'Miss', 'Master', 'Dr'];
const GENDERS = ['M', 'MALE', 'F', 'FEMALE'];
exports.SYSTEM_TYPES = ['WD', 'WT', 'PD', 'PC', 'DN', 'DT', 'SE'];
function text(displayName, name, apiName, description, rows = 1) {
    return {
        apiName,
        kind: 'text',
        property: {
            displayName,
            name,
            type: 'string',
            default: '',
            description,
            ...(rows > 1 ? { typeOptions: { rows } } : {}),
        },
    };
}
function flag(displayName, name, apiName, description) {
    return {
        apiName,
        kind: 'flag',
        property: { displayName, name, type: 'boolean', default: false, description },
    };
}
const ADDITIONAL_FIELDS = [
    text('Address Line 1', 'patientAddressLine1', 'patient_address_line_1', "Patient's address line 1. The address lines are joined into one address field on the form."),
    text('Address Line 2', 'patientAddressLine2', 'patient_address_line_2', "Patient's address line 2"),
    text('Address Line 3', 'patientAddressLine3', 'patient_address_line_3', "Patient's address line 3"),
    {
        apiName: 'patient_email',
        kind: 'email',
        property: {
            displayName: 'Email',
            name: 'patientEmail',
            type: 'string',
            placeholder: 'name@email.com',
            default: '',
            description: "Patient's email address",
        },
    },
    {
        apiName: 'fileupload_id',
        kind: 'id',
        property: {
            displayName: 'File Upload ID',
            name: 'fileuploadId',
            type: 'number',
            default: 0,
            description: 'ID of a file upload (from Prepare File Upload or Upload Files) whose files are attached to this referral',
        },
    },
    {
        apiName: 'files_ready_webhook_url',
        kind: 'url',
        property: {
            displayName: 'Files Ready Webhook URL',
            name: 'filesReadyWebhookUrl',
            type: 'string',
            default: '',
            placeholder: 'https://n8n.example.com/webhook/…',
            description: 'URL the API POSTs {"urn", "files"} to once the referral is submitted and its PDFs exist',
        },
    },
    text('First Name', 'patientFirstName', 'patient_first_name', "Patient's first name"),
    {
        apiName: 'gender',
        kind: 'choice',
        choices: GENDERS,
        property: {
            displayName: 'Gender',
            name: 'gender',
            type: 'options',
            options: [
                { name: 'F', value: 'F' },
                { name: 'FEMALE', value: 'FEMALE' },
                { name: 'M', value: 'M' },
                { name: 'MALE', value: 'MALE' },
            ],
            default: 'F',
            description: "Patient's gender",
        },
    },
    text('GP Name', 'patientGpName', 'patient_gp_name', "Name of the patient's general practitioner"),
    text('GP Postcode', 'patientGpPostcode', 'patient_gp_postcode', "Postcode of the patient's general practitioner"),
    text('GP Street Address', 'patientGpStreetAddress', 'patient_gp_street_address', "Street address of the patient's general practitioner"),
    text('GP Town', 'patientGpTown', 'patient_gp_town', "City or town of the patient's general practitioner"),
    text('Home Phone', 'patientHomeTel', 'patient_home_tel', "Patient's home phone number"),
    text('Last Name', 'patientLastName', 'patient_last_name', "Patient's last name"),
    text('Medical Alerts and History', 'medicalHistoryText', 'medical_history_text', 'Medical alert information or further medical history, as free text', 4),
    flag('Medical Forms as Single File', 'medicalFormsAsSingleFile', 'medical_forms_as_single_file', 'Whether the exported PDF forms are merged into one file in the files-ready notification'),
    text('Medications', 'medicalHistoryDrugs', 'medical_history_drugs', "The patient's current medications, as free text", 4),
    text('Mobile Phone', 'patientMobileTel', 'patient_mobile_tel', "Patient's mobile phone number"),
    {
        apiName: 'nhs_number',
        kind: 'digits',
        property: {
            displayName: 'NHS Number',
            name: 'nhsNumber',
            type: 'string',
            default: '',
            placeholder: '943 476 5919',
            description: "Patient's NHS number; spaces and hyphens are removed before sending",
        },
    },
    text('Patient Identifier', 'patientIdentifier', 'patient_identifier', "Your system's own ID for the patient. The API derives the PTGUID from it, for Get by Patient."),
    flag('Permission to SMS', 'permissionSms', 'permission_sms', 'Whether the patient may be contacted by SMS on their mobile number'),
    text('Phone Number', 'patientPhoneNumber', 'patient_phone_number', 'A phone number that is not known to be home, work or mobile'),
    text('Postcode', 'patientPostcode', 'patient_postcode', "Patient's postcode"),
    text('Referrer GDC Number', 'referrerGdc', 'referrer_gdc', "Referrer's General Dental Council number"),
    text('Referrer Name', 'referrerName', 'referrer_name', "Referrer's name"),
    {
        apiName: 'system_type',
        kind: 'choice',
        choices: exports.SYSTEM_TYPES,
        property: {
            displayName: 'System Type',
            name: 'systemType',
            type: 'options',
            options: exports.SYSTEM_TYPES.map((value) => ({
                name: value,
                value,
                description: value === 'SE' ? 'The user picks the form type in the browser (Prepare Form only)' : undefined,
            })),
            default: 'WD',
            description: 'Which kind of system is calling the API; the API assumes WD when it is not sent',
        },
    },
    {
        apiName: 'patient_title',
        kind: 'choice',
        choices: TITLES,
        property: {
            displayName: 'Title',
            name: 'patientTitle',
            type: 'options',
            options: [...TITLES].sort().map((value) => ({ name: value, value })),
            default: 'Mr',
            description: "Patient's title",
        },
    },
    text('Town', 'patientTown', 'patient_town', "Patient's town or city"),
    flag('Urgent', 'urgent', 'urgent', 'Whether the care type is Urgent (otherwise Routine)'),
    text('Work Phone', 'patientWorkTel', 'patient_work_tel', "Patient's work phone number"),
];
const formTypeField = (required) => ({
    displayName: 'Form Type Name or ID',
    name: 'formType',
    type: 'options',
    typeOptions: { loadOptionsMethod: 'getFormTypes' },
    default: '',
    required,
    description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
    ...(required
        ? {}
        : { hint: 'May be left empty only with System Type SE: the user then picks the form in the browser' }),
});
exports.formTypeField = formTypeField;
exports.patientFields = [
    {
        displayName: 'Patient Date of Birth',
        name: 'patientDob',
        type: 'string',
        default: '',
        required: true,
        placeholder: '31/01/1980',
        description: 'DD/MM/YYYY, an ISO date (1980-01-31) or a date from an expression; always sent as DD/MM/YYYY',
    },
    {
        displayName: 'Additional Fields',
        name: 'additionalFields',
        type: 'collection',
        placeholder: 'Add Field',
        default: {},
        options: ADDITIONAL_FIELDS.map((field) => field.property),
    },
    ...notification_fields_1.notificationFields,
];
const FIELD_BY_NAME = new Map(ADDITIONAL_FIELDS.map((field) => [field.property.name, field]));
function isEmpty(value) {
    return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}
function choiceValue(choices, value) {
    const wanted = value.toLowerCase();
    return choices.find((choice) => choice.toLowerCase() === wanted);
}
/** One additional field's value as the API wants it, or undefined for "not set". */
function fieldValue(node, itemIndex, field, value) {
    const label = field.property.displayName;
    if (field.kind === 'flag')
        return (0, parameters_1.toFlag)(node, itemIndex, label, value);
    if (field.kind === 'id') {
        const id = (0, parameters_1.toNumber)(node, itemIndex, label, value);
        // 0 is the field's "not set" default.
        if (id === 0)
            return undefined;
        if (!Number.isSafeInteger(id) || id < 0) {
            throw (0, input_error_1.inputError)(node, itemIndex, label, `must be a whole number of at least 1, got ${id}`);
        }
        return String(id);
    }
    const text = (0, parameters_1.toText)(node, itemIndex, label, value).trim();
    switch (field.kind) {
        case 'choice': {
            const choice = choiceValue(field.choices ?? [], text);
            if (!choice) {
                throw (0, input_error_1.inputError)(node, itemIndex, label, `"${text.slice(0, 40)}" is not one of ${(field.choices ?? []).join(', ')}`);
            }
            return choice;
        }
        case 'digits': {
            const digits = text.replace(/[\s-]/g, '');
            if (!/^\d+$/.test(digits))
                throw (0, input_error_1.inputError)(node, itemIndex, label, 'must contain digits only');
            return digits;
        }
        case 'url': {
            let url;
            try {
                url = new URL(text);
            }
            catch {
                url = undefined;
            }
            if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
                throw (0, input_error_1.inputError)(node, itemIndex, label, 'must be an absolute http(s) URL');
            }
            return url.href;
        }
        case 'email':
            if (!/^[^\s@]+@[^\s@]+$/.test(text))
                throw (0, input_error_1.inputError)(node, itemIndex, label, `"${text.slice(0, 40)}" is not an email address`);
            return text;
        default:
            // Free text is sent as typed (only surrounding white space trimmed).
            return text;
    }
}
/** Reads the shared fields of item `itemIndex` and returns the API's form body, or throws naming the field. */
async function patientForm(itemIndex, options) {
    const node = (0, node_of_1.nodeOf)(this);
    const form = {};
    const additional = parameters_1.nodeParameter.call(this, 'additionalFields', itemIndex, {});
    for (const [name, value] of Object.entries(additional)) {
        const field = FIELD_BY_NAME.get(name);
        if (!field || isEmpty(value))
            continue;
        form[field.apiName] = fieldValue(node, itemIndex, field, value) ?? '';
        if (form[field.apiName] === '')
            delete form[field.apiName];
    }
    const notifyUrl = await notification_fields_1.notificationUrl.call(this, itemIndex, form.files_ready_webhook_url);
    if (notifyUrl)
        form.files_ready_webhook_url = notifyUrl;
    const dob = (0, dates_1.toApiDate)(parameters_1.nodeParameter.call(this, 'patientDob', itemIndex, ''));
    if (!dob.ok)
        throw (0, input_error_1.inputError)(node, itemIndex, 'Patient Date of Birth', dob.problem, 'Use DD/MM/YYYY or YYYY-MM-DD.');
    form.patient_dob = dob.value;
    const formType = parameters_1.textParameter.call(this, 'formType', itemIndex, 'Form Type');
    if (formType !== '') {
        form.form_type = formType;
    }
    else if (!(options.formTypeOptionalForSE && form.system_type === 'SE')) {
        throw (0, input_error_1.inputError)(node, itemIndex, 'Form Type', options.formTypeOptionalForSE ? 'is required unless System Type is SE' : 'is required');
    }
    return form;
}
//# sourceMappingURL=patient.fields.js.map