import type { Sqlite } from '../../db/client';
import { validateCreditCode } from '../../shared/domain/credit-code';
import { toDayNumber } from '../../shared/domain/dates';
import { lineAmount } from '../../shared/domain/line-amount';
import { daysOverdue, openAmountFen, owesMoney } from '../../shared/domain/receivables';
import { nameInitials } from '../../shared/domain/search-key';

/** SQL that must return no rows (or a zero count) on consistent data, named by the rule it checks. */
const ZERO_QUERIES: Record<string, string> = {
  'order total = Σ line amounts, order tax = Σ line tax': `
    select o.id from orders o left join (select order_id, sum(amount_fen) a, sum(tax_fen) t from order_lines group by order_id) l on l.order_id = o.id
    where o.total_fen <> coalesce(l.a, 0) or o.tax_fen <> coalesce(l.t, 0)`,
  'shipment amount = Σ its lines': `
    select s.id from shipments s left join (select shipment_id, sum(amount_fen) a from shipment_lines group by shipment_id) l on l.shipment_id = s.id
    where s.amount_fen <> coalesce(l.a, 0)`,
  'order shipped = billed = Σ shipments': `
    select o.id from orders o left join (select order_id, sum(amount_fen) a from shipments group by order_id) s on s.order_id = o.id
    where o.shipped_fen <> coalesce(s.a, 0) or o.billed_fen <> o.shipped_fen`,
  'line shipped qty = Σ shipment lines, ≤ quantity': `
    select l.id from order_lines l left join (select order_line_id, sum(quantity) q from shipment_lines group by order_line_id) s on s.order_line_id = l.id
    where l.shipped_qty <> coalesce(s.q, 0) or l.shipped_qty > l.quantity`,
  'fully shipped lines ship their whole amount': `
    select l.id from order_lines l join (select order_line_id, sum(amount_fen) a from shipment_lines group by order_line_id) s on s.order_line_id = l.id
    where l.shipped_qty = l.quantity and s.a <> l.amount_fen`,
  'line returned qty = Σ return lines, ≤ shipped': `
    select l.id from order_lines l left join (select order_line_id, sum(quantity) q from return_lines group by order_line_id) r on r.order_line_id = l.id
    where l.returned_qty <> coalesce(r.q, 0) or l.returned_qty > l.shipped_qty`,
  'return amount = Σ its lines; order returned = Σ returns': `
    select o.id from orders o left join (select order_id, sum(amount_fen) a from returns group by order_id) r on r.order_id = o.id
    where o.returned_fen <> coalesce(r.a, 0)
    union all
    select r.id from returns r left join (select return_id, sum(amount_fen) a from return_lines group by return_id) l on l.return_id = r.id where r.amount_fen <> coalesce(l.a, 0)`,
  'order collected = Σ allocations': `
    select o.id from orders o left join (select order_id, sum(amount_fen) a from payment_allocations group by order_id) p on p.order_id = o.id
    where o.collected_fen <> coalesce(p.a, 0)`,
  'instalment paid = Σ allocations ≤ amount; paid_on exactly when fully paid': `
    select i.id from instalments i left join (select instalment_id, sum(amount_fen) a, max(allocated_on) d from payment_allocations group by instalment_id) p on p.instalment_id = i.id
    where i.paid_fen <> coalesce(p.a, 0) or i.paid_fen > i.amount_fen or (i.paid_on is null) <> (i.paid_fen < i.amount_fen) or (i.paid_on is not null and i.paid_on <> p.d)`,
  'allocations point at an instalment of the same order, and of the paying account': `
    select a.id from payment_allocations a join instalments i on i.id = a.instalment_id join orders o on o.id = a.order_id join payments p on p.id = a.payment_id
    where i.order_id <> a.order_id or o.account_id <> p.account_id or a.amount_fen <= 0 or a.allocated_on <> p.received_on`,
  'payment unallocated = amount − Σ allocations': `
    select p.id from payments p left join (select payment_id, sum(amount_fen) a from payment_allocations group by payment_id) x on x.payment_id = p.id
    where p.unallocated_fen <> p.amount_fen - coalesce(x.a, 0)`,
  'per account Σ allocations + Σ unallocated = Σ payments': `
    select account_id from (
      select p.account_id, sum(p.amount_fen) paid, sum(p.unallocated_fen) un, (select coalesce(sum(a.amount_fen), 0) from payment_allocations a join payments q on q.id = a.payment_id where q.account_id = p.account_id) al
      from payments p group by p.account_id) where al + un <> paid`,
  'instalments add up to total − returned for orders that owe money; none otherwise': `
    select o.id from orders o left join (select order_id, sum(amount_fen) a, count(*) n from instalments group by order_id) i on i.order_id = o.id
    where (o.state in ('draft', 'cancelled') or (o.state = 'on_hold' and o.confirmed_on is null)) and coalesce(i.n, 0) > 0
       or (o.state not in ('draft', 'cancelled') and not (o.state = 'on_hold' and o.confirmed_on is null)) and coalesce(i.a, 0) <> o.total_fen - o.returned_fen`,
  'refunds are negative, linked to a return, and the return records them': `
    select p.id from payments p where p.kind = 'refund' and (p.amount_fen >= 0 or p.return_id is null)
    union all
    select r.id from returns r left join (select return_id, -sum(amount_fen) a from payments where kind = 'refund' group by return_id) p on p.return_id = r.id
    where r.refund_fen <> coalesce(p.a, 0)`,
  'receipts are positive': `select id from payments where kind = 'receipt' and amount_fen <= 0`,
  'nothing collected beyond total − returned': `select id from orders where collected_fen > total_fen - returned_fen`,
  'last / next follow-up as the follow-ups say': `
    select a.id from accounts a
    where a.last_followup_on is not (select max(occurred_on) from followups f where f.account_id = a.id and f.deleted_at is null)
       or a.next_followup_on is not (select min(next_on) from followups f where f.account_id = a.id and f.deleted_at is null and f.next_done = 0 and f.next_on is not null)`,
  'last deal = latest order that owes money (confirmed, not cancelled; shared/domain/receivables)': `
    select a.id from accounts a where a.last_deal_on is not (select max(ordered_on) from orders o where o.account_id = a.id and o.deleted_at is null
      and (o.state in ('confirmed', 'partly_shipped', 'shipped', 'completed') or (o.state = 'on_hold' and o.confirmed_on is not null)))`,
  'won accounts have a deal, deals make accounts won': `
    select id from accounts where (deal_status = 'won') <> (last_deal_on is not null)`,
  'owner = the last transfer, pooled accounts have no owner': `
    select a.id from accounts a
    where a.owner_rep_id is not (select t.to_rep_id from account_transfers t where t.account_id = a.id order by t.at desc, t.id desc limit 1)
      and exists (select 1 from account_transfers t where t.account_id = a.id)
    union all
    select id from accounts where (owner_rep_id is null) <> (pooled_at is not null) or (owner_rep_id is null) = (owned_since is not null)`,
  'owned since = when the current owner got the account': `
    select a.id from accounts a where a.owner_rep_id is not null
      and a.owned_since <> (select max(t.at) from account_transfers t where t.account_id = a.id)`,
  'transfers chain: each starts where the previous ended': `
    select t.id from account_transfers t
    where t.from_rep_id is not (select p.to_rep_id from account_transfers p where p.account_id = t.account_id and p.at < t.at order by p.at desc limit 1)
      and exists (select 1 from account_transfers p where p.account_id = t.account_id and p.at < t.at)`,
  'nobody owns accounts after leaving': `
    select a.id from accounts a join reps r on r.id = a.owner_rep_id where r.status = 'left'`,
  'follow-ups are by the owner of the day (never in the pool)': `
    select f.id from followups f where f.rep_id is not (
      select t.to_rep_id from account_transfers t where t.account_id = f.account_id and t.at < strftime('%s', f.occurred_on) * 1000 + 57600000
      order by t.at desc limit 1)`,
  'every rep within capacity': `
    select r.id from reps r where r.capacity < (select count(*) from accounts a where a.owner_rep_id = r.id)`,
  'one primary contact per account': `
    select account_id from contacts group by account_id having sum(is_primary) <> 1`,
  'credit hold mirrors the credit profile': `
    select a.id from accounts a left join credit_profiles c on c.account_id = a.id where a.credit_hold <> coalesce(c.hold, 0)
    union all
    select account_id from credit_profiles where hold = 1 and (hold_reason is null or hold_at is null or hold_by is null)`,
  'held orders remember where they came from': `
    select id from orders where (state = 'on_hold') <> (held_from_state is not null)`,
  'case state follows its last state event': `
    select c.id from cases c where c.state <> (select e.to_state from case_events e where e.case_id = c.id and e.to_state is not null order by e.at desc, e.id desc limit 1)`,
  'cases carry the SLA targets of their policy (tier-specific first)': `
    select c.id from cases c join accounts a on a.id = c.account_id
    where (c.first_response_target_min, c.resolution_target_min) is not (
      select p.first_response_minutes, p.resolution_minutes from sla_policies p
      where p.priority = c.priority and (p.tier = a.tier or p.tier is null) order by p.tier is null limit 1)`,
};

