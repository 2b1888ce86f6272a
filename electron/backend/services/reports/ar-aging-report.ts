/**
 * 应收账龄: the order-to-cash aging service (services/ar-aging.ts) as a workbook, so that its figures are
 * exactly those of the 账龄分析 page and `salesdesk ar aging --as-of <date> --by rep`: a summary by rep
 * across the buckets of the settings (default not due / 1-30 / 31-60 / 61-90 / 90+), then every open
 * instalment grouped by rep with subtotals. As of a past date the history is replayed.
 */
import { agingBuckets, bucketIndex, overdueDays } from '../../../../shared/domain/aging';
import { formatFen } from '../../../../shared/domain/money';
import type { Core } from '../../core';
import { agingInstalments, agingReport } from '../ar-aging';
import type { ColumnSpec, RowValues, SheetSpec } from '../export/sheet-spec';
import { findRep } from '../targets/rep-directory';
import type { ReportDefinition } from './report-types';

/** Colour strength of a bucket column: 0 (not due) … 4 (the oldest), spread over however many buckets there are. */
const severityOf = (i: number, n: number) => (i === 0 ? 0 : (Math.max(1, Math.round((i * 4) / (n - 1))) as 1 | 2 | 3 | 4));

function accountNames(core: Core, ids: readonly string[]): Map<string, { code: string; name: string }> {
  const rows = core.sqlite.prepare('select id, code, name from accounts where id in (select value from json_each(?))').raw().all(JSON.stringify([...new Set(ids)])) as [string, string, string][];
  return new Map(rows.map(([id, code, name]) => [id, { code, name }]));
}

export const arAgingReport: ReportDefinition<'ar-aging'> = {
  report: 'ar-aging',
  title: { zh: '应收账龄', en: 'AR aging' },
  description: { zh: '按业务员汇总的应收账龄（按设置的账龄分段，可回溯到任何日期）及逐笔明细', en: 'Receivables by rep across the aging buckets (as of any date), with every open instalment' },
  hasPeriod: false,
  hasRep: true,
  build(core, params) {
    const asOf = params.asOf ?? core.today();
    const rep = params.rep ? findRep(core, params.rep) : null;
    const filters: [string, string][] = rep ? [['业务员', rep.name]] : [];
    const buckets = agingBuckets(core.settings().agingBounds);
    const bounds = core.settings().agingBounds;
    const report = agingReport(core, { asOf, groupBy: 'rep', limit: 200_000, ...(rep ? { repId: rep.id } : {}) }, 'zh-CN');
    const lines = agingInstalments(core, asOf, rep ? { repId: rep.id } : {});
    const names = accountNames(core, lines.map((l) => l.accountId));
    // The detail follows the summary's order (most open first) so that each rep's subtotal sits under its lines.
    const order = new Map(report.rows.map((r, i) => [r.id, i]));
    const repName = new Map(report.rows.map((r) => [r.id, r.name]));
    const detail = lines
      .map((l) => ({ ...l, days: overdueDays(l.dueOn, asOf), account: names.get(l.accountId) ?? { code: '', name: '' } }))
      .sort((a, b) => (order.get(a.repId) ?? 0) - (order.get(b.repId) ?? 0) || b.days - a.days || a.account.code.localeCompare(b.account.code) || a.orderNo.localeCompare(b.orderNo) || a.seq - b.seq);
    const accountsPerRep = new Map<string | null, Set<string>>();
    for (const l of lines) {
      const set = accountsPerRep.get(l.repId) ?? new Set<string>();
      set.add(l.accountId);
      accountsPerRep.set(l.repId, set);
    }

    const summaryColumns: ColumnSpec[] = [
      { key: 'rep', header: '业务员', kind: 'text' },
      { key: 'accounts', header: '客户数', kind: 'int', total: 'sum' },
      { key: 'documents', header: '未收期数', kind: 'int', total: 'sum' },
      { key: 'open', header: '应收合计（元）', kind: 'money', total: 'sum' },
      ...buckets.map((b, i): ColumnSpec => ({ key: `b${i}`, header: `${b.label.zh}（元）`, kind: 'money', total: 'sum', colour: 'agingBucket', severity: severityOf(i, buckets.length) })),
      { key: 'overdue', header: '逾期合计（元）', kind: 'money', total: 'sum' },
      { key: 'share', header: '逾期占比', kind: 'percent', total: { ratio: ['overdue', 'open'] } },
    ];
    const summaryRows: RowValues[] = report.rows.map((r) => [
      r.name,
      accountsPerRep.get(r.id)?.size ?? 0,
      r.documents,
      r.totalFen,
      ...r.bucketsFen,
      { formula: '{open}-{b0}', result: r.overdueFen, kind: 'money' },
      { formula: 'IF(N({open})>0,{overdue}/{open},"")', result: r.totalFen > 0 ? r.overdueFen / r.totalFen : '', kind: 'percent' },
    ]);
    const credit = report.totals.creditFen;
    const detailColumns: ColumnSpec[] = [
      { key: 'rep', header: '业务员', kind: 'text' },
      { key: 'code', header: '客户编号', kind: 'text' },
      { key: 'name', header: '客户名称', kind: 'text' },
      { key: 'order', header: '订单号', kind: 'text' },
      { key: 'label', header: '期次', kind: 'text' },
      { key: 'due', header: '到期日', kind: 'date' },
      { key: 'days', header: '逾期天数', kind: 'int', colour: 'overdueDays' },
      { key: 'bucket', header: '账龄', kind: 'text' },
      { key: 'amount', header: '本期金额（元）', kind: 'money', total: 'sum' },
      { key: 'open', header: '未收金额（元）', kind: 'money', total: 'sum' },
    ];
    const sheets = (): SheetSpec[] => [
      {
        name: '汇总',
        subtitle: `按业务员${credit !== 0 && !rep ? `（另有未分配回款 ${formatFen(credit)} 元，未计入账龄）` : ''}`,
        columns: summaryColumns,
        rows: summaryRows,
        freezeColumns: 1,
      },
      {
        name: '明细',
        groupBy: 'rep',
        freezeColumns: 3,
        columns: detailColumns,
        rows: detail.map((l) => [repName.get(l.repId) ?? '', l.account.code, l.account.name, l.orderNo, l.label, l.dueOn, l.days, buckets[bucketIndex(l.days, bounds)]!.label.zh, l.amountFen, l.openFen]),
      },
    ];
    return { report: 'ar-aging', title: '应收账龄', periodLabel: `截至 ${asOf}`, periodKey: asOf, filters, sheets, csvSheet: 1 };
  },
};
