/**
 * The examples a newcomer imports must do something on a fresh sandbox: `every-operation.json`
 * is run as exported (its nodes, parameters and connections) through n8n's real engine against a
 * fresh sandbox, with n8n's Manual Trigger stood in by the harness's start node.
 */
import { join } from 'node:path';

import { readExport, runExport } from '../../tools/engine/run-export';
import { useSandbox } from '../../tools/engine/sandbox-workflow';

describe('examples/every-operation.json on a fresh sandbox', () => {
	const sandbox = useSandbox();

	it('runs every node, Get by Patient included, from the PTGUID its own Save Draft returned', async () => {
		const example = readExport(join(__dirname, '..', '..', 'examples', 'every-operation.json'));
		const result = await runExport(sandbox(), example, 'every-operation');
		const { nodes } = result;

		expect(result.error).toBeUndefined();
		expect(
			sandbox().requests.filter((request) => request.path.endsWith('/batch_referral_status')),
		).toHaveLength(1);
		expect(result.output('Get Recent')).toEqual([]); // nothing submitted yet on a fresh sandbox
		expect(Object.keys(result.run.data.resultData.runData).sort()).toEqual(
			nodes.map((node) => node.name).sort(),
		);
		const ptguid = result.output('Save Draft')[0].json.ptguid;
		expect(ptguid).toEqual(expect.any(String));
		const byPatient = sandbox().requests.filter((request) => request.path.endsWith('/patient_referrals'));
		expect(byPatient).toHaveLength(1);
		expect(byPatient[0].query.ptguid).toBe(ptguid);
	});
});
