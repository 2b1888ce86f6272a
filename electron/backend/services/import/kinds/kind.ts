import type { FieldSpec } from '../../../../../shared/domain/import/fields';
import type { DuplicatePolicy, ImportKind } from '../../../../../shared/domain/import/kinds';
import type { Core } from '../../../core';
import type { JournalWriter, Row } from '../commit/journal-writer';
import type { RowIssue } from '../validate/issue';
import type { RefResolver } from '../validate/refs';

/** One converted value per mapped field. */
export type Values = Record<string, string | number | boolean | null>;
/** A normalised record, ready to be written (JSON-safe). */
export type Rec = Record<string, unknown>;

export interface KindRow {
  idx: number;
  row: number;
  values: Values;
  /** field → 0-based sheet column it came from. */
  cols: Record<string, number>;
  raw: Record<string, string>;
  /** Unmapped columns kept as notes ("列名：值" lines), when the user chose so. */
  extraNotes: string | null;
  issues: RowIssue[];
}

export interface Normalized {
  record: Rec | null;
  /** Duplicate key: "u:…" when the database enforces it unique, "n:…" when it is only a likeness. */
  key: string | null;
  /** Rows sharing a group form one entity (order lines of one order). */
  group: string | null;
}

export interface Existing {
  id: string;
  label: string;
  row: Row;
  /** The match is on a key the database keeps unique: creating another is impossible. */
  unique: boolean;
}

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface KindContext {
  core: Core;
  refs: RefResolver;
  fields: readonly FieldSpec[];
  /** Fields the mapping fills. */
  mapped: ReadonlySet<string>;
  policy: DuplicatePolicy;
  fileName: string;
  today: string;
}

export interface CommitContext extends KindContext {
  batchLabel: string;
  /** The sheet row (as in Excel) being written, for messages that refuse the whole commit. */
  row: number | null;
}

export interface KindImpl {
  kind: ImportKind;
  /** Rows are lines of a larger entity, combined by group before matching (orders). */
  grouped?: boolean;
  normalize(r: KindRow, ctx: KindContext): Normalized;
  /** Combines the records of one group (orders); issues go to the listed rows. */
  combine?(records: { idx: number; row: number; record: Rec }[], ctx: KindContext): { record: Rec; issues: { idx: number; issue: RowIssue }[] };
  findExisting(rec: Rec, ctx: KindContext): Existing | null;
  changes(rec: Rec, existing: Existing, ctx: KindContext): FieldChange[];
  /**
   * Issues that only concern a record the import would create (an order's state, dates and lines as
   * the order services check them when an order is entered): a record already in the database is
   * never rewritten from those fields, so for it they are dropped instead of holding the row back.
   */
  createOnly?(issue: RowIssue): boolean;
  /** Why an existing record may not take these changes (a confirmed order), or null. */
  refuseUpdate?(rec: Rec, existing: Existing, ctx: KindContext): RowIssue | null;
  create(w: JournalWriter, rec: Rec, ctx: CommitContext): string;
  update(w: JournalWriter, rec: Rec, existing: Existing, changes: FieldChange[], ctx: CommitContext): void;
}

export const s = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
export const n = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** Appends unmapped-column notes to the mapped notes (each on its own line). */
export function withExtraNotes(notes: string | null, extra: string | null): string | null {
  if (!extra) return notes;
  return notes ? `${notes}\n${extra}` : extra;
}

/** The changes of plain columns: a field whose new value is set and differs from the row's. */
export function columnChanges(rec: Rec, row: Row, columns: Record<string, string>): FieldChange[] {
  const out: FieldChange[] = [];
  for (const [field, col] of Object.entries(columns)) {
    const v = rec[field];
    if (v === null || v === undefined) continue;
    const cur = row[col] ?? null;
    if (cur !== v) out.push({ field, before: cur, after: v });
  }
  return out;
}
