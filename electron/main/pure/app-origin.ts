/**
 * The renderer is served from app://salesdesk/ (a privileged, standard, secure custom scheme) instead of
 * file://, so that the page has a real origin that CSP 'self', navigation rules and sender checks can
 * name, and so that no other file on disk is reachable from it.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'salesdesk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/** True only for app://salesdesk/… exactly: no other host, port or user info. */
export function isAppUrl(url: string | null | undefined): boolean {
  if (typeof url !== 'string' || url.length === 0) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
}
