/** A1-style references for formulas. */

export function columnLetter(index1: number): string {
  let n = index1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Replaces `{key}` in a formula with this row's cell of that column ("{actual}/{target}" → "D5/C5"). */
export function expandRowFormula(formula: string, row: number, columnOf: ReadonlyMap<string, number>): string {
  return formula.replace(/\{([A-Za-z0-9_]+)\}/g, (whole, key: string) => {
    const col = columnOf.get(key);
    return col === undefined ? whole : `${columnLetter(col)}${row}`;
  });
}
