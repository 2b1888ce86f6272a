// The Electron shell: filled in by the shell work (window, app:// protocol, IPC, security handlers).
export {};
