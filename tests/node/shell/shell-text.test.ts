import { describe, expect, it } from 'vitest';
import { SHELL_TEXT, isNativeAbiError, shellText } from '../../../electron/main/pure/shell-text';
import { MIN_WINDOW, PREFERRED_WINDOW, initialWindowSize } from '../../../electron/main/pure/window-size';

describe('shell dialogs text', () => {
  it('has Chinese and English for every message and fills placeholders', () => {
    for (const [key, text] of Object.entries(SHELL_TEXT)) {
      expect(text.zh, key).toMatch(/[\u4e00-\u9fff]/);
      expect(text.en, key).toMatch(/[A-Za-z]/);
    }
    expect(shellText('backupDone', 'zh-CN', { file: '/d/b.sqlite' })).toBe('已备份到：/d/b.sqlite');
    expect(shellText('backupDone', 'en', { file: '/d/b.sqlite' })).toBe('Backed up to: /d/b.sqlite');
    expect(shellText('aboutDetail', 'en', { version: '0.1.0' })).toContain('Version 0.1.0\nElectron {electron}');
  });

  it('recognises the wrong-ABI error so the start dialog can say what to do', () => {
    expect(isNativeAbiError("The module '/x/better_sqlite3.node' was compiled against a different Node.js version using NODE_MODULE_VERSION 115")).toBe(true);
    expect(isNativeAbiError('database schema version 9 is newer than this app supports (3)')).toBe(false);
  });
});

describe('initial window size', () => {
  it('is the preferred size on a large screen', () => {
    expect(initialWindowSize({ width: 2560, height: 1440 })).toMatchObject(PREFERRED_WINDOW);
  });

  it('fits a laptop screen and never exceeds a tiny one', () => {
    const laptop = initialWindowSize({ width: 1366, height: 728 });
    expect(laptop.width).toBeLessThanOrEqual(1366);
    expect(laptop.height).toBeLessThanOrEqual(728);
    expect(laptop.width).toBeGreaterThanOrEqual(MIN_WINDOW.width);
    const tiny = initialWindowSize({ width: 800, height: 600 });
    expect(tiny.width).toBeLessThanOrEqual(800);
    expect(tiny.height).toBeLessThanOrEqual(600);
    expect(tiny.minWidth).toBeLessThanOrEqual(800);
  });
});
