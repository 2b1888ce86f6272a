import type { AccountPlan } from './account-plan';
import type { SeedContext } from './context';
import { AUDIT_COLUMNS, type Inserter, prepareInsert } from './insert';
import type { SeedOrder } from './orders';

/**
 * The prepared INSERTs for the rows written account by account (parents before children, so the
 * foreign keys are satisfied as each row goes in).
 */
export class StreamWriters {
  readonly accounts: Inserter;
  readonly contacts: Inserter;
  readonly accountTags: Inserter;
  readonly followers: Inserter;
  readonly transfers: Inserter;
  readonly followups: Inserter;
  readonly orders: Inserter;
  readonly orderLines: Inserter;
  readonly shipments: Inserter;
  readonly shipmentLines: Inserter;
  readonly instalments: Inserter;

  constructor(private readonly ctx: SeedContext) {
    const s = ctx.sqlite;
    this.accounts = prepareInsert(s, 'accounts', [
      'id',
      'code',
      'name',
      'short_name',
      'name_initials',
      'credit_code',
      'industry',
      'territory_id',
      'tier',
      'source',
      'deal_status',
      'account_group',
      'phone',
      'email',
      'website',
      'province',
      'city',
      'address',
      'notes',
      'owner_rep_id',
      'owned_since',
      'previous_owner_rep_id',
      'pooled_at',
      'protected_until',
      'last_followup_on',
      'next_followup_on',
      'last_deal_on',
      'credit_hold',
      ...AUDIT_COLUMNS,
    ]);
    this.contacts = prepareInsert(s, 'contacts', ['id', 'account_id', 'name', 'title', 'phone', 'mobile', 'email', 'wechat', 'is_primary', 'notes', ...AUDIT_COLUMNS]);
    this.accountTags = prepareInsert(s, 'account_tags', ['account_id', 'tag_id']);
    this.followers = prepareInsert(s, 'account_followers', ['account_id', 'rep_id', 'created_at', 'created_by']);
    this.transfers = prepareInsert(s, 'account_transfers', ['id', 'account_id', 'from_rep_id', 'to_rep_id', 'kind', 'reason', 'journal_id', 'at', 'by', 'undone_at']);
    this.followups = prepareInsert(s, 'followups', ['id', 'account_id', 'rep_id', 'contact_id', 'kind', 'occurred_on', 'notes', 'next_step', 'next_on', 'next_done', ...AUDIT_COLUMNS]);
    this.orders = prepareInsert(s, 'orders', [
      'id',
      'order_no',
      'account_id',
      'rep_id',
      'state',
      'held_from_state',
      'ordered_on',
      'promised_on',
      'confirmed_on',
      'shipped_on',
      'completed_on',
      'cancelled_on',
      'customer_po',
      'payment_terms_days',
      'total_fen',
      'tax_fen',
      'shipped_fen',
      'billed_fen',
      'collected_fen',
      'returned_fen',
      'credit_status',
      'notes',
      ...AUDIT_COLUMNS,
    ]);
    this.orderLines = prepareInsert(s, 'order_lines', [
      'id',
      'order_id',
      'line_no',
      'product_id',
      'description',
      'quantity',
      'unit_price_fen',
      'discount_bp',
      'tax_rate_bp',
      'amount_fen',
      'tax_fen',
      'shipped_qty',
      'returned_qty',
      ...AUDIT_COLUMNS,
    ]);
    this.shipments = prepareInsert(s, 'shipments', ['id', 'shipment_no', 'order_id', 'shipped_on', 'amount_fen', 'notes', ...AUDIT_COLUMNS]);
    this.shipmentLines = prepareInsert(s, 'shipment_lines', ['id', 'shipment_id', 'order_line_id', 'quantity', 'amount_fen']);
    this.instalments = prepareInsert(s, 'instalments', ['id', 'order_id', 'seq', 'label', 'due_on', 'amount_fen', 'paid_fen', 'paid_on', ...AUDIT_COLUMNS]);
  }

  /** An order with its lines, shipments and instalment plan. */
  order(a: AccountPlan, o: SeedOrder): void {
    const { ctx } = this;
    const by = ctx.actor.id;
    const d = ctx.date;
    const createdAt = o.createdAt;
    const updatedAt = o.lastEventDay > o.day ? ctx.stamp(o.lastEventDay) : createdAt;
    this.orders.run(
      o.id,
      o.no,
      a.id,
      o.rep?.id ?? null,
      o.state,
      o.heldFrom,
      d(o.day),
      d(o.promisedDay),
      o.confirmDay === null ? null : d(o.confirmDay),
      o.shippedDay === null ? null : d(o.shippedDay),
      o.completedDay === null ? null : d(o.completedDay),
      o.cancelledDay === null ? null : d(o.cancelledDay),
      o.customerPo,
      o.termsDays,
      o.totalFen,
      o.taxFen,
      o.shippedFen,
      o.shippedFen,
      o.collectedFen,
      o.returnedFen,
      o.creditStatus,
      o.notes,
      createdAt,
      updatedAt,
      by,
      by,
      1,
    );
    for (const l of o.lines) {
      const p = l.product;
      this.orderLines.run(l.id, o.id, l.lineNo, p.id, p.description, l.qty, l.priceFen, l.discountBp, p.taxRateBp, l.amountFen, l.taxFen, l.shippedQty, l.returnedQty, createdAt, updatedAt, by, by, 1);
    }
    for (const sh of o.shipments) {
      const at = ctx.stamp(sh.day);
      this.shipments.run(sh.id, sh.no, o.id, d(sh.day), sh.amountFen, sh.notes, at, at, by, by, 1);
      for (const sl of sh.lines) this.shipmentLines.run(sl.id, sh.id, sl.line.id, sl.qty, sl.amountFen);
    }
    for (const i of o.instalments) {
      const at = o.confirmDay === null ? createdAt : ctx.stamp(o.confirmDay);
      this.instalments.run(i.id, o.id, i.seq, i.label, d(i.dueDay), i.amountFen, i.paidFen, i.paidDay === null ? null : d(i.paidDay), at, i.paidDay === null ? at : Math.max(at, ctx.stamp(i.paidDay)), by, by, 1);
    }
  }
}
