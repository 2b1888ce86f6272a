/** 客户列表: the accounts grid as filtered, every row (accounts.list's own query, streamed). */
import { iterateAccounts, summarizeAccounts } from '../../../../db/repositories/account-export';
import { sheetRef } from '../../../../shared/domain/sheet-names';
import { columnLetter } from '../export/cell-refs';
import type { RowValues, SheetSpec } from '../export/sheet-spec';
import { FIRST_DATA_ROW } from '../export/xlsx-writer';
import { WORK_QUEUES } from '../../../../shared/domain/work-queues';
import { accountPresetWhere } from '../account-preset-where';
import { findRep } from '../targets/rep-directory';
import { pickAccountColumns } from './account-columns';
import { TIER_LABEL } from './labels';
import type { ReportDefinition } from './report-types';

const DETAIL = '客户列表';

function describeFilters(filters: Record<string, unknown>): [string, string][] {
  return Object.entries(filters).map(([col, f]) => {
    const headers = new Map(pickAccountColumns(['all']).map((c) => [c.spec.key, c.spec.header]));
    const v = f as { type?: string; filter?: unknown; filterTo?: unknown; values?: unknown[]; dateFrom?: unknown; conditions?: unknown[] };
    const what = v.values ? v.values.join('、') : v.conditions ? `${v.conditions.length} 个条件` : [v.type, v.filter ?? v.dateFrom ?? '', v.filterTo ?? ''].filter((x) => x !== '' && x !== undefined).join(' ');
    return [headers.get(col) ?? col, what];
  });
}

export const accountsReport: ReportDefinition<'accounts'> = {
  report: 'accounts',
  title: { zh: '客户列表', en: 'Accounts' },
  description: { zh: '客户清单（与客户表格的列、排序和筛选一致）', en: 'The account list, as the accounts grid shows it (columns, sort, filters)' },
  hasPeriod: false,
  hasRep: true,
  build(core, params) {
    const today = core.today();
    const query = { ...params.query, filters: { ...params.query.filters } };
    const filters = describeFilters(query.filters);
    if (params.rep) {
      const rep = findRep(core, params.rep);
      query.filters.ownerRepId = { filterType: 'set', values: [rep.id] };
      filters.unshift(['负责人', rep.name]);
    }
    if (query.search) filters.unshift(['搜索', query.search]);
    const extra = params.preset ? accountPresetWhere(core, params.preset) : undefined;
    if (params.preset) filters.unshift(['筛选', WORK_QUEUES.find((q) => q.path === '/accounts' && q.params.filter === params.preset)?.label.zh ?? params.preset]);
    const columns = pickAccountColumns(params.columns);
    const letterOf = (key: string) => {
      const i = columns.findIndex((c) => c.spec.key === key);
      return i < 0 ? null : columnLetter(i + 1);
    };
    const range = (key: string) => {
      const l = letterOf(key);
      return l ? `${sheetRef(DETAIL)}!${l}${FIRST_DATA_ROW}:${l}1048576` : null;
    };
    const sum = summarizeAccounts(core.db, query, today, extra);
    const summaryRows: RowValues[] = [];
    const stat = (labelText: string, kind: 'int' | 'money', value: number, formula: string | null) =>
      summaryRows.push([labelText, formula ? { formula, result: value, kind } : { value, kind }]);
    const nameRange = range('name') ?? range('code');
    stat('客户数', 'int', sum.accounts, nameRange ? `SUBTOTAL(103,${nameRange})` : null);
    stat('应收余额合计（元）', 'money', sum.openReceivableFen, range('openReceivableFen') ? `SUBTOTAL(109,${range('openReceivableFen')})` : null);
    stat('逾期金额合计（元）', 'money', sum.overdueFen, range('overdueFen') ? `SUBTOTAL(109,${range('overdueFen')})` : null);
    stat('信用冻结客户', 'int', sum.onHold, range('creditHold') ? `COUNTIF(${range('creditHold')},"是")` : null);
    stat('公海客户', 'int', sum.inPool, range('ownerName') ? `COUNTIF(${range('ownerName')},"公海")` : null);
    for (const tier of ['A', 'B', 'C']) {
      const l = TIER_LABEL[tier]!;
      stat(`级别 ${l}`, 'int', sum.byTier[tier] ?? 0, range('tier') ? `COUNTIF(${range('tier')},"${l}")` : null);
    }
    function* rows(): Generator<RowValues> {
      for (const a of iterateAccounts(core.db, query, today, extra)) yield columns.map((c) => c.get(a));
    }
    const sheets = (): SheetSpec[] => [
      {
        name: '汇总',
        plain: true,
        columns: [
          { key: 'k', header: '指标', kind: 'text', width: 24 },
          { key: 'v', header: '数值', kind: 'number', width: 22 },
        ],
        rows: summaryRows,
      },
      { name: DETAIL, columns: columns.map((c) => c.spec), rows: rows(), freezeColumns: letterOf('name') ? 2 : 1 },
    ];
    return { report: 'accounts', title: '客户列表', periodLabel: `截至 ${today}`, periodKey: today, filters, sheets, csvSheet: 1 };
  },
};
