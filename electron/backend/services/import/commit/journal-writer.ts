import type { Statement } from 'better-sqlite3';
import type { Actor, Core } from '../../../core';
import { newId } from '../../../ids';

/**
 * Every row an import writes goes through here, so that each write leaves a journal item: the row
 * before (null for a create), the row after, and the version right after. Undo restores exactly
 * those snapshots, and refuses when a row has moved on since (its version, or for tables without a
 * version its whole content, differs from what the import left).
 */
export type Row = Record<string, string | number | null>;

/** Tables an import touches, with their primary key and whether rows carry a version column. */
export const JOURNALED_TABLES = {
  accounts: { pk: 'id', versioned: true },
  contacts: { pk: 'id', versioned: true },
  credit_profiles: { pk: 'account_id', versioned: true },
  account_transfers: { pk: 'id', versioned: false },
  reps: { pk: 'id', versioned: true },
  followups: { pk: 'id', versioned: true },
  orders: { pk: 'id', versioned: true },
  order_lines: { pk: 'id', versioned: true },
  shipments: { pk: 'id', versioned: true },
  shipment_lines: { pk: 'id', versioned: false },
  payments: { pk: 'id', versioned: true },
  payment_allocations: { pk: 'id', versioned: false },
  instalments: { pk: 'id', versioned: true },
  targets: { pk: 'id', versioned: true },
  counters: { pk: 'key', versioned: false },
  /** Only the round-robin cursor, moved by owner assignment on import (never the version). */
  allocation_rules: { pk: 'id', versioned: true },
} as const;

/** Document-number prefixes the app hands out (services/numbers.ts callers): an imported number in one of these series reserves it. */
const NUMBER_SERIES = /^(KH|SO|PAY|RF|SH|RT|CS)-(?:(\d{4})-)?(\d{6,12})$/;
export type JournaledTable = keyof typeof JOURNALED_TABLES;

export class JournalWriter {
  private readonly stmts = new Map<string, Statement>();
  private readonly counterBefore = new Map<string, Row | null>();
  private readonly itemStmt: Statement;
  items = 0;
  /** Accounts whose receivables, deal date or credit may have moved (refreshed once at the end). */
  readonly touchedAccounts = new Set<string>();
  /** Accounts that got an owner (their pool reclaim dates are recomputed at the end). */
  readonly ownerChanged = new Set<string>();
  /** Things worth a warning after the commit, counted by code. */
  readonly notices = new Map<string, number>();

  notice(code: string): void {
    this.notices.set(code, (this.notices.get(code) ?? 0) + 1);
  }

  constructor(
    readonly core: Core,
    readonly actor: Actor,
    readonly journalId: string,
    readonly now: number,
  ) {
    this.itemStmt = core.sqlite.prepare(`insert into journal_items (id, journal_id, entity_type, entity_id, action, before, after, after_version) values (?, ?, ?, ?, ?, ?, ?, ?)`);
  }

  private stmt(sql: string): Statement {
    let s = this.stmts.get(sql);
    if (!s) this.stmts.set(sql, (s = this.core.sqlite.prepare(sql)));
    return s;
  }

  private item(table: string, id: string, action: 'create' | 'update' | 'delete', before: Row | null, after: Row | null, afterVersion: number | null): void {
    this.itemStmt.run(newId(this.now), this.journalId, table, id, action, before ? JSON.stringify(before) : null, after ? JSON.stringify(after) : null, afterVersion);
    this.items++;
  }

  get(table: JournaledTable, id: string): Row | null {
    const pk = JOURNALED_TABLES[table].pk;
    return (this.stmt(`select * from ${table} where ${pk} = ?`).get(id) as Row | undefined) ?? null;
  }

  /** Inserts a row (audit columns filled in for versioned tables) and journals it. */
  insert(table: JournaledTable, values: Row): Row {
    const spec = JOURNALED_TABLES[table];
    const row: Row = spec.versioned ? { created_at: this.now, updated_at: this.now, created_by: this.actor.id, updated_by: this.actor.id, version: 1, ...values } : { ...values };
    const cols = Object.keys(row);
    this.stmt(`insert into ${table} (${cols.join(', ')}) values (${cols.map(() => '?').join(', ')})`).run(...cols.map((c) => row[c] ?? null));
    const id = String(row[spec.pk]);
    // Unversioned rows are compared whole on undo, so their stored snapshot must be the full row.
    const after = spec.versioned ? row : this.get(table, id);
    this.item(table, id, 'create', null, after, spec.versioned ? 1 : null);
    return row;
  }

  /** Updates columns of a row, bumping its version; journals the full row before and after. */
  update(table: JournaledTable, id: string, patch: Row, opts: { bumpVersion?: boolean } = {}): Row {
    const spec = JOURNALED_TABLES[table];
    const before = this.get(table, id);
    if (!before) throw new Error(`import: ${table} ${id} vanished during the commit`);
    const bump = spec.versioned && (opts.bumpVersion ?? true);
    const set: Row = bump ? { ...patch, updated_at: this.now, updated_by: this.actor.id, version: Number(before.version) + 1 } : { ...patch };
    const cols = Object.keys(set);
    this.stmt(`update ${table} set ${cols.map((c) => `${c} = ?`).join(', ')} where ${spec.pk} = ?`).run(...cols.map((c) => set[c] ?? null), id);
    const after: Row = { ...before, ...set };
    this.item(table, id, 'update', before, after, spec.versioned ? Number(after.version) : null);
    return after;
  }

  private readonly counterNext = new Map<string, number>();

  /**
   * Human document numbers (KH-000123, PAY-2026-000001), the same sequence as services/numbers.ts.
   * Numbers are handed out in memory and the counter is written once at the end: the whole commit
   * is one transaction, so no one else can take a number in between.
   */
  nextNumber(prefix: string, opts: { year?: string; width?: number } = {}): string {
    const key = opts.year ? `${prefix}-${opts.year}` : prefix;
    let next = this.counterNext.get(key);
    if (next === undefined) {
      const before = this.get('counters', key);
      this.counterBefore.set(key, before);
      next = before ? Number(before.value) : 0;
    }
    next++;
    this.counterNext.set(key, next);
    return `${key}-${String(next).padStart(opts.width ?? 6, '0')}`;
  }

  /**
   * A number taken from the sheet that belongs to one of the app's series (SO-2026-000123): the
   * counter moves past it, so that the next order made in the app does not collide with it.
   */
  reserveNumber(text: string): void {
    const m = NUMBER_SERIES.exec(text);
    if (!m) return;
    const key = m[2] ? `${m[1]}-${m[2]}` : m[1]!;
    const n = Number(m[3]);
    let next = this.counterNext.get(key);
    if (next === undefined) {
      const before = this.get('counters', key);
      this.counterBefore.set(key, before);
      next = before ? Number(before.value) : 0;
    }
    this.counterNext.set(key, Math.max(next, n));
  }

  /** Call once at the end: writes and journals each counter moved by this import. */
  finish(): void {
    for (const [key, before] of this.counterBefore) {
      const value = this.counterNext.get(key)!;
      if ((before ? Number(before.value) : 0) === value) continue;
      this.stmt(`insert into counters (key, value) values (?, ?) on conflict(key) do update set value = excluded.value`).run(key, value);
      this.item('counters', key, before ? 'update' : 'create', before, this.get('counters', key), null);
    }
    this.counterBefore.clear();
    this.counterNext.clear();
  }
}
