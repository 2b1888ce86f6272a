import type { Followup } from '../../../shared/contract/followups';
import { diffDays } from '../../../shared/domain/dates';
import { msg } from '../../../shared/i18n/text';
import { AppError } from '../../../shared/rpc/errors';
import type { Actor, Core } from '../core';
import { newId } from '../ids';
import { recordAudit } from './audit';
import { refreshReclaimSchedule } from './pool-schedule';
import { requireRep } from './rep-lookup';
import { staleVersion } from './users';

const SELECT = `select f.id, f.account_id, a.code as account_code, a.name as account_name, f.rep_id, r.name as rep_name, f.contact_id, c.name as contact_name,
    f.kind, f.occurred_on, f.notes, f.next_step, f.next_on, f.next_done, f.created_at, f.created_by, f.version
  from followups f join accounts a on a.id = f.account_id left join reps r on r.id = f.rep_id left join contacts c on c.id = f.contact_id`;

interface Row {
  id: string;
  account_id: string;
  account_code: string;
  account_name: string;
  rep_id: string | null;
  rep_name: string | null;
  contact_id: string | null;
  contact_name: string | null;
  kind: Followup['kind'];
  occurred_on: string;
  notes: string;
  next_step: string | null;
  next_on: string | null;
  next_done: number;
  created_at: number;
  created_by: string | null;
  version: number;
}

function toFollowup(r: Row): Followup {
  return {
    id: r.id,
    accountId: r.account_id,
    accountCode: r.account_code,
    accountName: r.account_name,
    repId: r.rep_id,
    repName: r.rep_name,
    contactId: r.contact_id,
    contactName: r.contact_name,
    kind: r.kind,
    occurredOn: r.occurred_on,
    notes: r.notes,
    nextStep: r.next_step,
    nextOn: r.next_on,
    nextDone: r.next_done === 1,
    createdAt: r.created_at,
    createdBy: r.created_by,
    version: r.version,
  };
}

function getFollowup(core: Core, id: string): Followup {
  const r = core.sqlite.prepare(`${SELECT} where f.id = ?`).get(id) as Row | undefined;
  if (!r) throw new AppError('NOT_FOUND', msg(`跟进记录不存在：${id}`, `Follow-up not found: ${id}`));
  return toFollowup(r);
}

/**
 * The account's follow-up dates are derived from its follow-ups (latest done, earliest open next
 * step). They move the pool clock, but they are not an edit of the account: no version bump, so a
 * follow-up never blocks undoing a transfer.
 */
function refreshAccountFollowupDates(core: Core, accountId: string): void {
  core.sqlite
    .prepare(
      `update accounts set
         last_followup_on = (select max(occurred_on) from followups where account_id = @id and deleted_at is null),
         next_followup_on = (select min(next_on) from followups where account_id = @id and deleted_at is null and next_done = 0 and next_on is not null)
       where id = @id`,
    )
    .run({ id: accountId });
  refreshReclaimSchedule(core, [accountId]);
}

