/**
 * The renderer's Content-Security-Policy, sent as a response header by the app:// protocol handler and
 * repeated in renderer/index.html's meta tag (which the browser preview relies on). No remote code, no
 * eval, no plugins, no framing. antd (CSS-in-JS) and AG Grid inject <style> elements and set inline
 * styles, hence style-src 'unsafe-inline'; AG Grid's icons and antd's images use data: URLs.
 */
export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
};

export const CONTENT_SECURITY_POLICY = Object.entries(CSP_DIRECTIVES)
  .map(([name, sources]) => `${name} ${sources.join(' ')}`)
  .join('; ');

/**
 * The same policy for renderer/index.html's meta tag. Browsers ignore frame-ancestors in a meta tag
 * (and log a console error for it), so the meta copy leaves it out; both transports send it as a header.
 */
export const META_CONTENT_SECURITY_POLICY = Object.entries(CSP_DIRECTIVES)
  .filter(([name]) => name !== 'frame-ancestors')
  .map(([name, sources]) => `${name} ${sources.join(' ')}`)
  .join('; ');
