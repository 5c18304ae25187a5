/** n8n loaded this package from <userFolder>/.n8n/nodes: its node types and credential are known. */
import type { N8nApi, NodeTypeDescription } from '../tools/n8n/n8n-api';
import { connect, stackInfo } from '../tools/n8n/stack-info';

const info = stackInfo();
const pkg = info.packageName;

describe(`n8n lists the ${pkg} node types`, () => {
	let api: N8nApi;
	let types: NodeTypeDescription[];

	beforeAll(async () => {
		api = await connect(info);
		types = await api.getNodeTypes();
	});

	const find = (name: string) => types.find((type) => type.name === name);

	it('has the Dental Referrals action node with the dentalReferralsApi credential', () => {
		const node = find(`${pkg}.dentalReferrals`);
		expect(node).toBeDefined();
		expect(node?.displayName).toBe('Dental Referrals');
		expect(node?.credentials?.map((credential) => credential.name)).toContain('dentalReferralsApi');
	});

	it('offers the action node as an AI tool (usableAsTool)', () => {
		const tool = find(`${pkg}.dentalReferralsTool`);
		expect(tool).toBeDefined();
		expect(tool?.credentials?.map((credential) => credential.name)).toContain('dentalReferralsApi');
	});

	it('exposes the resources of the product contract', () => {
		const node = find(`${pkg}.dentalReferrals`);
		const resource = node?.properties.find((property) => property.name === 'resource');
		expect(resource?.options?.map((option) => option.value)).toEqual(
			expect.arrayContaining(['form', 'draft', 'referral', 'fileUpload', 'document']),
		);
	});

	it('knows the Dental Referrals API credential type', async () => {
		const credentialTypes = await api.getCredentialTypes();
		const credential = credentialTypes.find((type) => type.name === 'dentalReferralsApi');
		expect(credential?.displayName).toBe('Dental Referrals API');
	});
});
