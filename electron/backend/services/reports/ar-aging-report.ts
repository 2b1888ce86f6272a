/** 应收账龄: a summary by rep across the aging buckets, then every open line grouped by rep with subtotals. */
import { AGING_BUCKETS } from '../../../../shared/domain/aging-buckets';
import type { ColumnSpec, RowValues, SheetSpec } from '../export/sheet-spec';
import { findRep } from '../targets/rep-directory';
import { agingLines, type AgingLine } from './ar-aging-source';
import { POOL } from './labels';
import type { ReportDefinition } from './report-types';

const severityOf = (i: number) => Math.min(4, i) as 0 | 1 | 2 | 3 | 4;

export const arAgingReport: ReportDefinition<'ar-aging'> = {
  report: 'ar-aging',
  title: { zh: '应收账龄', en: 'AR aging' },
  description: { zh: '按业务员汇总的应收账龄（未到期、1-30、31-60、61-90、90天以上）及逐笔明细', en: 'Receivables by rep across aging buckets, with every open line' },
  hasPeriod: false,
  hasRep: true,
  build(core, params) {
    const asOf = params.asOf ?? core.today();
    const filters: [string, string][] = [];
    const rep = params.rep ? findRep(core, params.rep) : null;
    if (rep) filters.push(['业务员', rep.name]);
    const lines = agingLines(core, asOf, rep?.id).sort(
      (a, b) => (a.repName ?? '\uffff').localeCompare(b.repName ?? '\uffff', 'zh-CN') || b.daysOverdue - a.daysOverdue || a.accountCode.localeCompare(b.accountCode),
    );
    const byRep = new Map<string, { name: string; lines: AgingLine[] }>();
    for (const l of lines) {
      const key = l.repId ?? '';
      const g = byRep.get(key) ?? { name: l.repName ?? POOL, lines: [] };
      g.lines.push(l);
      byRep.set(key, g);
    }
    const summaryColumns: ColumnSpec[] = [
      { key: 'rep', header: '业务员', kind: 'text' },
      { key: 'accounts', header: '客户数', kind: 'int', total: 'sum' },
      { key: 'open', header: '应收合计（元）', kind: 'money', total: 'sum' },
      ...AGING_BUCKETS.map((b, i): ColumnSpec => ({ key: b.key, header: `${b.zh}（元）`, kind: 'money', total: 'sum', colour: 'agingBucket', severity: severityOf(i) })),
      { key: 'overdue', header: '逾期合计（元）', kind: 'money', total: 'sum' },
      { key: 'share', header: '逾期占比', kind: 'percent', total: { ratio: ['overdue', 'open'] } },
    ];
    const summaryRows: RowValues[] = [...byRep.values()].map((g) => {
      const open = g.lines.reduce((s, l) => s + l.openFen, 0);
      const bucket = (k: string) => g.lines.filter((l) => l.bucket === k).reduce((s, l) => s + l.openFen, 0);
      const overdue = open - bucket('current');
      return [
        g.name,
        new Set(g.lines.map((l) => l.accountCode)).size,
        open,
        ...AGING_BUCKETS.map((b) => bucket(b.key)),
        { formula: `{open}-{current}`, result: overdue, kind: 'money' },
        { formula: 'IF(N({open})>0,{overdue}/{open},"")', result: open > 0 ? overdue / open : '', kind: 'percent' },
      ];
    });
    const detailColumns: ColumnSpec[] = [
      { key: 'rep', header: '业务员', kind: 'text' },
      { key: 'code', header: '客户编号', kind: 'text' },
      { key: 'name', header: '客户名称', kind: 'text' },
      { key: 'order', header: '订单号', kind: 'text' },
      { key: 'label', header: '期次', kind: 'text' },
      { key: 'due', header: '到期日', kind: 'date' },
      { key: 'days', header: '逾期天数', kind: 'int', colour: 'overdueDays' },
      { key: 'bucket', header: '账龄', kind: 'text' },
      { key: 'open', header: '未收金额（元）', kind: 'money', total: 'sum' },
    ];
    const bucketName = new Map<string, string>(AGING_BUCKETS.map((b) => [b.key, b.zh]));
    const sheets = (): SheetSpec[] => [
      { name: '汇总', columns: summaryColumns, rows: summaryRows, freezeColumns: 1 },
      {
        name: '明细',
        groupBy: 'rep',
        freezeColumns: 3,
        columns: detailColumns,
        rows: lines.map((l) => [l.repName ?? POOL, l.accountCode, l.accountName, l.orderNo, l.label, l.dueOn, l.daysOverdue, bucketName.get(l.bucket) ?? l.bucket, l.openFen]),
      },
    ];
    return { report: 'ar-aging', title: '应收账龄', periodLabel: `截至 ${asOf}`, periodKey: asOf, filters, sheets, csvSheet: 1 };
  },
};
