/**
 * The patient and referrer fields of a prepared form, in the order the API documentation's
 * Prepare Form parameter table lists them, with the label the form page and the form's PDF show.
 * One table for both, so the page and the PDF cannot drift. Not here: system_type and form_type
 * (how the form is chosen, shown on their own), referrer_name (an editable field of the page),
 * and the flags (urgent, medical_forms_as_single_file) and links the API acts on.
 */
export const FORM_FIELDS: ReadonlyArray<readonly [name: string, label: string]> = [
	['patient_title', 'Title'],
	['patient_first_name', 'First name'],
	['patient_last_name', 'Last name'],
	['patient_dob', 'Date of birth'],
	['patient_postcode', 'Postcode'],
	['patient_email', 'Email'],
	['patient_address_line_1', 'Address line 1'],
	['patient_address_line_2', 'Address line 2'],
	['patient_address_line_3', 'Address line 3'],
	['patient_town', 'Town'],
	['patient_mobile_tel', 'Mobile'],
	['patient_home_tel', 'Home phone'],
	['patient_work_tel', 'Work phone'],
	['patient_phone_number', 'Phone'],
	['permission_sms', 'SMS permission'],
	['nhs_number', 'NHS number'],
	['gender', 'Gender'],
	['patient_gp_name', 'GP name'],
	['patient_gp_postcode', 'GP postcode'],
	['patient_gp_street_address', 'GP address'],
	['patient_gp_town', 'GP town'],
	['referrer_gdc', 'Referrer GDC'],
	['medical_history_drugs', 'Medications'],
	['medical_history_text', 'Medical history'],
];
