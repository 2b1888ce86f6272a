/**
 * 售后 SLA: cases opened in the period with their two clocks (first response, resolution) in working
 * hours, as the cases grid and `salesdesk cases list` show them at the moment the workbook is made
 * (the same work calendar, pauses while waiting on the customer, sticky breaches); a summary by priority.
 */
import { and, eq, gte, lt } from 'drizzle-orm';
import { accounts, cases, reps } from '../../../../db/schema';
import { type CaseRecord, caseSlaView, loadEvents, warnHorizon } from '../case-sla';
import type { ColumnSpec, RowValues, SheetSpec } from '../export/sheet-spec';
import { findRep } from '../targets/rep-directory';
import { CASE_SLA_LABEL, CASE_STATE_LABEL, CASE_TYPE_LABEL, label } from './labels';
import { reportPeriod } from './report-period';
import type { ReportDefinition } from './report-types';

/** Case events are read for this many cases at a time (SQLite caps the number of bound values). */
const EVENT_BATCH = 500;

const hours = (minutes: number | null) => (minutes === null ? null : minutes / 60);

export const caseSlaReport: ReportDefinition<'case-sla'> = {
  report: 'case-sla',
  title: { zh: '售后 SLA', en: 'Case SLA' },
  description: { zh: '期间内新建的售后工单：首次响应与解决用时（工作小时）、是否超时，按优先级汇总', en: 'Cases opened in the period: response and resolution time in working hours and breaches, by priority' },
  hasPeriod: true,
  hasRep: true,
  build(core, params) {
    const rp = reportPeriod(core, params.period);
    const rep = params.rep ? findRep(core, params.rep) : null;
    const found = core.db
      .select({ c: cases, accountName: accounts.name, repName: reps.name })
      .from(cases)
      .innerJoin(accounts, eq(accounts.id, cases.accountId))
      .leftJoin(reps, eq(reps.id, cases.ownerRepId))
      .where(and(gte(cases.openedAt, rp.fromMs), lt(cases.openedAt, rp.toMs), rep ? eq(cases.ownerRepId, rep.id) : undefined))
      .orderBy(cases.priority, cases.openedAt, cases.id)
      .all();
    const now = core.clock.now();
    const horizon = warnHorizon(core, now);
    const cal = core.settings().workCalendar;
    const rows: (typeof found[number] & ReturnType<typeof caseSlaView>)[] = [];
    for (let i = 0; i < found.length; i += EVENT_BATCH) {
      const batch = found.slice(i, i + EVENT_BATCH);
      const events = loadEvents(core, batch.map((r) => r.c.id));
      for (const r of batch) rows.push({ ...r, ...caseSlaView(cal, r.c, events.get(r.c.id) ?? [], now, horizon) });
    }
    const done = (c: CaseRecord) => c.state === 'resolved' || c.state === 'closed';
    const summaryColumns: ColumnSpec[] = [
      { key: 'priority', header: '优先级', kind: 'text' },
      { key: 'cases', header: '工单数', kind: 'int', total: 'sum' },
      { key: 'resolved', header: '已解决/关闭', kind: 'int', total: 'sum' },
      { key: 'fr', header: '首响超时', kind: 'int', total: 'sum' },
      { key: 'res', header: '解决超时', kind: 'int', total: 'sum' },
      { key: 'rate', header: '解决超时率', kind: 'percent', total: { ratio: ['res', 'cases'] } },
    ];
    const summaryRows: RowValues[] = ['P1', 'P2', 'P3', 'P4'].map((p) => {
      const list = rows.filter((r) => r.c.priority === p);
      const res = list.filter((r) => r.resolution.breached).length;
      return [
        p,
        list.length,
        list.filter((r) => done(r.c)).length,
        list.filter((r) => r.firstResponse.breached).length,
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
          { key: 'fr', header: '首次响应', kind: 'datetime' },
          { key: 'frTarget', header: '首响时限（工作小时）', kind: 'hours' },
          { key: 'frUsed', header: '首响用时（工作小时）', kind: 'hours' },
          { key: 'frBreached', header: '首响超时', kind: 'bool', colour: 'flag' },
          { key: 'resolved', header: '解决时间', kind: 'datetime' },
          { key: 'resTarget', header: '解决时限（工作小时）', kind: 'hours' },
          { key: 'resUsed', header: '解决用时（工作小时）', kind: 'hours' },
          { key: 'resBreached', header: '解决超时', kind: 'bool', colour: 'flag' },
          { key: 'sla', header: 'SLA 状态', kind: 'text' },
          { key: 'esc', header: '升级级别', kind: 'int' },
        ],
        rows: rows.map((r) => [
          r.c.caseNo,
          r.accountName,
          r.repName,
          label(CASE_TYPE_LABEL, r.c.type),
          r.c.priority,
          label(CASE_STATE_LABEL, r.c.state),
          r.c.title,
          r.c.openedAt,
          r.c.firstRespondedAt,
          hours(r.firstResponse.targetMinutes),
          hours(r.firstResponse.elapsedMinutes),
          r.firstResponse.breached,
          r.c.resolvedAt,
          hours(r.resolution.targetMinutes),
          hours(r.resolution.elapsedMinutes),
          r.resolution.breached,
          label(CASE_SLA_LABEL, r.sla),
          r.c.escalationLevel,
        ]),
      },
    ];
    return { report: 'case-sla', title: '售后 SLA', periodLabel: rp.label, periodKey: rp.period.key, filters: rep ? [['负责业务员', rep.name]] : [], sheets, csvSheet: 1 };
  },
};
