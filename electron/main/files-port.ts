import { type BrowserWindow, dialog, shell } from 'electron';
import type { FilesPort } from '../backend/files';
import { msg } from '../../shared/i18n/text';
import { AppError } from '../../shared/rpc/errors';

/** The desktop side of FilesPort: native open/save dialogs and the OS file manager. */
export function electronFilesPort(currentWindow: () => BrowserWindow | null): FilesPort {
  return {
    canOpenFolders: true,
    canPickFiles: true,
    async openFolder(path) {
      const error = await shell.openPath(path);
      if (error) throw new AppError('FILE_ERROR', msg(`无法打开文件夹 ${path}：${error}`, `Cannot open the folder ${path}: ${error}`));
    },
    async pickOpenFile({ title, filters }) {
      const options = { title, filters, properties: ['openFile' as const] };
      const win = currentWindow();
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async pickSaveFile({ title, defaultName, filters }) {
      const options = { title, defaultPath: defaultName, filters, properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const] };
      const win = currentWindow();
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async revealFile(path) {
      shell.showItemInFolder(path);
    },
  };
}
