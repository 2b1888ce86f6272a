/**
 * File names for exports: no path separators, no characters Windows refuses (<>:"/\|?*, control
 * characters), no reserved device names (CON, PRN, NUL, COM1 …), no trailing dots or spaces, and a
 * length that leaves room for the folder.
 */

const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

export function safeFileName(raw: string, fallback = 'export'): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must be removed
  let name = raw.replace(/[<>:"/\\|?*\u0000-\u001f\u007f]/g, '_').replace(/\s+/g, ' ').trim();
  name = name.replace(/[. ]+$/g, '').replace(/^\.+/, '');
  if (name === '') name = fallback;
  if (RESERVED.test(name)) name = `_${name}`;
  return [...name].slice(0, 120).join('');
}

/** "客户列表_2026-10_20261123-1005.xlsx" — the report, the period and when it was made. */
export function exportFileName(parts: { title: string; period?: string | null; stamp: string; ext: string }): string {
  const base = [parts.title, parts.period ?? null, parts.stamp].filter((p): p is string => !!p).join('_');
  return `${safeFileName(base)}.${parts.ext}`;
}
