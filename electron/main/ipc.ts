import { BrowserWindow, ipcMain } from 'electron';
import type { Backend } from '../backend/createBackend';
import { isAppUrl } from './pure/app-origin';
import { UNTRUSTED_SENDER_RESULT, isTrustedSender } from './pure/ipc-sender';

/**
 * The one IPC channel: 'rpc' (method, payload) → backend.dispatch, after checking that the caller is
 * the top frame of our own app:// page. Backend events go to our windows as ('event', name, payload).
 * Returns a function that detaches both.
 */
export function connectIpc(backend: Backend): () => void {
  ipcMain.handle('rpc', async (event, method: unknown, payload: unknown) => {
    const frame = event.senderFrame;
    if (!isTrustedSender(frame ? { url: frame.url, isMainFrame: frame.parent === null } : null)) return UNTRUSTED_SENDER_RESULT;
    return backend.dispatch(typeof method === 'string' ? method : '', payload);
  });
  const unsubscribe = backend.events.subscribe((name, payload) => {
    for (const win of BrowserWindow.getAllWindows()) {
      const contents = win.webContents;
      if (!contents.isDestroyed() && isAppUrl(contents.getURL())) contents.send('event', name, payload);
    }
  });
  return () => {
    ipcMain.removeHandler('rpc');
    unsubscribe();
  };
}
