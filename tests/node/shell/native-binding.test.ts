import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  NATIVE_BINDING_ENV,
  buildInfoFile,
  buildMatches,
  chooseNativeBinding,
  electronBindingFile,
  judgeAbi,
  moduleVersionFromLoadError,
  nativeBuildEnv,
  nodeGypArgs,
  nodeGypCandidates,
  prebuildInstallArgs,
} from '../../../electron/main/pure/native-binding';

const project = join('/home/me', 'salesdesk');
const electronFile = join(project, '.electron-native', 'better-sqlite3', '41.7.1', 'better_sqlite3.node');

describe('Electron build of better-sqlite3: where it lives', () => {
  it('is per Electron version inside the project, beside its build record', () => {
    expect(electronBindingFile(project, '41.7.1')).toBe(electronFile);
    expect(buildInfoFile(project, '41.7.1')).toBe(join(project, '.electron-native', 'better-sqlite3', '41.7.1', 'build-info.json'));
  });

  it('is rebuilt when anything it was built for changed', () => {
    const want = { electron: '41.7.1', abi: '145', betterSqlite3: '12.11.1', platform: 'linux', arch: 'x64' };
    expect(buildMatches({ ...want, method: 'prebuild-install', builtAt: '2026-01-01' }, want)).toBe(true);
    expect(buildMatches({ ...want, betterSqlite3: '12.10.0' }, want)).toBe(false);
    expect(buildMatches({ ...want, arch: 'arm64' }, want)).toBe(false);
    expect(buildMatches({ ...want, abi: 145 }, want)).toBe(false);
    expect(buildMatches(null, want)).toBe(false);
    expect(buildMatches('x', want)).toBe(false);
  });
});

describe('which binding the app loads', () => {
  const base = { appPath: project, electronVersion: '41.7.1' };
  const none = (): boolean => false;

  it('packaged: the module’s own build, and the environment is ignored', () => {
    expect(chooseNativeBinding({ ...base, isPackaged: true, env: { [NATIVE_BINDING_ENV]: '/tmp/evil.node' }, exists: () => true })).toEqual({ ok: true, file: undefined, source: 'packaged' });
  });

  it('development: the path npm start passes, if it exists and is absolute', () => {
    const env = { [NATIVE_BINDING_ENV]: electronFile };
    expect(chooseNativeBinding({ ...base, isPackaged: false, env, exists: (p) => p === electronFile })).toEqual({ ok: true, file: electronFile, source: 'env' });
    expect(chooseNativeBinding({ ...base, isPackaged: false, env, exists: none })).toMatchObject({ ok: false, error: expect.stringContaining('missing') });
    expect(chooseNativeBinding({ ...base, isPackaged: false, env: { [NATIVE_BINDING_ENV]: 'rel/x.node' }, exists: () => true })).toMatchObject({ ok: false, error: expect.stringContaining('absolute') });
  });

  it('development without the variable: the project’s build, else the default with a warning', () => {
    expect(chooseNativeBinding({ ...base, isPackaged: false, env: {}, exists: (p) => p === electronFile })).toEqual({ ok: true, file: electronFile, source: 'project' });
    expect(chooseNativeBinding({ ...base, isPackaged: false, env: { [NATIVE_BINDING_ENV]: '' }, exists: none })).toMatchObject({ ok: true, file: undefined, source: 'default', warning: expect.stringContaining('npm start') });
  });
});

describe('how the Electron build is made', () => {
  const t = { electronVersion: '41.7.1', arch: 'arm64', platform: 'darwin' };

  it('asks prebuild-install for the Electron runtime, version and arch', () => {
    expect(prebuildInstallArgs(t)).toEqual(['--runtime', 'electron', '--target', '41.7.1', '--arch', 'arm64', '--platform', 'darwin', '--verbose']);
  });

  it('falls back to node-gyp against Electron’s headers', () => {
    expect(nodeGypArgs(t)).toEqual(['rebuild', '--release', '--target=41.7.1', '--arch=arm64', '--dist-url=https://electronjs.org/headers', '--runtime=electron']);
  });

  it('drops npm config that would point node-gyp at Node’s headers', () => {
    const env = nativeBuildEnv({ PATH: '/usr/bin', npm_config_nodedir: '/usr', NPM_CONFIG_TARGET: '20.0.0', npm_config_runtime: 'node', npm_config_disturl: 'x', npm_config_cache: '/c', HOME: undefined });
    expect(env).toEqual({ PATH: '/usr/bin', npm_config_cache: '/c' });
  });

  it('finds node-gyp: npm’s hint first, then beside npm, the project, and Node’s npm', () => {
    const list = nodeGypCandidates({ npm_config_node_gyp: '/opt/npm/node_modules/node-gyp/bin/node-gyp.js', npm_execpath: '/opt/npm/bin/npm-cli.js' }, project, '/usr/bin/node', 'linux');
    expect(list).toEqual([
      '/opt/npm/node_modules/node-gyp/bin/node-gyp.js',
      join(project, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
      '/usr/lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js',
    ]);
    expect(nodeGypCandidates({}, project, 'C:\\nodejs\\node.exe', 'win32').at(-1)).toContain(join('npm', 'node_modules', 'node-gyp'));
  });
});

describe('verifying the ABI without Electron', () => {
  const mismatch =
    "The module '/x/better_sqlite3.node'\nwas compiled against a different Node.js version using\nNODE_MODULE_VERSION 145. This version of Node.js requires\nNODE_MODULE_VERSION 115. Please try re-compiling or re-installing";

  it('reads the module version from Node’s refusal', () => {
    expect(moduleVersionFromLoadError(mismatch)).toBe(145);
    expect(moduleVersionFromLoadError('cannot open shared object file')).toBeNull();
  });

  it('accepts Electron’s ABI, rejects a Node build, and is unsure otherwise', () => {
    expect(judgeAbi({ loaded: false, message: mismatch }, 145)).toEqual({ verdict: 'electron' });
    expect(judgeAbi({ loaded: true }, 145)).toMatchObject({ verdict: 'node' });
    expect(judgeAbi({ loaded: false, message: mismatch.replace('145', '133') }, 145)).toMatchObject({ verdict: 'node', reason: expect.stringContaining('133') });
    expect(judgeAbi({ loaded: false, message: 'The specified procedure could not be found.' }, 145)).toMatchObject({ verdict: 'unknown' });
  });
});

describe('probing a real addon with plain Node', () => {
  it('knows node_modules’ better-sqlite3 is the Node build (so it would never be taken for Electron’s)', async () => {
    const { createRequire } = await import('node:module');
    const { dirname } = await import('node:path');
    const { probeLoadInNode } = await import('../../../electron/main/pure/native-binding');
    const pkg = createRequire(import.meta.url).resolve('better-sqlite3/package.json');
    const nodeBuild = join(dirname(pkg), 'build', 'Release', 'better_sqlite3.node');
    expect(judgeAbi(probeLoadInNode(nodeBuild, process.execPath), 145)).toMatchObject({ verdict: 'node' });
    expect(judgeAbi(probeLoadInNode(join(project, 'missing.node'), process.execPath), 145)).toMatchObject({ verdict: 'unknown' });
  });
});
