/**
 * Electron fuses for the packaged app: switches compiled into the Electron binary that turn off ways
 * of running other code in it. They are flipped at packaging time, not at run time, with
 * @electron/fuses (not installed yet; add it as a devDependency with the packager):
 *
 *   import { FuseV1Options, FuseVersion, flipFuses } from '@electron/fuses';
 *   await flipFuses(electronBinaryPath, {
 *     version: FuseVersion.V1,
 *     resetAdHocDarwinSignature: process.platform === 'darwin' && arch === 'arm64',
 *     ...Object.fromEntries(Object.entries(ELECTRON_FUSES).map(([name, on]) => [FuseV1Options[name], on])),
 *   });
 *
 * (electron-builder: in an afterPack hook; Electron Forge: its FusesPlugin takes the same object.)
 * `npm start` runs the stock, unfused binary from node_modules.
 */
export const ELECTRON_FUSES = {
  /** ELECTRON_RUN_AS_NODE would turn the app into a general-purpose Node.js. */
  RunAsNode: false,
  /** Encrypt cookies/local storage at rest with the OS keychain. */
  EnableCookieEncryption: true,
  /** NODE_OPTIONS could preload arbitrary code into the main process. */
  EnableNodeOptionsEnvironmentVariable: false,
  /** --inspect and friends would open a debugger on the main process. */
  EnableNodeCliInspectArguments: false,
  /** Refuse a tampered app.asar (macOS and Windows). */
  EnableEmbeddedAsarIntegrityValidation: true,
  /** Only load the app from app.asar, never from a loose folder placed beside it. */
  OnlyLoadAppFromAsar: true,
  LoadBrowserProcessSpecificV8Snapshot: false,
  /** The renderer is served from app://, so file:// needs none of its legacy privileges. */
  GrantFileProtocolExtraPrivileges: false,
} as const satisfies Record<string, boolean>;
