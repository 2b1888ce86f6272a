/**
 * 信用风险 (basic): grades, holds, limit use and expiring temporary limits from credit_profiles and the
 * accounts' maintained aggregates. The credit feature will enrich this (exposure incl. unbilled orders,
 * inherited limits, grade reasons); until then a missing limit reads "未设（继承默认）".
 */
import { addDays } from '../../../../shared/domain/dates';
import type { RowValues, SheetSpec } from '../export/sheet-spec';
import { findRep } from '../targets/rep-directory';
import { POOL } from './labels';
import type { ReportDefinition } from './report-types';

interface RiskRow {
  code: string;
  name: string;
  owner: string | null;
  grade: string | null;
  hold: number;
  holdReason: string | null;
  limitFen: number | null;
  tempLimitFen: number | null;
  tempExpires: string | null;
  openFen: number;
  overdueFen: number;
  maxDays: number;
}

const GRADES = ['A', 'B', 'C', 'D', 'E'];

export const creditRiskReport: ReportDefinition<'credit-risk'> = {
  report: 'credit-risk',
  title: { zh: '信用风险', en: 'Credit risk' },
  description: { zh: '信用等级分布、冻结客户、超额度客户、即将到期的临时额度', en: 'Grades, holds, accounts over their limit, temporary limits about to expire' },
  hasPeriod: false,
  hasRep: true,
  build(core, params) {
    const today = core.today();
    const soon = addDays(today, 30);
    const rep = params.rep ? findRep(core, params.rep) : null;
    const all = core.sqlite
      .prepare(
        `select a.code, a.name, r.name as owner, a.credit_grade as grade, max(a.credit_hold, coalesce(cp.hold, 0)) as hold, cp.hold_reason as holdReason,
                cp.limit_fen as limitFen, cp.temp_limit_fen as tempLimitFen, cp.temp_limit_expires_on as tempExpires,
                a.open_receivable_fen as openFen, a.overdue_fen as overdueFen, a.max_overdue_days as maxDays
         from accounts a left join credit_profiles cp on cp.account_id = a.id left join reps r on r.id = a.owner_rep_id
         where a.deleted_at is null ${rep ? 'and a.owner_rep_id = @rep' : ''}
           and (cp.account_id is not null or a.credit_grade in ('D','E') or a.credit_hold = 1 or a.overdue_fen > 0)
         order by coalesce(a.credit_grade, 'Z') desc, a.overdue_fen desc, a.code`,
      )
      .all(rep ? { rep: rep.id } : {}) as RiskRow[];
    const limitOf = (r: RiskRow) => (r.tempLimitFen !== null && r.tempExpires !== null && r.tempExpires >= today ? r.tempLimitFen : r.limitFen);
    const overLimit = (r: RiskRow) => {
      const l = limitOf(r);
      return l !== null && r.openFen > l;
    };
    const gradeCounts = core.sqlite
      .prepare(`select coalesce(credit_grade, '未评级') as g, count(*) as n from accounts where deleted_at is null ${rep ? 'and owner_rep_id = @rep' : ''} group by 1`)
      .all(rep ? { rep: rep.id } : {}) as { g: string; n: number }[];
    const count = (g: string) => gradeCounts.find((x) => x.g === g)?.n ?? 0;
    const expiring = all.filter((r) => r.tempExpires !== null && r.tempExpires >= today && r.tempExpires <= soon);
    const summary: RowValues[] = [
      ...GRADES.map((g) => [`信用等级 ${g}`, { value: count(g), kind: 'int' as const }]),
      ['未评级', { value: count('未评级'), kind: 'int' }],
      ['信用冻结客户', { value: all.filter((r) => r.hold).length, kind: 'int' }],
      ['超出额度客户', { value: all.filter(overLimit).length, kind: 'int' }],
      ['有逾期的客户', { value: all.filter((r) => r.overdueFen > 0).length, kind: 'int' }],
      ['逾期金额合计（元）', { value: all.reduce((s, r) => s + r.overdueFen, 0), kind: 'money' }],
      [`30天内到期的临时额度（至 ${soon}）`, { value: expiring.length, kind: 'int' }],
    ];
    const detail = (rows: RiskRow[]): RowValues[] =>
      rows.map((r) => [
        r.code,
        r.name,
        r.owner ?? POOL,
        r.grade,
        !!r.hold,
        r.holdReason,
        r.limitFen ?? '未设（继承默认）',
        r.tempLimitFen,
        r.tempExpires,
        limitOf(r),
        r.openFen,
        { formula: 'IF(N({effective})>0,{open}/{effective},"")', result: (limitOf(r) ?? 0) > 0 ? r.openFen / limitOf(r)! : '', kind: 'percent' },
        r.overdueFen,
        r.maxDays,
        overLimit(r),
      ]);
    const columns = [
      { key: 'code', header: '客户编号', kind: 'text' as const },
      { key: 'name', header: '客户名称', kind: 'text' as const, total: 'count' as const },
      { key: 'owner', header: '负责人', kind: 'text' as const },
      { key: 'grade', header: '信用等级', kind: 'text' as const },
      { key: 'hold', header: '信用冻结', kind: 'bool' as const, colour: 'flag' as const },
      { key: 'holdReason', header: '冻结原因', kind: 'text' as const, width: 24 },
      { key: 'limit', header: '信用额度（元）', kind: 'money' as const },
      { key: 'temp', header: '临时额度（元）', kind: 'money' as const },
      { key: 'tempExpires', header: '临时额度到期', kind: 'date' as const },
      { key: 'effective', header: '有效额度（元）', kind: 'money' as const },
      { key: 'open', header: '应收余额（元）', kind: 'money' as const, total: 'sum' as const },
      { key: 'usage', header: '额度使用率', kind: 'percent' as const },
      { key: 'overdue', header: '逾期金额（元）', kind: 'money' as const, total: 'sum' as const },
      { key: 'maxDays', header: '最长逾期天数', kind: 'int' as const, colour: 'overdueDays' as const },
      { key: 'over', header: '超额度', kind: 'bool' as const, colour: 'flag' as const },
    ];
    const sheets = (): SheetSpec[] => [
      {
        name: '汇总',
        plain: true,
        columns: [
          { key: 'k', header: '指标', kind: 'text', width: 34 },
          { key: 'v', header: '数值', kind: 'number', width: 18 },
        ],
        rows: summary,
      },
      { name: '风险客户', columns, rows: detail(all), freezeColumns: 2 },
      { name: '临时额度到期', columns, rows: detail(expiring.sort((a, b) => (a.tempExpires ?? '').localeCompare(b.tempExpires ?? ''))), freezeColumns: 2 },
    ];
    return { report: 'credit-risk', title: '信用风险', periodLabel: `截至 ${today}`, periodKey: today, filters: rep ? [['负责人', rep.name]] : [], sheets, csvSheet: 1 };
  },
};
