import type { AccountPlan } from './account-plan';
import { buildCase, type SeedCase } from './cases';
import type { SeedContext } from './context';
import type { CreditWriter } from './credit';
import { planFollowups } from './followups';
import type { OrderPlan } from './order-plan';
import { buildOrder, type ProductChooser, type SeedOrder, type SeedReturn } from './orders';
import { ownerAt } from './ownership';
import type { SeedPayment } from './payments';
import { simulatePayments } from './payments';
import type { People } from './people';
import type { RepPool, SeedRep } from './reps';
import type { RepStats } from './targets';
import { CONTACT_TITLES, HOLD_NOTES } from './texts';
import type { StreamWriters } from './writers';

export interface PassState {
  ctx: SeedContext;
  pool: RepPool;
  people: People;
  writers: StreamWriters;
  credit: CreditWriter;
  chooser: ProductChooser;
  orderPlan: OrderPlan;
  tagIds: Map<string, string>;
  users: { managerId: string; coordinatorId: string };
  stats: RepStats;
  payments: SeedPayment[];
  returns: { ret: SeedReturn; order: SeedOrder; accountId: string }[];
  cases: SeedCase[];
}

/** The last owner on or before a day (an order taken while the account sat in the pool keeps its last rep). */
function repFor(plan: AccountPlan, day: number): SeedRep | null {
  let rep: SeedRep | null = null;
  for (const s of plan.ownership.segments) {
    if (s.day > day) break;
    if (s.rep) rep = s.rep;
  }
  return rep ?? plan.ownership.segments.find((s) => s.rep)?.rep ?? null;
}

/**
 * Everything about one account, computed in memory first (orders, money, credit, follow-ups) so the
 * account row carries consistent last follow-up / next follow-up / last deal / hold values, then written
 * parents-first. Payments, returns and cases are collected for numbering across all accounts.
 */
