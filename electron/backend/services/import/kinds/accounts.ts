import { phoneKey } from '../../../../../shared/domain/import/parse-phone';
import { bracketVariants } from '../../../../../shared/domain/import/text-clean';
import { prepared } from '../sql-cache';
import { nameInitials } from '../../../../../shared/domain/search-key';
import { newId } from '../../../ids';
import { recordAudit } from '../../audit';
import { POOL } from '../../reports/labels';
import type { Row } from '../commit/journal-writer';
import { issue } from '../validate/issue';
import { columnChanges, n, s, withExtraNotes, type FieldChange, type KindImpl, type Rec } from './kind';
import { refIssue } from './ref-issue';

/** Account fields stored as plain columns of the accounts table. */
const COLUMNS: Record<string, string> = {
  name: 'name',
  code: 'code',
  shortName: 'short_name',
  creditCode: 'credit_code',
  industry: 'industry',
  territoryId: 'territory_id',
  tier: 'tier',
  source: 'source',
  dealStatus: 'deal_status',
  accountGroup: 'account_group',
  phone: 'phone',
  email: 'email',
  website: 'website',
  province: 'province',
  city: 'city',
  address: 'address',
  notes: 'notes',
};

function label(row: Row): string {
  return `${String(row.name)}（${String(row.code)}）`;
}

/**
 * 客户. Duplicates are found by account code (when the sheet has one), then 统一社会信用代码, then
 * name + phone. Updates touch only the mapped fields, and an empty cell never clears a value.
 */
