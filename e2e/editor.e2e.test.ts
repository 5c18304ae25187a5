/**
 * The n8n editor in headless Debian Chromium: log in, open a new workflow, find "Dental
 * Referrals" in the node creator, see its operations (actions) list, add it with one action
 * and see its parameters. Saves e2e/artifacts/editor-node-actions.png and
 * editor-node-parameters.png (copy one to docs/ for the README by hand).
 */
import { promises as fs } from 'node:fs';
import { join } from 'node:path';

import {
	launchBrowser,
	type LaunchedBrowser,
	loginBrowser,
	snapshotOnFailure as snapshotStep,
	type Page,
} from '../tools/n8n/browser';
import type { NodeTypeDescription } from '../tools/n8n/n8n-api';
import { connect, stackInfo } from '../tools/n8n/stack-info';

const info = stackInfo();
const ARTIFACTS = join(__dirname, 'artifacts');

interface Operation {
	resource: string;
	value: string;
	/** The operation's option name (shown in the NDV's Operation dropdown). */
	name: string;
	/** What the node creator lists: the option's `action`, else its name. */
	label: string;
}

/** Every operation the node declares, as n8n reports it (n8n's own "Custom API Call" left out). */
function operationsOf(node: NodeTypeDescription): Operation[] {
	const operations: Operation[] = [];
	for (const property of node.properties) {
		if (property.name !== 'operation') continue;
		const show = (property.displayOptions as { show?: { resource?: string[] } } | undefined)?.show;
		for (const option of (property.options ?? []) as Array<{
			name: string;
			value: unknown;
			action?: string;
		}>) {
			if (option.value === '__CUSTOM_API_CALL__') continue;
			for (const resource of show?.resource ?? ['']) {
				operations.push({
					resource,
					value: String(option.value),
					name: option.name,
					label: option.action ?? option.name,
				});
			}
		}
	}
	return operations;
}

