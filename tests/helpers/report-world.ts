/**
 * A small, hand-countable sales world for report and target tests (today = 2026-11-23, Asia/Shanghai).
 * Every figure the tests expect is worked out in the comments here. Rows are inserted directly: the
 * order-to-cash, allocation and import services live on other branches.
 */
import { eq } from 'drizzle-orm';
import { refreshAllAccountAggregates } from '../../electron/backend/services/aggregates';
import type { Core } from '../../electron/backend/core';
import { newId } from '../../electron/backend/ids';
import {
  accountTransfers,
  accounts,
  caseEvents,
  cases,
  creditProfiles,
  followups,
  importBatches,
  instalments,
  orders,
  paymentAllocations,
  payments,
  reps,
  returns,
  territories,
} from '../../db/schema';
import { startOfDayMs } from '../../shared/domain/zoned-time';

const Y = (yuan: number) => Math.round(yuan * 100);
const at = (date: string, hour = 10) => startOfDayMs(date, 'Asia/Shanghai') + hour * 3_600_000;
const audit = (t: number) => ({ createdAt: t, updatedAt: t, createdBy: null, updatedBy: null, version: 1 });

export const HOSTILE_NAMES = ['=HYPERLINK("http://x","点我")', '+1+1', '@SUM(A1)', '-2+3', '\t=1+2'] as const;

export interface World {
  rep: { zhang: string; li: string; wang: string; zhao: string };
  territory: { east: string; shanghai: string; south: string };
  account: { a1: string; a2: string; a3: string; a4: string };
}

