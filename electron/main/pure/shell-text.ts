import type { Lang, LocalizedText } from '../../../shared/i18n/text';
import { msg, pick } from '../../../shared/i18n/text';

/** The few messages the shell itself shows (dialogs outside the React UI). */
export const SHELL_TEXT = {
  windowTitle: msg('SalesDesk 销售内勤台', 'SalesDesk 销售内勤台'),
  aboutTitle: msg('关于 SalesDesk', 'About SalesDesk'),
  aboutDetail: msg('版本 {version}\nElectron {electron}\n数据文件夹：{dataDir}', 'Version {version}\nElectron {electron}\nData folder: {dataDir}'),
  backupDoneTitle: msg('备份完成', 'Backup complete'),
  backupDone: msg('已备份到：{file}', 'Backed up to: {file}'),
  actionFailedTitle: msg('操作未完成', 'Could not complete'),
  startFailedTitle: msg('SalesDesk 无法启动 / SalesDesk cannot start', 'SalesDesk 无法启动 / SalesDesk cannot start'),
  startFailed: msg(
    '打开数据库失败 / Could not open the database:\n{file}\n\n{error}',
    '打开数据库失败 / Could not open the database:\n{file}\n\n{error}',
  ),
  nativeHint: msg(
    '请用 `npm start` 启动（它会为 Electron 准备 better-sqlite3）。\nStart the app with `npm start` (it prepares better-sqlite3 for Electron).',
    '请用 `npm start` 启动（它会为 Electron 准备 better-sqlite3）。\nStart the app with `npm start` (it prepares better-sqlite3 for Electron).',
  ),
} satisfies Record<string, LocalizedText>;

export type ShellTextKey = keyof typeof SHELL_TEXT;

/** A shell message in the given language with {placeholders} filled in. */
export function shellText(key: ShellTextKey, lang: Lang, values: Record<string, string> = {}): string {
  return pick(SHELL_TEXT[key], lang).replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** True when a load error means the native addon was built for another ABI (Node's instead of Electron's). */
export function isNativeAbiError(message: string): boolean {
  return /NODE_MODULE_VERSION|was compiled against a different Node\.js version|better_sqlite3\.node/.test(message);
}
