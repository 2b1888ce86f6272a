import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_NAME = 'SalesDesk';
export const DB_FILE_NAME = 'salesdesk.sqlite';

/**
 * The OS's per-user data folder for SalesDesk, the same one Electron's app.getPath('userData') gives
 * for an app named SalesDesk, so that the app, the preview and the CLI share one database.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.SALESDESK_DATA_DIR) return env.SALESDESK_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_NAME);
}

export function defaultDbFile(env: NodeJS.ProcessEnv = process.env): string {
  return env.SALESDESK_DB ?? join(defaultDataDir(env), DB_FILE_NAME);
}
