import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { electronBinaryStatus, missingElectronMessage } from '../../../electron/main/pure/electron-binary';
import { tempDir } from '../../helpers/backend';

const realFs = { exists: existsSync, readText: (p: string) => readFileSync(p, 'utf8') };
let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

describe('is the Electron binary installed?', () => {
  it('no: path.txt missing (ELECTRON_SKIP_BINARY_DOWNLOAD or no internet at install)', () => {
    const t = tempDir();
    cleanup = t.cleanup;
    expect(electronBinaryStatus(t.dir, realFs)).toMatchObject({ ok: false, reason: expect.stringContaining('path.txt') });
  });

  it('no: path.txt names a file that is not in dist/', () => {
    const t = tempDir();
    cleanup = t.cleanup;
    writeFileSync(join(t.dir, 'path.txt'), 'electron');
    expect(electronBinaryStatus(t.dir, realFs)).toMatchObject({ ok: false, reason: expect.stringContaining(join('dist', 'electron')) });
  });

  it('yes: dist/<path.txt> exists (or ELECTRON_OVERRIDE_DIST_PATH/<path.txt>)', () => {
    const t = tempDir();
    cleanup = t.cleanup;
    writeFileSync(join(t.dir, 'path.txt'), 'Electron.app/Contents/MacOS/Electron');
    mkdirSync(join(t.dir, 'dist', 'Electron.app', 'Contents', 'MacOS'), { recursive: true });
    writeFileSync(join(t.dir, 'dist', 'Electron.app', 'Contents', 'MacOS', 'Electron'), '');
    expect(electronBinaryStatus(t.dir, realFs)).toEqual({ ok: true, executable: join(t.dir, 'dist', 'Electron.app', 'Contents', 'MacOS', 'Electron') });
    expect(electronBinaryStatus(t.dir, realFs, { ELECTRON_OVERRIDE_DIST_PATH: join(t.dir, 'elsewhere') }).ok).toBe(false);
  });
});

describe('the message npm start prints without the binary', () => {
  it('says how to get it and that the preview runs the same app, in Chinese then English', () => {
    const text = missingElectronMessage({ reason: 'path.txt is missing', skipDownloadSet: false, platform: 'linux' });
    expect(text).toContain('node node_modules/electron/install.js');
    expect(text).toContain('npm run preview');
    expect(text.indexOf('没有找到 Electron')).toBeLessThan(text.indexOf('The Electron binary is missing'));
    expect(text).not.toContain('ELECTRON_SKIP_BINARY_DOWNLOAD');
  });

  it('tells people to clear ELECTRON_SKIP_BINARY_DOWNLOAD first when it is set (install.js obeys it)', () => {
    expect(missingElectronMessage({ reason: 'x', skipDownloadSet: true, platform: 'linux' })).toContain('unset ELECTRON_SKIP_BINARY_DOWNLOAD');
    expect(missingElectronMessage({ reason: 'x', skipDownloadSet: true, platform: 'win32' })).toContain('set ELECTRON_SKIP_BINARY_DOWNLOAD=');
  });
});

describe('npm start without the binary', () => {
  it('exits 1 with that message before building or downloading anything', () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const root = resolve(import.meta.dirname, '../../..');
    // An empty override folder makes the binary "missing" even on machines that have it installed.
    const r = spawnSync(process.execPath, ['scripts/start.mjs'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: t.dir, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
      timeout: 60_000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('node node_modules/electron/install.js');
    expect(r.stderr).toContain('npm run preview');
    expect(r.stderr).toContain('unset ELECTRON_SKIP_BINARY_DOWNLOAD');
    expect(r.stdout).not.toContain('better-sqlite3');
  });
});
