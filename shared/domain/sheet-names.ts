/**
 * Excel sheet names: at most 31 characters, none of []:*?/\, not starting or ending with an
 * apostrophe, not blank, not "History" (reserved by Excel), and unique ignoring case.
 */

const MAX = 31;

export function cleanSheetName(raw: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must be removed
  let name = raw.replace(/[[\]:*?/\\\u0000-\u001f]/g, '_').trim();
  name = name.replace(/^'+|'+$/g, '').trim();
  if (name === '' || name.toLowerCase() === 'history') name = name === '' ? 'Sheet' : `${name}_`;
  return [...name].slice(0, MAX).join('');
}

/** Names sheets one after another: each call returns a valid name not yet used (suffix " (2)", " (3)" …). */
export function sheetNamer(): (raw: string) => string {
  const used = new Set<string>();
  return (raw) => {
    const base = cleanSheetName(raw);
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) {
      const suffix = ` (${n})`;
      name = [...base].slice(0, MAX - suffix.length).join('') + suffix;
    }
    used.add(name.toLowerCase());
    return name;
  };
}

/** A sheet name quoted for use in a formula reference ('客户 列表'!A1). */
export function sheetRef(name: string): string {
  return `'${name.replaceAll("'", "''")}'`;
}
