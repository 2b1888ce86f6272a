import type { SeedContext } from './context';
import { AUDIT_COLUMNS, prepareInsert } from './insert';
import type { SeedOrder, SeedReturn } from './orders';
import type { SeedPayment } from './payments';

/**
 * Returns and payments are kept until every account is done, so that their human numbers
 * (TH-/SK-YYYY-NNNNNN) follow the calendar across all accounts. Returns go first: refunds point at them.
 */
export function writeLedger(ctx: SeedContext, returns: { ret: SeedReturn; order: SeedOrder; accountId: string }[], payments: SeedPayment[]) {
  const by = ctx.actor.id;
  const d = ctx.date;
  const insertReturn = prepareInsert(ctx.sqlite, 'returns', ['id', 'return_no', 'order_id', 'account_id', 'returned_on', 'reason', 'amount_fen', 'refund_fen', ...AUDIT_COLUMNS]);
  const insertReturnLine = prepareInsert(ctx.sqlite, 'return_lines', ['id', 'return_id', 'order_line_id', 'quantity', 'amount_fen']);
  const sortedReturns = returns.slice().sort((a, b) => a.ret.day - b.ret.day || (a.ret.id < b.ret.id ? -1 : 1));
  for (const { ret, order, accountId } of sortedReturns) {
    const at = ctx.stamp(ret.day);
    insertReturn.run(ret.id, ctx.numbers.next('TH', d(ret.day).slice(0, 4)), order.id, accountId, d(ret.day), ret.reason, ret.amountFen, ret.refundFen, at, at, by, by, 1);
    for (const l of ret.lines) insertReturnLine.run(l.id, ret.id, l.line.id, l.qty, l.amountFen);
  }

  const insertPayment = prepareInsert(ctx.sqlite, 'payments', [
    'id',
    'payment_no',
    'account_id',
    'received_on',
    'amount_fen',
    'method',
    'kind',
    'reference',
    'return_id',
    'unallocated_fen',
    'notes',
    ...AUDIT_COLUMNS,
  ]);
  const insertAllocation = prepareInsert(ctx.sqlite, 'payment_allocations', ['id', 'payment_id', 'order_id', 'instalment_id', 'amount_fen', 'allocated_on', 'created_at', 'created_by']);
  // Numbers in date order; rows in id order (ids only grow, so the primary-key index appends).
  const numbers = new Map<SeedPayment, string>();
  for (const p of payments.slice().sort((a, b) => a.day - b.day || (a.id < b.id ? -1 : 1))) numbers.set(p, ctx.numbers.next('SK', d(p.day).slice(0, 4)));
  const byId = payments.slice().sort((a, b) => (a.id < b.id ? -1 : 1));
  for (const p of byId) {
    const at = ctx.stamp(p.day);
    insertPayment.run(p.id, numbers.get(p)!, p.accountId, d(p.day), p.amountFen, p.method, p.kind, p.reference, p.returnId, p.unallocatedFen, p.notes, at, at, by, by, 1);
  }
  for (const p of byId) {
    for (const a of p.allocations) insertAllocation.run(a.id, p.id, a.orderId, a.instalmentId, a.amountFen, d(a.day), ctx.stamp(a.day), by);
  }
  return { returns: insertReturn.count, returnLines: insertReturnLine.count, payments: insertPayment.count, allocations: insertAllocation.count };
}
