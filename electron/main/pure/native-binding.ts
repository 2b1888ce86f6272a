import { spawnSync } from 'node:child_process';
import { dirname, isAbsolute, join } from 'node:path';

/**
 * better-sqlite3 is a native addon, and Node (tests, CLI, preview) and Electron (the app) need builds
 * for different ABIs. One `npm install` gives the Node build in node_modules; `npm start` adds an
 * Electron build under .electron-native/, and the app loads it through better-sqlite3's `nativeBinding`
 * option, so neither build ever replaces the other. A packaged app has its own rebuilt copy.
 */
export const NATIVE_ROOT_DIR = '.electron-native';
export const BINDING_FILE_NAME = 'better_sqlite3.node';
export const BUILD_INFO_FILE_NAME = 'build-info.json';
/** Set by scripts/start.mjs to the Electron build's absolute path. */
export const NATIVE_BINDING_ENV = 'SALESDESK_NATIVE_BINDING';
export const ELECTRON_HEADERS_URL = 'https://electronjs.org/headers';

export function electronBindingDir(projectRoot: string, electronVersion: string): string {
  return join(projectRoot, NATIVE_ROOT_DIR, 'better-sqlite3', electronVersion);
}

export function electronBindingFile(projectRoot: string, electronVersion: string): string {
  return join(electronBindingDir(projectRoot, electronVersion), BINDING_FILE_NAME);
}

export function buildInfoFile(projectRoot: string, electronVersion: string): string {
  return join(electronBindingDir(projectRoot, electronVersion), BUILD_INFO_FILE_NAME);
}

/** What a build was made for; written beside the .node file so a stale one is rebuilt. */
export interface NativeBuildTarget {
  electron: string;
  abi: string;
  betterSqlite3: string;
  platform: string;
  arch: string;
}

export interface NativeBuildInfo extends NativeBuildTarget {
  method: 'prebuild-install' | 'node-gyp';
  builtAt: string;
}

/** True when the recorded build matches what is wanted now (an upgraded better-sqlite3 needs a rebuild). */
export function buildMatches(info: unknown, want: NativeBuildTarget): boolean {
  if (typeof info !== 'object' || info === null) return false;
  const rec = info as Record<string, unknown>;
  return (Object.keys(want) as (keyof NativeBuildTarget)[]).every((k) => rec[k] === want[k]);
}

export interface BindingChoiceInput {
  isPackaged: boolean;
  env: Record<string, string | undefined>;
  /** app.getAppPath(): the project folder when run as `electron .`. */
  appPath: string;
  electronVersion: string;
  exists(path: string): boolean;
}

export type BindingChoice =
  | { ok: true; file: string | undefined; source: 'packaged' | 'env' | 'project' | 'default'; warning?: string }
  | { ok: false; error: string };

/**
 * Which better_sqlite3.node the app loads. Packaged: the module's own (rebuilt for Electron by the
 * packager); the environment is ignored there, so nobody can point the shipped app at other native
 * code. Development: $SALESDESK_NATIVE_BINDING (set by npm start), else the project's .electron-native
 * build, else the default one with a warning (it only works after an electron-rebuild of node_modules).
 */
export function chooseNativeBinding(input: BindingChoiceInput): BindingChoice {
  if (input.isPackaged) return { ok: true, file: undefined, source: 'packaged' };
  const fromEnv = input.env[NATIVE_BINDING_ENV];
  if (fromEnv !== undefined && fromEnv !== '') {
    if (!isAbsolute(fromEnv)) return { ok: false, error: `${NATIVE_BINDING_ENV} must be an absolute path, got ${fromEnv}` };
    if (!input.exists(fromEnv)) return { ok: false, error: `${NATIVE_BINDING_ENV} points to a missing file: ${fromEnv}` };
    return { ok: true, file: fromEnv, source: 'env' };
  }
  const projectFile = electronBindingFile(input.appPath, input.electronVersion);
  if (input.exists(projectFile)) return { ok: true, file: projectFile, source: 'project' };
  return {
    ok: true,
    file: undefined,
    source: 'default',
    warning: `no Electron build of better-sqlite3 at ${projectFile}; start the app with \`npm start\`, which builds it`,
  };
}

export interface BuildCommandInput {
  electronVersion: string;
  arch: string;
  platform: string;
}

/** prebuild-install, run inside a copy of node_modules/better-sqlite3: downloads the Electron prebuild. */
export function prebuildInstallArgs(t: BuildCommandInput): string[] {
  return ['--runtime', 'electron', '--target', t.electronVersion, '--arch', t.arch, '--platform', t.platform, '--verbose'];
}

