// The sandboxed preload (bundled as CommonJS: out/preload/index.cjs). It is the page's only bridge,
// and exposes exactly three functions; the main process checks every call's sender anyway.
import { type IpcRendererEvent, contextBridge, ipcRenderer, webUtils } from 'electron';

const api = {
  /** Calls a contract method; resolves with {ok: true, value} or {ok: false, error}. */
  invoke: (method: string, payload: unknown): Promise<unknown> => ipcRenderer.invoke('rpc', String(method), payload),
  /** Subscribes to one backend event; returns the unsubscribe function. */
  on: (event: string, callback: (payload: unknown) => void): (() => void) => {
    const listener = (_e: IpcRendererEvent, name: unknown, payload: unknown): void => {
      if (name === event) callback(payload);
    };
    ipcRenderer.on('event', listener);
    return () => {
      ipcRenderer.removeListener('event', listener);
    };
  },
  /** The absolute path of a file dropped onto (or picked in) the page, for imports. */
  pathForFile: (file: File): string => webUtils.getPathForFile(file),
};

contextBridge.exposeInMainWorld('api', api);
