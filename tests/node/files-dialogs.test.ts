import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FileFilter, FilesPort } from '../../electron/backend/files';
import { setUpBackend, testBackend } from '../helpers/backend';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

/** The desktop side as the Electron shell provides it, answering like a user would. */
function desktopPort(answers: { open?: string | null; save?: string | null }) {
  const calls: { method: string; args: unknown }[] = [];
  const port: FilesPort = {
    canOpenFolders: true,
    canPickFiles: true,
    openFolder: async (path) => void calls.push({ method: 'openFolder', args: path }),
    pickOpenFile: async (args: { title: string; filters: FileFilter[] }) => {
      calls.push({ method: 'pickOpenFile', args });
      return answers.open ?? null;
    },
    pickSaveFile: async (args: { title: string; defaultName: string; filters: FileFilter[] }) => {
      calls.push({ method: 'pickSaveFile', args });
      return answers.save ?? null;
    },
    revealFile: async (path) => void calls.push({ method: 'revealFile', args: path }),
  };
  return { port, calls };
}

describe('files.* without a desktop (browser preview, CLI)', () => {
  it('says so in status and answers UNSUPPORTED in the user’s language', async () => {
    const t = await setUpBackend();
    cleanup = t.close;
    const status = await t.client.call('system.status', {});
    expect(status).toMatchObject({ canPickFiles: false, canOpenFolders: false });
    await expect(t.client.call('files.pickOpen', { filters: [{ name: 'Excel', extensions: ['xlsx'] }] })).rejects.toMatchObject({ code: 'UNSUPPORTED', message: expect.stringContaining('文件选择对话框') });
    await expect(t.client.call('files.pickSave', { defaultName: '客户.xlsx' })).rejects.toMatchObject({ code: 'UNSUPPORTED' });
    await expect(t.client.call('files.reveal', { path: t.dir })).rejects.toMatchObject({ code: 'UNSUPPORTED', message: expect.stringContaining(t.dir) });
    await t.client.call('settings.update', { language: 'en' });
    await expect(t.client.call('files.pickOpen', {})).rejects.toMatchObject({ code: 'UNSUPPORTED', message: expect.stringContaining('File dialogs are not available') });
  });
});

describe('files.* in the desktop app', () => {
  it('opens the native dialogs with the page’s title and filters and returns the choice', async () => {
    const d = desktopPort({ open: '/home/me/客户清单.xlsx', save: '/home/me/导出.xlsx' });
    const t = await setUpBackend({ files: d.port });
    cleanup = t.close;
    expect(await t.client.call('system.status', {})).toMatchObject({ canPickFiles: true, canOpenFolders: true });
    const filters = [{ name: 'Excel 工作簿', extensions: ['xlsx', 'xls'] }, { name: 'CSV', extensions: ['csv'] }];
    await expect(t.client.call('files.pickOpen', { title: '导入客户', filters })).resolves.toEqual({ path: '/home/me/客户清单.xlsx' });
    await expect(t.client.call('files.pickSave', { defaultName: '应收账龄.xlsx', filters })).resolves.toEqual({ path: '/home/me/导出.xlsx' });
    expect(d.calls).toEqual([
      { method: 'pickOpenFile', args: { title: '导入客户', filters } },
      { method: 'pickSaveFile', args: { title: '保存为', defaultName: '应收账龄.xlsx', filters } },
    ]);
  });

  it('returns path null when the user cancels', async () => {
    const t = await setUpBackend({ files: desktopPort({ open: null, save: null }).port });
    cleanup = t.close;
    await expect(t.client.call('files.pickOpen', {})).resolves.toEqual({ path: null });
    await expect(t.client.call('files.pickSave', {})).resolves.toEqual({ path: null });
  });

  it('reveals an existing file and refuses a missing or relative one', async () => {
    const d = desktopPort({});
    const t = await setUpBackend({ files: d.port });
    cleanup = t.close;
    const file = join(t.dir, 'export.xlsx');
    writeFileSync(file, 'x');
    await expect(t.client.call('files.reveal', { path: file })).resolves.toEqual({ ok: true });
    await expect(t.client.call('files.reveal', { path: join(t.dir, 'nope.xlsx') })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(t.client.call('files.reveal', { path: 'export.xlsx' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(d.calls).toEqual([{ method: 'revealFile', args: file }]);
  });

  it('refuses hostile input before the dialog opens', async () => {
    const d = desktopPort({ open: '/x' });
    const t = await setUpBackend({ files: d.port });
    cleanup = t.close;
    for (const defaultName of ['../../etc/passwd', 'C:\\Windows\\x.xlsx', 'a/b.xlsx', 'bad\u0000name.xlsx', 'x'.repeat(201)]) {
      await expect(t.client.call('files.pickSave', { defaultName }), defaultName).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    }
    await expect(t.client.call('files.pickOpen', { filters: [{ name: 'x', extensions: ['.xlsx'] }] })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(t.client.call('files.pickOpen', { filters: [{ name: 'x', extensions: [] }] })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(t.client.tryCall('files.pickOpen', { extra: true } as never)).resolves.toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(d.calls).toEqual([]);
  });

  it('needs a signed-in user', async () => {
    const d = desktopPort({ open: '/x' });
    const t = testBackend({ files: d.port });
    cleanup = t.close;
    await expect(t.client.call('files.pickOpen', {})).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(d.calls).toEqual([]);
  });
});
