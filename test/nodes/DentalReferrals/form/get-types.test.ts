import { apiRequests, runNode, useSandbox } from '../../../../tools/engine/sandbox-workflow';

describe('form resource, through the n8n engine against the sandbox', () => {
	const sandbox = useSandbox();

	it('List Available Forms: one item per form type enabled for the key', async () => {
		const run = await runNode(sandbox(), { resource: 'form', operation: 'getTypes' });
		expect(run.error).toBeUndefined();
		expect(run.items.map((item) => item.json)).toEqual(
			sandbox().practices[0].forms.map((formType) => ({ formType })),
		);
		const [request] = apiRequests(sandbox(), 'available_forms');
		expect(request.method).toBe('GET');
		expect(request.headers.authorization).toBe(`Token token=${sandbox().practices[0].apiKey}`);
	});

	it('Parallel Requests out of range is refused before any request', async () => {
		const run = await runNode(sandbox(), {
			resource: 'form',
			operation: 'getTypes',
			options: { parallelRequests: 51 },
		});
		expect(run.error?.message).toBe(
			'Parallel Requests: must be a whole number from 1 to 50, got 51 (item index 0)',
		);
		expect(apiRequests(sandbox())).toHaveLength(0);
	});
});
