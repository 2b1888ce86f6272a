import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { BrowserWindow, app, dialog, session } from 'electron';
import { type Backend, createBackend } from '../backend/createBackend';
import { consoleLogger } from '../backend/logger';
import { APP_NAME, defaultDataDir, defaultDbFile } from '../backend/paths';
import { APP_VERSION } from '../backend/version';
import { AppError } from '../../shared/rpc/errors';
import type { Lang } from '../../shared/i18n/text';
import { electronFilesPort } from './files-port';
import { connectIpc } from './ipc';
import { installMenu } from './menu';
import { registerAppScheme, serveRenderer } from './protocol';
import { chooseNativeBinding } from './pure/native-binding';
import { isNativeAbiError, shellText } from './pure/shell-text';
import { denyAllPermissions, hardenWebContents } from './security';
import { createMainWindow } from './window';
import { startExportScheduler } from '../backend/services/export/scheduled-exports';

const DAY_MS = 24 * 60 * 60 * 1000;
const logger = consoleLogger;

let mainWindow: BrowserWindow | null = null;
let backend: Backend | null = null;
const cleanups: (() => void)[] = [];

function showWindow(): void {
  if (mainWindow === null || mainWindow.isDestroyed()) {
    mainWindow = createMainWindow();
    mainWindow.on('closed', () => (mainWindow = null));
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

function lang(): Lang {
  try {
    return backend?.core.settings().language ?? 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

async function showInfo(title: string, message: string): Promise<void> {
  const options = { type: 'info' as const, title, message, buttons: ['OK'] };
  if (mainWindow) await dialog.showMessageBox(mainWindow, options);
  else await dialog.showMessageBox(options);
}

/** Opens (and migrates) the database before any window exists; the Electron build of better-sqlite3. */
function openBackend(): Backend {
  const dbFile = defaultDbFile();
  const binding = chooseNativeBinding({
    isPackaged: app.isPackaged,
    env: process.env,
    appPath: app.getAppPath(),
    electronVersion: process.versions.electron,
    exists: existsSync,
  });
  try {
    if (!binding.ok) throw new Error(binding.error);
    if (binding.warning) logger.warn(binding.warning);
    return createBackend({ dbFile, files: electronFilesPort(() => mainWindow), nativeBinding: binding.file, logger, synchronous: 'FULL' });
  } catch (error) {
    const text = error instanceof AppError ? `${error.text.zh}\n${error.text.en}` : String(error instanceof Error ? error.message : error);
    const hint = isNativeAbiError(text) || !binding.ok ? `\n\n${shellText('nativeHint', 'zh-CN')}` : '';
    dialog.showErrorBox(shellText('startFailedTitle', 'zh-CN'), shellText('startFailed', 'zh-CN', { file: dbFile, error: text }) + hint);
    throw error;
  }
}

function startDailyTasks(b: Backend): void {
  const run = (): void => {
    b.runDailyTasks()
      .then((r) => logger.info(`daily tasks: backup ${r.backup ?? 'not needed'}, ${r.refreshedAccounts} accounts refreshed`))
      .catch((error: unknown) => logger.error('daily tasks failed', error));
  };
  run();
  const timer = setInterval(run, DAY_MS);
  cleanups.push(() => clearInterval(timer));
  // Scheduled exports: due runs each minute while the app is open (missed ones ran in runDailyTasks).
  cleanups.push(startExportScheduler(b.core, () => b.runtime.session.actor()));
}

async function onReady(): Promise<void> {
  denyAllPermissions(session.defaultSession);
  serveRenderer(join(import.meta.dirname, '../renderer'));
  let b: Backend;
  try {
    b = openBackend();
  } catch {
    app.exit(1);
    return;
  }
  backend = b;
  cleanups.push(connectIpc(b));
  cleanups.push(
    installMenu(b, {
      openDataFolder: () => {
        b.core.files.openFolder(b.core.dataDir).catch((error: unknown) => logger.error('cannot open the data folder', error));
      },
      backupNow: () => {
        void b.dispatch('backup.create', {}).then(async (result) => {
          if (result.ok) {
            const { file } = result.value as { file: string };
            await showInfo(shellText('backupDoneTitle', lang()), shellText('backupDone', lang(), { file }));
          } else {
            await showInfo(shellText('actionFailedTitle', lang()), result.error.message);
          }
        });
      },
      about: () => {
        void showInfo(
          shellText('aboutTitle', lang()),
          shellText('aboutDetail', lang(), { version: APP_VERSION, electron: process.versions.electron, dataDir: b.core.dataDir }),
        );
      },
    }),
  );
  showWindow();
  startDailyTasks(b);
}

/** The Electron app: one instance, one window, the backend in this process behind the 'rpc' channel. */
export function startApp(): void {
  // package.json's productName has Chinese in it; the data folder is always …/SalesDesk, the same one
  // the CLI and the preview use (defaultDataDir), so all three share one database.
  app.setName(APP_NAME);
  app.setPath('userData', defaultDataDir());
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.enableSandbox();
  registerAppScheme();
  app.on('second-instance', () => {
    if (app.isReady() && backend) showWindow();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (backend && BrowserWindow.getAllWindows().length === 0) showWindow();
  });
  app.on('will-quit', () => {
    for (const cleanup of cleanups.splice(0).reverse()) cleanup();
    backend?.close();
    backend = null;
  });
  app
    .whenReady()
    .then(onReady)
    .catch((error: unknown) => {
      logger.error('SalesDesk failed to start', error);
      app.exit(1);
    });
}
