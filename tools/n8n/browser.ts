/**
 * Headless Debian Chromium driven by playwright-core (never a downloaded browser). Requests
 * to anything but loopback are aborted, so the editor cannot reach the internet.
 *
 * The interfaces below are the small part of playwright-core's API the e2e tests use; they
 * keep the code type-checked whether or not playwright-core is a devDependency yet.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const CHROMIUM_PATH = process.env.DR_E2E_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-dev-shm-usage',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-default-apps',
	'--disable-sync',
	'--disable-domain-reliability',
	'--disable-client-side-phishing-detection',
	'--disable-breakpad',
	'--metrics-recording-only',
	'--no-first-run',
	'--no-default-browser-check',
	'--disable-features=Translate,OptimizationHints,MediaRouter,AutofillServerCommunication',
];

export interface Locator {
	click(options?: { timeout?: number }): Promise<void>;
	dblclick(options?: { timeout?: number }): Promise<void>;
	fill(value: string, options?: { timeout?: number }): Promise<void>;
	waitFor(options?: {
		state?: 'attached' | 'detached' | 'visible' | 'hidden';
		timeout?: number;
	}): Promise<void>;
	first(): Locator;
	nth(index: number): Locator;
	count(): Promise<number>;
	allInnerTexts(): Promise<string[]>;
	innerText(options?: { timeout?: number }): Promise<string>;
	inputValue(options?: { timeout?: number }): Promise<string>;
	isVisible(): Promise<boolean>;
	filter(options: { hasText?: string | RegExp }): Locator;
	getByTestId(id: string): Locator;
	getByText(text: string | RegExp, options?: { exact?: boolean }): Locator;
	locator(selector: string): Locator;
}

export interface Page {
	goto(
		url: string,
		options?: { waitUntil?: 'load' | 'domcontentloaded' | 'networkidle'; timeout?: number },
	): Promise<unknown>;
	getByTestId(id: string): Locator;
	getByText(text: string | RegExp, options?: { exact?: boolean }): Locator;
	getByRole(role: string, options?: { name?: string | RegExp; exact?: boolean }): Locator;
	locator(selector: string): Locator;
	keyboard: { press(key: string): Promise<void> };
	screenshot(options: { path: string; fullPage?: boolean }): Promise<Buffer>;
	url(): string;
	waitForURL(url: string | RegExp, options?: { timeout?: number }): Promise<void>;
	setDefaultTimeout(ms: number): void;
	on(event: 'console', listener: (message: { type(): string; text(): string }) => void): void;
	on(event: 'pageerror', listener: (error: Error) => void): void;
}

interface Route {
	request(): { url(): string };
	continue(): Promise<void>;
	abort(): Promise<void>;
}

interface ApiResponse {
	ok(): boolean;
	status(): number;
	text(): Promise<string>;
}

export interface BrowserContext {
	newPage(): Promise<Page>;
	route(url: string, handler: (route: Route) => Promise<void>): Promise<void>;
	request: { post(url: string, options: { data: unknown; timeout?: number }): Promise<ApiResponse> };
	close(): Promise<void>;
}

export interface Browser {
	newContext(options: {
		baseURL?: string;
		viewport?: { width: number; height: number };
	}): Promise<BrowserContext>;
	close(): Promise<void>;
	version(): string;
}

interface PlaywrightCore {
	chromium: {
		launch(options: {
			executablePath: string;
			args: string[];
			headless: boolean;
			timeout?: number;
		}): Promise<Browser>;
	};
	selectors: { setTestIdAttribute(name: string): void };
}

function isLoopback(url: string): boolean {
	try {
		const { protocol, hostname } = new URL(url);
		if (protocol === 'data:' || protocol === 'blob:' || protocol === 'about:') return true;
		return ['127.0.0.1', 'localhost', '[::1]'].includes(hostname);
	} catch {
		return false;
	}
}

export interface LaunchedBrowser {
	browser: Browser;
	context: BrowserContext;
	page: Page;
	/** Requests the page tried to make to non-loopback hosts (aborted). */
	blocked: string[];
	close(): Promise<void>;
}

/** Launches Chromium with n8n's `data-test-id` selectors and a loopback-only context. */
export async function launchBrowser(baseURL: string): Promise<LaunchedBrowser> {
	if (!existsSync(CHROMIUM_PATH)) {
		throw new Error(
			`${CHROMIUM_PATH} not found: install Debian's browser with \`apt-get update && apt-get install -y chromium\``,
		);
	}
	// A devDependency; it never downloads a browser (Debian's chromium is launched).
	const playwright = (await import('playwright-core')) as unknown as PlaywrightCore;
	playwright.selectors.setTestIdAttribute('data-test-id');
	const browser = await playwright.chromium.launch({
		executablePath: CHROMIUM_PATH,
		args: CHROMIUM_ARGS,
		headless: true,
		timeout: 60_000,
	});
	let ready = false;
	try {
		const context = await browser.newContext({ baseURL, viewport: { width: 1440, height: 900 } });
		const blocked: string[] = [];
		await context.route('**/*', async (route) => {
			const url = route.request().url();
			if (isLoopback(url)) {
				await route.continue();
			} else {
				blocked.push(url);
				await route.abort();
			}
		});
		const page = await context.newPage();
		page.setDefaultTimeout(30_000);
		let closed = false;
		ready = true;
		return {
			browser,
			context,
			page,
			blocked,
			close: async () => {
				if (closed) return;
				closed = true;
				await browser.close();
			},
		};
	} finally {
		if (!ready) await browser.close();
	}
}

/** Logs the browser context in (sets n8n's auth cookie) through the REST login. */
export async function loginBrowser(
	context: BrowserContext,
	baseURL: string,
	email: string,
	password: string,
): Promise<void> {
	const response = await context.request.post(`${baseURL}/rest/login`, {
		data: { emailOrLdapLoginId: email, password },
		timeout: 30_000,
	});
	if (!response.ok()) {
		throw new Error(
			`browser login failed: HTTP ${response.status()} ${(await response.text()).slice(0, 300)}`,
		);
	}
}

/** Runs one step of a browser test; when it fails, saves a full-page `failed-<name>.png` in `dir` first. */
export async function snapshotOnFailure(
	page: Page,
	dir: string,
	name: string,
	step: () => Promise<void>,
): Promise<void> {
	const failure = await step().then(
		() => undefined,
		(error: Error) => error,
	);
	if (!failure) return;
	await page.screenshot({ path: join(dir, `failed-${name}.png`), fullPage: true }).catch(() => undefined);
	throw failure;
}
