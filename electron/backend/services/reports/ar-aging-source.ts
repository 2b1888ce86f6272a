/**
 * The open receivable lines aging is built from, in one place so that it can switch to the
 * order-to-cash aging service when that lands. Money owed follows shared/domain/receivables: orders
 * that owe money; each unpaid instalment is a line due on its date; an order without instalments is
 * one line due payment_terms_days after confirmation.
 */
import { MONEY_STATES } from '../../../../shared/domain/receivables';
import { addDays } from '../../../../shared/domain/dates';
import { daysOverdue } from '../../../../shared/domain/receivables';
import { toDayNumber } from '../../../../shared/domain/dates';
import { agingBucket, type AgingBucketKey } from '../../../../shared/domain/aging-buckets';
import type { Core } from '../../core';

export interface AgingLine {
  repId: string | null;
  repName: string | null;
  accountCode: string;
  accountName: string;
  orderNo: string;
  label: string;
  dueOn: string;
  openFen: number;
  daysOverdue: number;
  bucket: AgingBucketKey;
}

const OWES = `o.deleted_at is null and (o.state in (${MONEY_STATES.filter((s) => s !== 'on_hold').map((s) => `'${s}'`).join(',')}) or (o.state = 'on_hold' and o.confirmed_on is not null))`;

interface RawLine {
  repId: string | null;
  repName: string | null;
  accountCode: string;
  accountName: string;
  orderNo: string;
  label: string;
  dueOn: string | null;
  confirmedOn: string | null;
  orderedOn: string;
  terms: number;
  openFen: number;
}

export function agingLines(core: Core, asOf: string, repId?: string): AgingLine[] {
  const repFilter = repId ? 'and coalesce(o.rep_id, a.owner_rep_id) = @rep' : '';
  const rows = core.sqlite
    .prepare(
      `select coalesce(o.rep_id, a.owner_rep_id) as repId, r.name as repName, a.code as accountCode, a.name as accountName,
              o.order_no as orderNo, i.label, i.due_on as dueOn, o.confirmed_on as confirmedOn, o.ordered_on as orderedOn,
              o.payment_terms_days as terms, i.amount_fen - i.paid_fen as openFen
       from instalments i join orders o on o.id = i.order_id join accounts a on a.id = o.account_id
       left join reps r on r.id = coalesce(o.rep_id, a.owner_rep_id)
       where i.paid_fen < i.amount_fen and ${OWES} ${repFilter}
       union all
       select coalesce(o.rep_id, a.owner_rep_id), r.name, a.code, a.name, o.order_no, '整单（无回款计划）', null, o.confirmed_on, o.ordered_on,
              o.payment_terms_days, o.total_fen - o.returned_fen - o.collected_fen
       from orders o join accounts a on a.id = o.account_id
       left join reps r on r.id = coalesce(o.rep_id, a.owner_rep_id)
       where ${OWES} and o.total_fen - o.returned_fen - o.collected_fen > 0
         and not exists (select 1 from instalments x where x.order_id = o.id) ${repFilter}`,
    )
    .all({ ...(repId ? { rep: repId } : {}) }) as RawLine[];
  return rows.map((r) => {
    const dueOn = r.dueOn ?? addDays(r.confirmedOn ?? r.orderedOn, r.terms);
    const days = daysOverdue(dueOn, asOf, toDayNumber);
    return { repId: r.repId, repName: r.repName, accountCode: r.accountCode, accountName: r.accountName, orderNo: r.orderNo, label: r.label, dueOn, openFen: r.openFen, daysOverdue: days, bucket: agingBucket(days) };
  });
}
