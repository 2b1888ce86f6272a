import { parsePlanText } from '../../../../../shared/domain/instalment-plan';
import { lineAmount, lineFromAmount, lineProblem, proRataFen } from '../../../../../shared/domain/line-amount';
import { formatFen } from '../../../../../shared/domain/money';
import { owesMoney } from '../../../../../shared/domain/receivables';
import { newId } from '../../../ids';
import { recordAudit } from '../../audit';
import { planFromText } from '../../payment-plans';
import type { Row } from '../commit/journal-writer';
import { prepared } from '../sql-cache';
import { issue, type RowIssue } from '../validate/issue';
import { resolveAccount } from './account-ref';
import { columnChanges, n, s, withExtraNotes, type KindImpl, type Rec } from './kind';
import { refIssue } from './ref-issue';

/** Order-level fields: taken from the first line of each order; other lines must agree. */
const HEADER = ['accountId', 'repId', 'orderedOn', 'promisedOn', 'shippedOn', 'state', 'customerPo', 'paymentTermsDays', 'plan'] as const;
const UPDATABLE: Record<string, string> = { repId: 'rep_id', promisedOn: 'promised_on', customerPo: 'customer_po', paymentTermsDays: 'payment_terms_days', notes: 'notes' };
/** The order services' checks of a new order (its state, dates, plan and lines), which an existing order is never rewritten from. */
const CREATE_RULES = new Set(['STATE_UNSUPPORTED', 'DATE_FUTURE', 'DATE_ORDER', 'SHIPPED_ON_IGNORED', 'PLAN_INVALID', 'AMOUNT_MISMATCH', 'LINE_AMOUNT_ADJUSTED', 'LINE_INVALID']);
/** The order services' default payment terms (orders.payment_terms_days). */
const DEFAULT_TERMS_DAYS = 30;

interface Line {
  productId: string | null;
  description: string;
  quantity: number;
  unitPriceFen: number;
  discountBp: number;
  taxRateBp: number;
  amountFen: number;
  taxFen: number;
}

/** The state an order row lands in: the sheet's, or shipped when it has a ship date, else confirmed. */
function stateOf(rec: Rec): string {
  return s(rec.state) ?? (s(rec.shippedOn) ? 'shipped' : 'confirmed');
}

/**
 * 订单 + 明细: each sheet row is a line; lines are grouped into orders by order number (in any row
 * order). Imported orders obey the order services' rules: line amounts are quantity × price − discount
 * with the tax contained (shared/domain/line-amount), confirmed orders get their payment plan
 * (instalments, so that aging and overdue work), shipped ones a shipment, and the account its deal.
 */
