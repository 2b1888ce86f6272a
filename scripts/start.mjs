// npm start: run SalesDesk in Electron.
//   (a) stop with a clear message when node_modules/electron has no binary (it downloads at install);
//   (b) make sure an Electron-ABI build of better-sqlite3 exists in .electron-native/ (built once per
//       Electron + better-sqlite3 version; node_modules keeps the Node build for tests and the CLI);
//   (c) electron-vite build;
//   (d) launch Electron on the project with SALESDESK_NATIVE_BINDING pointing at that build.
// Options: --prepare-native  only do (b) (e.g. before packaging); anything after -- goes to Electron.
// The decisions live in electron/main/pure/{electron-binary,native-binding}.ts (unit-tested).
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const native = await tsImport('../electron/main/pure/native-binding.ts', import.meta.url);
const binary = await tsImport('../electron/main/pure/electron-binary.ts', import.meta.url);

const argv = process.argv.slice(2);
const dashDash = argv.indexOf('--');
const ownArgs = dashDash >= 0 ? argv.slice(0, dashDash) : argv;
const electronArgs = dashDash >= 0 ? argv.slice(dashDash + 1) : [];
const prepareOnly = ownArgs.includes('--prepare-native');

const electronDir = dirname(require.resolve('electron/package.json'));
const electronVersion = require('electron/package.json').version;
const bsqliteDir = dirname(require.resolve('better-sqlite3/package.json'));
const arch = process.env.npm_config_arch || process.arch;

/** A failure with a message for people (no stack trace). */
class StartError extends Error {}

function fail(message) {
  console.error(message);
  process.exit(1);
}

function electronAbi() {
  const file = join(electronDir, 'abi_version');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  return String(createRequire(join(bsqliteDir, 'package.json'))('node-abi').getAbi(electronVersion, 'electron'));
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

function runStep(label, command, args, options) {
  console.log(`\n› ${label}\n  ${[command, ...args].map((a) => (a.includes(' ') ? JSON.stringify(a) : a)).join(' ')}`);
  const r = spawnSync(command, args, { stdio: 'inherit', ...options });
  return r.status === 0;
}

/** (b) The Electron build of better-sqlite3, built once and reused while the versions match. */
function ensureElectronBinding() {
  const want = {
    electron: electronVersion,
    abi: electronAbi(),
    betterSqlite3: require('better-sqlite3/package.json').version,
    platform: process.platform,
    arch,
  };
  const file = native.electronBindingFile(root, electronVersion);
  const infoFile = native.buildInfoFile(root, electronVersion);
  if (existsSync(file) && native.buildMatches(readJson(infoFile), want)) return file;

  console.log(`为 Electron ${want.electron}（ABI ${want.abi}, ${want.platform}-${want.arch}）准备 better-sqlite3 ${want.betterSqlite3}，只需一次…`);
  console.log(`Preparing better-sqlite3 ${want.betterSqlite3} for Electron ${want.electron} (ABI ${want.abi}, ${want.platform}-${want.arch}); this happens once…`);
  const work = mkdtempSync(join(tmpdir(), 'salesdesk-better-sqlite3-'));
  try {
    // A private copy: building in node_modules would replace the Node build the tests and the CLI use.
    const buildDir = join(bsqliteDir, 'build');
    cpSync(bsqliteDir, work, { recursive: true, filter: (src) => src !== buildDir && !src.startsWith(buildDir + sep) });
    const env = native.nativeBuildEnv(process.env);
    const target = { electronVersion, arch, platform: process.platform };
    const built = join(work, native.BUILT_ADDON_PATH);
    let method = 'prebuild-install';
    const prebuild = createRequire(join(bsqliteDir, 'package.json')).resolve('prebuild-install/bin.js');
    let ok = runStep('下载预编译版本 / downloading the prebuilt binary (prebuild-install)', process.execPath, [prebuild, ...native.prebuildInstallArgs(target)], { cwd: work, env }) && existsSync(built);
    if (!ok) {
      method = 'node-gyp';
      const gyp = native.nodeGypCandidates(process.env, root, process.execPath, process.platform).find((p) => existsSync(p));
      if (!gyp) console.error('  node-gyp not found (npm normally bundles it) / 找不到 node-gyp');
      else ok = runStep('用 Electron 头文件编译 / compiling against Electron headers (node-gyp)', process.execPath, [gyp, ...native.nodeGypArgs(target)], { cwd: work, env }) && existsSync(built);
    }
    if (!ok) {
      throw new StartError(
        [
          '',
          '✗ 无法为 Electron 准备 better-sqlite3。需要网络：预编译版本从 GitHub 下载；或者从 electronjs.org 下载头文件',
          '  并在本机编译（需要 Python 3 和 C++ 编译工具：Windows 上是 Visual Studio Build Tools，macOS 上是 Xcode 命令行工具）。',
          '  联网后再运行 npm start 即可；npm test、命令行和 npm run preview 不受影响。',
          '✗ Could not prepare better-sqlite3 for Electron. This needs internet access: the prebuilt binary comes from GitHub;',
          '  otherwise Electron headers come from electronjs.org and it is compiled here (needs Python 3 and a C++ toolchain:',
          '  Visual Studio Build Tools on Windows, Xcode command line tools on macOS). Run npm start again once online;',
          '  npm test, the CLI and npm run preview do not need it.',
        ].join('\n'),
      );
    }
    const verdict = native.judgeAbi(native.probeLoadInNode(built, process.execPath), Number(want.abi));
    if (verdict.verdict === 'node') throw new StartError(`✗ better-sqlite3 的构建不是 Electron 版本 / the build is not for Electron: ${verdict.reason}`);
    if (verdict.verdict === 'unknown') console.warn(`  (could not confirm the ABI from Node: ${verdict.reason})`);
    mkdirSync(dirname(file), { recursive: true });
    copyFileSync(built, file);
    writeFileSync(infoFile, `${JSON.stringify({ ...want, method, builtAt: new Date().toISOString() }, null, 2)}\n`);
    console.log(`✓ ${relative(root, file)} (${method})`);
    return file;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

// (a)
let executable = null;
if (!prepareOnly) {
  const status = binary.electronBinaryStatus(electronDir, { exists: existsSync, readText: (p) => readFileSync(p, 'utf8') }, process.env);
  if (!status.ok) fail(binary.missingElectronMessage({ reason: status.reason, skipDownloadSet: Boolean(process.env.ELECTRON_SKIP_BINARY_DOWNLOAD), platform: process.platform }));
  executable = status.executable;
}

// (b)
let bindingFile;
try {
  bindingFile = ensureElectronBinding();
} catch (error) {
  fail(error instanceof StartError ? error.message : error instanceof Error ? error.stack : String(error));
}
if (prepareOnly) process.exit(0);

// (c)
const viteBin = join(dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js');
if (!runStep('electron-vite build', process.execPath, [viteBin, 'build'], { cwd: root })) fail('✗ 构建失败 / the build failed');

// (d)
const env = { ...process.env, [native.NATIVE_BINDING_ENV]: bindingFile };
delete env.ELECTRON_RUN_AS_NODE; // would make the binary behave as plain Node
const child = spawn(executable, ['.', ...electronArgs], { cwd: root, env, stdio: 'inherit', windowsHide: false });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