export function seedAccount(s: PassState, plan: AccountPlan, index: number): void {
  const { ctx, writers: w, stats } = s;
  const { r } = ctx;
  const o = plan.ownership;
  const by = ctx.actor.id;
  const d = ctx.date;

  // Orders and money.
  const pickProduct = s.chooser.pickerFor(plan.industry.buys);
  const poStyle = r.chance(0.55) ? (r.chance(0.5) ? 1 : 2) : 0;
  const orders: SeedOrder[] = [];
  for (let k = s.orderPlan.start[index]!; k < s.orderPlan.start[index + 1]!; k++) {
    const day = s.orderPlan.day[k]!;
    orders.push(buildOrder(ctx, plan, pickProduct, repFor(plan, day), day, s.orderPlan.lines[k]!, s.orderPlan.orderNo[k]!, poStyle));
  }
  const payments = simulatePayments(ctx, plan, orders);
  const decision = s.credit.decide(plan, orders);
  for (const order of orders) {
    if (order.state !== 'confirmed' && order.state !== 'partly_shipped') continue;
    if (decision.hold) {
      order.heldFrom = order.state;
      order.state = 'on_hold';
      order.creditStatus = 'blocked';
    } else if (r.chance(0.03)) {
      order.heldFrom = order.state;
      order.state = 'on_hold';
      order.notes = r.pick(HOLD_NOTES);
    }
  }
  let lastDeal: number | null = null;
  let hasDraft = false;
  for (const order of orders) {
    if (order.state === 'draft') hasDraft = true;
    else if (order.state !== 'cancelled') lastDeal = order.day;
  }

  // Contacts and follow-ups.
  const createdAt = ctx.stamp(plan.createdDay);
  const contactCount = plan.tier === 'A' ? r.int(2, 3) : plan.tier === 'B' ? r.int(1, 3) : r.int(1, 2);
  const contacts: { id: string; name: string; mobile: string }[] = [];
  for (let c = 0; c < contactCount; c++) contacts.push({ id: ctx.id(createdAt), name: s.people.fullName(), mobile: s.people.mobile() });
  const followups = planFollowups(
    ctx,
    plan,
    contacts.map((c) => c.id),
    () => pickProduct(r).name,
  );
  const lastF = followups[followups.length - 1];
  const nextFollowupOn = lastF && !lastF.nextDone && lastF.nextDay !== null ? d(lastF.nextDay) : null;

  // The account row.
  const segments = o.segments;
  const lastSegment = segments[segments.length - 1]!;
  const sinceAt = lastSegment.day === plan.createdDay ? createdAt : ctx.stamp(lastSegment.day);
  const transferAt = segments.map((seg) => (seg.day === plan.createdDay ? createdAt : seg === lastSegment ? sinceAt : ctx.stamp(seg.day)));
  const updatedAt = Math.max(createdAt, sinceAt, lastF?.at ?? 0);
  const protectedUntil = o.claimedDay !== null && o.claimedDay + 30 >= ctx.todayDay ? d(o.claimedDay + 30) : null;
  w.accounts.run(
    plan.id,
    plan.code,
    plan.company.name,
    plan.company.shortName,
    plan.initials,
    plan.creditCode,
    plan.industry.name,
    plan.city.id,
    plan.tier,
    plan.source,
    lastDeal !== null ? 'won' : hasDraft ? 'negotiating' : plan.fallbackDeal,
    plan.accountGroup,
    plan.phone,
    plan.email,
    plan.website,
    plan.city.province.geo.name,
    plan.city.geo.city,
    plan.address,
    plan.notes,
    o.owner?.id ?? null,
    o.owner ? sinceAt : null,
    o.previousOwner?.id ?? null,
    o.owner ? null : sinceAt,
    protectedUntil,
    lastF ? d(lastF.day) : null,
    nextFollowupOn,
    lastDeal === null ? null : d(lastDeal),
    decision.hold ? 1 : 0,
    createdAt,
    updatedAt,
    by,
    by,
    1,
  );

  contacts.forEach((c, ci) => {
    const title = ci === 0 ? r.pick(CONTACT_TITLES.slice(0, 4)) : r.pick(CONTACT_TITLES);
    const email = r.chance(0.35) ? `${s.people.pinyin(c.name)}${r.chance(0.3) ? r.int(1, 99) : ''}@${plan.website ? plan.website.slice(4) : r.pick(['163.com', 'qq.com', '126.com', 'sina.com'])}` : null;
    const wechat = r.chance(0.5) ? (r.chance(0.5) ? c.mobile : `wxid_${s.people.pinyin(c.name)}${r.digits(3)}`) : null;
    const phone = r.chance(0.4) ? s.people.landline(plan.city.geo.areaCode) : null;
    w.contacts.run(c.id, plan.id, c.name, title, phone, r.chance(0.95) ? c.mobile : null, email, wechat, ci === 0 ? 1 : 0, null, createdAt, createdAt, by, by, 1);
  });

  for (const tag of chooseTags(ctx, plan)) w.accountTags.run(plan.id, s.tagIds.get(tag)!);

  if (o.owner && r.chance(0.06)) {
    const others = (s.pool.byRegion.get(plan.city.province.region.id) ?? []).filter((x) => x !== o.owner && x.status !== 'left');
    for (const rep of r.sample(others, r.chance(0.7) ? 1 : 2)) w.followers.run(plan.id, rep.id, Math.max(createdAt, sinceAt), by);
  }

  let previous: SeedRep | null = null;
  segments.forEach((seg, si) => {
    if (seg.kind !== null) w.transfers.run(ctx.id(transferAt[si]!), plan.id, previous?.id ?? null, seg.rep?.id ?? null, seg.kind, seg.reason, null, transferAt[si]!, seg.automatic ? null : by, null);
    previous = seg.rep;
  });
  if (!plan.imported) {
    const first = segments.find((seg) => seg.rep);
    if (first?.rep) stats.add('new_accounts', first.rep.idx, first.day, 1);
  }

  for (const f of followups) {
    w.followups.run(f.id, plan.id, f.rep.id, f.contactId, f.kind, d(f.day), f.notes, f.nextStep, f.nextDay === null ? null : d(f.nextDay), f.nextDone ? 1 : 0, f.at, f.at, by, by, 1);
    stats.add('followups', f.rep.idx, f.day, 1);
  }

  const ownerId = o.owner?.id ?? null;
  for (const order of orders) {
    w.order(plan, order);
    if (order.confirmDay !== null && order.state !== 'cancelled' && order.rep) {
      stats.add('sales', order.rep.idx, order.day, order.totalFen - order.returnedFen);
      stats.add('orders', order.rep.idx, order.day, 1);
    }
    if (order.ret) s.returns.push({ ret: order.ret, order, accountId: plan.id });
    if (order.shippedDay !== null && r.chance(0.04)) {
      const c = buildCase(ctx, order, plan.id, plan.tier, ownerId, s.users);
      if (c) s.cases.push(c);
    }
  }
  s.credit.write(plan, decision);

  for (const p of payments) {
    s.payments.push(p);
    if (p.kind !== 'receipt') continue;
    const rep = ownerAt(o, p.day) ?? repFor(plan, p.day);
    if (rep) stats.add('collections', rep.idx, p.day, p.amountFen);
  }
}

function chooseTags(ctx: SeedContext, a: AccountPlan): string[] {
  const { r } = ctx;
  const tags = new Set<string>();
  if (a.tier === 'A' && r.chance(0.6)) tags.add('重点客户');
  if (a.tier === 'A' && r.chance(0.1)) tags.add('战略合作');
  if ((a.payer === 'slow' || a.payer === 'bad') && r.chance(0.5)) tags.add('回款慢');
  if (a.source === '老客户' && r.chance(0.4)) tags.add('老客户');
  if (a.createdDay > ctx.lastDay - 90 && r.chance(0.5)) tags.add('新客户');
  if (a.source === '招投标' && r.chance(0.7)) tags.add('招投标');
  if (a.accountGroup === '集团客户') tags.add('集团客户');
  if (r.chance(0.12)) tags.add(r.pick(['价格敏感', '有竞品', '需拜访', '国企', '外资企业']));
  return [...tags];
}
