import { newId } from '../../../ids';
import { prepared } from '../sql-cache';
import type { Row } from '../commit/journal-writer';
import { columnChanges, s, withExtraNotes, type KindImpl, type Rec } from './kind';
import { refIssue } from './ref-issue';
import { resolveAccount } from './account-ref';

const COLUMNS: Record<string, string> = { repId: 'rep_id', kind: 'kind', nextStep: 'next_step', nextOn: 'next_on' };

/**
 * 跟进记录. A follow-up moves its account's last follow-up date (and so the pool clock); that derived
 * column is journaled too, so undo puts it back. The same account, day, kind and text is a duplicate.
 */
export const followupsKind: KindImpl = {
  kind: 'followups',

  normalize(r, ctx) {
    const v = r.values;
    const accountId = resolveAccount(r, ctx);
    let repId: string | null = null;
    if (s(v.rep)) {
      const rep = ctx.refs.rep(s(v.rep)!);
      if (rep.ok) repId = rep.id;
      else r.issues.push(refIssue(rep, ctx.fields.find((f) => f.key === 'rep')!, r.cols.rep ?? null, r.raw.rep ?? ''));
    }
    const rec: Rec = {
      accountId,
      repId,
      kind: s(v.kind) ?? 'visit',
      occurredOn: s(v.occurredOn),
      notes: withExtraNotes(s(v.notes), r.extraNotes) ?? '',
      nextStep: s(v.nextStep),
      nextOn: s(v.nextOn),
    };
    const key = accountId && rec.occurredOn ? `n:f:${accountId}|${String(rec.occurredOn)}|${String(rec.kind)}|${String(rec.notes)}` : null;
    return { record: rec, key, group: null };
  },

  findExisting(rec, ctx) {
    if (!s(rec.accountId) || !s(rec.occurredOn)) return null;
    const row = prepared(ctx.core.sqlite, `select * from followups where account_id = ? and occurred_on = ? and kind = ? and notes = ? and deleted_at is null`)
      .get(rec.accountId, rec.occurredOn, rec.kind, rec.notes) as Row | undefined;
    return row ? { id: String(row.id), label: `${String(row.occurred_on)} ${String(row.notes).slice(0, 20)}`, row, unique: false } : null;
  },

  changes(rec, existing) {
    return columnChanges(rec, existing.row, COLUMNS);
  },

  create(w, rec) {
    const id = newId(w.now);
    w.insert('followups', {
      id,
      account_id: String(rec.accountId),
      rep_id: s(rec.repId),
      kind: String(rec.kind),
      occurred_on: String(rec.occurredOn),
      notes: String(rec.notes ?? ''),
      next_step: s(rec.nextStep),
      next_on: s(rec.nextOn),
    });
    touchAccount(w, String(rec.accountId), String(rec.occurredOn), s(rec.nextOn));
    return id;
  },

  update(w, rec, existing, changes) {
    const patch: Row = {};
    for (const c of changes) patch[COLUMNS[c.field]!] = c.after as string;
    if (Object.keys(patch).length) w.update('followups', existing.id, patch);
    if (changes.some((c) => c.field === 'nextOn')) touchAccount(w, String(existing.row.account_id), String(existing.row.occurred_on), s(rec.nextOn));
  },
};

/** Moves the account's last / next follow-up dates forward (derived columns: no version bump). */
function touchAccount(w: Parameters<KindImpl['create']>[0], accountId: string, occurredOn: string, nextOn: string | null): void {
  const acc = w.get('accounts', accountId);
  if (!acc) return;
  const patch: Row = {};
  const last = acc.last_followup_on as string | null;
  if (!last || occurredOn > last) patch.last_followup_on = occurredOn;
  if (nextOn && (!last || occurredOn >= last) && acc.next_followup_on !== nextOn) patch.next_followup_on = nextOn;
  if (Object.keys(patch).length) w.update('accounts', accountId, patch, { bumpVersion: false });
}
