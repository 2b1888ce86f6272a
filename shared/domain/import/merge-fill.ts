import type { MergeRange } from './grid';

/**
 * Vertical merges in the data area mean "same as above" (one customer name merged over its three
 * order lines): every row of the merge gets the top cell's value, and the cell is marked as filled
 * so the preview can show it. Horizontal-only merges in data rows are left alone (their other cells
 * are genuinely empty), as are merges that start inside the header.
 */
export class MergeFiller<T> {
  private readonly starts = new Map<number, MergeRange[]>();
  private active: { range: MergeRange; value: T | null }[] = [];

  constructor(merges: readonly MergeRange[], firstDataRow: number) {
    for (const m of merges) {
      if (m.bottom === m.top || m.top < firstDataRow) continue;
      const list = this.starts.get(m.top) ?? [];
      list.push(m);
      this.starts.set(m.top, list);
    }
  }

  get empty(): boolean {
    return this.starts.size === 0 && this.active.length === 0;
  }

  /**
   * Call once per sheet row in order (including rows missing from the file, via their number).
   * get/set read and write a cell; returns the columns that were filled.
   */
  apply(row: number, get: (col: number) => T | null, set: (col: number, value: T) => void): number[] {
    this.active = this.active.filter((a) => a.range.bottom >= row);
    const starting = this.starts.get(row);
    if (starting) {
      for (const range of starting) this.active.push({ range, value: get(range.left) });
      this.starts.delete(row);
    }
    const filled: number[] = [];
    for (const a of this.active) {
      if (a.value === null) continue;
      for (let c = a.range.left; c <= a.range.right; c++) {
        if (c === a.range.left && row === a.range.top) continue;
        if (get(c) === null) {
          set(c, a.value);
          filled.push(c);
        }
      }
    }
    return filled;
  }
}
