/**
 * What the backend may ask of the desktop around it. The Electron shell implements it with its shell
 * module; the browser preview and the CLI cannot open folders and say so.
 */
export interface FilesPort {
  canOpenFolders: boolean;
  openFolder(path: string): Promise<void>;
}

export const noFilesPort: FilesPort = {
  canOpenFolders: false,
  openFolder: async () => {},
};