export function buildReportWorld(core: Core): World {
  const t0 = at('2026-01-02');
  const territory = { east: newId(), shanghai: newId(), south: newId() };
  const rep = { zhang: newId(), li: newId(), wang: newId(), zhao: newId() };
  const account = { a1: newId(), a2: newId(), a3: newId(), a4: newId() };
  const o = { o1: newId(), o2: newId(), o3: newId(), o4: newId(), o5: newId(), o6: newId(), o7: newId() };
  core.tx(() => {
    core.db
      .insert(territories)
      .values([
        { id: territory.east, parentId: null, name: '华东', code: 'EAST', sortOrder: 1, ...audit(t0) },
        { id: territory.shanghai, parentId: territory.east, name: '上海', code: 'SH', sortOrder: 1, ...audit(t0) },
        { id: territory.south, parentId: null, name: '华南', code: 'SOUTH', sortOrder: 2, ...audit(t0) },
      ])
      .run();
    core.db
      .insert(reps)
      .values([
        { id: rep.zhang, name: '张三', territoryId: territory.shanghai, employeeNo: 'E1', ...audit(t0) },
        { id: rep.li, name: '李四', territoryId: territory.shanghai, employeeNo: 'E2', ...audit(t0) },
        { id: rep.wang, name: '王五', territoryId: territory.south, employeeNo: 'E3', ...audit(t0) },
        { id: rep.zhao, name: '赵六', territoryId: territory.south, employeeNo: 'E4', status: 'left', ...audit(t0) },
      ])
      .run();
    // New accounts in 2026-11: A2 (李四) and A3 (王五). A1 was created in October.
    const acc = (id: string, code: string, name: string, owner: string | null, created: string, extra: Partial<typeof accounts.$inferInsert> = {}) => ({
      id,
      code,
      name,
      nameInitials: '',
      ownerRepId: owner,
      tier: 'B' as const,
      territoryId: territory.shanghai,
      ...audit(at(created)),
      ...extra,
    });
    core.db
      .insert(accounts)
      .values([
        acc(account.a1, 'KH-000001', '上海华东机电有限公司', rep.zhang, '2026-10-10', { tier: 'A', lastFollowupOn: '2026-11-20' }),
        acc(account.a2, 'KH-000002', '苏州精密制造厂', rep.li, '2026-11-05', { lastFollowupOn: '2026-10-01' }),
        acc(account.a3, 'KH-000003', '广州南方贸易公司', rep.wang, '2026-11-20', { territoryId: territory.south, tier: 'C' }),
        acc(account.a4, 'KH-000004', '公海里的客户', null, '2026-09-01', { tier: 'C' }),
        ...HOSTILE_NAMES.map((name, i) => acc(newId(), `KH-00010${i}`, name, rep.zhang, '2026-09-01', { phone: i === 0 ? '=1+1' : null })),
      ])
      .run();
    const ord = (id: string, no: string, accountId: string, repId: string | null, state: (typeof orders.$inferInsert)['state'], orderedOn: string, confirmedOn: string | null, total: number, extra: Partial<typeof orders.$inferInsert> = {}) => ({
      id,
      orderNo: no,
      accountId,
      repId,
      state,
      orderedOn,
      confirmedOn,
      totalFen: Y(total),
      ...audit(at(orderedOn)),
      ...extra,
    });
    // 2026-11 sales: 张三 100,000 (O1) + 50,000 (O2) − 10,000 return = 140,000 in 2 orders;
    // 李四 80,000 (O3: no rep on the order → the owner); drafts (O4) and cancelled orders (O5) never count.
    // 2026-10 sales: 张三 60,000 (O7), 王五 40,000 (O6).
    core.db
      .insert(orders)
      .values([
        ord(o.o1, 'SO-1', account.a1, rep.zhang, 'confirmed', '2026-11-02', '2026-11-03', 100_000, { returnedFen: Y(10_000), collectedFen: Y(30_000) }),
        ord(o.o2, 'SO-2', account.a1, rep.zhang, 'shipped', '2026-11-10', '2026-11-10', 50_000),
        ord(o.o3, 'SO-3', account.a2, null, 'completed', '2026-11-14', '2026-11-15', 80_000, { collectedFen: Y(40_000) }),
        ord(o.o4, 'SO-4', account.a2, rep.li, 'draft', '2026-11-16', null, 999),
        ord(o.o5, 'SO-5', account.a3, rep.wang, 'cancelled', '2026-11-01', '2026-11-02', 70_000),
        ord(o.o6, 'SO-6', account.a3, rep.wang, 'confirmed', '2026-10-19', '2026-10-20', 40_000, { collectedFen: Y(20_000) }),
        ord(o.o7, 'SO-7', account.a1, rep.zhang, 'confirmed', '2026-10-04', '2026-10-05', 60_000),
      ])
      .run();
    core.db.insert(returns).values({ id: newId(), returnNo: 'TH-1', orderId: o.o1, accountId: account.a1, returnedOn: '2026-11-20', reason: '质量问题', amountFen: Y(10_000), ...audit(at('2026-11-20')) }).run();
    // Instalments as order-to-cash writes them (one plan per confirmed order; the return cancels the unpaid
    // tail, latest due first). Aging on 2026-11-23, by the order's rep: 张三 I1 20,000 (13 days, 1-30),
    // I2 50,000 − 10,000 returned (not due), SO-2 50,000 (due 12-10, not due), SO-7 60,000 (64 days, 61-90)
    // = 170,000; SO-3 has no rep on the order → （无业务员）40,000 (due 12-15); 王五 SO-6 20,000 (114 days, 90+).
    const inst = (orderId: string, seq: number, dueOn: string, amount: number, paid: number, returned = 0) => ({ id: newId(), orderId, seq, label: `第${seq}期`, dueOn, amountFen: Y(amount), paidFen: Y(paid), returnedFen: Y(returned), ...audit(t0) });
    const i1 = inst(o.o1, 1, '2026-11-10', 50_000, 30_000);
    const i3 = inst(o.o3, 1, '2026-12-15', 80_000, 40_000);
    const i6 = inst(o.o6, 1, '2026-08-01', 40_000, 20_000);
    core.db.insert(instalments).values([i1, inst(o.o1, 2, '2026-12-10', 50_000, 0, 10_000), inst(o.o2, 1, '2026-12-10', 50_000, 0), i3, i6, inst(o.o7, 1, '2026-09-20', 60_000, 0)]).run();
    // 2026-11 collections: 张三 30,000 (P1 → SO-1); 李四 50,000 (P2: 40,000 → SO-3 whose rep is the owner, 10,000 unallocated → owner).
    // The refund (P4) is not a collection. 2026-10: 王五 20,000 (P3).
    const pay = (no: string, accountId: string, on: string, amount: number, kind: 'receipt' | 'refund' = 'receipt') => ({ id: newId(), paymentNo: no, accountId, receivedOn: on, amountFen: Y(amount), method: 'bank_transfer' as const, kind, ...audit(at(on)) });
    const p1 = pay('HK-1', account.a1, '2026-11-12', 30_000);
    const p2 = pay('HK-2', account.a2, '2026-11-18', 50_000);
    const p3 = pay('HK-3', account.a3, '2026-10-25', 20_000);
    const p4 = pay('HK-4', account.a1, '2026-11-21', -5_000, 'refund');
    // Unallocated money as the payments service keeps it: a receipt's remainder, and a refund's own
    // (negative) amount, which it pays out of the account's credit.
    core.db.insert(payments).values([p1, { ...p2, unallocatedFen: Y(10_000) }, p3, { ...p4, unallocatedFen: Y(-5_000) }]).run();
    const alloc = (paymentId: string, orderId: string, instalmentId: string, amount: number, on: string) => ({ id: newId(), paymentId, orderId, instalmentId, amountFen: Y(amount), allocatedOn: on, createdAt: at(on) });
    core.db.insert(paymentAllocations).values([alloc(p1.id, o.o1, i1.id, 30_000, '2026-11-12'), alloc(p2.id, o.o3, i3.id, 40_000, '2026-11-18'), alloc(p3.id, o.o6, i6.id, 20_000, '2026-10-25')]).run();
    // Follow-ups: 2026-11 张三 3, 李四 1; 2026-10 王五 2.
    const fu = (accountId: string, repId: string, on: string) => ({ id: newId(), accountId, repId, kind: 'visit' as const, occurredOn: on, notes: '拜访', ...audit(at(on)) });
    core.db
      .insert(followups)
      .values([fu(account.a1, rep.zhang, '2026-11-03'), fu(account.a1, rep.zhang, '2026-11-10'), fu(account.a1, rep.zhang, '2026-11-20'), fu(account.a2, rep.li, '2026-11-06'), fu(account.a3, rep.wang, '2026-10-08'), fu(account.a3, rep.wang, '2026-10-28')])
      .run();
    // Owner history in 2026-11: A1 assigned from the pool, A4 reclaimed into the pool, A3 claimed from it.
    const tr = (accountId: string, from: string | null, to: string | null, kind: (typeof accountTransfers.$inferInsert)['kind'], on: string, reason: string) => ({ id: newId(), accountId, fromRepId: from, toRepId: to, kind, reason, at: at(on), by: null });
    core.db
      .insert(accountTransfers)
      .values([tr(account.a1, null, rep.zhang, 'assign', '2026-11-01', '新客户分配'), tr(account.a4, rep.li, null, 'reclaim', '2026-11-15', '30天未跟进'), tr(account.a3, null, rep.wang, 'claim', '2026-11-20', '=cmd|\' /C calc\'!A0'), tr(account.a2, rep.zhang, rep.li, 'transfer', '2026-10-15', '调整区域')])
      .run();
    core.db
      .insert(importBatches)
      .values({ id: newId(), kind: 'accounts', fileName: '客户名单_11月.xlsx', fileSha256: 'x', onDuplicate: 'skip', rowCount: 120, createdCount: 100, updatedCount: 15, skippedCount: 3, errorCount: 2, createdAt: at('2026-11-08') })
      .run();
    // Credit: A1 limit 100,000 (open 180,000 → over limit); A3 on hold; A2 a temporary limit expiring 2026-11-28 (within the 7-day warning).
    core.db
      .insert(creditProfiles)
      .values([
        { accountId: account.a1, limitFen: Y(100_000), ...audit(t0) },
        { accountId: account.a3, limitFen: Y(50_000), hold: true, holdReason: '逾期超过90天', ...audit(t0) },
        { accountId: account.a2, limitFen: Y(30_000), tempLimitFen: Y(60_000), tempLimitExpiresOn: '2026-11-28', tempLimitReason: '年底备货', ...audit(t0) },
      ])
      .run();
    core.db.update(accounts).set({ creditGrade: 'D', creditHold: true }).where(eqId(account.a3)).run();
    // Cases opened in 2026-11, with the targets and state history the cases service writes (default
    // work calendar 09–12, 13–18 on weekdays). GD-1 (P1: 1 h / 8 h) answered after 1.0 working hour,
    // still in progress on 11-23 10:00: resolution due Fri 11-06 10:00, breached. GD-2 (P2: 2 h / 16 h) answered after 1.0 h,
    // resolved Saturday 11-14 after 15.0 working hours (Thu 7 h + Fri 8 h): both met.
    const gd1 = newId();
    const gd2 = newId();
    core.db
      .insert(cases)
      .values([
        { id: gd1, caseNo: 'GD-1', accountId: account.a1, ownerRepId: rep.zhang, type: 'repair', priority: 'P1', state: 'in_progress', title: '设备故障', openedAt: at('2026-11-05'), firstResponseTargetMin: 60, resolutionTargetMin: 480, firstRespondedAt: at('2026-11-05', 11), resolutionDueAt: at('2026-11-06'), resolutionBreached: true, ...audit(at('2026-11-05')) },
        { id: gd2, caseNo: 'GD-2', accountId: account.a2, ownerRepId: rep.li, type: 'complaint', priority: 'P2', state: 'resolved', title: '发货延迟', openedAt: at('2026-11-12'), firstResponseTargetMin: 120, resolutionTargetMin: 960, firstRespondedAt: at('2026-11-12', 11), resolvedAt: at('2026-11-14'), ...audit(at('2026-11-12')) },
      ])
      .run();
    core.db
      .insert(caseEvents)
      .values([
        { id: newId(), caseId: gd1, kind: 'created', toState: 'new', at: at('2026-11-05') },
        { id: newId(), caseId: gd1, kind: 'state', fromState: 'new', toState: 'in_progress', at: at('2026-11-05', 11) },
        { id: newId(), caseId: gd2, kind: 'created', toState: 'new', at: at('2026-11-12') },
        { id: newId(), caseId: gd2, kind: 'state', fromState: 'new', toState: 'in_progress', at: at('2026-11-12', 11) },
        { id: newId(), caseId: gd2, kind: 'state', fromState: 'in_progress', toState: 'resolved', at: at('2026-11-14') },
      ])
      .run();
  });
  refreshAllAccountAggregates(core);
  return { rep, territory, account };
}

function eqId(id: string) {
  return eq(accounts.id, id);
}
