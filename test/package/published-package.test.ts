import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { INodeProperties, INodeType } from 'n8n-workflow';

const root = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** The ten operations of the contract (../shared/design/contract.md), by resource, plus Wait for PDFs. */
const CONTRACT_OPERATIONS: Record<string, string[]> = {
	form: ['getTypes', 'prepare'],
	draft: ['save'],
	referral: ['get', 'getMany', 'getByPatient', 'waitForFiles'],
	fileUpload: ['create', 'addFile', 'upload'],
	document: ['download'],
};

const SHARED_ADDITIONAL_FIELDS = [
	'systemType',
	'patientTitle',
	'patientFirstName',
	'patientLastName',
	'patientPostcode',
	'patientEmail',
	'patientAddressLine1',
	'patientAddressLine2',
	'patientAddressLine3',
	'patientTown',
	'patientMobileTel',
	'patientHomeTel',
	'patientWorkTel',
	'patientPhoneNumber',
	'permissionSms',
	'nhsNumber',
	'gender',
	'patientGpName',
	'patientGpPostcode',
	'patientGpStreetAddress',
	'patientGpTown',
	'referrerGdc',
	'referrerName',
	'urgent',
	'medicalHistoryDrugs',
	'medicalHistoryText',
	'medicalFormsAsSingleFile',
	'filesReadyWebhookUrl',
	'patientIdentifier',
	'fileuploadId',
];

function shownFor(property: INodeProperties, resource: string, operation: string): boolean {
	const show = property.displayOptions?.show;
	return (
		(!show?.resource || show.resource.includes(resource)) &&
		(!show?.operation || show.operation.includes(operation))
	);
}

describe('the published package (built dist/, as n8n loads it)', () => {
	it('package.json: no runtime dependencies, n8n-workflow as the only peer, dist only', () => {
		expect(pkg.dependencies).toBeUndefined();
		expect(pkg.peerDependencies).toEqual({ 'n8n-workflow': '*' });
		expect(pkg.files).toEqual(['dist']);
		expect(pkg.keywords).toContain('n8n-community-node-package');
		for (const file of [...pkg.n8n.credentials, ...pkg.n8n.nodes]) {
			expect(existsSync(join(root, file))).toBe(true);
		}
	});

	it('the built node lists the ten operations of the contract (and Wait for PDFs) with its parameter names', async () => {
		const { DentalReferrals } = await import(
			join(root, 'dist/nodes/DentalReferrals/DentalReferrals.node.js')
		);
		const node: INodeType = new DentalReferrals();
		const { properties } = node.description;
		const resources = properties
			.find((p) => p.name === 'resource')
			?.options?.map((o) => (o as { value: string }).value);
		expect(resources?.sort()).toEqual(Object.keys(CONTRACT_OPERATIONS).sort());
		let count = 0;
		for (const [resource, operations] of Object.entries(CONTRACT_OPERATIONS)) {
			const selector = properties.find(
				(p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource),
			);
			expect(selector?.options?.map((o) => (o as { value: string }).value).sort()).toEqual(
				[...operations].sort(),
			);
			count += operations.length;
		}
		expect(count).toBe(11);

		for (const [resource, operation] of [
			['form', 'prepare'],
			['draft', 'save'],
		]) {
			const fields = properties.filter((p) => shownFor(p, resource, operation));
			expect(fields.map((p) => p.name)).toEqual(
				expect.arrayContaining(['formType', 'patientDob', 'additionalFields']),
			);
			const additional = fields.find((p) => p.name === 'additionalFields')?.options as INodeProperties[];
			expect(additional.map((p) => p.name).sort()).toEqual([...SHARED_ADDITIONAL_FIELDS].sort());
		}
		for (const operation of ['addFile', 'upload']) {
			const names = properties.filter((p) => shownFor(p, 'fileUpload', operation)).map((p) => p.name);
			expect(names).toEqual(expect.arrayContaining(['binaryPropertyName', 'uploadKind', 'uploadDate']));
		}
		expect(properties.filter((p) => shownFor(p, 'fileUpload', 'addFile')).map((p) => p.name)).toContain(
			'fileuploadId',
		);
		for (const operation of ['getMany', 'getByPatient']) {
			expect(properties.filter((p) => shownFor(p, 'referral', operation)).map((p) => p.name)).toEqual(
				expect.arrayContaining(['returnAll', 'limit']),
			);
		}
		expect(node.description.usableAsTool).toBe(true);
		expect(node.description.credentials).toEqual([{ name: 'dentalReferralsApi', required: true }]);
		expect(existsSync(join(root, 'dist/nodes/DentalReferrals/DentalReferrals.node.json'))).toBe(true);
	});

	it('npm pack holds the compiled credential, nodes and icons, and nothing from test/', () => {
		const [packed] = JSON.parse(
			execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
				cwd: root,
				encoding: 'utf8',
			}),
		);
		const files: string[] = packed.files.map((file: { path: string }) => file.path);
		expect(files).toEqual(
			expect.arrayContaining([
				'dist/credentials/DentalReferralsApi.credentials.js',
				'dist/nodes/DentalReferrals/DentalReferrals.node.js',
				'dist/nodes/DentalReferrals/DentalReferrals.node.json',
				'dist/icons/dentalReferrals.svg',
				'dist/icons/dentalReferrals.dark.svg',
				'package.json',
			]),
		);
		expect(files.filter((file) => /(^|\/)test\/|\.test\.|sandbox|harness/.test(file))).toEqual([]);
		expect(
			files.filter(
				(file) =>
					!file.startsWith('dist/') && !['package.json', 'README.md', 'LICENSE', 'index.js'].includes(file),
			),
		).toEqual([]);
	});
});
