import { eventsOf, expectNoKey, json, poller } from './helpers';
import { BATCH_PATH, batchAnswer, nextBatchWithFiles, submitReferrals, useStatusSandbox } from './practices';

describe('Dental Referrals Status Trigger: events, polled through n8n’s PollContext against the sandbox', () => {
	const { sandbox, nextPractice } = useStatusSandbox();

	it('the activation poll records the baseline and emits nothing', async () => {
		const practice = nextPractice();
		await submitReferrals(sandbox(), practice, 3);
		sandbox().clearRequests();
		const trigger = poller(sandbox(), practice);

		expect(await trigger.activate()).toBeNull();
		const batch = sandbox().requests.filter((request) => request.path === BATCH_PATH);
		expect(batch).toHaveLength(1);
		expect(batch[0].query).toEqual({ count: '100' });
		// Saved by the activation, as n8n does, so a restart does not report these three.
		expect(JSON.stringify(trigger.saved)).toContain('referralStatus');
		expect(await trigger.restart()).toBeNull();
		expect(await trigger.tick()).toBeNull();
	});

	it('a submitted referral is one newReferral item with the API’s referral object', async () => {
		const practice = nextPractice();
		const trigger = poller(sandbox(), practice);
		expect(await trigger.activate()).toBeNull();
		const [urn] = await submitReferrals(sandbox(), practice);

		const [apiReferral] = (await batchAnswer(sandbox(), practice)).referral_data;
		const files = apiReferral.referral_files as string[];
		expect(files).toEqual([
			expect.stringMatching(new RegExp(`^${sandbox().origin}/.*${urn}_AdultRestorativeForm\\.pdf$`)),
			expect.stringMatching(new RegExp(`^${sandbox().origin}/.*${urn}_MH\\.pdf$`)),
		]);

		const output = await trigger.tick();
		expect(json(output)).toEqual([
			{
				event: 'newReferral',
				urn,
				referral: {
					referral_urn: urn,
					referral_status: 'Entered on System',
					referrer_name: 'Dr Jane Doe',
					referral_reason: 'Restorative',
					referral_files: files,
				},
				previousStatus: null,
				changes: {
					status: { from: null, to: 'Entered on System' },
					files: { added: files, previousCount: 0, count: 2 },
				},
			},
		]);
		expect(output?.[0].binary).toBeUndefined();
		expect(await trigger.tick()).toBeNull();
		expectNoKey(sandbox(), practice, output);
	});

	it('several new referrals come out oldest first', async () => {
		const practice = nextPractice();
		const trigger = poller(sandbox(), practice);
		await trigger.activate();
		const urns = await submitReferrals(sandbox(), practice, 3);
		expect(eventsOf(await trigger.tick())).toEqual(urns.map((urn) => `newReferral:${urn}`));
	});

	it('setStatus gives statusChanged with previousStatus and changes', async () => {
		const practice = nextPractice();
		const [urn, other] = await submitReferrals(sandbox(), practice, 2);
		const trigger = poller(sandbox(), practice);
		await trigger.activate();

		sandbox().setStatus(urn, 'Sent to: St Clements Dental Suite');
		const output = await trigger.tick();
		expect(json(output)).toEqual([
			expect.objectContaining({
				event: 'statusChanged',
				urn,
				previousStatus: 'Entered on System',
				changes: { status: { from: 'Entered on System', to: 'Sent to: St Clements Dental Suite' } },
				referral: expect.objectContaining({ referral_status: 'Sent to: St Clements Dental Suite' }),
			}),
		]);
		expect(await trigger.tick()).toBeNull();

		sandbox().setStatus(urn, 'Accepted');
		sandbox().setStatus(other, 'Accepted');
		expect(json(await trigger.tick()).map((item) => [item.urn, item.previousStatus])).toEqual([
			[urn, 'Sent to: St Clements Dental Suite'],
			[other, 'Entered on System'],
		]);
		expectNoKey(sandbox(), practice, output);
	});

	it('PDFs that appear after submission give filesReady with the added files', async () => {
		const practice = nextPractice();
		const trigger = poller(sandbox(), practice);
		await trigger.activate();
		const [urn] = await submitReferrals(sandbox(), practice);

		// The real API exports PDFs in a background queue: the first sighting has no files yet.
		await nextBatchWithFiles(sandbox(), practice, { [urn]: [] });
		const first = json(await trigger.tick());
		expect(first).toEqual([
			expect.objectContaining({
				event: 'newReferral',
				urn,
				changes: { status: { from: null, to: 'Entered on System' } },
			}),
		]);

		const output = await trigger.tick();
		const [item] = json(output);
		const files = (item.referral as { referral_files: string[] }).referral_files;
		expect(files).toHaveLength(2);
		expect(item).toEqual(
			expect.objectContaining({
				event: 'filesReady',
				urn,
				previousStatus: 'Entered on System',
				changes: { files: { added: files, previousCount: 0, count: 2 } },
			}),
		);
		expect(await trigger.tick()).toBeNull();
	});

	it('a referral that gains one more file gives filesReady for that file only; losing one gives nothing', async () => {
		const practice = nextPractice();
		const [urn] = await submitReferrals(sandbox(), practice);
		const [form, history] = (await batchAnswer(sandbox(), practice)).referral_data[0]
			.referral_files as string[];
		await nextBatchWithFiles(sandbox(), practice, { [urn]: [form] });
		const trigger = poller(sandbox(), practice);
		await trigger.activate();

		expect(json(await trigger.tick())).toEqual([
			expect.objectContaining({
				event: 'filesReady',
				changes: { files: { added: [history], previousCount: 1, count: 2 } },
			}),
		]);
		await nextBatchWithFiles(sandbox(), practice, { [urn]: [history] });
		expect(await trigger.tick()).toBeNull();
	});

	it('the events filter: only the chosen events come out', async () => {
		const practice = nextPractice();
		const statusOnly = poller(sandbox(), practice, ['statusChanged']);
		const filesOnly = poller(sandbox(), practice, ['filesReady']);
		await statusOnly.activate();
		await filesOnly.activate();

		const [urn] = await submitReferrals(sandbox(), practice);
		expect(await statusOnly.tick()).toBeNull();
		// Not watching New Referral: a new referral whose PDFs already exist is reported as filesReady.
		expect(eventsOf(await filesOnly.tick())).toEqual([`filesReady:${urn}`]);

		sandbox().setStatus(urn, 'Accepted');
		expect(eventsOf(await statusOnly.tick())).toEqual([`statusChanged:${urn}`]);
		expect(await filesOnly.tick()).toBeNull();
	});

	it('an empty events list is refused at activation', async () => {
		const trigger = poller(sandbox(), nextPractice(), []);
		await expect(trigger.activate()).rejects.toThrow(/Events: choose at least one event/);
	});

	it('a manual run emits the latest referral as a sample and writes no state', async () => {
		const practice = nextPractice();
		const trigger = poller(sandbox(), practice);
		expect(await trigger.manual()).toBeNull(); // no referral yet: nothing to show

		const urns = await submitReferrals(sandbox(), practice, 2);
		sandbox().clearRequests();
		const output = await trigger.manual();
		expect(json(output)).toEqual([
			expect.objectContaining({
				event: 'sample',
				urn: urns[1],
				previousStatus: null,
				changes: expect.objectContaining({ status: { from: null, to: 'Entered on System' } }),
			}),
		]);
		expect(sandbox().requests.map((request) => request.query)).toEqual([{ count: '1' }]);
		expect(trigger.saved).toEqual({});
		expect(trigger.saves).toBe(0);

		// A manual run between active polls changes nothing for them.
		await trigger.activate();
		const saved = JSON.stringify(trigger.saved);
		await trigger.manual();
		expect(JSON.stringify(trigger.saved)).toBe(saved);
		expect(await trigger.tick()).toBeNull();
		expectNoKey(sandbox(), practice, output);
	});
});
