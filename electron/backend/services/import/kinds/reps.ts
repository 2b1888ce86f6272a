import { phoneKey } from '../../../../../shared/domain/import/parse-phone';
import { prepared } from '../sql-cache';
import { newId } from '../../../ids';
import type { Row } from '../commit/journal-writer';
import { issue } from '../validate/issue';
import { columnChanges, n, s, withExtraNotes, type KindImpl, type Rec } from './kind';
import { refIssue } from './ref-issue';

const COLUMNS: Record<string, string> = {
  name: 'name',
  employeeNo: 'employee_no',
  phone: 'phone',
  email: 'email',
  status: 'status',
  capacity: 'capacity',
  territoryId: 'territory_id',
  joinedOn: 'joined_on',
  notes: 'notes',
};

/** 业务员. Matched by employee number, then name + phone. */
export const repsKind: KindImpl = {
  kind: 'reps',

  normalize(r, ctx) {
    const v = r.values;
    const rec: Rec = {
      name: s(v.name),
      employeeNo: s(v.employeeNo),
      phone: s(v.phone),
      email: s(v.email),
      status: s(v.status),
      capacity: n(v.capacity),
      joinedOn: s(v.joinedOn),
      notes: withExtraNotes(s(v.notes), r.extraNotes),
      territoryId: null,
    };
    if (s(v.territory)) {
      const t = ctx.refs.territory(s(v.territory)!);
      if (t.ok) rec.territoryId = t.id;
      else r.issues.push(refIssue(t, ctx.fields.find((f) => f.key === 'territory')!, r.cols.territory ?? null, r.raw.territory ?? ''));
    }
    if (n(v.capacity) !== null && (n(v.capacity)! < 0 || n(v.capacity)! > 1_000_000)) {
      r.issues.push(issue('error', 'OUT_OF_RANGE', r.cols.capacity ?? null, 'capacity', r.raw.capacity ?? '', '客户容量：应为 0 或正整数', 'Capacity: expected 0 or a positive number'));
    }
    const key = s(rec.employeeNo) ? `u:no:${String(rec.employeeNo)}` : s(rec.name) ? `n:np:${String(rec.name)}|${phoneKey(s(rec.phone))}` : null;
    return { record: rec, key, group: null };
  },

  findExisting(rec, ctx) {
    const db = ctx.core.sqlite;
    if (s(rec.employeeNo)) {
      const row = prepared(db, `select * from reps where employee_no = ?`).get(rec.employeeNo) as Row | undefined;
      if (row) return { id: String(row.id), label: `${String(row.name)}（${String(row.employee_no)}）`, row, unique: true };
    }
    if (s(rec.name)) {
      const rows = prepared(db, `select * from reps where name = ? and deleted_at is null`).all(rec.name) as Row[];
      const hit = rows.find((r) => phoneKey(r.phone as string | null) === phoneKey(s(rec.phone)));
      if (hit) return { id: String(hit.id), label: String(hit.name), row: hit, unique: false };
    }
    return null;
  },

  changes(rec, existing) {
    return columnChanges(rec, existing.row, COLUMNS);
  },

  create(w, rec) {
    const id = newId(w.now);
    const row: Row = { id };
    for (const [field, col] of Object.entries(COLUMNS)) {
      const v = rec[field];
      if (v !== null && v !== undefined) row[col] = v as string | number;
    }
    w.insert('reps', row);
    return id;
  },

  update(w, _rec, existing, changes) {
    const patch: Row = {};
    for (const c of changes) patch[COLUMNS[c.field]!] = c.after as string | number;
    if (Object.keys(patch).length) w.update('reps', existing.id, patch);
  },
};
