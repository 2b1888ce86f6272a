/**
 * 售后 SLA (basic): cases opened in the period with their SLA due times and breach flags as the cases
 * feature maintains them; a summary by priority. The cases feature will enrich this (working-time
 * clocks, pauses, escalations).
 */
import type { ColumnSpec, RowValues, SheetSpec } from '../export/sheet-spec';
import { findRep } from '../targets/rep-directory';
import { CASE_STATE_LABEL, CASE_TYPE_LABEL, label } from './labels';
import { reportPeriod } from './report-period';
import type { ReportDefinition } from './report-types';

interface CaseRow {
  caseNo: string;
  accountName: string;
  repName: string | null;
  type: string;
  priority: string;
  state: string;
  title: string;
  openedAt: number;
  firstResponseDueAt: number | null;
  firstRespondedAt: number | null;
  frBreached: number;
  resolutionDueAt: number | null;
  resolvedAt: number | null;
  resBreached: number;
  escalation: number;
}

export const caseSlaReport: ReportDefinition<'case-sla'> = {
  report: 'case-sla',
  title: { zh: '售后 SLA', en: 'Case SLA' },
  description: { zh: '期间内新建的售后工单：首次响应与解决时限、是否超时，按优先级汇总', en: 'Cases opened in the period: response and resolution deadlines and breaches, by priority' },
  hasPeriod: true,
  hasRep: true,
  build(core, params) {
    const rp = reportPeriod(core, params.period);
    const rep = params.rep ? findRep(core, params.rep) : null;
    const rows = core.sqlite
      .prepare(
        `select c.case_no as caseNo, a.name as accountName, r.name as repName, c.type, c.priority, c.state, c.title, c.opened_at as openedAt,
                c.first_response_due_at as firstResponseDueAt, c.first_responded_at as firstRespondedAt, c.first_response_breached as frBreached,
                c.resolution_due_at as resolutionDueAt, c.resolved_at as resolvedAt, c.resolution_breached as resBreached, c.escalation_level as escalation
         from cases c join accounts a on a.id = c.account_id left join reps r on r.id = c.owner_rep_id
         where c.opened_at >= @fromMs and c.opened_at < @toMs ${rep ? 'and c.owner_rep_id = @rep' : ''}
         order by c.priority, c.opened_at`,
      )
      .all({ fromMs: rp.fromMs, toMs: rp.toMs, ...(rep ? { rep: rep.id } : {}) }) as CaseRow[];
    const summaryColumns: ColumnSpec[] = [
      { key: 'priority', header: '优先级', kind: 'text' },
      { key: 'cases', header: '工单数', kind: 'int', total: 'sum' },
      { key: 'resolved', header: '已解决/关闭', kind: 'int', total: 'sum' },
      { key: 'fr', header: '首响超时', kind: 'int', total: 'sum' },
      { key: 'res', header: '解决超时', kind: 'int', total: 'sum' },
      { key: 'rate', header: '解决超时率', kind: 'percent', total: { ratio: ['res', 'cases'] } },
    ];
    const summaryRows: RowValues[] = ['P1', 'P2', 'P3', 'P4'].map((p) => {
      const list = rows.filter((r) => r.priority === p);
      const res = list.filter((r) => r.resBreached).length;
      return [
        p,
        list.length,
        list.filter((r) => r.state === 'resolved' || r.state === 'closed').length,
        list.filter((r) => r.frBreached).length,
        res,
        { formula: 'IF(N({cases})>0,{res}/{cases},"")', result: list.length ? res / list.length : '', kind: 'percent' },
      ];
    });
    const sheets = (): SheetSpec[] => [
      { name: '汇总', columns: summaryColumns, rows: summaryRows },
      {
        name: '明细',
        freezeColumns: 2,
        columns: [
          { key: 'no', header: '工单号', kind: 'text' },
          { key: 'account', header: '客户', kind: 'text', total: 'count' },
          { key: 'rep', header: '负责业务员', kind: 'text' },
          { key: 'type', header: '类型', kind: 'text' },
          { key: 'priority', header: '优先级', kind: 'text' },
          { key: 'state', header: '状态', kind: 'text' },
          { key: 'title', header: '标题', kind: 'text', width: 30 },
          { key: 'opened', header: '创建时间', kind: 'datetime' },
          { key: 'frDue', header: '首响时限', kind: 'datetime' },
          { key: 'fr', header: '首次响应', kind: 'datetime' },
          { key: 'frBreached', header: '首响超时', kind: 'bool', colour: 'flag' },
          { key: 'resDue', header: '解决时限', kind: 'datetime' },
          { key: 'resolved', header: '解决时间', kind: 'datetime' },
          { key: 'resBreached', header: '解决超时', kind: 'bool', colour: 'flag' },
          { key: 'esc', header: '升级级别', kind: 'int' },
        ],
        rows: rows.map((r) => [
          r.caseNo,
          r.accountName,
          r.repName,
          label(CASE_TYPE_LABEL, r.type),
          r.priority,
          label(CASE_STATE_LABEL, r.state),
          r.title,
          r.openedAt,
          r.firstResponseDueAt,
          r.firstRespondedAt,
          !!r.frBreached,
          r.resolutionDueAt,
          r.resolvedAt,
          !!r.resBreached,
          r.escalation,
        ]),
      },
    ];
    return { report: 'case-sla', title: '售后 SLA', periodLabel: rp.label, periodKey: rp.period.key, filters: rep ? [['负责业务员', rep.name]] : [], sheets, csvSheet: 1 };
  },
};
