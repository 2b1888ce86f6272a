import { contextBridge, ipcRenderer } from 'electron';

contextBridge.exposeInMainWorld('api', {
  invoke: (method: string, payload: unknown) => ipcRenderer.invoke('rpc', method, payload),
});