/** The fallback: compile against Electron's headers (needs a C++ toolchain and Python). */
export function nodeGypArgs(t: BuildCommandInput): string[] {
  return ['rebuild', '--release', `--target=${t.electronVersion}`, `--arch=${t.arch}`, `--dist-url=${ELECTRON_HEADERS_URL}`, '--runtime=electron'];
}

/** Where the build leaves the addon, relative to the copied package. */
export const BUILT_ADDON_PATH = join('build', 'Release', BINDING_FILE_NAME);

/**
 * The environment for the build commands. npm passes its config down as npm_config_*; a `nodedir`
 * (this repo's CI sets it to /usr for the Node build), `target`, `runtime` or `disturl` there would
 * silently make node-gyp build against Node's headers instead of Electron's.
 */
export function nativeBuildEnv(env: Record<string, string | undefined>): Record<string, string> {
  const drop = new Set(['npm_config_nodedir', 'npm_config_target', 'npm_config_runtime', 'npm_config_disturl', 'npm_config_dist_url', 'npm_config_arch', 'npm_config_build_from_source']);
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined && !drop.has(k.toLowerCase())) out[k] = v;
  return out;
}

/**
 * node-gyp entry points to try, best first: the one npm tells its scripts about, the one beside the
 * running npm, the project's own, then npm's usual place next to the Node executable (`node
 * scripts/start.mjs` run without npm).
 */
export function nodeGypCandidates(env: Record<string, string | undefined>, projectRoot: string, execPath: string, platform: NodeJS.Platform): string[] {
  const gypJs = join('node-gyp', 'bin', 'node-gyp.js');
  const candidates: string[] = [];
  if (env.npm_config_node_gyp) candidates.push(env.npm_config_node_gyp);
  if (env.npm_execpath) candidates.push(join(dirname(dirname(env.npm_execpath)), 'node_modules', gypJs));
  candidates.push(join(projectRoot, 'node_modules', gypJs));
  const nodeDir = dirname(execPath);
  candidates.push(
    platform === 'win32'
      ? join(nodeDir, 'node_modules', 'npm', 'node_modules', gypJs)
      : join(dirname(nodeDir), 'lib', 'node_modules', 'npm', 'node_modules', gypJs),
  );
  return [...new Set(candidates)];
}

/**
 * Reads the ABI a native module was built for from the error Node gives when asked to load it
 * ("…compiled against a different Node.js version using NODE_MODULE_VERSION 145…"). This is how a
 * build is verified without Electron: an addon built against Node's own headers would load instead.
 */
export function moduleVersionFromLoadError(message: string): number | null {
  const m = /using\s+NODE_MODULE_VERSION\s+(\d+)/.exec(message);
  return m ? Number(m[1]) : null;
}

export type AbiVerdict = { verdict: 'electron' } | { verdict: 'node'; reason: string } | { verdict: 'unknown'; reason: string };

/**
 * Judges a fresh build from what happened when plain Node tried to load it: Node must refuse it and
 * name Electron's NODE_MODULE_VERSION. If Node loads it, it was built against Node's headers (the
 * trap @electron/rebuild falls into without Electron's headers), and Electron would refuse it.
 */
export function judgeAbi(loadOutcome: { loaded: true } | { loaded: false; message: string }, electronAbi: number): AbiVerdict {
  if (loadOutcome.loaded) return { verdict: 'node', reason: 'plain Node loaded it, so it was built for Node, not Electron' };
  const found = moduleVersionFromLoadError(loadOutcome.message);
  if (found === electronAbi) return { verdict: 'electron' };
  if (found !== null) return { verdict: 'node', reason: `it was built for NODE_MODULE_VERSION ${found}, Electron needs ${electronAbi}` };
  return { verdict: 'unknown', reason: loadOutcome.message.split('\n')[0] ?? '' };
}

/** Plain Node (execPath) tries to load the addon in a child process, so a crash cannot take us down. */
export function probeLoadInNode(file: string, execPath: string): { loaded: true } | { loaded: false; message: string } {
  const probe = 'try { process.dlopen({ exports: {} }, process.argv[1]); console.log("LOADED"); } catch (e) { console.log(e.message); }';
  const r = spawnSync(execPath, ['-e', probe, file], { encoding: 'utf8' });
  const out = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim();
  return out === 'LOADED' ? { loaded: true } : { loaded: false, message: out || `exit ${String(r.status ?? r.signal)}` };
}
