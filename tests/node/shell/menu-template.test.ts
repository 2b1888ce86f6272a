import { describe, expect, it } from 'vitest';
import { type MenuItemSpec, buildMenuTemplate } from '../../../electron/main/pure/menu-template';

const flat = (items: MenuItemSpec[]): MenuItemSpec[] => items.flatMap((i) => [i, ...flat(i.submenu ?? [])]);
const base = { platform: 'win32' as const, isPackaged: true, appName: 'SalesDesk' };

describe('application menu', () => {
  it('is in Chinese by default and in English when the setting says so', () => {
    const zh = buildMenuTemplate({ ...base, lang: 'zh-CN' });
    const en = buildMenuTemplate({ ...base, lang: 'en' });
    expect(zh.map((m) => m.label)).toEqual(['文件', '编辑', '视图', '窗口', '帮助']);
    expect(en.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
    const zhLabels = flat(zh).filter((i) => i.type !== 'separator').map((i) => i.label);
    expect(zhLabels).toContain('打开数据文件夹');
    expect(zhLabels).toContain('立即备份');
    expect(zhLabels).toContain('复制');
    // Same structure, every item labelled, no English left in the Chinese menu.
    expect(flat(zh).length).toBe(flat(en).length);
    for (const item of flat(zh)) if (item.type !== 'separator') expect(item.label, JSON.stringify(item)).toMatch(/[\u4e00-\u9fff]|SalesDesk/);
  });

  it('wires the shell actions and standard edit roles', () => {
    const items = flat(buildMenuTemplate({ ...base, lang: 'zh-CN' }));
    expect(items.filter((i) => i.action).map((i) => i.action).sort()).toEqual(['about', 'backupNow', 'openDataFolder']);
    for (const role of ['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'quit'] as const) expect(items.some((i) => i.role === role), role).toBe(true);
    for (const i of items) if (i.type !== 'separator') expect(i.action || i.role || i.submenu, JSON.stringify(i)).toBeTruthy();
  });

  it('offers developer tools only in an unpackaged build', () => {
    const packaged = flat(buildMenuTemplate({ ...base, lang: 'zh-CN', isPackaged: true }));
    const dev = flat(buildMenuTemplate({ ...base, lang: 'zh-CN', isPackaged: false }));
    expect(packaged.some((i) => i.role === 'toggleDevTools')).toBe(false);
    expect(dev.some((i) => i.role === 'toggleDevTools')).toBe(true);
  });

  it('follows macOS conventions there (app menu first, no Exit in File)', () => {
    const mac = buildMenuTemplate({ ...base, platform: 'darwin', lang: 'zh-CN' });
    expect(mac[0]?.label).toBe('SalesDesk');
    expect(flat(mac[0]!.submenu!).some((i) => i.role === 'quit')).toBe(true);
    expect(flat(mac[1]!.submenu!).some((i) => i.role === 'quit')).toBe(false);
    expect(flat(mac).some((i) => i.role === 'front')).toBe(true);
  });
});
