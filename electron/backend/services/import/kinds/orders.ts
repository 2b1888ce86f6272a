import { applyBasisPoints } from '../../../../../shared/domain/money';
import { prepared } from '../sql-cache';
import { owesMoney } from '../../../../../shared/domain/receivables';
import { newId } from '../../../ids';
import type { Row } from '../commit/journal-writer';
import { issue, type RowIssue } from '../validate/issue';
import { resolveAccount } from './account-ref';
import { columnChanges, n, s, withExtraNotes, type KindImpl, type Rec } from './kind';
import { refIssue } from './ref-issue';

/** Order-level fields: taken from the first line of each order; other lines must agree. */
const HEADER = ['accountId', 'repId', 'orderedOn', 'promisedOn', 'shippedOn', 'state', 'customerPo', 'paymentTermsDays'] as const;
const UPDATABLE: Record<string, string> = { repId: 'rep_id', promisedOn: 'promised_on', customerPo: 'customer_po', paymentTermsDays: 'payment_terms_days', notes: 'notes' };

interface Line {
  productId: string | null;
  description: string;
  quantity: number;
  unitPriceFen: number;
  discountBp: number;
  taxRateBp: number;
  amountFen: number;
}

/** The tax contained in a tax-inclusive amount: amount × rate / (1 + rate), rounded half up. */
export function containedTax(amountFen: number, rateBp: number): number {
  return Math.round((amountFen * rateBp) / (10_000 + rateBp));
}

/**
 * 订单 + 明细: each sheet row is a line; lines are grouped into orders by order number (in any row
 * order). Written directly with their derived columns (totals, tax, shipped and billed amounts,
 * a shipment for orders the sheet says were shipped) until the order services take over.
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
    const quantity = n(v.quantity);
    if (quantity !== null && quantity <= 0) err('quantity', 'OUT_OF_RANGE', '数量：应大于 0（退货请走退货流程）', 'Quantity: must be above 0 (returns go through a return)');
    const discountBp = n(v.discount) ?? 0;
    if (discountBp < 0 || discountBp >= 10_000) err('discount', 'OUT_OF_RANGE', '折扣：应在 0%–100% 之间', 'Discount: expected 0%–100%');
    const taxRateBp = n(v.taxRate) ?? 1300;
    if (taxRateBp < 0 || taxRateBp > 10_000) err('taxRate', 'OUT_OF_RANGE', '税率：应在 0%–100% 之间', 'Tax rate: expected 0%–100%');
    let unitPriceFen = n(v.unitPrice);
    let amountFen = n(v.amount);
    if (unitPriceFen !== null && unitPriceFen < 0) err('unitPrice', 'NEGATIVE', '单价：不能为负数', 'Unit price: cannot be negative');
    if (amountFen !== null && amountFen < 0) err('amount', 'NEGATIVE', '金额：不能为负数', 'Amount: cannot be negative');
    if (quantity !== null && quantity > 0) {
      if (unitPriceFen !== null && amountFen === null) amountFen = applyBasisPoints(unitPriceFen * quantity, 10_000 - discountBp);
      else if (amountFen !== null && unitPriceFen === null) unitPriceFen = discountBp < 10_000 ? Math.round((amountFen * 10_000) / (quantity * (10_000 - discountBp))) : 0;
      else if (amountFen !== null && unitPriceFen !== null) {
        const expected = applyBasisPoints(unitPriceFen * quantity, 10_000 - discountBp);
        if (Math.abs(expected - amountFen) > quantity) {
          r.issues.push(issue('warning', 'AMOUNT_MISMATCH', r.cols.amount ?? null, 'amount', r.raw.amount ?? '', `金额与 数量×单价×(1−折扣) = ${(expected / 100).toFixed(2)} 不一致，以表中金额为准`, `amount differs from quantity × price × (1 − discount) = ${(expected / 100).toFixed(2)}; the sheet's amount is kept`));
        }
      }
    }
    const description = s(v.description) ?? productName;
    const line: Line | null =
      quantity !== null && amountFen !== null && unitPriceFen !== null && description
        ? { productId, description, quantity, unitPriceFen, discountBp, taxRateBp, amountFen }
        : null;
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
      notes: withExtraNotes(s(v.notes), r.extraNotes),
      line,
    };
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

  create(w, rec) {
    const lines = rec.lines as Line[];
    const id = newId(w.now);
    const orderedOn = String(rec.orderedOn);
    const shippedOn = s(rec.shippedOn);
    const state = s(rec.state) ?? (shippedOn ? 'shipped' : 'confirmed');
    const shipped = state === 'shipped' || state === 'completed' || state === 'partly_shipped';
    const total = lines.reduce((a, l) => a + l.amountFen, 0);
    const tax = lines.reduce((a, l) => a + containedTax(l.amountFen, l.taxRateBp), 0);
    const accountId = String(rec.accountId);
    const owner = w.get('accounts', accountId)?.owner_rep_id ?? null;
    const confirmedOn = state === 'draft' ? null : orderedOn;
    const fullyShipped = state === 'shipped' || state === 'completed';
    const order: Row = {
      id,
      order_no: String(rec.orderNo),
      account_id: accountId,
      rep_id: s(rec.repId) ?? (owner as string | null),
      state,
      ordered_on: orderedOn,
      promised_on: s(rec.promisedOn),
      confirmed_on: confirmedOn,
      shipped_on: shipped ? (shippedOn ?? orderedOn) : null,
      completed_on: state === 'completed' ? (shippedOn ?? orderedOn) : null,
      cancelled_on: state === 'cancelled' ? orderedOn : null,
      customer_po: s(rec.customerPo),
      total_fen: total,
      tax_fen: tax,
      shipped_fen: fullyShipped ? total : 0,
      billed_fen: fullyShipped ? total : 0,
      notes: s(rec.notes),
    };
    if (n(rec.paymentTermsDays) !== null) order.payment_terms_days = n(rec.paymentTermsDays);
    w.insert('orders', order);
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
        tax_fen: containedTax(l.amountFen, l.taxRateBp),
        shipped_qty: fullyShipped ? l.quantity : 0,
      });
    });
    if (fullyShipped) {
      const shippedDate = shippedOn ?? orderedOn;
      const shipmentId = newId(w.now);
      w.insert('shipments', { id: shipmentId, shipment_no: w.nextNumber('FH', { year: shippedDate.slice(0, 4) }), order_id: id, shipped_on: shippedDate, amount_fen: total, notes: '导入 / imported' });
      lines.forEach((l, i) => w.insert('shipment_lines', { id: newId(w.now), shipment_id: shipmentId, order_line_id: lineIds[i]!, quantity: l.quantity, amount_fen: l.amountFen }));
    }
    if (owesMoney({ state, confirmedOn })) w.touchedAccounts.add(accountId);
    return id;
  },

  update(w, _rec, existing, changes) {
    const patch: Row = {};
    for (const c of changes) patch[UPDATABLE[c.field]!] = c.after as string | number;
    if (Object.keys(patch).length) w.update('orders', existing.id, patch);
  },
};
