import type { OrderRecord } from '../../../db/repositories/orders';
import { instalments } from '../../../db/schema';
import { defaultPlan, generateInstalments, type ManualInstalment, parsePlanText, planProblem, type PlannedInstalment } from '../../../shared/domain/instalment-plan';
import { owesMoney } from '../../../shared/domain/receivables';
import { msg } from '../../../shared/i18n/text';
import { AppError } from '../../../shared/rpc/errors';
import type { Actor, Core } from '../core';
import { newId } from '../ids';
import { refreshAccountAggregates } from './aggregates';
import { recordAudit } from './audit';
import { insertAllocations, type LedgerLine, refreshOrderMoney } from './ledger';
import { requireOrderAt } from './orders';

/** Parses a plan text, or the default (everything after the payment terms), into instalments. */
export function planFromText(total: number, confirmedOn: string, text: string | undefined, paymentTermsDays: number): PlannedInstalment[] {
  let terms = defaultPlan(paymentTermsDays);
  if (text !== undefined && text.trim() !== '') {
    const parsed = parsePlanText(text);
    if (!parsed.ok) throw new AppError('INVALID_INPUT', msg(`回款计划：${parsed.reason.zh}`, `Payment plan: ${parsed.reason.en}`), { field: 'plan' });
    terms = parsed.terms;
  }
  return generateInstalments(total, confirmedOn, terms).filter((i) => i.amountFen > 0);
}

export function insertInstalments(core: Core, actor: Actor, orderId: string, planned: readonly PlannedInstalment[], effectiveOn: string | null): string[] {
  const now = core.clock.now();
  const rows = planned.map((p) => ({
    id: newId(now),
    orderId,
    seq: p.seq,
    label: p.label,
    dueOn: p.dueOn,
    amountFen: p.amountFen,
    effectiveOn,
    createdAt: now,
    updatedAt: now,
    createdBy: actor.id,
    updatedBy: actor.id,
    version: 1,
  }));
  if (rows.length) core.db.insert(instalments).values(rows).run();
  return rows.map((r) => r.id);
}

/**
 * Replaces a confirmed order's payment plan. The old instalments are kept, marked superseded today (so
 * reports as of earlier dates still see them), and the money already paid moves to the new
 * instalments oldest due first, payment by payment, as allocation rows dated today; what was returned
 * is taken off the new instalments' unpaid tail, as for any return.
 */
export function setPaymentPlan(core: Core, actor: Actor, input: { id: string; version: number; plan: string | ManualInstalment[] }): void {
  core.tx(() => {
    const o: OrderRecord = requireOrderAt(core, input.id, input.version);
    if (!owesMoney({ state: o.state, confirmedOn: o.confirmedOn }) || o.confirmedOn === null) {
      throw new AppError('RULE_VIOLATION', msg(`订单 ${o.orderNo} 未确认或已取消，不能设置回款计划`, `Order ${o.orderNo} is not confirmed (or is cancelled); it has no payment plan to change`));
    }
    const today = core.today();
    let planned: PlannedInstalment[];
    if (typeof input.plan === 'string') planned = planFromText(o.totalFen, o.confirmedOn, input.plan, o.paymentTermsDays);
    else {
      const problem = planProblem(o.totalFen, input.plan);
      if (problem) throw new AppError('INVALID_INPUT', problem, { field: 'plan' });
      planned = [...input.plan]
        .sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0))
        .map((p, i) => ({ seq: i + 1, label: p.label, dueOn: p.dueOn, amountFen: p.amountFen }));
    }
    const old = core.sqlite
      .prepare('select id, seq, label, due_on, amount_fen from instalments where order_id = ? and superseded_on is null order by due_on, seq')
      .all(o.id) as { id: string; seq: number; label: string; due_on: string; amount_fen: number }[];
    // Money on the old instalments, per payment, earliest payment first.
    const pieces = core.sqlite
      .prepare(
        `select a.payment_id, a.instalment_id, sum(a.amount_fen) as net from payment_allocations a join payments p on p.id = a.payment_id
         where a.order_id = ? and a.instalment_id in (select id from instalments where order_id = ? and superseded_on is null)
         group by a.payment_id, a.instalment_id having net <> 0 order by p.received_on, p.payment_no`,
      )
      .all(o.id, o.id) as { payment_id: string; instalment_id: string; net: number }[];
    const now = core.clock.now();
    core.sqlite.prepare('update instalments set superseded_on = ?, version = version + 1, updated_at = ?, updated_by = ? where order_id = ? and superseded_on is null').run(today, now, actor.id, o.id);
    const newIds = insertInstalments(core, actor, o.id, planned, today);
    const lines: LedgerLine[] = pieces.map((p) => ({ paymentId: p.payment_id, orderId: o.id, instalmentId: p.instalment_id, amountFen: -p.net, allocatedOn: today }));
    const room = planned.map((p) => p.amountFen);
    const perPayment = new Map<string, number>();
    for (const p of pieces) perPayment.set(p.payment_id, (perPayment.get(p.payment_id) ?? 0) + p.net);
    for (const [paymentId, amount] of perPayment) {
      let left = amount;
      for (let i = 0; i < room.length && left > 0; i++) {
        const t = Math.min(room[i]!, left);
        if (t <= 0) continue;
        room[i] = room[i]! - t;
        left -= t;
        lines.push({ paymentId, orderId: o.id, instalmentId: newIds[i]!, amountFen: t, allocatedOn: today });
      }
    }
    insertAllocations(core, actor, lines);
    // The new instalments start with paid 0 and returned 0. insertAllocations refreshes only orders it
    // moved money for, so with nothing paid yet the order's returns would never be spread over the new
    // instalments: they would stay open for the full amount and a later allocation could pay for goods
    // that came back. Always recompute the order's money columns here.
    refreshOrderMoney(core, actor, o.id);
    core.sqlite.prepare('update orders set version = version + 1, updated_at = ?, updated_by = ? where id = ?').run(now, actor.id, o.id);
    recordAudit(core, actor, {
      action: 'order.plan',
      entityType: 'order',
      entityId: o.id,
      before: old.map((x) => ({ seq: x.seq, label: x.label, dueOn: x.due_on, amountFen: x.amount_fen })),
      after: planned,
    });
    refreshAccountAggregates(core, [o.accountId]);
  });
  core.events.emit('data.changed', { entities: ['orders', 'accounts', 'payments'] });
}
