/**
 * A demo company small enough for tests (400 accounts, 4,000 order lines, today 2026-11-23) brought to
 * the state the dashboard reads after the daily tasks (credit grading included), plus what the demo does
 * not produce: draft orders waiting for a credit decision and holds placed this week.
 */
import type { setUpBackend } from './backend';
import { seedDemo } from '../../electron/backend/services/demo/seed-demo';
import { refreshReclaimSchedule } from '../../electron/backend/services/pool-schedule';
import { sweepSlaBreaches } from '../../electron/backend/services/case-sla';

type T = Awaited<ReturnType<typeof setUpBackend>>;

export interface DashboardWorld {
  /** Draft orders set to needs_approval / blocked (they count), and a confirmed one that does not. */
  pendingOrderIds: string[];
}

export async function buildDashboardWorld(t: T): Promise<DashboardWorld> {
  seedDemo(t.core, { actor: t.backend.runtime.session.actor(), accounts: 400, orderLines: 4000 });
  refreshReclaimSchedule(t.core);
  const q = t.core.sqlite;
  const drafts = q.prepare("select id from orders where state = 'draft' and deleted_at is null order by id limit 3").pluck().all() as string[];
  if (drafts.length < 3) throw new Error(`the demo made only ${drafts.length} draft orders`);
  q.prepare("update orders set credit_status = 'needs_approval' where id in (?, ?)").run(drafts[0], drafts[1]);
  q.prepare("update orders set credit_status = 'blocked' where id = ?").run(drafts[2]);
  q.prepare("update orders set credit_status = 'needs_approval' where id = (select id from orders where state = 'confirmed' order by id limit 1)").run();
  // Holds: two placed this week (new), one three weeks ago (not new).
  const now = t.core.clock.now();
  const profiles = q.prepare('select account_id from credit_profiles order by account_id limit 3').pluck().all() as string[];
  const hold = q.prepare("update credit_profiles set hold = 1, hold_reason = '逾期未付', hold_at = ? where account_id = ?");
  hold.run(now - 2 * 86_400_000, profiles[0]);
  hold.run(now - 3_600_000, profiles[1]);
  hold.run(now - 21 * 86_400_000, profiles[2]);
  q.prepare('update credit_profiles set hold = 0 where hold = 1 and hold_at >= ? and account_id not in (?, ?)').run(now - 8 * 86_400_000, profiles[0], profiles[1]);
  q.prepare('update accounts set credit_hold = (select hold from credit_profiles cp where cp.account_id = accounts.id) where id in (select account_id from credit_profiles)').run();
  // Open cases through the cases service (the small demo has closed ones only): with a 300-minute warning
  // window at 10:00 on a Monday, P1's 4-hour first response is about to breach, P4 is on track, the P2
  // waits on the customer (paused), and a P3 opened a week ago was never answered (its first-response
  // clock ran out; the daily sweep makes the breach stick).
  await t.client.call('settings.update', { slaWarnMinutes: 300 });
  const accountId = q.prepare('select id from accounts where owner_rep_id is not null order by code limit 1').pluck().get() as string;
  const open = async (priority: 'P1' | 'P2' | 'P3' | 'P4', title: string) => (await t.client.call('cases.create', { accountId, type: 'repair', priority, title })).case;
  await open('P1', '设备无法启动');
  await open('P4', '咨询保养周期');
  const waiting = await open('P2', '等待客户寄回配件');
  await t.client.call('cases.setState', { id: waiting.id, version: waiting.version, state: 'waiting_customer', note: '已联系客户' });
  const now0 = t.clock.now();
  t.clock.set(now0 - 7 * 86_400_000);
  await open('P3', '更换传感器');
  t.clock.set(now0);
  sweepSlaBreaches(t.core, t.backend.runtime.session.actor());
  // The daily credit grading, whose latest run the over-limit queue reads.
  await t.client.call('credit.run', {});
  return { pendingOrderIds: drafts };
}
