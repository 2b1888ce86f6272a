/**
 * The first rows of a sheet as the header logic sees them: display text per cell (null when empty)
 * and the merged ranges. Rows are sheet row numbers (1-based, as Excel shows them); columns 0-based.
 */
export interface GridRow {
  row: number;
  cells: readonly (string | null)[];
  /** Per cell: true when the cell holds a number, date or boolean rather than text. */
  typed?: readonly boolean[];
}

export interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** "A", "B" … "Z", "AA" … for a 0-based column index. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "A" → 0, "AB" → 27; -1 when not a column name. */
export function columnIndex(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return -1;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** "B3:D5" → a merge range; null when malformed or absurdly large (beyond Excel's grid). */
export function parseRange(ref: string): MergeRange | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7}):\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref.trim());
  if (!m) return null;
  const left = columnIndex(m[1]!);
  const top = Number(m[2]);
  const right = columnIndex(m[3]!);
  const bottom = Number(m[4]);
  if (left < 0 || right < left || top < 1 || bottom < top || bottom > 1_048_576 || right > 16_383) return null;
  return { top, left, bottom, right };
}
