import type { IDataObject } from 'n8n-workflow';

import { MAX_KNOWN, storedReferralCount } from '../../../nodes/DentalReferralsStatusTrigger/state';
import { createPoller, type PollOutput } from '../../../tools/engine/poll';
import { sandboxCredential } from '../../../tools/engine/sandbox-workflow';
import { eventsOf, json, poller, statusTrigger } from './helpers';
import { BATCH_PATH, nextBatchWithFiles, submitReferrals, useStatusSandbox } from './practices';

const nodeState = (data: IDataObject | undefined) =>
	((data ?? {})['node:Dental Referrals Status Trigger'] ?? {}) as IDataObject;

describe('Dental Referrals Status Trigger: state across polls, restarts and the 100 window', () => {
	const { sandbox, nextPractice } = useStatusSandbox();

	it('a restart reports what changed while n8n was down exactly once, and nothing twice', async () => {
		const practice = nextPractice();
		const [urn] = await submitReferrals(sandbox(), practice);
		const trigger = poller(sandbox(), practice);
		await trigger.activate();

		sandbox().setStatus(urn, 'Accepted');
		expect(eventsOf(await trigger.tick())).toEqual([`statusChanged:${urn}`]); // saved with it

		// n8n is down: one more referral, one more status change.
		const [added] = await submitReferrals(sandbox(), practice);
		sandbox().setStatus(urn, 'Completed');
		const all: string[] = eventsOf(await trigger.restart()); // the 'init' activation poll
		expect(all).toEqual([`statusChanged:${urn}`, `newReferral:${added}`]);

		all.push(...eventsOf(await trigger.tick()));
		all.push(...eventsOf(await trigger.restart()));
		all.push(...eventsOf(await trigger.tick()));
		expect(all).toEqual([`statusChanged:${urn}`, `newReferral:${added}`]);
	});

	it('a null poll’s advance lost by a restart: the change is still reported exactly once', async () => {
		const practice = nextPractice();
		const trigger = poller(sandbox(), practice, ['filesReady']);
		await trigger.activate();
		const savedAtActivation = JSON.stringify(trigger.saved);

		// Seen without PDFs: nothing to emit, the state advances in memory only (n8n saves nothing).
		const [urn] = await submitReferrals(sandbox(), practice);
		await nextBatchWithFiles(sandbox(), practice, { [urn]: [] });
		expect(await trigger.tick()).toBeNull();
		expect(JSON.stringify(nodeState(trigger.memory))).toContain(urn);
		expect(JSON.stringify(trigger.saved)).toBe(savedAtActivation);

		// n8n restarts (the in-memory advance is gone) and the PDFs are there now.
		const outputs: PollOutput[] = [await trigger.restart()];
		outputs.push(await trigger.tick(), await trigger.tick(), await trigger.restart(), await trigger.tick());
		expect(outputs.flatMap(eventsOf)).toEqual([`filesReady:${urn}`]);
	});

	it('a null poll’s advance kept in memory is used: no repeat and no miss without a restart', async () => {
		const practice = nextPractice();
		const trigger = poller(sandbox(), practice, ['statusChanged']);
		await trigger.activate();
		const [urn] = await submitReferrals(sandbox(), practice);
		expect(await trigger.tick()).toBeNull(); // New Referral is not watched: memory only

		sandbox().setStatus(urn, 'Accepted');
		const output = await trigger.tick();
		expect(json(output)).toEqual([
			expect.objectContaining({ event: 'statusChanged', urn, previousStatus: 'Entered on System' }),
		]);
		// That emission saved the state, the referral included: a restart repeats nothing.
		expect(JSON.stringify(trigger.saved)).toContain(urn);
		expect(await trigger.restart()).toBeNull();
		expect(await trigger.tick()).toBeNull();
	});

	it('a failing poll changes no state, and the next poll reports the change', async () => {
		const practice = nextPractice();
		const [urn] = await submitReferrals(sandbox(), practice);
		const trigger = poller(sandbox(), practice);
		await trigger.activate();
		const memory = JSON.stringify(trigger.memory);
		sandbox().setStatus(urn, 'Accepted');
		sandbox().addFault({ kind: 'status', status: 500, path: BATCH_PATH });
		await expect(trigger.tick()).rejects.toThrow('The Dental Referrals API failed (HTTP 500)');
		expect(JSON.stringify(trigger.memory)).toBe(memory);
		expect(eventsOf(await trigger.tick())).toEqual([`statusChanged:${urn}`]);
	});

	it('more than 100 new referrals between two polls: a windowOverflow item comes first', async () => {
		const practice = nextPractice();
		const trigger = poller(sandbox(), practice, ['newReferral']);
		await submitReferrals(sandbox(), practice, 1);
		await trigger.activate();

		const urns = await submitReferrals(sandbox(), practice, 105);
		const items = json(await trigger.tick());
		expect(items[0]).toEqual({
			event: 'windowOverflow',
			message: expect.stringContaining('100 most recently'),
		});
		// Only the 100 the API still lists can be reported; the first 5 were pushed out unseen.
		expect(items.slice(1).map((item) => item.urn)).toEqual(urns.slice(5));
		expect(await trigger.tick()).toBeNull();
	});

	it('a full window that still reaches a known referral is no overflow', async () => {
		const practice = nextPractice();
		await submitReferrals(sandbox(), practice, 98);
		const trigger = poller(sandbox(), practice, ['newReferral']);
		await trigger.activate();
		const urns = await submitReferrals(sandbox(), practice, 5); // window: 5 new + 95 known
		expect(eventsOf(await trigger.tick())).toEqual(urns.map((urn) => `newReferral:${urn}`));
	});

	it('state saved for another API origin is not compared: a new baseline instead', async () => {
		const practice = nextPractice();
		const trigger = poller(sandbox(), practice);
		await trigger.activate();
		await submitReferrals(sandbox(), practice);
		// Same sandbox under another origin (localhost instead of 127.0.0.1), as after switching
		// the credential from staging to production: its referrals are not news.
		const credentials = {
			...sandboxCredential(sandbox(), practice),
			baseUrl: sandbox().baseUrl.replace('127.0.0.1', 'localhost'),
		};
		const moved = createPoller({ trigger: statusTrigger(), credentials, saved: trigger.saved });
		expect(await moved.activate()).toBeNull();
		expect(await moved.tick()).toBeNull();
		expect(JSON.stringify(moved.saved)).toContain('@http://localhost:');
	});

	it(`the state stays bounded (${MAX_KNOWN} referrals) however many referrals pass`, async () => {
		const practice = nextPractice();
		const trigger = poller(sandbox(), practice, ['statusChanged']);
		await trigger.activate();
		for (let round = 0; round < 6; round++) {
			await submitReferrals(sandbox(), practice, 90);
			expect(await trigger.tick()).toBeNull();
		}
		const state = nodeState(trigger.memory);
		expect(storedReferralCount(state)).toBe(MAX_KNOWN);
		expect(JSON.stringify(state).length).toBeLessThan(25_000);
	});
});