export function addFollowup(
  core: Core,
  actor: Actor,
  input: { accountId: string; kind: Followup['kind']; occurredOn?: string | undefined; notes: string; nextStep?: string | null | undefined; nextOn?: string | null | undefined; repId?: string | null | undefined; contactId?: string | null | undefined },
): Followup {
  const id = core.tx(() => {
    const account = core.sqlite.prepare('select id, code, owner_rep_id, deleted_at from accounts where id = ?').get(input.accountId) as { id: string; code: string; owner_rep_id: string | null; deleted_at: number | null } | undefined;
    if (!account || account.deleted_at !== null) throw new AppError('NOT_FOUND', msg(`客户不存在：${input.accountId}`, `Account not found: ${input.accountId}`), { field: 'accountId' });
    const today = core.today();
    const occurredOn = input.occurredOn ?? today;
    if (occurredOn > today) throw new AppError('INVALID_INPUT', msg(`跟进日期 ${occurredOn} 晚于今天（${today}）`, `The follow-up date ${occurredOn} is after today (${today})`), { field: 'occurredOn' });
    const nextOn = input.nextOn ?? null;
    if (nextOn !== null && nextOn < occurredOn) throw new AppError('INVALID_INPUT', msg(`下次跟进日期 ${nextOn} 早于本次跟进（${occurredOn}）`, `The next step date ${nextOn} is before this follow-up (${occurredOn})`), { field: 'nextOn' });
    const repId = input.repId === undefined ? account.owner_rep_id : input.repId;
    if (repId) requireRep(core, repId);
    if (input.contactId) {
      const c = core.sqlite.prepare('select account_id from contacts where id = ? and deleted_at is null').get(input.contactId) as { account_id: string } | undefined;
      if (!c || c.account_id !== account.id) throw new AppError('INVALID_INPUT', msg('联系人不属于该客户', 'The contact does not belong to this account'), { field: 'contactId' });
    }
    const now = core.clock.now();
    const row = {
      id: newId(now),
      account_id: account.id,
      rep_id: repId,
      contact_id: input.contactId ?? null,
      kind: input.kind,
      occurred_on: occurredOn,
      notes: input.notes,
      next_step: input.nextStep ?? null,
      next_on: nextOn,
      created_at: now,
      updated_at: now,
      created_by: actor.id,
      updated_by: actor.id,
    };
    core.sqlite
      .prepare(
        `insert into followups (id, account_id, rep_id, contact_id, kind, occurred_on, notes, next_step, next_on, next_done, created_at, updated_at, created_by, updated_by, version)
         values (@id, @account_id, @rep_id, @contact_id, @kind, @occurred_on, @notes, @next_step, @next_on, 0, @created_at, @updated_at, @created_by, @updated_by, 1)`,
      )
      .run(row);
    refreshAccountFollowupDates(core, account.id);
    recordAudit(core, actor, { action: 'followup.create', entityType: 'account', entityId: account.id, after: { followupId: row.id, kind: row.kind, occurredOn, notes: row.notes, nextStep: row.next_step, nextOn } });
    return row.id;
  });
  core.events.emit('data.changed', { entities: ['followups', 'accounts'] });
  return getFollowup(core, id);
}

export function listFollowups(core: Core, accountId: string, limit: number): Followup[] {
  return (core.sqlite.prepare(`${SELECT} where f.account_id = ? and f.deleted_at is null order by f.occurred_on desc, f.id desc limit ?`).all(accountId, limit) as Row[]).map(toFollowup);
}

/** Open next steps due up to a date (default today), oldest first: the rep's (or everyone's) to-do list. */
export function dueFollowups(core: Core, input: { repId?: string | undefined; until?: string | undefined; limit: number }) {
  const today = core.today();
  const until = input.until ?? today;
  const where = `f.deleted_at is null and f.next_done = 0 and f.next_on is not null and f.next_on <= @until and a.deleted_at is null ${input.repId ? 'and f.rep_id = @repId' : ''}`;
  const params = { until, repId: input.repId ?? null, limit: input.limit };
  const total = (core.sqlite.prepare(`select count(*) as n from followups f join accounts a on a.id = f.account_id where ${where}`).get(params) as { n: number }).n;
  const rows = core.sqlite.prepare(`${SELECT} where ${where} order by f.next_on, a.code limit @limit`).all(params) as Row[];
  return { total, items: rows.map((r) => ({ ...toFollowup(r), overdueDays: Math.max(0, diffDays(r.next_on!, today)) })) };
}

export function completeFollowup(core: Core, actor: Actor, input: { id: string; version: number }): Followup {
  core.tx(() => {
    const before = getFollowup(core, input.id);
    if (before.version !== input.version) throw staleVersion('followup', before.version);
    if (before.nextDone) return;
    const now = core.clock.now();
    core.sqlite.prepare('update followups set next_done = 1, updated_at = ?, updated_by = ?, version = version + 1 where id = ? and version = ?').run(now, actor.id, input.id, input.version);
    refreshAccountFollowupDates(core, before.accountId);
    recordAudit(core, actor, { action: 'followup.complete', entityType: 'account', entityId: before.accountId, before: { followupId: input.id, nextDone: false }, after: { followupId: input.id, nextDone: true } });
  });
  core.events.emit('data.changed', { entities: ['followups', 'accounts'] });
  return getFollowup(core, input.id);
}
