import { join } from 'node:path';
import { BrowserWindow, app, screen } from 'electron';
import { APP_START_URL } from './pure/app-origin';
import { SHELL_TEXT } from './pure/shell-text';
import { initialWindowSize } from './pure/window-size';

/** The main window: sandboxed, context-isolated, no Node in the page, only the preload's window.api. */
export function createMainWindow(): BrowserWindow {
  const size = initialWindowSize(screen.getPrimaryDisplay().workAreaSize);
  const win = new BrowserWindow({
    ...size,
    title: SHELL_TEXT.windowTitle.zh,
    show: false,
    backgroundColor: '#f5f5f5',
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      sandbox: true,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      // A file dropped outside a drop zone must not navigate the window to file://.
      navigateOnDragDrop: false,
      spellcheck: false,
      // Middle-click would otherwise try to open links in new windows (denied anyway).
      disableBlinkFeatures: 'Auxclick',
      devTools: !app.isPackaged,
    },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_START_URL);
  return win;
}
