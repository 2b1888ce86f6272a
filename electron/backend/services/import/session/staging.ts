import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Sqlite } from '../../../../../db/client';
import type { Cell } from '../read/cell';

/**
 * Where a preview session keeps the parsed rows: a temporary SQLite file ATTACHed to the app's own
 * connection (same native binding, so it works in Electron too). Holding a million rows on disk keeps
 * memory flat; the commit reads them back inside the one write transaction.
 */
let counter = 0;

/**
 * Rows per batch written to or read from staging. Small on purpose: a batch lives until its last row
 * is processed, and a batch that outlives two young-generation GCs is promoted to V8's old generation,
 * which only a major GC frees; with thousands of rows per batch every batch took that path and the
 * heap of a 1,000,000-row import swung by 100 MB and more between major GCs.
 */
export const BATCH_ROWS = 250;

export type StoredCell = [k: Cell['k'], v: string | number | boolean, z?: string] | null;

export interface StagedRow {
  idx: number;
  row: number;
  cells: (Cell | null)[];
  filled: number[];
}

export class Staging {
  readonly schema: string;
  private readonly dir: string;
  private insertStmt: ReturnType<Sqlite['prepare']> | null = null;
  private pending: unknown[][] = [];
  count = 0;

  constructor(private readonly sqlite: Sqlite) {
    this.schema = `import_stage_${process.pid}_${++counter}`;
    this.dir = mkdtempSync(join(tmpdir(), 'salesdesk-import-'));
    const file = join(this.dir, 'staging.sqlite');
    sqlite.prepare(`attach database ? as ${this.schema}`).run(file);
    const s = this.schema;
    sqlite.exec(`
      pragma ${s}.journal_mode = memory;
      pragma ${s}.synchronous = off;
      pragma ${s}.cache_size = -16384;
      create table ${s}.rows (idx integer primary key, row integer not null, cells text not null, filled text);
      create table ${s}.fixes (idx integer not null, col integer not null, value text not null, primary key (idx, col)) without rowid;
      create table ${s}.skips (idx integer primary key);
      create table ${s}.results (idx integer primary key, status integer not null, action text not null, target text, issues text, record text, key text, grp text, changes text, entity text, alloc text);
    `);
    this.createResultIndexes();
  }

  /**
   * The validation rewrites every result row: it drops these indexes first and builds them once at the
   * end, which sorts each column once instead of updating four b-trees (one on random duplicate keys)
   * for every row written.
   */
  dropResultIndexes(): void {
    const s = this.schema;
    this.sqlite.exec(`drop index if exists ${s}.results_status; drop index if exists ${s}.results_action; drop index if exists ${s}.results_key; drop index if exists ${s}.results_grp;`);
  }

  createResultIndexes(): void {
    const s = this.schema;
    this.sqlite.exec(`
      create index if not exists ${s}.results_status on results (status, idx);
      create index if not exists ${s}.results_action on results (action, idx);
      create index if not exists ${s}.results_key on results (key);
      create index if not exists ${s}.results_grp on results (grp);
    `);
  }

  /** Empties the rows (a different sheet, header row or encoding was chosen). */
  reset(): void {
    this.pending = [];
    this.count = 0;
    this.sqlite.exec(`delete from ${this.schema}.rows; delete from ${this.schema}.fixes; delete from ${this.schema}.skips; delete from ${this.schema}.results;`);
  }

  add(row: number, cells: (Cell | null)[], filled: number[]): void {
    const stored: StoredCell[] = [];
    for (let c = 0; c < cells.length; c++) {
      const x = cells[c];
      stored.push(x ? (x.z ? [x.k, x.v, x.z] : [x.k, x.v]) : null);
    }
    this.pending.push([++this.count, row, JSON.stringify(stored), filled.length ? JSON.stringify(filled) : null]);
    if (this.pending.length >= BATCH_ROWS) this.flush();
  }

  flush(): void {
    if (this.pending.length === 0) return;
    this.insertStmt ??= this.sqlite.prepare(`insert into ${this.schema}.rows (idx, row, cells, filled) values (?, ?, ?, ?)`);
    const stmt = this.insertStmt;
    const batch = this.pending;
    this.pending = [];
    this.sqlite.transaction(() => {
      for (const r of batch) stmt.run(r);
    })();
  }

  static decode(idx: number, row: number, cellsJson: string, filledJson: string | null): StagedRow {
    const stored = JSON.parse(cellsJson) as StoredCell[];
    const cells = stored.map((s) => (s ? (s[2] !== undefined ? { k: s[0], v: s[1], z: s[2] } : { k: s[0], v: s[1] }) : null));
    return { idx, row, cells, filled: filledJson ? (JSON.parse(filledJson) as number[]) : [] };
  }

  /** Rows in order, in pages (the commit and validation iterate without holding them all). */
  *iterate(pageSize = BATCH_ROWS): Generator<StagedRow> {
    const stmt = this.sqlite.prepare(`select idx, row, cells, filled from ${this.schema}.rows where idx > ? order by idx limit ?`);
    let last = 0;
    for (;;) {
      const page = stmt.all(last, pageSize) as { idx: number; row: number; cells: string; filled: string | null }[];
      if (page.length === 0) return;
      for (const r of page) yield Staging.decode(r.idx, r.row, r.cells, r.filled);
      last = page[page.length - 1]!.idx;
    }
  }

  get(idx: number): StagedRow | null {
    const r = this.sqlite.prepare(`select idx, row, cells, filled from ${this.schema}.rows where idx = ?`).get(idx) as { idx: number; row: number; cells: string; filled: string | null } | undefined;
    return r ? Staging.decode(r.idx, r.row, r.cells, r.filled) : null;
  }

  fixesFor(idx: number): Map<number, string> {
    const rows = this.sqlite.prepare(`select col, value from ${this.schema}.fixes where idx = ?`).all(idx) as { col: number; value: string }[];
    return new Map(rows.map((r) => [r.col, r.value]));
  }

  allFixes(): Map<number, Map<number, string>> {
    const out = new Map<number, Map<number, string>>();
    for (const r of this.sqlite.prepare(`select idx, col, value from ${this.schema}.fixes`).iterate() as Iterable<{ idx: number; col: number; value: string }>) {
      let m = out.get(r.idx);
      if (!m) out.set(r.idx, (m = new Map()));
      m.set(r.col, r.value);
    }
    return out;
  }

  setFix(idx: number, col: number, value: string): void {
    this.sqlite.prepare(`insert into ${this.schema}.fixes (idx, col, value) values (?, ?, ?) on conflict (idx, col) do update set value = excluded.value`).run(idx, col, value);
  }

  skipped(): Set<number> {
    return new Set((this.sqlite.prepare(`select idx from ${this.schema}.skips`).all() as { idx: number }[]).map((r) => r.idx));
  }

  setSkipped(indexes: readonly number[], skip: boolean): void {
    const stmt = skip ? this.sqlite.prepare(`insert or ignore into ${this.schema}.skips (idx) values (?)`) : this.sqlite.prepare(`delete from ${this.schema}.skips where idx = ?`);
    this.sqlite.transaction(() => {
      for (const i of indexes) stmt.run(i);
    })();
  }

  close(): void {
    try {
      if (this.sqlite.open) this.sqlite.exec(`detach database ${this.schema}`);
    } catch {
      // Detaching fails only if the connection is mid-transaction; the file is removed below anyway.
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