describe('n8n editor shows the Dental Referrals node', () => {
	let browser: LaunchedBrowser | undefined;
	const pageErrors: string[] = [];

	let operations: Operation[] = [];

	beforeAll(async () => {
		await fs.mkdir(ARTIFACTS, { recursive: true });
		const api = await connect(info);
		const node = (await api.getNodeTypes()).find(
			(type) => type.name === `${info.packageName}.dentalReferrals`,
		);
		if (!node)
			throw new Error(`n8n does not know ${info.packageName}.dentalReferrals (see the node-types test)`);
		operations = operationsOf(node);
		browser = await launchBrowser(info.n8nUrl);
		browser.page.on('pageerror', (error) => pageErrors.push(error.message));
	});

	afterAll(async () => {
		await browser?.close();
	});

	const snapshotOnFailure = (page: Page, name: string, step: () => Promise<void>) =>
		snapshotStep(page, ARTIFACTS, name, step);

	it('logs in, adds the node from the node creator and lists its operations', async () => {
		if (!browser) throw new Error('browser did not start');
		const { page, context } = browser;
		const started = Date.now();

		await loginBrowser(context, info.n8nUrl, info.owner.email, info.owner.password);
		await snapshotOnFailure(page, 'open-workflow', async () => {
			await page.goto('/workflow/new', { waitUntil: 'domcontentloaded', timeout: 60_000 });
			await page.getByTestId('canvas-wrapper').first().waitFor({ timeout: 60_000 });
		});

		await snapshotOnFailure(page, 'node-creator', async () => {
			const addFirstStep = page.getByTestId('canvas-add-button');
			if (await addFirstStep.isVisible()) await addFirstStep.click();
			else await page.getByTestId('node-creator-plus-button').click();
			const search = page
				.locator(
					'[data-test-id="node-creator-search-bar"] input, input[data-test-id="node-creator-search-bar"]',
				)
				.first();
			await search.fill('Dental Referrals');
		});

		await snapshotOnFailure(page, 'search-result', async () => {
			// The search result is the node itself (the action rows appear only after it is opened).
			const item = page
				.getByTestId('node-creator-item-name')
				.filter({ hasText: /^Dental Referrals$/ })
				.first();
			await item.waitFor({ timeout: 30_000 });
			await item.click();
		});

		// The contract's ten operations, each listed under its resource in the actions panel.
		expect(operations.length).toBeGreaterThanOrEqual(10);
		const prepare = operations.find(
			(operation) => operation.resource === 'form' && operation.value === 'prepare',
		);
		expect(prepare).toBeDefined();
		let listed: string[] = [];
		await snapshotOnFailure(page, 'actions', async () => {
			const prepareItem = page
				.getByTestId('node-creator-item-name')
				.filter({ hasText: prepare?.label ?? 'Prepare' })
				.first();
			// With a trigger in the package, an empty canvas opens the panel on "Triggers" and
			// leaves "Actions (n)" folded: unfold it.
			const visible = await prepareItem.waitFor({ timeout: 5_000 }).then(
				() => true,
				() => false,
			);
			if (!visible)
				await page
					.getByText(/^Actions \(\d+\)$/)
					.first()
					.click();
			await prepareItem.waitFor({ timeout: 30_000 });
			listed = (await page.getByTestId('node-creator-item-name').allInnerTexts()).map((text) => text.trim());
			await page.screenshot({ path: join(ARTIFACTS, 'editor-node-actions.png') });
		});
		expect(listed).toEqual(expect.arrayContaining(operations.map((operation) => operation.label)));

		// Choosing an action adds the node and opens its parameters (NDV) with that operation
		// selected and the one Dental Referrals API credential preselected.
		await snapshotOnFailure(page, 'add-node', async () => {
			await page
				.getByTestId('node-creator-item-name')
				.filter({ hasText: prepare?.label ?? 'Prepare' })
				.first()
				.click();
			await page.getByTestId('ndv').first().waitFor({ timeout: 30_000 });
		});
		const ndv = page.getByTestId('ndv').first();
		const ndvText = (await ndv.innerText()).replace(/\s+/g, ' ');
		const credentialShown = await ndv
			.getByTestId('node-credentials-select')
			.locator('input')
			.first()
			.inputValue();
		const operationShown = await ndv
			.getByTestId('parameter-input-operation')
			.locator('input')
			.first()
			.inputValue();
		await page.screenshot({ path: join(ARTIFACTS, 'editor-node-parameters.png') });
		expect(ndvText).toContain('Credential');
		expect(credentialShown).toBe(info.credential.name);
		expect(operationShown).toBe(prepare?.name);

		await snapshotOnFailure(page, 'close-ndv', async () => {
			// n8n 2.x: a close button; 1.123.x: "Back to canvas" (test id back-to-canvas).
			await page
				.locator('[data-test-id="ndv-close-button"]:visible, [data-test-id="back-to-canvas"]:visible')
				.first()
				.click();
			await page.getByTestId('canvas-node').first().waitFor({ timeout: 30_000 });
		});
		// n8n puts a manual trigger in front of the first action node of an empty workflow.
		const canvasNodes = (await page.getByTestId('canvas-node').allInnerTexts()).map((text) =>
			text.replace(/\s+/g, ' ').trim(),
		);
		await page.screenshot({ path: join(ARTIFACTS, 'editor-canvas.png') });
		expect(canvasNodes).toHaveLength(2);
		expect(canvasNodes.join(' | ')).toContain(prepare?.label ?? 'Prepare');

		if (browser.blocked.length > 0)
			console.log(`[e2e] editor tried to reach (blocked): ${browser.blocked.join(', ')}`);
		expect(pageErrors).toEqual([]);
		console.log(
			`[e2e] editor flow took ${((Date.now() - started) / 1000).toFixed(1)} s; actions listed: ${listed.join(', ')}`,
		);
	});
});