/** Every consistency rule the demo data promises, checked independently of the generator. */
export function checkDemoInvariants(sqlite: Sqlite, today: string): string[] {
  const problems: string[] = [];
  for (const [rule, sql] of Object.entries(ZERO_QUERIES)) {
    const rows = sqlite.prepare(sql).all() as Record<string, unknown>[];
    if (rows.length > 0) problems.push(`${rule}: ${rows.length} rows, e.g. ${JSON.stringify(rows.slice(0, 3))}`);
  }

  for (const l of sqlite.prepare('select id, quantity, unit_price_fen, discount_bp, tax_rate_bp, amount_fen, tax_fen from order_lines').all() as {
    id: string;
    quantity: number;
    unit_price_fen: number;
    discount_bp: number;
    tax_rate_bp: number;
    amount_fen: number;
    tax_fen: number;
  }[]) {
    // The order services' line maths (shared/domain/line-amount): the discount rounded, the tax contained.
    const expected = lineAmount({ quantity: l.quantity, unitPriceFen: l.unit_price_fen, discountBp: l.discount_bp, taxRateBp: l.tax_rate_bp });
    if (l.amount_fen !== expected.amountFen) problems.push(`line ${l.id}: amount is not quantity × price − discount`);
    if (l.tax_fen !== expected.taxFen) problems.push(`line ${l.id}: tax is not the tax contained in the amount`);
  }

  const codes = sqlite.prepare('select credit_code as c from accounts where credit_code is not null').all() as { c: string }[];
  if (new Set(codes.map((x) => x.c)).size !== codes.length) problems.push('credit codes are not unique');
  for (const { c } of codes) if (validateCreditCode(c) !== null) problems.push(`credit code ${c} is invalid (${validateCreditCode(c)})`);
  for (const a of sqlite.prepare('select name, name_initials as i from accounts').all() as { name: string; i: string }[]) {
    if (a.i !== nameInitials(a.name)) problems.push(`initials of ${a.name}: ${a.i} ≠ ${nameInitials(a.name)}`);
  }

  // The grid's aggregate columns against a recomputation from documents with shared/domain/receivables.
  const expected = new Map<string, { open: number; overdue: number; maxDays: number; cases: number }>();
  const entry = (id: string) => {
    let e = expected.get(id);
    if (!e) expected.set(id, (e = { open: 0, overdue: 0, maxDays: 0, cases: 0 }));
    return e;
  };
  const orderRows = sqlite.prepare('select id, account_id, state, confirmed_on, total_fen, returned_fen, collected_fen from orders where deleted_at is null').all() as {
    id: string;
    account_id: string;
    state: string;
    confirmed_on: string | null;
    total_fen: number;
    returned_fen: number;
    collected_fen: number;
  }[];
  const owing = new Map<string, string>();
  for (const o of orderRows) {
    const money = { state: o.state, confirmedOn: o.confirmed_on, totalFen: o.total_fen, returnedFen: o.returned_fen, collectedFen: o.collected_fen };
    entry(o.account_id).open += openAmountFen(money);
    if (owesMoney(money)) owing.set(o.id, o.account_id);
  }
  for (const i of sqlite.prepare('select order_id, due_on, amount_fen, paid_fen from instalments').all() as { order_id: string; due_on: string; amount_fen: number; paid_fen: number }[]) {
    const account = owing.get(i.order_id);
    if (!account || i.paid_fen >= i.amount_fen) continue;
    const days = daysOverdue(i.due_on, today, toDayNumber);
    if (days <= 0) continue;
    const e = entry(account);
    e.overdue += i.amount_fen - i.paid_fen;
    e.maxDays = Math.max(e.maxDays, days);
  }
  for (const c of sqlite.prepare("select account_id from cases where state not in ('resolved', 'closed')").all() as { account_id: string }[]) entry(c.account_id).cases++;
  let mismatches = 0;
  for (const a of sqlite.prepare('select id, open_receivable_fen, overdue_fen, max_overdue_days, open_cases from accounts').all() as {
    id: string;
    open_receivable_fen: number;
    overdue_fen: number;
    max_overdue_days: number;
    open_cases: number;
  }[]) {
    const e = expected.get(a.id) ?? { open: 0, overdue: 0, maxDays: 0, cases: 0 };
    if (a.open_receivable_fen !== e.open || a.overdue_fen !== e.overdue || a.max_overdue_days !== e.maxDays || a.open_cases !== e.cases) {
      if (mismatches++ < 3) problems.push(`aggregates of account ${a.id}: ${JSON.stringify(a)} ≠ ${JSON.stringify(e)}`);
    }
  }

  const fk = sqlite.pragma('foreign_key_check') as unknown[];
  if (fk.length > 0) problems.push(`foreign_key_check: ${fk.length} violations, e.g. ${JSON.stringify(fk.slice(0, 3))}`);
  return problems;
}
