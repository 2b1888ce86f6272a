import type { z } from 'zod';
import type { creditAlertSchema, creditAlertsSchema } from '../../../../shared/contract/credit';
import { GRADES } from '../../../../shared/domain/credit-grade';
import { TEMP_LIMIT_WARNING_DAYS } from '../../../../shared/domain/credit-limit';
import { addDays } from '../../../../shared/domain/dates';
import { formatFen } from '../../../../shared/domain/money';
import { msg } from '../../../../shared/i18n/text';
import type { Core } from '../../core';
import { latestRun } from './credit-risk-list';

type Alerts = z.output<typeof creditAlertsSchema>;
type Alert = z.output<typeof creditAlertSchema>;

const EACH = 10;

/** Credit alerts for the dashboard, the most pressing first. */
export function creditAlerts(core: Core): Alerts {
  const today = core.today();
  const soon = addDays(today, TEMP_LIMIT_WARNING_DAYS);
  const run = latestRun(core);
  const items: Alert[] = [];

  const pending = core.sqlite
    .prepare(
      `select o.id, o.order_no, o.total_fen, o.credit_status, a.id as account_id, a.name from orders o join accounts a on a.id = o.account_id
       where o.state = 'draft' and o.deleted_at is null and o.credit_status in ('needs_approval','blocked') order by o.updated_at desc`,
    )
    .all() as { id: string; order_no: string; total_fen: number; credit_status: string; account_id: string; name: string }[];
  for (const p of pending.slice(0, EACH)) {
    const what = p.credit_status === 'blocked' ? msg('被信用检查拦截', 'blocked by the credit check') : msg('等待经理审批', 'awaiting a manager’s approval');
    items.push({ kind: 'pending_approval', severity: p.credit_status === 'blocked' ? 'danger' : 'warning', text: msg(`订单 ${p.order_no}（${p.name}，${formatFen(p.total_fen)} 元）${what.zh}`, `Order ${p.order_no} (${p.name}, ${formatFen(p.total_fen)}) ${what.en}`), accountId: p.account_id, orderId: p.id });
  }

  const counts = { overLimit: 0, suggestedHolds: 0, downgrades: 0 };
  const distribution: Record<string, number> = Object.fromEntries(GRADES.map((g) => [g, 0]));
  if (run) {
    // The distribution from (run_id, grade) alone; the counts and the lists from the run's flagged rows
    // (over the limit, hold suggested, downgraded), read through the partial credit_grades_flagged_idx:
    // keep this WHERE word for word the index's (db/schema/credit.ts).
    for (const r of core.sqlite.prepare('select grade, count(*) as n from credit_grades where run_id = ? group by grade').all(run.runId) as { grade: string; n: number }[]) distribution[r.grade] = r.n;
    type Flagged = { id: string | null; code: string | null; name: string | null; hold: number | null; grade: string; previous_grade: string | null; score: number; over_limit: number; suggest_hold: number; exposure_fen: number; limit_fen: number | null };
    const flagged = (
      core.sqlite
        .prepare(
          `select a.id, a.code, a.name, a.credit_hold as hold, g.grade, g.previous_grade, g.score, g.over_limit, g.suggest_hold, g.exposure_fen, g.limit_fen
           from credit_grades g indexed by credit_grades_flagged_idx left join accounts a on a.id = g.account_id
           where g.run_id = ? and (g.over_limit = 1 or g.suggest_hold = 1 or (g.previous_grade is not null and g.grade > g.previous_grade))`,
        )
        .all(run.runId) as Flagged[]
    ).sort((x, y) => x.score - y.score || ((x.code ?? '') < (y.code ?? '') ? -1 : (x.code ?? '') > (y.code ?? '') ? 1 : 0));
    const downgraded = (r: Flagged) => r.previous_grade !== null && r.grade > r.previous_grade;
    for (const r of flagged) {
      counts.overLimit += r.over_limit;
      if (r.suggest_hold === 1 && r.hold === 0) counts.suggestedHolds++;
      if (downgraded(r)) counts.downgrades++;
    }
    type Listed = Flagged & { id: string; code: string; name: string };
    const list = (keep: (r: Flagged) => boolean) => {
      const out: Listed[] = [];
      for (const r of flagged) if (r.id !== null && keep(r) && out.push(r as Listed) >= EACH) break;
      return out;
    };
    for (const r of list((r) => r.suggest_hold === 1 && r.hold !== 1)) {
      items.push({ kind: 'suggested_hold', severity: 'danger', text: msg(`建议信用冻结：${r.name}（${r.code}，${r.grade} 级）`, `Credit hold suggested: ${r.name} (${r.code}, grade ${r.grade})`), accountId: r.id, orderId: null });
    }
    for (const r of list((r) => r.over_limit === 1)) {
      items.push({ kind: 'over_limit', severity: 'warning', text: msg(`超出额度：${r.name}（占用 ${formatFen(r.exposure_fen)} / 额度 ${formatFen(r.limit_fen ?? 0)} 元）`, `Over the limit: ${r.name} (${formatFen(r.exposure_fen)} used of ${formatFen(r.limit_fen ?? 0)})`), accountId: r.id, orderId: null });
    }
    for (const r of list((r) => downgraded(r) && (r.grade === 'D' || r.grade === 'E'))) {
      items.push({ kind: 'downgrade', severity: 'warning', text: msg(`信用等级下调：${r.name} ${r.previous_grade} → ${r.grade}`, `Grade lowered: ${r.name} ${r.previous_grade} → ${r.grade}`), accountId: r.id, orderId: null });
    }
  }

  const expiring = core.sqlite
    .prepare(
      `select a.id, a.name, p.temp_limit_fen, p.temp_limit_expires_on from credit_profiles p join accounts a on a.id = p.account_id
       where p.temp_limit_expires_on between ? and ? and p.temp_limit_fen is not null and a.deleted_at is null order by p.temp_limit_expires_on, a.code`,
    )
    .all(today, soon) as { id: string; name: string; temp_limit_fen: number; temp_limit_expires_on: string }[];
  for (const r of expiring.slice(0, EACH)) {
    items.push({ kind: 'temp_expiring', severity: 'info', text: msg(`临时额度即将到期：${r.name} ${formatFen(r.temp_limit_fen)} 元，至 ${r.temp_limit_expires_on}`, `Temporary limit expiring: ${r.name} ${formatFen(r.temp_limit_fen)} until ${r.temp_limit_expires_on}`), accountId: r.id, orderId: null });
  }
  const holds = (core.sqlite.prepare('select count(*) as n from accounts where credit_hold = 1 and deleted_at is null').get() as { n: number }).n;
  if (!run || run.asOf < today) {
    items.push({ kind: 'stale_run', severity: 'info', text: run ? msg(`上次信用评级是 ${run.asOf}，建议今天重新评级`, `The last credit grading was on ${run.asOf}; run it again today`) : msg('尚未进行信用评级', 'No credit grading has been run yet'), accountId: null, orderId: null });
  }
  const order = { danger: 0, warning: 1, info: 2 } as const;
  items.sort((a, b) => order[a.severity] - order[b.severity]);
  return {
    lastRun: run,
    counts: { holds, overLimit: counts.overLimit, suggestedHolds: counts.suggestedHolds, downgrades: counts.downgrades, expiringTempLimits: expiring.length, pendingApprovals: pending.length },
    distribution,
    items: items.slice(0, 50),
  };
}
