import { existsSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import type { FileFilter } from '../files';
import { type Lang, msg, pick } from '../../../shared/i18n/text';
import { AppError } from '../../../shared/rpc/errors';
import type { Core } from '../core';

function requirePicker(core: Core): void {
  if (!core.files.canPickFiles) {
    throw new AppError(
      'UNSUPPORTED',
      msg('这里无法弹出文件选择对话框（浏览器预览或命令行）：请把文件拖到页面上，或在桌面版中操作', 'File dialogs are not available here (browser preview or command line): drop the file onto the page, or use the desktop app'),
    );
  }
}

export async function pickOpenFile(core: Core, lang: Lang, input: { title?: string | undefined; filters: FileFilter[] }): Promise<string | null> {
  requirePicker(core);
  return core.files.pickOpenFile({ title: input.title || pick(msg('选择文件', 'Choose a file'), lang), filters: input.filters });
}

export async function pickSaveFile(
  core: Core,
  lang: Lang,
  input: { title?: string | undefined; defaultName?: string | undefined; filters: FileFilter[] },
): Promise<string | null> {
  requirePicker(core);
  return core.files.pickSaveFile({ title: input.title || pick(msg('保存为', 'Save as'), lang), defaultName: input.defaultName ?? '', filters: input.filters });
}

export async function revealFile(core: Core, path: string): Promise<void> {
  if (!core.files.canOpenFolders) {
    throw new AppError('UNSUPPORTED', msg(`这里无法打开文件管理器（浏览器预览或命令行），文件位置：${path}`, `The file manager cannot be opened here (browser preview or command line); the file is at ${path}`));
  }
  if (!isAbsolute(path) || !existsSync(path)) throw new AppError('NOT_FOUND', msg(`找不到文件：${path}`, `File not found: ${path}`));
  await core.files.revealFile(path);
}
