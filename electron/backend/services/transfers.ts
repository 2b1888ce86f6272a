import type { DecisionPanel } from '../../../shared/contract/decision';
import { msg } from '../../../shared/i18n/text';
import { AppError } from '../../../shared/rpc/errors';
import type { Actor, Core } from '../core';
import { buildDecisionPanel, loadImpact } from './decision-panel';
import { applyOwnerChanges, requireAccountsExist } from './owner-changes';
import { allRepLoads, repLabel } from './rep-lookup';

function uniq(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

function notFound(toRepId: string): AppError {
  return new AppError('NOT_FOUND', msg(`业务员不存在：${toRepId}`, `Rep not found: ${toRepId}`), { field: 'toRepId' });
}

function targetRep(core: Core, toRepId: string) {
  const rep = allRepLoads(core).find((r) => r.id === toRepId);
  if (!rep) throw notFound(toRepId);
  return rep;
}

/** The receiving rep without the load figures: those mean a pass over every account, which a transfer does not need. */
function receivingRep(core: Core, toRepId: string): { id: string; name: string; employeeNo: string | null; status: string } {
  const rep = core.sqlite.prepare('select id, name, employee_no as employeeNo, status from reps where id = ? and deleted_at is null').get(toRepId) as
    | { id: string; name: string; employeeNo: string | null; status: string }
    | undefined;
  if (!rep) throw notFound(toRepId);
  return rep;
}

/**
 * The decision panel of a transfer (toRepId) or a release to the pool (null): what each account
 * carries (open and overdue receivables, open cases, last follow-up) and each rep's load before → after.
 */
export function previewTransfer(core: Core, input: { accountIds: string[]; toRepId: string | null; rowLimit: number }): { target: { id: string; name: string; status: 'active' | 'paused' | 'left'; capacity: number | null } | null; panel: DecisionPanel; unchanged: number } {
  const ids = uniq(input.accountIds);
  const info = loadImpact(core, ids);
  requireAccountsExist(ids, (id) => info.has(id));
  const reps = allRepLoads(core);
  const target = input.toRepId === null ? null : targetRep(core, input.toRepId);
  const moves = ids.map((id) => ({ account: info.get(id)!, toRepId: input.toRepId }));
  const panel = buildDecisionPanel(core, reps, moves, { rowLimit: input.rowLimit, alsoReps: target ? [target.id] : [] });
  return {
    target: target ? { id: target.id, name: target.name, status: target.status, capacity: target.capacity } : null,
    panel,
    unchanged: ids.length - panel.rowCount,
  };
}

/** Transfers accounts to a rep with a reason: one undoable journal entry, a transfer row and an audit entry each. */
export function transferAccounts(core: Core, actor: Actor, input: { accountIds: string[]; toRepId: string; reason: string }): { journalId: string | null; changed: number; unchanged: number } {
  const ids = uniq(input.accountIds);
  const result = core.tx(() => {
    const rep = receivingRep(core, input.toRepId);
    if (rep.status === 'left') throw new AppError('RULE_VIOLATION', msg(`业务员${repLabel(rep)}已离职，不能接收客户`, `${repLabel(rep)} has left and cannot receive accounts`), { field: 'toRepId' });
    return applyOwnerChanges(
      core,
      actor,
      ids.map((accountId) => ({ accountId, toRepId: rep.id })),
      { kind: 'transfer', reason: input.reason, journalKind: 'bulk_transfer', summary: `转移 ${ids.length} 个客户给 ${rep.name}：${input.reason}` },
    );
  });
  core.events.emit('data.changed', { entities: ['accounts', 'reps', 'journals'] });
  return { ...result, unchanged: ids.length - result.changed };
}

interface HistoryRow {
  id: string;
  at: number;
  kind: string;
  from_rep_id: string | null;
  from_name: string | null;
  to_rep_id: string | null;
  to_name: string | null;
  reason: string;
  by: string | null;
  journal_id: string | null;
  undone_at: number | null;
}

export function transferHistory(core: Core, accountId: string, limit: number) {
  const rows = core.sqlite
    .prepare(
      `select t.id, t.at, t.kind, t.from_rep_id, f.name as from_name, t.to_rep_id, r.name as to_name, t.reason, t.by, t.journal_id, t.undone_at
       from account_transfers t left join reps f on f.id = t.from_rep_id left join reps r on r.id = t.to_rep_id
       where t.account_id = ? order by t.at desc, t.id desc limit ?`,
    )
    .all(accountId, limit) as HistoryRow[];
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    kind: r.kind,
    fromRepId: r.from_rep_id,
    fromName: r.from_name,
    toRepId: r.to_rep_id,
    toName: r.to_name,
    reason: r.reason,
    by: r.by,
    journalId: r.journal_id,
    undoneAt: r.undone_at,
  }));
}
