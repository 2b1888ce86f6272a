import type { Lang } from '../../../shared/i18n/text';

/** The Electron menu roles the template uses (a subset of MenuItemConstructorOptions['role']). */
export type MenuRole =
  | 'about' | 'services' | 'hide' | 'hideOthers' | 'unhide' | 'quit'
  | 'undo' | 'redo' | 'cut' | 'copy' | 'paste' | 'selectAll'
  | 'reload' | 'toggleDevTools' | 'resetZoom' | 'zoomIn' | 'zoomOut' | 'togglefullscreen'
  | 'minimize' | 'zoom' | 'close' | 'front' | 'help' | 'window';

/** Things only the shell can do; main maps each to a click handler. */
export type MenuAction = 'openDataFolder' | 'backupNow' | 'about';

export interface MenuItemSpec {
  label?: string;
  role?: MenuRole;
  type?: 'separator';
  accelerator?: string;
  action?: MenuAction;
  submenu?: MenuItemSpec[];
}

export interface MenuOptions {
  lang: Lang;
  platform: NodeJS.Platform;
  /** Developer tools only in an unpackaged build. */
  isPackaged: boolean;
  appName: string;
}

const T = {
  about: { zh: '关于 SalesDesk', en: 'About SalesDesk' },
  hide: { zh: '隐藏 SalesDesk', en: 'Hide SalesDesk' },
  hideOthers: { zh: '隐藏其他', en: 'Hide Others' },
  unhide: { zh: '全部显示', en: 'Show All' },
  services: { zh: '服务', en: 'Services' },
  quit: { zh: '退出 SalesDesk', en: 'Quit SalesDesk' },
  file: { zh: '文件', en: 'File' },
  openDataFolder: { zh: '打开数据文件夹', en: 'Open Data Folder' },
  backupNow: { zh: '立即备份', en: 'Back Up Now' },
  exit: { zh: '退出', en: 'Exit' },
  edit: { zh: '编辑', en: 'Edit' },
  undo: { zh: '撤销', en: 'Undo' },
  redo: { zh: '重做', en: 'Redo' },
  cut: { zh: '剪切', en: 'Cut' },
  copy: { zh: '复制', en: 'Copy' },
  paste: { zh: '粘贴', en: 'Paste' },
  selectAll: { zh: '全选', en: 'Select All' },
  view: { zh: '视图', en: 'View' },
  reload: { zh: '重新加载', en: 'Reload' },
  devTools: { zh: '开发者工具', en: 'Developer Tools' },
  resetZoom: { zh: '实际大小', en: 'Actual Size' },
  zoomIn: { zh: '放大', en: 'Zoom In' },
  zoomOut: { zh: '缩小', en: 'Zoom Out' },
  fullscreen: { zh: '全屏', en: 'Toggle Full Screen' },
  window: { zh: '窗口', en: 'Window' },
  minimize: { zh: '最小化', en: 'Minimize' },
  zoom: { zh: '缩放', en: 'Zoom' },
  front: { zh: '前置全部窗口', en: 'Bring All to Front' },
  close: { zh: '关闭窗口', en: 'Close Window' },
  help: { zh: '帮助', en: 'Help' },
} as const;

const sep: MenuItemSpec = { type: 'separator' };

/**
 * The application menu in the user's language (the `language` setting; main rebuilds it when the
 * session changes). Labels are given explicitly because Electron's role labels follow the OS, not us.
 */
export function buildMenuTemplate(opts: MenuOptions): MenuItemSpec[] {
  const t = (key: keyof typeof T): string => (opts.lang === 'en' ? T[key].en : T[key].zh);
  const mac = opts.platform === 'darwin';

  const appMenu: MenuItemSpec = {
    label: opts.appName,
    submenu: [
      { label: t('about'), action: 'about' },
      sep,
      { label: t('services'), role: 'services' },
      sep,
      { label: t('hide'), role: 'hide' },
      { label: t('hideOthers'), role: 'hideOthers' },
      { label: t('unhide'), role: 'unhide' },
      sep,
      { label: t('quit'), role: 'quit' },
    ],
  };
  const fileMenu: MenuItemSpec = {
    label: t('file'),
    submenu: [
      { label: t('openDataFolder'), action: 'openDataFolder' },
      { label: t('backupNow'), action: 'backupNow', accelerator: 'CmdOrCtrl+Shift+B' },
      ...(mac ? [] : [sep, { label: t('exit'), role: 'quit' } satisfies MenuItemSpec]),
    ],
  };
  const editMenu: MenuItemSpec = {
    label: t('edit'),
    submenu: [
      { label: t('undo'), role: 'undo' },
      { label: t('redo'), role: 'redo' },
      sep,
      { label: t('cut'), role: 'cut' },
      { label: t('copy'), role: 'copy' },
      { label: t('paste'), role: 'paste' },
      { label: t('selectAll'), role: 'selectAll' },
    ],
  };
  const viewMenu: MenuItemSpec = {
    label: t('view'),
    submenu: [
      { label: t('reload'), role: 'reload' },
      ...(opts.isPackaged ? [] : [{ label: t('devTools'), role: 'toggleDevTools' } satisfies MenuItemSpec]),
      sep,
      { label: t('resetZoom'), role: 'resetZoom' },
      { label: t('zoomIn'), role: 'zoomIn' },
      { label: t('zoomOut'), role: 'zoomOut' },
      sep,
      { label: t('fullscreen'), role: 'togglefullscreen' },
    ],
  };
  const windowMenu: MenuItemSpec = {
    label: t('window'),
    role: 'window',
    submenu: mac
      ? [{ label: t('minimize'), role: 'minimize' }, { label: t('zoom'), role: 'zoom' }, sep, { label: t('front'), role: 'front' }]
      : [{ label: t('minimize'), role: 'minimize' }, { label: t('close'), role: 'close' }],
  };
  const helpMenu: MenuItemSpec = {
    label: t('help'),
    role: 'help',
    submenu: [{ label: t('about'), action: 'about' }],
  };
  return [...(mac ? [appMenu] : []), fileMenu, editMenu, viewMenu, windowMenu, helpMenu];
}
