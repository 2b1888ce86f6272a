import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveAppRequest } from '../../../electron/main/pure/app-request';
import { META_CONTENT_SECURITY_POLICY } from '../../../electron/main/pure/csp';
import { tempDir } from '../../helpers/backend';

const root = resolve(import.meta.dirname, '../../..');
const tmp = tempDir('salesdesk-build-');
const out = tmp.dir;

beforeAll(() => {
  // The real electron-vite build, into a temporary folder so that out/ (which the preview and the
  // browser tests serve) is left alone.
  const r = spawnSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build', '--outDir', out, '--logLevel', 'warn'], {
    cwd: root,
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (r.status !== 0) throw new Error(`electron-vite build failed:\n${r.stdout}\n${r.stderr}`);
}, 120_000);
afterAll(() => tmp.cleanup());

interface FakeElectron {
  exposed: Record<string, unknown>;
  invoked: unknown[][];
  listeners: Set<(...args: unknown[]) => void>;
  required: string[];
}

/** Runs the built preload the way a sandboxed renderer does: CommonJS, with only `require('electron')`. */
function runPreload(code: string): FakeElectron {
  const fake: FakeElectron = { exposed: {}, invoked: [], listeners: new Set(), required: [] };
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (fake.exposed[key] = value) },
    ipcRenderer: {
      invoke: (...args: unknown[]) => {
        fake.invoked.push(args);
        return Promise.resolve({ ok: true, value: 'pong' });
      },
      on: (channel: string, l: (...args: unknown[]) => void) => channel === 'event' && fake.listeners.add(l),
      removeListener: (channel: string, l: (...args: unknown[]) => void) => channel === 'event' && fake.listeners.delete(l),
    },
    webUtils: { getPathForFile: (file: { name: string }) => `/home/me/${file.name}` },
  };
  const wrapper = vm.runInNewContext(`(function (exports, require, module) {\n${code}\n})`, {}, { filename: 'index.cjs' }) as (
    e: object,
    r: (id: string) => unknown,
    m: { exports: object },
  ) => void;
  const module = { exports: {} };
  wrapper(module.exports, (id) => {
    fake.required.push(id);
    if (id === 'electron') return electron;
    throw new Error(`a sandboxed preload cannot require ${id}`);
  }, module);
  return fake;
}

describe('electron-vite build output', () => {
  it('emits the preload as CommonJS exposing exactly window.api = {invoke, on, pathForFile}', async () => {
    const code = readFileSync(join(out, 'preload', 'index.cjs'), 'utf8');
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    const fake = runPreload(code);
    expect(fake.required).toEqual(['electron']);
    expect(Object.keys(fake.exposed)).toEqual(['api']);
    const api = fake.exposed.api as {
      invoke(method: string, payload: unknown): Promise<unknown>;
      on(event: string, cb: (payload: unknown) => void): () => void;
      pathForFile(file: { name: string }): string;
    };
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on', 'pathForFile']);

    await expect(api.invoke('accounts.list', { limit: 5 })).resolves.toEqual({ ok: true, value: 'pong' });
    expect(fake.invoked).toEqual([['rpc', 'accounts.list', { limit: 5 }]]);

    const seen: unknown[] = [];
    const off = api.on('data.changed', (p) => seen.push(p));
    const ipcEvent = { sender: 'ipcRenderer internals stay in the preload' };
    for (const l of fake.listeners) {
      l(ipcEvent, 'session.changed', {});
      l(ipcEvent, 'data.changed', { entities: ['accounts'] });
    }
    expect(seen).toEqual([{ entities: ['accounts'] }]);
    off();
    expect(fake.listeners.size).toBe(0);

    expect(api.pathForFile({ name: '客户.xlsx' })).toBe('/home/me/客户.xlsx');
  });

  it('emits main as ESM with the hardened window and the app:// scheme', () => {
    const main = readFileSync(join(out, 'main', 'index.js'), 'utf8');
    expect(main).toMatch(/^import \{[^}]*\} from "electron";$/m);
    expect(main).not.toMatch(/\brequire\("electron"\)/);
    for (const s of ['contextIsolation: true', 'nodeIntegration: false', 'sandbox: true', 'webSecurity: true', 'webviewTag: false', '"../preload/index.cjs"', 'registerSchemesAsPrivileged', 'requestSingleInstanceLock', 'setPermissionRequestHandler', 'setWindowOpenHandler']) {
      expect(main, s).toContain(s);
    }
    expect(main).not.toMatch(/nodeIntegration: true|contextIsolation: false|sandbox: false|webSecurity: false/);
  });

  it('emits a renderer that app:// can serve, file by file, with the same CSP', () => {
    const rendererDir = join(out, 'renderer');
    const html = readFileSync(join(rendererDir, 'index.html'), 'utf8');
    expect(html).toContain(`content="${META_CONTENT_SECURITY_POLICY}"`);
    const files = readdirSync(rendererDir, { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile())
      .map((d) => join(d.parentPath, d.name));
    expect(files.length).toBeGreaterThan(1);
    for (const file of files) {
      const url = `app://salesdesk/${relative(rendererDir, file).split(sep).join('/')}`;
      expect(resolveAppRequest(url, rendererDir), url).toEqual({ ok: true, file });
    }
    for (const src of html.matchAll(/(?:src|href)="([^"]+)"/g)) {
      const target = resolveAppRequest(new URL(src[1]!, 'app://salesdesk/index.html').href, rendererDir);
      expect(target.ok && files.includes(target.file), src[1]).toBe(true);
    }
  });
});
