/**
 * Text that goes into exported spreadsheets. A cell whose text starts with = + - @ (or a tab / CR,
 * which some readers strip before looking) can be run as a formula by Excel or LibreOffice when it
 * arrives through CSV, or when a user re-enters the cell: "CSV / formula injection". Such text is
 * always written as text; in CSV it also gets a leading apostrophe, the convention Excel and
 * LibreOffice both show literally instead of evaluating.
 */

const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** Whether text would be taken as a formula (or a DDE command) by a spreadsheet program. */
export function isFormulaLike(text: string): boolean {
  return FORMULA_START.test(text);
}

/** The text made inert for CSV: a leading apostrophe when it looks like a formula. */
export function inertText(text: string): string {
  return isFormulaLike(text) ? `'${text}` : text;
}

/**
 * A CSV field read back: the apostrophe inertText puts before formula-like text (ours, and other
 * exporters' that follow the same convention) is not part of the text.
 */
export function fromInertText(text: string): string {
  return text.startsWith("'") && isFormulaLike(text.slice(1)) ? text.slice(1) : text;
}

/** One CSV field (RFC 4180 quoting), with formula-like text made inert. Numbers are written as they are. */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  const text = inertText(value);
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(values: readonly (string | number | boolean | null | undefined)[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

/** Full-width characters (CJK, kana, hangul, full-width forms) take two columns of a monospace cell. */
function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}

/** Display width of text in "character widths": CJK counts 2. The longest line of multi-line text. */
export function displayWidth(text: string): number {
  let best = 0;
  for (const line of text.split(/\r?\n/)) {
    let w = 0;
    for (const ch of line) w += isWide(ch.codePointAt(0) ?? 0) ? 2 : 1;
    best = Math.max(best, w);
  }
  return best;
}

/** A column width (Excel character units) that fits the widest sample, within bounds. */
export function fitColumnWidth(samples: Iterable<string>, opts: { min?: number; max?: number } = {}): number {
  const min = opts.min ?? 6;
  const max = opts.max ?? 60;
  let widest = 0;
  for (const s of samples) widest = Math.max(widest, displayWidth(s));
  // Two characters of padding for the filter button and the cell margins.
  return Math.min(max, Math.max(min, widest + 2));
}