export const ordersKind: KindImpl = {
  kind: 'orders',
  grouped: true,

  normalize(r, ctx) {
    const v = r.values;
    const accountId = resolveAccount(r, ctx);
    const spec = (key: string) => ctx.fields.find((f) => f.key === key)!;
    let repId: string | null = null;
    if (s(v.rep)) {
      const rep = ctx.refs.rep(s(v.rep)!);
      if (rep.ok) repId = rep.id;
      else r.issues.push(refIssue(rep, spec('rep'), r.cols.rep ?? null, r.raw.rep ?? ''));
    }
    let productId: string | null = null;
    let productName: string | null = null;
    if (s(v.sku)) {
      const p = ctx.refs.product(s(v.sku)!);
      if (p.ok) {
        productId = p.id;
        productName = p.label;
      } else if (!s(v.description)) r.issues.push(refIssue(p, spec('sku'), r.cols.sku ?? null, r.raw.sku ?? ''));
    }
    const err = (field: string, code: string, zh: string, en: string) => r.issues.push(issue('error', code, r.cols[field] ?? null, field, r.raw[field] ?? '', zh, en));
    const warn = (field: string, code: string, zh: string, en: string) => r.issues.push(issue('warning', code, r.cols[field] ?? null, field, r.raw[field] ?? '', zh, en));
    const quantity = n(v.quantity);
    if (quantity !== null && quantity <= 0) err('quantity', 'OUT_OF_RANGE', '数量：应大于 0（退货请走退货流程）', 'Quantity: must be above 0 (returns go through a return)');
    const discountBp = n(v.discount) ?? 0;
    if (discountBp < 0 || discountBp >= 10_000) err('discount', 'OUT_OF_RANGE', '折扣：应在 0%–100% 之间', 'Discount: expected 0%–100%');
    const taxRateBp = n(v.taxRate) ?? 1300;
    if (taxRateBp < 0 || taxRateBp > 10_000) err('taxRate', 'OUT_OF_RANGE', '税率：应在 0%–100% 之间', 'Tax rate: expected 0%–100%');
    const unitPrice = n(v.unitPrice);
    const amount = n(v.amount);
    if (unitPrice !== null && unitPrice < 0) err('unitPrice', 'NEGATIVE', '单价：不能为负数', 'Unit price: cannot be negative');
    if (amount !== null && amount < 0) err('amount', 'NEGATIVE', '金额：不能为负数', 'Amount: cannot be negative');
    // The line as the order services compute it; the sheet's own amount only checks (or, alone, sets) the price.
    let line: Line | null = null;
    const description = s(v.description) ?? productName;
    const usable = quantity !== null && quantity > 0 && discountBp >= 0 && discountBp < 10_000 && taxRateBp >= 0 && taxRateBp <= 10_000 && (unitPrice ?? 0) >= 0 && (amount ?? 0) >= 0;
    if (usable && (unitPrice !== null || amount !== null)) {
      let price: number;
      if (unitPrice !== null) {
        price = unitPrice;
        const computed = lineAmount({ quantity, unitPriceFen: price, discountBp, taxRateBp }).amountFen;
        if (amount !== null && computed !== amount) {
          // A price rounded to the fen (3.333 → 3.33) moves the amount by up to half a fen per unit.
          if (Math.abs(computed - amount) > Math.max(1, Math.ceil(quantity / 2))) {
            err('amount', 'AMOUNT_MISMATCH', `金额 ${formatFen(amount)} 与 数量×单价×(1−折扣) = ${formatFen(computed)} 不一致，请核对数量、单价或金额`, `The amount ${formatFen(amount)} differs from quantity × price × (1 − discount) = ${formatFen(computed)}; check the quantity, price or amount`);
          } else {
            warn('amount', 'LINE_AMOUNT_ADJUSTED', `金额按 数量×单价×(1−折扣) 计为 ${formatFen(computed)}（表中 ${formatFen(amount)}）`, `The amount is taken as quantity × price × (1 − discount) = ${formatFen(computed)} (the sheet says ${formatFen(amount)})`);
          }
        }
      } else {
        const fit = lineFromAmount({ quantity, amountFen: amount!, discountBp, taxRateBp });
        price = fit.unitPriceFen;
        if (!fit.exact) {
          warn('amount', 'LINE_AMOUNT_ADJUSTED', `金额 ${formatFen(amount!)} 不能由整分的单价得到：单价取 ${formatFen(price)}，金额计为 ${formatFen(fit.amount.amountFen)}`, `No whole-fen unit price gives ${formatFen(amount!)}: the price is ${formatFen(price)} and the amount ${formatFen(fit.amount.amountFen)}`);
        }
      }
      const math = { quantity, unitPriceFen: price, discountBp, taxRateBp };
      const problem = lineProblem(math);
      if (problem) err(unitPrice !== null ? 'unitPrice' : 'amount', 'LINE_INVALID', `明细：${problem.zh}`, `Line: ${problem.en}`);
      else if (description) {
        const a = lineAmount(math);
        line = { productId, description, quantity, unitPriceFen: price, discountBp, taxRateBp, amountFen: a.amountFen, taxFen: a.taxFen };
      }
    }
    const plan = s(v.plan);
    if (plan) {
      const parsed = parsePlanText(plan);
      if (!parsed.ok) err('plan', 'PLAN_INVALID', `回款计划：${parsed.reason.zh}`, `Payment plan: ${parsed.reason.en}`);
    }
    const rec: Rec = {
      orderNo: s(v.orderNo),
      accountId,
      repId,
      orderedOn: s(v.orderedOn),
      promisedOn: s(v.promisedOn),
      shippedOn: s(v.shippedOn),
      state: s(v.state),
      customerPo: s(v.customerPo),
      paymentTermsDays: n(v.paymentTermsDays),
      plan,
      notes: withExtraNotes(s(v.notes), r.extraNotes),
      line,
    };
    checkStateAndDates(rec, ctx.today, err, warn);
    // One order number for lines of different customers or days (sloppy sheets, and the Superstore
    // sample) is several orders: the group includes both, and later groups get a suffix.
    const group = s(v.orderNo) ? `${String(v.orderNo)}\u0001${accountId ?? s(v.account) ?? ''}\u0001${rec.orderedOn ?? ''}` : null;
    return { record: rec, key: null, group };
  },

  combine(records) {
    const first = records[0]!;
    const issues: { idx: number; issue: RowIssue }[] = [];
    const header: Rec = { orderNo: first.record.orderNo, notes: first.record.notes };
    for (const f of HEADER) header[f] = first.record[f] ?? null;
    for (const r of records.slice(1)) {
      for (const f of HEADER) {
        const a = header[f] ?? null;
        const b = r.record[f] ?? null;
        if (b !== null && a === null) header[f] = b;
        else if (b !== null && a !== b) {
          issues.push({ idx: r.idx, issue: issue('warning', 'ORDER_HEADER_CONFLICT', null, f, String(b), `同一订单的第 ${first.row} 行写的是另一个值（${String(a)}），以第 ${first.row} 行为准`, `row ${first.row} of the same order says ${String(a)}; row ${first.row} wins`) });
        }
      }
    }
    header.lines = records.map((r) => r.record.line);
    return { record: header, issues };
  },

  findExisting(rec, ctx) {
    const row = prepared(ctx.core.sqlite, `select * from orders where order_no = ?`).get(rec.orderNo) as Row | undefined;
    return row ? { id: String(row.id), label: String(row.order_no), row, unique: true } : null;
  },

  changes(rec, existing) {
    return columnChanges(rec, existing.row, UPDATABLE);
  },

  // The promised date is a header field an update writes: its check holds for existing orders too.
  createOnly: (i) => CREATE_RULES.has(i.code) && i.field !== 'promisedOn',

  refuseUpdate(_rec, existing) {
    // As in the order services: once confirmed, an order's header and lines no longer change.
    if (existing.row.state === 'draft') return null;
    return issue('error', 'ORDER_LOCKED', null, 'orderNo', existing.label, `订单 ${existing.label} 已确认（${String(existing.row.state)}），不能再修改订单头；请在订单页办理`, `Order ${existing.label} is confirmed (${String(existing.row.state)}); its header can no longer be changed — use the order page`);
  },

  create(w, rec, ctx) {
    const lines = rec.lines as Line[];
    const id = newId(w.now);
    const orderNo = String(rec.orderNo);
    const orderedOn = String(rec.orderedOn);
    const shippedOn = s(rec.shippedOn);
    const state = stateOf(rec);
    const fullyShipped = state === 'shipped' || state === 'completed';
    const total = lines.reduce((a, l) => a + l.amountFen, 0);
    const tax = lines.reduce((a, l) => a + l.taxFen, 0);
    const accountId = String(rec.accountId);
    const account = w.get('accounts', accountId)!;
    // A cancelled order is taken as never confirmed (nothing owed, no plan); a held one as held after confirmation.
    const confirmedOn = state === 'draft' || state === 'cancelled' ? null : orderedOn;
    const terms = n(rec.paymentTermsDays) ?? DEFAULT_TERMS_DAYS;
    const shipDate = shippedOn ?? orderedOn;
    w.reserveNumber(orderNo);
    w.insert('orders', {
      id,
      order_no: orderNo,
      account_id: accountId,
      rep_id: s(rec.repId) ?? (account.owner_rep_id as string | null),
      state,
      held_from_state: state === 'on_hold' ? 'confirmed' : null,
      ordered_on: orderedOn,
      promised_on: s(rec.promisedOn),
      confirmed_on: confirmedOn,
      shipped_on: fullyShipped ? shipDate : null,
      completed_on: state === 'completed' ? shipDate : null,
      cancelled_on: state === 'cancelled' ? orderedOn : null,
      customer_po: s(rec.customerPo),
      payment_terms_days: terms,
      total_fen: total,
      tax_fen: tax,
      shipped_fen: fullyShipped ? total : 0,
      billed_fen: fullyShipped ? total : 0,
      notes: s(rec.notes),
    });
    const lineIds: string[] = [];
    lines.forEach((l, i) => {
      const lineId = newId(w.now);
      lineIds.push(lineId);
      w.insert('order_lines', {
        id: lineId,
        order_id: id,
        line_no: i + 1,
        product_id: l.productId,
        description: l.description,
        quantity: l.quantity,
        unit_price_fen: l.unitPriceFen,
        discount_bp: l.discountBp,
        tax_rate_bp: l.taxRateBp,
        amount_fen: l.amountFen,
        tax_fen: l.taxFen,
        shipped_qty: fullyShipped ? l.quantity : 0,
      });
    });
    if (fullyShipped) {
      const shipmentId = newId(w.now);
      w.insert('shipments', { id: shipmentId, shipment_no: w.nextNumber('SH', { year: shipDate.slice(0, 4) }), order_id: id, shipped_on: shipDate, amount_fen: total, notes: ctx.batchLabel });
      lines.forEach((l, i) => w.insert('shipment_lines', { id: newId(w.now), shipment_id: shipmentId, order_line_id: lineIds[i]!, quantity: l.quantity, amount_fen: proRataFen(l.amountFen, l.quantity, l.quantity) }));
    }
    if (confirmedOn !== null && owesMoney({ state, confirmedOn })) {
      // The payment plan confirming would make: the sheet's plan, or everything due after the terms.
      for (const p of planFromText(total, confirmedOn, s(rec.plan) ?? undefined, terms)) {
        w.insert('instalments', { id: newId(w.now), order_id: id, seq: p.seq, label: p.label, due_on: p.dueOn, amount_fen: p.amountFen });
      }
      // As confirming does (services/deal-status): the account becomes won, audited, its version left alone.
      if (account.deal_status !== 'won') {
        w.update('accounts', accountId, { deal_status: 'won' }, { bumpVersion: false });
        recordAudit(w.core, w.actor, { action: 'account.won', entityType: 'account', entityId: accountId, before: { dealStatus: account.deal_status }, after: { dealStatus: 'won' }, reason: `${ctx.batchLabel}：订单 ${orderNo}`, journalId: w.journalId }, w.now);
      }
    }
    w.touchedAccounts.add(accountId);
    return id;
  },

  update(w, _rec, existing, changes) {
    const patch: Row = {};
    for (const c of changes) patch[UPDATABLE[c.field]!] = c.after as string | number;
    if (Object.keys(patch).length) w.update('orders', existing.id, patch);
  },
};

