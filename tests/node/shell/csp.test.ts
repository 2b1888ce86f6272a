import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appResponseHeaders, mimeTypeFor } from '../../../electron/main/pure/app-response';
import { CONTENT_SECURITY_POLICY, CSP_DIRECTIVES, META_CONTENT_SECURITY_POLICY } from '../../../electron/main/pure/csp';

const directives = (csp: string): Map<string, string[]> =>
  new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).filter((p) => p[0]).map(([name, ...sources]) => [name!, sources]));

describe('Content-Security-Policy', () => {
  const csp = directives(CONTENT_SECURITY_POLICY);

  it('lets antd and AG Grid work: inline styles and data: images', () => {
    expect(csp.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(csp.get('img-src')).toEqual(["'self'", 'data:']);
    expect(CONTENT_SECURITY_POLICY).toContain("style-src 'self' 'unsafe-inline'");
    expect(CONTENT_SECURITY_POLICY).toContain("img-src 'self' data:");
  });

  it('allows no remote, inline or eval code, plugins, framing or form posts', () => {
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline|\*|https?:/);
    expect([...csp.keys()]).toEqual(Object.keys(CSP_DIRECTIVES));
  });

  it('is the same policy as the meta tag in renderer/index.html (which the browser preview uses), minus the header-only frame-ancestors', () => {
    const html = readFileSync(resolve(import.meta.dirname, '../../../renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
    expect(meta, 'renderer/index.html has a CSP meta tag').not.toBeNull();
    expect(meta![1]).toBe(META_CONTENT_SECURITY_POLICY);
    const withoutFraming = new Map(csp);
    withoutFraming.delete('frame-ancestors');
    expect(directives(meta![1]!)).toEqual(withoutFraming);
  });

  it('goes out as a response header with an exact content type and nosniff', () => {
    const h = appResponseHeaders('/x/out/renderer/index.html');
    expect(h['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(h['Content-Type']).toBe('text/html; charset=utf-8');
    expect(h['X-Content-Type-Options']).toBe('nosniff');
    expect(mimeTypeFor('a/b/index-DvF6MqUQ.js')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('x.WOFF2')).toBe('font/woff2');
    expect(mimeTypeFor('x.exe')).toBe('application/octet-stream');
    expect(mimeTypeFor('noext')).toBe('application/octet-stream');
  });
});
