import { normalizeHeader } from './header-match';

/**
 * The "shape" of a file: a hash of its normalised headers in order. The same rep's weekly sheet has
 * the same shape every week, so its remembered mapping can be proposed (FNV-1a, 64 bits as hex).
 */
export function shapeKey(headers: readonly string[]): string {
  const text = headers.map((h) => normalizeHeader(h).key).join('\u0001');
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}
