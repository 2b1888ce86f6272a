import type { z } from 'zod';
import type { creditHistorySchema } from '../../../../shared/contract/credit';
import type { CreditReason } from '../../../../shared/domain/credit-check';
import type { Core } from '../../core';

export type CreditHistory = z.output<typeof creditHistorySchema>;

function parseReasons(text: string): CreditReason[] {
  try {
    const v = JSON.parse(text) as unknown;
    return Array.isArray(v) ? (v as CreditReason[]) : [];
  } catch {
    return [];
  }
}

/** The credit checks and manager overrides of an account or an order, newest first. */
export function creditHistory(core: Core, q: { accountId?: string | undefined; orderId?: string | undefined; limit: number }): CreditHistory {
  const where = q.orderId ? 'c.order_id = @id' : 'c.account_id = @id';
  const id = q.orderId ?? q.accountId ?? '';
  const checks = (
    core.sqlite
      .prepare(
        `select c.id, c.at, c.trigger, c.outcome, c.order_id as orderId, o.order_no as orderNo, c.limit_fen as limitFen, c.exposure_fen as exposureFen, c.reasons, c.by
         from credit_checks c left join orders o on o.id = c.order_id where ${where} order by c.at desc, c.id desc limit @limit`,
      )
      .all({ id, limit: q.limit }) as (Omit<CreditHistory['checks'][number], 'reasons'> & { reasons: string })[]
  ).map((r) => ({ ...r, reasons: parseReasons(r.reasons) }));
  const overrides = core.sqlite
    .prepare(
      `select v.id, v.at, v.order_id as orderId, o.order_no as orderNo, coalesce(u.display_name, u.username, v.manager_user_id) as manager, v.requested_by as requestedBy, v.reason, c.outcome
       from credit_overrides v join credit_checks c on c.id = v.credit_check_id left join orders o on o.id = v.order_id left join users u on u.id = v.manager_user_id
       where ${where.replace('c.', 'v.')} order by v.at desc, v.id desc limit @limit`,
    )
    .all({ id, limit: q.limit }) as CreditHistory['overrides'];
  return { checks, overrides };
}
