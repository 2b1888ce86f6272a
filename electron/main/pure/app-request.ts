import nodePath from 'node:path';
import { APP_HOST, APP_SCHEME } from './app-origin';

export type AppRequestTarget =
  | { ok: true; file: string }
  | { ok: false; status: 400 | 403 | 404 | 405; reason: string };

/** The path functions used to join and contain (posix or win32; tests exercise both). */
export type PathApi = Pick<typeof nodePath, 'resolve' | 'relative' | 'isAbsolute' | 'extname' | 'sep'>;

// What a built renderer's asset paths look like (index.html, assets/index-DvF6MqUQ.js, fonts, images).
// Anything else, whatever its encoding, is refused rather than interpreted.
const SAFE_PATH = /^[A-Za-z0-9._~@+\-/]*$/;

/**
 * Maps an app://salesdesk/… request to a file inside `root` (the built renderer), or refuses it.
 * Defence in depth: the URL parser already folds "..", but percent-encoded separators (%2F, %5C),
 * backslashes, drive letters, NUL bytes and dot segments are refused after decoding, and the final
 * path must still lie inside root. Paths without an extension are the single-page app's routes and
 * get index.html.
 */
export function resolveAppRequest(url: string, root: string, method = 'GET', path: PathApi = nodePath): AppRequestTarget {
  if (method !== 'GET' && method !== 'HEAD') return { ok: false, status: 405, reason: 'method not allowed' };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, status: 400, reason: 'not a URL' };
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST || parsed.username !== '' || parsed.password !== '') {
    return { ok: false, status: 403, reason: 'wrong scheme or host' };
  }
  // Encoded separators are never part of an asset name; they only serve to smuggle "../" past parsers.
  if (/%2f|%5c/i.test(parsed.pathname)) return { ok: false, status: 403, reason: 'encoded path separator' };
  let decoded: string;
  try {
    decoded = decodeURIComponent(parsed.pathname);
  } catch {
    return { ok: false, status: 400, reason: 'malformed percent-encoding' };
  }
  if (!SAFE_PATH.test(decoded)) return { ok: false, status: 403, reason: 'unexpected characters in path' };
  const segments = decoded.split('/').filter((s) => s.length > 0);
  if (segments.some((s) => s === '.' || s === '..')) return { ok: false, status: 403, reason: 'dot segment' };
  const relativePath = segments.length === 0 || path.extname(segments[segments.length - 1]!) === '' ? 'index.html' : segments.join('/');

  const rootAbs = path.resolve(root);
  const file = path.resolve(rootAbs, ...relativePath.split('/'));
  const rel = path.relative(rootAbs, file);
  if (rel === '' || path.isAbsolute(rel) || rel === '..' || rel.startsWith(`..${path.sep}`)) {
    return { ok: false, status: 403, reason: 'outside the renderer folder' };
  }
  return { ok: true, file };
}
