import { describe, expect, it } from 'vitest';
import { APP_START_URL, isAppUrl } from '../../../electron/main/pure/app-origin';
import { EXTERNAL_HOSTS, allowedExternalUrl } from '../../../electron/main/pure/external-links';
import { UNTRUSTED_SENDER_RESULT, isTrustedSender } from '../../../electron/main/pure/ipc-sender';
import { decideWindowOpen, mayNavigate } from '../../../electron/main/pure/navigation';

describe('IPC sender check', () => {
  it('trusts only the top frame of an app://salesdesk page', () => {
    expect(isTrustedSender({ url: APP_START_URL, isMainFrame: true })).toBe(true);
    expect(isTrustedSender({ url: 'app://salesdesk/accounts', isMainFrame: true })).toBe(true);
  });

  it('refuses other schemes, hosts, frames and missing frames', () => {
    for (const url of [
      'app://evil/index.html',
      'app://salesdesk.evil.com/index.html',
      'app://salesdesk:1234/index.html',
      'app://user@salesdesk/index.html',
      'apps://salesdesk/index.html',
      'https://salesdesk/index.html',
      'http://127.0.0.1:5173/',
      'file:///work/out/renderer/index.html',
      'devtools://devtools/bundled/inspector.html',
      'about:blank',
      'data:text/html,<script>alert(1)</script>',
      '',
      'not a url',
    ]) {
      expect(isTrustedSender({ url, isMainFrame: true }), url).toBe(false);
    }
    expect(isTrustedSender({ url: APP_START_URL, isMainFrame: false })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
  });

  it('answers an untrusted sender with an error as data', () => {
    expect(UNTRUSTED_SENDER_RESULT).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(structuredClone(UNTRUSTED_SENDER_RESULT)).toEqual(UNTRUSTED_SENDER_RESULT);
  });
});

describe('navigation policy', () => {
  it('allows only our own origin', () => {
    expect(mayNavigate('app://salesdesk/index.html')).toBe(true);
    expect(mayNavigate('app://salesdesk/')).toBe(true);
    for (const url of [
      'http://example.com/',
      'https://www.gsxt.gov.cn/',
      'file:///etc/passwd',
      'file:///C:/Windows/win.ini',
      'javascript:alert(1)',
      'data:text/html,hi',
      'app://other/index.html',
      'chrome://settings',
      'about:blank',
    ]) {
      expect(mayNavigate(url), url).toBe(false);
    }
    expect(isAppUrl(undefined)).toBe(false);
  });

  it('never opens a window; only allow-listed https links go to the system browser', () => {
    expect(decideWindowOpen('https://www.gsxt.gov.cn/index.html')).toEqual({ action: 'deny', openExternally: 'https://www.gsxt.gov.cn/index.html' });
    expect(decideWindowOpen('https://evil.example/')).toEqual({ action: 'deny', openExternally: null });
    expect(decideWindowOpen('app://salesdesk/index.html')).toEqual({ action: 'deny', openExternally: null });
    expect(decideWindowOpen('file:///etc/passwd')).toEqual({ action: 'deny', openExternally: null });
  });
});

describe('external link allow-list', () => {
  it('accepts https on listed hosts only', () => {
    for (const host of EXTERNAL_HOSTS) expect(allowedExternalUrl(`https://${host}/search?q=1`)).toBe(`https://${host}/search?q=1`);
    for (const url of [
      'http://www.gsxt.gov.cn/',
      'https://www.gsxt.gov.cn.evil.com/',
      'https://evil.com/?www.gsxt.gov.cn',
      'https://user:pw@www.gsxt.gov.cn/',
      'https://www.gsxt.gov.cn:8443/',
      'file://www.gsxt.gov.cn/etc/passwd',
      'smb://www.gsxt.gov.cn/share',
      'ms-msdt:/id',
      'javascript://www.gsxt.gov.cn/%0aalert(1)',
      'gsxt.gov.cn',
      '',
    ]) {
      expect(allowedExternalUrl(url), url).toBeNull();
    }
  });

  it('takes an explicit list', () => {
    expect(allowedExternalUrl('https://example.org/a', ['example.org'])).toBe('https://example.org/a');
    expect(allowedExternalUrl('https://example.org/a', [])).toBeNull();
  });
});
