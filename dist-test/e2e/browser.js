"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.CHROMIUM_ARGS = exports.CHROMIUM_PATH = void 0;
exports.launchBrowser = launchBrowser;
exports.loginBrowser = loginBrowser;
/**
 * Headless Debian Chromium driven by playwright-core (never a downloaded browser). Requests
 * to anything but loopback are aborted, so the editor cannot reach the internet.
 *
 * The interfaces below are the small part of playwright-core's API the e2e tests use; they
 * keep the code type-checked whether or not playwright-core is a devDependency yet.
 */
const node_fs_1 = require("node:fs");
exports.CHROMIUM_PATH = process.env.DR_E2E_CHROMIUM ?? '/usr/bin/chromium';
exports.CHROMIUM_ARGS = [
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
function isLoopback(url) {
    try {
        const { protocol, hostname } = new URL(url);
        if (protocol === 'data:' || protocol === 'blob:' || protocol === 'about:')
            return true;
        return ['127.0.0.1', 'localhost', '[::1]'].includes(hostname);
    }
    catch {
        return false;
    }
}
/** Launches Chromium with n8n's `data-test-id` selectors and a loopback-only context. */
async function launchBrowser(baseURL) {
    if (!(0, node_fs_1.existsSync)(exports.CHROMIUM_PATH)) {
        throw new Error(`${exports.CHROMIUM_PATH} not found: install Debian's browser with \`apt-get update && apt-get install -y chromium\``);
    }
    // A devDependency; it never downloads a browser (Debian's chromium is launched).
    const playwright = (await Promise.resolve().then(() => __importStar(require('playwright-core'))));
    playwright.selectors.setTestIdAttribute('data-test-id');
    const browser = await playwright.chromium.launch({
        executablePath: exports.CHROMIUM_PATH,
        args: exports.CHROMIUM_ARGS,
        headless: true,
        timeout: 60_000,
    });
    let ready = false;
    try {
        const context = await browser.newContext({ baseURL, viewport: { width: 1440, height: 900 } });
        const blocked = [];
        await context.route('**/*', async (route) => {
            const url = route.request().url();
            if (isLoopback(url)) {
                await route.continue();
            }
            else {
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
                if (closed)
                    return;
                closed = true;
                await browser.close();
            },
        };
    }
    finally {
        if (!ready)
            await browser.close();
    }
}
/** Logs the browser context in (sets n8n's auth cookie) through the REST login. */
async function loginBrowser(context, baseURL, email, password) {
    const response = await context.request.post(`${baseURL}/rest/login`, {
        data: { emailOrLdapLoginId: email, password },
        timeout: 30_000,
    });
    if (!response.ok()) {
        throw new Error(`browser login failed: HTTP ${response.status()} ${(await response.text()).slice(0, 300)}`);
    }
}
//# sourceMappingURL=browser.js.map