import { isAppUrl } from './app-origin';
import { allowedExternalUrl } from './external-links';

/**
 * A window may only ever show our own pages: navigation to http(s), file:, data:, javascript: or any
 * other origin is cancelled (a reload of an app:// page is still allowed).
 */
export function mayNavigate(url: string): boolean {
  return isAppUrl(url);
}

export interface WindowOpenDecision {
  /** New windows are never created. */
  action: 'deny';
  /** An allow-listed https URL to hand to the system browser instead, if any. */
  openExternally: string | null;
}

/** window.open / target=_blank: never a new Electron window; maybe the system browser. */
export function decideWindowOpen(url: string): WindowOpenDecision {
  return { action: 'deny', openExternally: allowedExternalUrl(url) };
}
