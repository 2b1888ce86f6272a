/** A file-type filter of a native dialog ("Excel 工作簿": xlsx, xls). */
export interface FileFilter {
  name: string;
  extensions: string[];
}

/**
 * What the backend may ask of the desktop around it. The Electron shell implements it with its dialog
 * and shell modules; the browser preview and the CLI can do none of it and say so (can* = false), and
 * the handlers turn that into an UNSUPPORTED error with a message the user can act on.
 */
export interface FilesPort {
  canOpenFolders: boolean;
  openFolder(path: string): Promise<void>;
  /** Native open/save dialogs. */
  canPickFiles: boolean;
  /** The chosen file's absolute path, or null when the user cancelled. */
  pickOpenFile(opts: { title: string; filters: FileFilter[] }): Promise<string | null>;
  /** The chosen target path, or null when the user cancelled. */
  pickSaveFile(opts: { title: string; defaultName: string; filters: FileFilter[] }): Promise<string | null>;
  /** Shows the file selected in the OS file manager (needs canOpenFolders). */
  revealFile(path: string): Promise<void>;
}

const unavailable = async (): Promise<never> => {
  throw new Error('no desktop shell: check canOpenFolders / canPickFiles first');
};

export const noFilesPort: FilesPort = {
  canOpenFolders: false,
  openFolder: async () => {},
  canPickFiles: false,
  pickOpenFile: unavailable,
  pickSaveFile: unavailable,
  revealFile: unavailable,
};