export const accountsKind: KindImpl = {
  kind: 'accounts',

  normalize(r, ctx) {
    const v = r.values;
    const rec: Rec = {};
    for (const f of Object.keys(COLUMNS)) if (f !== 'territoryId') rec[f] = v[f] ?? null;
    rec.notes = withExtraNotes(s(v.notes), r.extraNotes);
    rec.creditLimitFen = n(v.creditLimit);
    rec.paymentTermsDays = n(v.paymentTermsDays);
    rec.contactName = s(v.contactName);
    rec.contactTitle = s(v.contactTitle);
    rec.territoryId = null;
    rec.ownerRepId = null;
    const spec = (key: string) => ctx.fields.find((f) => f.key === key)!;
    if (s(v.territory)) {
      const t = ctx.refs.territory(s(v.territory)!);
      if (t.ok) rec.territoryId = t.id;
      else r.issues.push(refIssue(t, spec('territory'), r.cols.territory ?? null, r.raw.territory ?? ''));
    }
    // 公海 is how exports write "no owner": it names no rep (and, like an empty cell, clears nothing).
    if (s(v.owner) && s(v.owner) !== POOL) {
      const o = ctx.refs.rep(s(v.owner)!);
      if (o.ok) rec.ownerRepId = o.id;
      else r.issues.push(refIssue(o, spec('owner'), r.cols.owner ?? null, r.raw.owner ?? ''));
    }
    if (n(v.creditLimit) !== null && n(v.creditLimit)! < 0) {
      r.issues.push(issue('error', 'NEGATIVE', r.cols.creditLimit ?? null, 'creditLimit', r.raw.creditLimit ?? '', '信用额度：不能为负数', 'Credit limit: cannot be negative'));
    }
    if (n(v.paymentTermsDays) !== null && (n(v.paymentTermsDays)! < 0 || n(v.paymentTermsDays)! > 3650)) {
      r.issues.push(issue('error', 'OUT_OF_RANGE', r.cols.paymentTermsDays ?? null, 'paymentTermsDays', r.raw.paymentTermsDays ?? '', '账期：应在 0–3650 天之间', 'Payment terms: expected 0–3650 days'));
    }
    const name = s(rec.name);
    const key = s(rec.code) ? `u:code:${String(rec.code)}` : s(rec.creditCode) ? `u:cc:${String(rec.creditCode)}` : name ? `n:np:${name}|${phoneKey(s(rec.phone))}` : null;
    return { record: rec, key, group: null };
  },

  findExisting(rec, ctx) {
    const db = ctx.core.sqlite;
    if (s(rec.code)) {
      const row = prepared(db, `select * from accounts where code = ?`).get(rec.code) as Row | undefined;
      if (row) return { id: String(row.id), label: label(row), row, unique: true };
    }
    if (s(rec.creditCode)) {
      const row = prepared(db, `select * from accounts where credit_code = ? and deleted_at is null`).get(rec.creditCode) as Row | undefined;
      if (row) return { id: String(row.id), label: label(row), row, unique: true };
    }
    if (s(rec.name)) {
      const byName = prepared(db, `select * from accounts where name = ? and deleted_at is null limit 20`);
      const rows = bracketVariants(String(rec.name)).flatMap((name) => byName.all(name) as Row[]);
      const want = phoneKey(s(rec.phone));
      const hit = rows.find((r) => phoneKey(r.phone as string | null) === want);
      if (hit) return { id: String(hit.id), label: label(hit), row: hit, unique: false };
    }
    return null;
  },

  changes(rec, existing, ctx) {
    const out: FieldChange[] = columnChanges(rec, existing.row, COLUMNS);
    if (rec.ownerRepId && rec.ownerRepId !== existing.row.owner_rep_id) out.push({ field: 'owner', before: existing.row.owner_rep_id, after: rec.ownerRepId });
    const profile = prepared(ctx.core.sqlite, `select limit_fen, payment_terms_days from credit_profiles where account_id = ?`).get(existing.id) as Row | undefined;
    if (n(rec.creditLimitFen) !== null && (profile?.limit_fen ?? null) !== rec.creditLimitFen) out.push({ field: 'creditLimit', before: profile?.limit_fen ?? null, after: rec.creditLimitFen });
    if (n(rec.paymentTermsDays) !== null && (profile?.payment_terms_days ?? null) !== rec.paymentTermsDays) out.push({ field: 'paymentTermsDays', before: profile?.payment_terms_days ?? null, after: rec.paymentTermsDays });
    if (s(rec.contactName)) {
      const has = prepared(ctx.core.sqlite, `select 1 from contacts where account_id = ? and name = ? and deleted_at is null`).get(existing.id, rec.contactName);
      if (!has) out.push({ field: 'contactName', before: null, after: rec.contactName });
    }
    return out;
  },

  create(w, rec, ctx) {
    const id = newId(w.now);
    const name = String(rec.name);
    // The sheet's owner wins; otherwise the owner the allocation rules planned (with assignOwners).
    const planned = (rec.plannedOwner as PlannedOwner | undefined) ?? null;
    const owner = s(rec.ownerRepId) ?? planned?.repId ?? null;
    const row: Row = {
      id,
      code: s(rec.code) ?? w.nextNumber('KH'),
      name,
      name_initials: nameInitials(name),
      owned_since: owner ? w.now : null,
      owner_rep_id: owner,
      // A new account nobody owns is in the pool (公海) from the start.
      pooled_at: owner ? null : w.now,
    };
    if (s(rec.code)) w.reserveNumber(String(rec.code));
    for (const [field, col] of Object.entries(COLUMNS)) {
      if (field === 'name' || field === 'code') continue;
      const v = rec[field];
      if (v !== null && v !== undefined) row[col] = v as string;
    }
    w.insert('accounts', row);
    if (s(rec.ownerRepId)) transfer(w, id, null, owner!, 'import', ctx.batchLabel);
    else if (planned?.repId) {
      const reason = `${ctx.batchLabel}：${planned.note}`;
      transfer(w, id, null, planned.repId, 'auto', reason);
      recordAudit(w.core, w.actor, { action: 'account.auto', entityType: 'account', entityId: id, before: { ownerRepId: null }, after: { ownerRepId: planned.repId }, reason, journalId: w.journalId }, w.now);
    }
    if (owner) w.ownerChanged.add(id);
    if (n(rec.creditLimitFen) !== null || n(rec.paymentTermsDays) !== null) {
      w.insert('credit_profiles', { account_id: id, limit_fen: n(rec.creditLimitFen), payment_terms_days: n(rec.paymentTermsDays) });
    }
    if (s(rec.contactName)) addContact(w, id, rec, true);
    return id;
  },

  update(w, rec, existing, changes, ctx) {
    const patch: Row = {};
    for (const c of changes) {
      const col = COLUMNS[c.field];
      if (col) patch[col] = c.after as string | number | null;
    }
    if (patch.name !== undefined) patch.name_initials = nameInitials(String(patch.name));
    const ownerChange = changes.find((c) => c.field === 'owner');
    if (ownerChange) {
      patch.owner_rep_id = String(ownerChange.after);
      patch.previous_owner_rep_id = existing.row.owner_rep_id ?? existing.row.previous_owner_rep_id ?? null;
      patch.owned_since = w.now;
      patch.pooled_at = null;
    }
    if (Object.keys(patch).length) w.update('accounts', existing.id, patch);
    if (ownerChange) {
      transfer(w, existing.id, (existing.row.owner_rep_id as string | null) ?? null, String(ownerChange.after), 'import', ctx.batchLabel);
      w.ownerChanged.add(existing.id);
    }
    const limit = changes.find((c) => c.field === 'creditLimit');
    const terms = changes.find((c) => c.field === 'paymentTermsDays');
    if (limit || terms) {
      const profile = w.get('credit_profiles', existing.id);
      const p: Row = {};
      if (limit) p.limit_fen = limit.after as number;
      if (terms) p.payment_terms_days = terms.after as number;
      if (profile) w.update('credit_profiles', existing.id, p);
      else w.insert('credit_profiles', { account_id: existing.id, ...p });
    }
    if (changes.some((c) => c.field === 'contactName')) {
      const hasPrimary = prepared(w.core.sqlite, `select 1 from contacts where account_id = ? and is_primary = 1 and deleted_at is null`).get(existing.id);
      addContact(w, existing.id, rec, !hasPrimary);
    }
  },
};

/** The owner the allocation rules planned for a new account (set by the commit, never by a sheet). */
export interface PlannedOwner {
  repId: string | null;
  note: string;
}

/** An owner change in account_transfers; `by` is the person's name, as the allocation services write it. */
function transfer(w: Parameters<KindImpl['create']>[0], accountId: string, from: string | null, to: string, kind: 'import' | 'auto', reason: string): void {
  w.insert('account_transfers', { id: newId(w.now), account_id: accountId, from_rep_id: from, to_rep_id: to, kind, reason, journal_id: w.journalId, at: w.now, by: w.actor.name });
}

function addContact(w: Parameters<KindImpl['create']>[0], accountId: string, rec: Rec, primary: boolean): void {
  const phone = s(rec.phone);
  const mobile = phone && /^1\d{10}$/.test(phone) ? phone : null;
  w.insert('contacts', {
    id: newId(w.now),
    account_id: accountId,
    name: String(rec.contactName),
    title: s(rec.contactTitle),
    phone: mobile ? null : phone,
    mobile,
    is_primary: primary ? 1 : 0,
  });
}

