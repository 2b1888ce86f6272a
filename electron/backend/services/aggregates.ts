import type { Core } from '../core';
import { refreshReclaimSchedule } from './pool-schedule';

/**
 * Keeps the account grid's aggregate columns true. Receivables follow shared/domain/receivables:
 * open = total − returned − collected over orders that owe money; overdue comes from instalments past
 * their due date (current plan rows only, less the part cancelled by returns); the last deal date is
 * the latest order that owes money. Overdue figures move with the calendar, so refreshAll runs at
 * start and each day (and the pool reclaim dates are refreshed after it).
 */
const OPEN_RECEIVABLE = `
  coalesce((select sum(max(0, o.total_fen - o.returned_fen - o.collected_fen)) from orders o
    where o.account_id = accounts.id and o.deleted_at is null
      and (o.state in ('confirmed','partly_shipped','shipped','completed') or (o.state = 'on_hold' and o.confirmed_on is not null))), 0)`;

const OVERDUE_FROM = `
  from instalments i join orders o on o.id = i.order_id
  where o.account_id = accounts.id and o.deleted_at is null and i.superseded_on is null and i.paid_fen < i.amount_fen and i.paid_fen + i.returned_fen < i.amount_fen and i.due_on < @today
    and (o.state in ('confirmed','partly_shipped','shipped','completed') or (o.state = 'on_hold' and o.confirmed_on is not null))`;

/** 最近成交: the latest order date of an order that owes money (confirmed, not cancelled), as receivables define it. */
const LAST_DEAL = `(select max(o.ordered_on) from orders o
    where o.account_id = accounts.id and o.deleted_at is null
      and (o.state in ('confirmed','partly_shipped','shipped','completed') or (o.state = 'on_hold' and o.confirmed_on is not null)))`;

const OPEN_CASES = `(select count(*) from cases c where c.account_id = accounts.id and c.state not in ('resolved','closed'))`;

const SET_CLAUSE = `
  open_receivable_fen = ${OPEN_RECEIVABLE},
  overdue_fen = coalesce((select sum(i.amount_fen - i.paid_fen - i.returned_fen) ${OVERDUE_FROM}), 0),
  max_overdue_days = coalesce((select max(julianday(@today) - julianday(i.due_on)) ${OVERDUE_FROM}), 0),
  open_cases = ${OPEN_CASES},
  last_deal_on = ${LAST_DEAL}`;

export function refreshAccountAggregates(core: Core, accountIds: readonly string[]): void {
  if (accountIds.length === 0) return;
  const stmt = core.sqlite.prepare(`update accounts set ${SET_CLAUSE} where id = @id`);
  const deal = core.sqlite.prepare('select last_deal_on from accounts where id = ?').pluck();
  const today = core.today();
  core.tx(() => {
    const dealMoved: string[] = [];
    for (const id of new Set(accountIds)) {
      const before = deal.get(id);
      stmt.run({ id, today });
      if (deal.get(id) !== before) dealMoved.push(id);
    }
    // The pool's "no deal for M days" clock restarts with a new deal (or winds back when one is cancelled).
    if (dealMoved.length) refreshReclaimSchedule(core, dealMoved);
  });
}

export function refreshAllAccountAggregates(core: Core): number {
  const today = core.today();
  return core.tx(() => core.sqlite.prepare(`update accounts set ${SET_CLAUSE} where deleted_at is null`).run({ today }).changes);
}