type Report = (field: string, code: string, zh: string, en: string) => void;

/** The order services' date and state rules, for one row of an order. */
function checkStateAndDates(rec: Rec, today: string, err: Report, warn: Report): void {
  const state = stateOf(rec);
  const orderedOn = s(rec.orderedOn);
  const promisedOn = s(rec.promisedOn);
  const shippedOn = s(rec.shippedOn);
  if (state === 'partly_shipped') {
    err('state', 'STATE_UNSUPPORTED', '“部分发货”的订单不能从表格导入（表中没有每行已发的数量）：请按“已确认”导入，再在订单页登记发货', 'Partly shipped orders cannot be imported (the sheet does not say what shipped): import them as confirmed and record the shipment on the order page');
  }
  if (orderedOn && promisedOn && promisedOn < orderedOn) err('promisedOn', 'DATE_ORDER', `交货日期 ${promisedOn} 早于订单日期 ${orderedOn}`, `Promised date ${promisedOn} is before the order date ${orderedOn}`);
  if (shippedOn && (state === 'draft' || state === 'cancelled' || state === 'confirmed' || state === 'on_hold')) {
    warn('shippedOn', 'SHIPPED_ON_IGNORED', '该状态的订单没有发货，发货日期不导入', 'An order in this state has not shipped; the ship date is not imported');
  } else if (shippedOn && orderedOn && shippedOn < orderedOn) {
    err('shippedOn', 'DATE_ORDER', `发货日期 ${shippedOn} 早于订单日期 ${orderedOn}`, `Ship date ${shippedOn} is before the order date ${orderedOn}`);
  } else if (shippedOn && shippedOn > today) {
    err('shippedOn', 'DATE_FUTURE', `发货日期 ${shippedOn} 晚于今天（${today}）`, `Ship date ${shippedOn} is after today (${today})`);
  }
  if (orderedOn && orderedOn > today && state !== 'draft') {
    err('orderedOn', 'DATE_FUTURE', `订单日期 ${orderedOn} 晚于今天（${today}）：已确认的订单按订单日期确认，不能是将来；未来的订单请按“草稿”导入`, `Order date ${orderedOn} is after today (${today}): a confirmed order is confirmed on its order date, which cannot be in the future; import future orders as drafts`);
  }
}
