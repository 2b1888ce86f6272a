import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveAppRequest } from '../../../electron/main/pure/app-request';

const root = path.resolve('/srv/salesdesk/out/renderer');
const inside = (file: string): boolean => {
  const rel = path.relative(root, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
};

describe('app:// request → file (path-traversal guard)', () => {
  it('serves the renderer files and falls back to index.html for app routes', () => {
    expect(resolveAppRequest('app://salesdesk/', root)).toEqual({ ok: true, file: path.join(root, 'index.html') });
    expect(resolveAppRequest('app://salesdesk/index.html', root)).toEqual({ ok: true, file: path.join(root, 'index.html') });
    expect(resolveAppRequest('app://salesdesk/assets/index-DvF6MqUQ.js', root)).toEqual({ ok: true, file: path.join(root, 'assets', 'index-DvF6MqUQ.js') });
    expect(resolveAppRequest('app://salesdesk/accounts/123', root)).toEqual({ ok: true, file: path.join(root, 'index.html') });
    expect(resolveAppRequest('app://salesdesk/assets/x.js?v=1#top', root)).toEqual({ ok: true, file: path.join(root, 'assets', 'x.js') });
  });

  it('never leaves the renderer folder with literal or encoded dot segments', () => {
    for (const url of [
      'app://salesdesk/../../etc/passwd',
      'app://salesdesk/assets/../../../etc/passwd',
      'app://salesdesk/%2e%2e/%2e%2e/etc/passwd',
      'app://salesdesk/%2E%2E/%2E%2E/etc/passwd.txt',
      'app://salesdesk/.%2e/.%2e/etc/passwd',
    ]) {
      const r = resolveAppRequest(url, root);
      if (r.ok) expect(inside(r.file), url).toBe(true);
      expect(JSON.stringify(r)).not.toContain('/etc/passwd"');
    }
  });

  it('refuses encoded separators, double encoding, backslashes, NUL and drive letters', () => {
    for (const url of [
      'app://salesdesk/..%2f..%2fetc%2fpasswd',
      'app://salesdesk/assets%2f..%2f..%2f..%2fetc%2fpasswd.txt',
      'app://salesdesk/%252e%252e/%252e%252e/etc/passwd',
      'app://salesdesk/..\\..\\etc\\passwd',
      'app://salesdesk/assets\\..\\..\\secret.txt',
      'app://salesdesk/..%5c..%5cetc%5cpasswd',
      'app://salesdesk/index.html%00.png',
      'app://salesdesk/C:/Windows/win.ini',
      'app://salesdesk//etc/passwd.txt'.replace('//etc', '/%2Fetc'),
    ]) {
      const r = resolveAppRequest(url, root);
      expect(r.ok, url).toBe(false);
      if (!r.ok) expect([400, 403], url).toContain(r.status);
    }
  });

  it('refuses other schemes, hosts, ports, credentials, methods and malformed encodings', () => {
    expect(resolveAppRequest('file:///etc/passwd', root)).toMatchObject({ ok: false, status: 403 });
    expect(resolveAppRequest('http://salesdesk/index.html', root)).toMatchObject({ ok: false, status: 403 });
    expect(resolveAppRequest('app://evil/index.html', root)).toMatchObject({ ok: false, status: 403 });
    expect(resolveAppRequest('app://salesdesk.evil.com/index.html', root)).toMatchObject({ ok: false, status: 403 });
    expect(resolveAppRequest('app://salesdesk:8080/index.html', root)).toMatchObject({ ok: false, status: 403 });
    expect(resolveAppRequest('app://user:pw@salesdesk/index.html', root)).toMatchObject({ ok: false, status: 403 });
    expect(resolveAppRequest('app://salesdesk/index.html', root, 'POST')).toMatchObject({ ok: false, status: 405 });
    expect(resolveAppRequest('app://salesdesk/%E0%A4%A.js', root)).toMatchObject({ ok: false, status: 400 });
    expect(resolveAppRequest('not a url', root)).toMatchObject({ ok: false, status: 400 });
  });

  it('contains Windows paths too (win32 path rules)', () => {
    const winRoot = 'C:\\Program Files\\SalesDesk\\resources\\app.asar\\out\\renderer';
    expect(resolveAppRequest('app://salesdesk/assets/a.js', winRoot, 'GET', path.win32)).toEqual({ ok: true, file: `${winRoot}\\assets\\a.js` });
    for (const url of ['app://salesdesk/..%5C..%5C..%5Cwindows%5Cwin.ini', 'app://salesdesk/C:%5Cwindows%5Cwin.ini', 'app://salesdesk/%5C%5Cserver%5Cshare%5Cx.txt', 'app://salesdesk/D:/x.txt']) {
      expect(resolveAppRequest(url, winRoot, 'GET', path.win32).ok, url).toBe(false);
    }
  });

  it('whatever the path, an accepted request stays inside the folder (property)', () => {
    const segment = fc.oneof(
      fc.constantFrom('..', '.', '%2e%2e', '%2E.', '%2f', '%5c', '\\', '%00', '%252e', 'C:', 'assets', 'index.html', 'a.js', ''),
      fc.string({ maxLength: 6 }),
    );
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 8 }), (parts) => {
        const url = `app://salesdesk/${parts.join('/')}`;
        for (const api of [path.posix, path.win32]) {
          const base = api === path.win32 ? 'C:\\app\\renderer' : '/srv/app/renderer';
          const r = resolveAppRequest(url, base, 'GET', api);
          if (r.ok) {
            const rel = api.relative(base, r.file);
            // A name like "...js" is inside the folder; only ".." itself or "../…" leave it.
            expect(rel === '' || rel === '..' || rel.startsWith(`..${api.sep}`) || api.isAbsolute(rel)).toBe(false);
          }
        }
      }),
      { numRuns: 2000 },
    );
  });
});
