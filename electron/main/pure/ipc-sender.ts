import type { RpcResult } from '../../../shared/rpc/errors';
import { isAppUrl } from './app-origin';

/** What the shell knows about the frame an IPC message came from (Electron's event.senderFrame). */
export interface SenderFrame {
  url: string;
  /** True for the window's top frame; an <iframe> never gets to call the backend. */
  isMainFrame: boolean;
}

/**
 * Every IPC call is checked: it must come from the top frame of a page served from our own origin.
 * A page that somehow navigated elsewhere (or an embedded frame) is refused even though it shares the
 * preload, because the preload is not the security boundary; this check is.
 */
export function isTrustedSender(frame: SenderFrame | null | undefined): boolean {
  return frame != null && frame.isMainFrame && isAppUrl(frame.url);
}

/** The answer an untrusted sender gets: an error as data, like every other failure. */
export const UNTRUSTED_SENDER_RESULT: RpcResult<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: '拒绝来自未知页面的请求 / request from an untrusted page refused' },
};
