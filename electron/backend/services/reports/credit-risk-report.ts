/**
 * 信用风险: every account graded now by the credit engine (the batch's own computation, read only):
 * grade and score with the factors that cost points, exposure including confirmed-but-unbilled orders
 * and advance payments, the limit in force and where it comes from (account / group / tier / company,
 * temporary), holds, suggested holds, overdue, and temporary limits about to expire.
 */
import { explainGrade, gradeAccount } from '../../../../shared/domain/credit-grade';
import { unpackFactors } from '../credit/credit-grading';
import { LEVEL_NAMES } from '../../../../shared/domain/credit-check';
import { TEMP_LIMIT_WARNING_DAYS } from '../../../../shared/domain/credit-limit';
import { addDays } from '../../../../shared/domain/dates';
import { accountNames, gradeAll, type GradedAccount } from '../credit/credit-grade-all';
import { latestRun } from '../credit/credit-risk-list';
import type { RowValues, SheetSpec } from '../export/sheet-spec';
import { findRep } from '../targets/rep-directory';
import { POOL } from './labels';
import type { ReportDefinition } from './report-types';

const GRADES = ['A', 'B', 'C', 'D', 'E'];

export const creditRiskReport: ReportDefinition<'credit-risk'> = {
  report: 'credit-risk',
  title: { zh: '信用风险', en: 'Credit risk' },
  description: { zh: '信用等级及扣分原因、冻结与建议冻结、超额度客户、即将到期的临时额度', en: 'Grades with their reasons, holds and suggested holds, accounts over their limit, temporary limits about to expire' },
  hasPeriod: false,
  hasRep: true,
  build(core, params) {
    const today = core.today();
    const soon = addDays(today, TEMP_LIMIT_WARNING_DAYS);
    const rep = params.rep ? findRep(core, params.rep) : null;
    const repNames = new Map((core.sqlite.prepare('select id, name from reps').all() as { id: string; name: string }[]).map((r) => [r.id, r.name]));
    const all = gradeAll(core, { kind: 'all' });
    // A rep's accounts through the owner index (the grade scan reads no owners); those with nothing to grade are A.
    const ofRep = rep ? new Set(core.sqlite.prepare('select id from accounts where deleted_at is null and owner_rep_id = ?').pluck().all(rep.id) as string[]) : null;
    const graded = ofRep ? all.graded.filter((g) => ofRep.has(g.id)) : all.graded;
    const idleA = ofRep ? ofRep.size - graded.length : all.idle;
    const risky = graded
      .filter((g) => g.hasProfile || g.hold || g.overLimit || g.suggestHold || g.overdueFen > 0 || g.grade >= 'C')
      .sort((a, b) => (a.grade < b.grade ? 1 : a.grade > b.grade ? -1 : a.score - b.score || b.overdueFen - a.overdueFen || a.id.localeCompare(b.id)));
    const expiring = graded.filter((g) => g.temp !== null && g.temp.expiresOn <= soon).sort((a, b) => a.temp!.expiresOn.localeCompare(b.temp!.expiresOn) || a.id.localeCompare(b.id));
    const names = accountNames(core, [...new Set([...risky, ...expiring].map((g) => g.id))]);
    const count = (g: string) => graded.filter((x) => x.grade === g).length + (g === 'A' ? idleA : 0);
    const run = latestRun(core);
    const summary: RowValues[] = [
      ...GRADES.map((g) => [`信用等级 ${g}`, { value: count(g), kind: 'int' as const }]),
      ['信用冻结客户', { value: graded.filter((g) => g.hold).length, kind: 'int' }],
      ['建议冻结客户', { value: graded.filter((g) => g.suggestHold).length, kind: 'int' }],
      ['超出额度客户', { value: graded.filter((g) => g.overLimit).length, kind: 'int' }],
      ['有逾期的客户', { value: graded.filter((g) => g.overdueFen > 0).length, kind: 'int' }],
      ['逾期金额合计（元）', { value: graded.reduce((s, g) => s + g.overdueFen, 0), kind: 'money' }],
      ['信用占用合计（元）', { value: graded.reduce((s, g) => s + g.exposureFen, 0), kind: 'money' }],
      [`${TEMP_LIMIT_WARNING_DAYS}天内到期的临时额度（至 ${soon}）`, { value: expiring.length, kind: 'int' }],
      ['上次批量评级', run ? `${run.asOf}` : '尚未运行'],
    ];
    const cfg = core.settings().creditGrading;
    const why = (g: GradedAccount) => {
      const packed = unpackFactors(g.factors);
      return packed ? explainGrade(gradeAccount(packed.inputs, cfg)).zh : '';
    };
    const source = (g: GradedAccount) => {
      if (g.temp) return `临时额度（至 ${g.temp.expiresOn}）`;
      return g.baseSource ? LEVEL_NAMES[g.baseSource].zh : '未设（不检查额度）';
    };
    const ownerName = (id: string | null) => (id ? (repNames.get(id) ?? null) : POOL);
    const detail = (rows: GradedAccount[]): RowValues[] =>
      rows.map((g) => [
        names.get(g.id)?.code ?? g.id,
        names.get(g.id)?.name ?? '',
        ownerName(names.get(g.id)?.ownerRepId ?? null),
        g.grade,
        g.score,
        g.previous,
        g.hold,
        g.holdReason,
        g.suggestHold,
        source(g),
        g.baseLimitFen,
        g.temp?.limitFen ?? null,
        g.temp?.expiresOn ?? null,
        g.limitFen,
        g.exposureFen,
        { formula: 'IF(N({effective})>0,{exposure}/{effective},"")', result: (g.limitFen ?? 0) > 0 ? g.exposureFen / g.limitFen! : '', kind: 'percent' },
        g.overdueFen,
        g.maxDays,
        g.overLimit,
        why(g),
      ]);
    const columns = [
      { key: 'code', header: '客户编号', kind: 'text' as const },
      { key: 'name', header: '客户名称', kind: 'text' as const, total: 'count' as const },
      { key: 'owner', header: '负责人', kind: 'text' as const },
      { key: 'grade', header: '信用等级', kind: 'text' as const },
      { key: 'score', header: '得分', kind: 'int' as const },
      { key: 'previous', header: '上次等级', kind: 'text' as const },
      { key: 'hold', header: '信用冻结', kind: 'bool' as const, colour: 'flag' as const },
      { key: 'holdReason', header: '冻结原因', kind: 'text' as const, width: 24 },
      { key: 'suggest', header: '建议冻结', kind: 'bool' as const, colour: 'flag' as const },
      { key: 'source', header: '额度来源', kind: 'text' as const, width: 18 },
      { key: 'limit', header: '信用额度（元）', kind: 'money' as const },
      { key: 'temp', header: '临时额度（元）', kind: 'money' as const },
      { key: 'tempExpires', header: '临时额度到期', kind: 'date' as const },
      { key: 'effective', header: '有效额度（元）', kind: 'money' as const },
      { key: 'exposure', header: '信用占用（元）', kind: 'money' as const, total: 'sum' as const },
      { key: 'usage', header: '额度使用率', kind: 'percent' as const },
      { key: 'overdue', header: '逾期金额（元）', kind: 'money' as const, total: 'sum' as const },
      { key: 'maxDays', header: '最长逾期天数', kind: 'int' as const, colour: 'overdueDays' as const },
      { key: 'over', header: '超额度', kind: 'bool' as const, colour: 'flag' as const },
      { key: 'why', header: '等级说明（扣分项）', kind: 'text' as const, width: 60 },
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
      { name: '风险客户', subtitle: '占用 = 应收 + 已确认未开票 − 预收款；等级 A–E 由额度使用率、最长逾期、逾期占比、回款天数趋势、回款计划逾期、退货占比扣分得出', columns, rows: detail(risky), freezeColumns: 2 },
      { name: '临时额度到期', columns, rows: detail(expiring), freezeColumns: 2 },
    ];
    return { report: 'credit-risk', title: '信用风险', periodLabel: `截至 ${today}`, periodKey: today, filters: rep ? [['负责人', rep.name]] : [], sheets, csvSheet: 1 };
  },
};
