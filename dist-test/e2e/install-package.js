"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.REPO_ROOT = void 0;
exports.packPackage = packPackage;
exports.nodesFolder = nodesFolder;
exports.installTarball = installTarball;
exports.installPackage = installPackage;
/**
 * Packs the repo (its dist/ must exist: `npm run build`) and installs the tarball into
 * `<userFolder>/.n8n/nodes` the way n8n's Community Nodes screen installs a package, before
 * n8n starts (n8n loads that folder's node_modules/<package> at start).
 */
const node_fs_1 = require("node:fs");
const node_os_1 = require("node:os");
const node_path_1 = require("node:path");
const exec_1 = require("./exec");
const toolchain_1 = require("./toolchain");
/** The repo root: the nearest folder above this file with a package.json (works from e2e/ and dist-test/e2e/). */
function findRepoRoot(start) {
    for (let dir = start;; dir = (0, node_path_1.dirname)(dir)) {
        if ((0, node_fs_1.existsSync)((0, node_path_1.join)(dir, 'package.json')))
            return dir;
        if ((0, node_path_1.dirname)(dir) === dir)
            return (0, node_path_1.resolve)(start, '..');
    }
}
exports.REPO_ROOT = findRepoRoot((0, node_path_1.resolve)(__dirname, '..'));
const MINUTE = 60_000;
/** `npm pack` of `packageDir` (default: the repo) into a new temp folder. */
async function packPackage(toolchain, packageDir = exports.REPO_ROOT, log = toolchain_1.defaultLog) {
    const packageJson = JSON.parse(await node_fs_1.promises.readFile((0, node_path_1.join)(packageDir, 'package.json'), 'utf8'));
    const declared = [...(packageJson.n8n?.nodes ?? []), ...(packageJson.n8n?.credentials ?? [])];
    const missing = declared.filter((file) => !(0, node_fs_1.existsSync)((0, node_path_1.join)(packageDir, file)));
    if (missing.length > 0) {
        throw new Error(`${packageJson.name}: built files missing (run \`npm run build\` first): ${missing.join(', ')}`);
    }
    const dir = await node_fs_1.promises.mkdtemp((0, node_path_1.join)((0, node_os_1.tmpdir)(), 'dr-e2e-pack-'));
    let packed = false;
    try {
        const { stdout } = await (0, exec_1.runCommand)('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir, packageDir], {
            cwd: dir,
            env: toolchain.env(),
            timeoutMs: 2 * MINUTE,
            label: 'npm pack',
        });
        const [info] = JSON.parse(stdout);
        const tarball = (0, node_path_1.join)(dir, info.filename.replace(/^@/, '').replace(/\//, '-'));
        await node_fs_1.promises.access(tarball);
        log(`packed ${info.name}@${info.version} (${info.files.length} files)`);
        packed = true;
        return {
            name: info.name,
            version: info.version,
            tarball,
            files: info.files.map((file) => file.path),
            cleanup: () => node_fs_1.promises.rm(dir, { recursive: true, force: true }),
        };
    }
    finally {
        if (!packed)
            await node_fs_1.promises.rm(dir, { recursive: true, force: true });
    }
}
/** The folder n8n loads community packages from (`instanceSettings.nodesDownloadDir`). */
function nodesFolder(userFolder) {
    return (0, node_path_1.join)(userFolder, '.n8n', 'nodes');
}
/**
 * Installs a packed tarball into `<userFolder>/.n8n/nodes` with the steps of n8n 2.41.1's
 * Community Nodes install (`CommunityPackagesService.downloadPackage`, packages/cli/src/
 * modules/community-packages/community-packages.service.ts), the registry download replaced
 * by our own tarball:
 * 1. the folder's ledger package.json `{ name: 'installed-nodes', private, dependencies }`
 *    exists (`ensurePackageJson`; created here when n8n has not run yet);
 * 2. the tarball is unpacked into `node_modules/<name>` (`tar -xzf --strip-components=1`);
 * 3. devDependencies, peerDependencies and optionalDependencies are dropped from its
 *    package.json (so n8n-workflow is never installed beside n8n's own);
 * 4. `npm install --audit=false --fund=false --bin-links=false --install-strategy=shallow
 *    --ignore-scripts=true --package-lock=false` runs inside the package folder;
 * 5. the ledger records `dependencies[name] = version`.
 * (The installed_packages DB rows the screen also writes only list the package under
 * Settings → Community nodes; loading at start does not need them.)
 */
async function installTarball(toolchain, userFolder, packed, log = toolchain_1.defaultLog) {
    const started = Date.now();
    const folder = nodesFolder(userFolder);
    await node_fs_1.promises.mkdir(folder, { recursive: true });
    const ledgerPath = (0, node_path_1.join)(folder, 'package.json');
    let ledger = {
        name: 'installed-nodes',
        private: true,
        dependencies: {},
    };
    if ((0, node_fs_1.existsSync)(ledgerPath)) {
        const existing = JSON.parse(await node_fs_1.promises.readFile(ledgerPath, 'utf8'));
        if (existing.dependencies)
            ledger = existing;
    }
    const packageDir = (0, node_path_1.join)(folder, 'node_modules', packed.name);
    await node_fs_1.promises.rm(packageDir, { recursive: true, force: true });
    await node_fs_1.promises.mkdir(packageDir, { recursive: true });
    await (0, exec_1.runCommand)('tar', ['-xzf', packed.tarball, '-C', packageDir, '--strip-components=1'], {
        timeoutMs: MINUTE,
        label: `unpack ${packed.tarball}`,
    });
    const packageJsonPath = (0, node_path_1.join)(packageDir, 'package.json');
    const packageJson = JSON.parse(await node_fs_1.promises.readFile(packageJsonPath, 'utf8'));
    for (const key of ['devDependencies', 'peerDependencies', 'optionalDependencies'])
        delete packageJson[key];
    await node_fs_1.promises.writeFile(packageJsonPath, JSON.stringify(packageJson, null, 2));
    await (0, exec_1.runCommand)('npm', [
        'install',
        '--audit=false',
        '--fund=false',
        '--bin-links=false',
        '--install-strategy=shallow',
        '--ignore-scripts=true',
        '--package-lock=false',
        '--loglevel=error',
    ], { cwd: packageDir, env: toolchain.env(), timeoutMs: 3 * MINUTE, label: `npm install (in ${packageDir})` });
    ledger.dependencies[packed.name] = packed.version;
    await node_fs_1.promises.writeFile(ledgerPath, JSON.stringify(ledger, null, 2));
    log(`installed ${packed.name}@${packed.version} into ${folder} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return packageDir;
}
/** Packs `packageDir` and installs it into the user folder; the tarball is removed afterwards. */
async function installPackage(toolchain, userFolder, packageDir = exports.REPO_ROOT, log = toolchain_1.defaultLog) {
    const packed = await packPackage(toolchain, packageDir, log);
    try {
        await installTarball(toolchain, userFolder, packed, log);
        const installed = (0, node_path_1.join)(nodesFolder(userFolder), 'node_modules', packed.name, 'package.json');
        if (!(0, node_fs_1.existsSync)(installed))
            throw new Error(`${packed.name} is not in ${nodesFolder(userFolder)}/node_modules after npm install`);
        return { name: packed.name, version: packed.version, files: packed.files };
    }
    finally {
        await packed.cleanup();
    }
}
//# sourceMappingURL=install-package.js.map