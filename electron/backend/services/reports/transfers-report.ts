/** 分配与转移记录 and 公海流转: the owner history from account_transfers. */
import type { Core } from '../../core';
import type { ColumnSpec, RowValues, SheetSpec } from '../export/sheet-spec';
import { findRep } from '../targets/rep-directory';
import { POOL, TRANSFER_KIND_LABEL, label } from './labels';
import { reportPeriod } from './report-period';
import type { ReportDefinition } from './report-types';

interface TransferRow {
  rowid: number;
  at: number;
  code: string;
  name: string;
  kind: string;
  fromName: string | null;
  toName: string | null;
  fromId: string | null;
  toId: string | null;
  reason: string;
  byName: string | null;
  undoneAt: number | null;
}

const SELECT = `
  select t.rowid, t.at, a.code, a.name, t.kind, fr.name as fromName, tr.name as toName, t.from_rep_id as fromId, t.to_rep_id as toId,
         t.reason, coalesce(u.display_name, t.by) as byName, t.undone_at as undoneAt
  from account_transfers t
  join accounts a on a.id = t.account_id
  left join reps fr on fr.id = t.from_rep_id
  left join reps tr on tr.id = t.to_rep_id
  left join users u on u.id = t.by
  where t.at >= @fromMs and t.at < @toMs`;

const CHUNK = 1000;

/**
 * The period's owner changes in the order they were made, read a chunk at a time after the last row's
 * (at, rowid): the workbook writer yields to the event loop between rows, and an open statement
 * iterator would make every other call on the connection fail ("connection is busy") meanwhile.
 */
function* queryRows(core: Core, extra: string, params: Record<string, unknown>): Generator<TransferRow> {
  const chunk = core.sqlite.prepare(`${SELECT} ${extra} and (t.at, t.rowid) > (@afterAt, @afterRowid) order by t.at, t.rowid limit ${CHUNK}`);
  let after = { afterAt: -1, afterRowid: 0 };
  for (;;) {
    const rows = chunk.all({ ...params, ...after }) as TransferRow[];
    yield* rows;
    const last = rows.at(-1);
    if (!last || rows.length < CHUNK) return;
    after = { afterAt: last.at, afterRowid: last.rowid };
  }
}

function countBy<T>(rows: Iterable<T>, key: (r: T) => string): [string, number][] {
  const m = new Map<string, number>();
  for (const r of rows) m.set(key(r), (m.get(key(r)) ?? 0) + 1);
  return [...m.entries()].sort((a, b) => b[1] - a[1]);
}

const summaryColumns: ColumnSpec[] = [
  { key: 'k', header: '类型', kind: 'text', width: 20 },
  { key: 'n', header: '次数', kind: 'int', total: 'sum', width: 12 },
];

export const transfersReport: ReportDefinition<'transfers'> = {
  report: 'transfers',
  title: { zh: '分配与转移记录', en: 'Allocation and transfer log' },
  description: { zh: '期间内每一次负责人变更（分配、转移、回收、领取……）及原因', en: 'Every owner change in the period, with the reason' },
  hasPeriod: true,
  hasRep: true,
  build(core, params) {
    const rp = reportPeriod(core, params.period);
    const filters: [string, string][] = [];
    let extra = '';
    const qp: Record<string, unknown> = { fromMs: rp.fromMs, toMs: rp.toMs };
    if (params.rep) {
      const rep = findRep(core, params.rep);
      extra = 'and (t.from_rep_id = @rep or t.to_rep_id = @rep)';
      qp.rep = rep.id;
      filters.push(['业务员（转出或转入）', rep.name]);
    }
    const detailColumns: ColumnSpec[] = [
      { key: 'at', header: '时间', kind: 'datetime' },
      { key: 'code', header: '客户编号', kind: 'text' },
      { key: 'name', header: '客户名称', kind: 'text', total: 'count' },
      { key: 'kind', header: '类型', kind: 'text' },
      { key: 'from', header: '原负责人', kind: 'text' },
      { key: 'to', header: '新负责人', kind: 'text' },
      { key: 'reason', header: '原因', kind: 'text', width: 36 },
      { key: 'by', header: '操作人', kind: 'text' },
      { key: 'undone', header: '已撤销', kind: 'bool', colour: 'flag' },
    ];
    const sheets = (): SheetSpec[] => [
      { name: '汇总', columns: summaryColumns, rows: countBy(queryRows(core, extra, qp), (r) => label(TRANSFER_KIND_LABEL, r.kind) ?? r.kind).map(([k, n]) => [k, n]) },
      {
        name: '明细',
        columns: detailColumns,
        freezeColumns: 3,
        rows: (function* (): Generator<RowValues> {
          for (const r of queryRows(core, extra, qp)) {
            yield [r.at, r.code, r.name, label(TRANSFER_KIND_LABEL, r.kind), r.fromName ?? POOL, r.toName ?? POOL, r.reason, r.byName, r.undoneAt !== null];
          }
        })(),
      },
    ];
    return { report: 'transfers', title: '分配与转移记录', periodLabel: rp.label, periodKey: rp.period.key, filters, sheets, csvSheet: 1 };
  },
};

export const poolReport: ReportDefinition<'pool'> = {
  report: 'pool',
  title: { zh: '公海流转', en: 'Pool movements' },
  description: { zh: '期间内进入公海（回收、退回）和离开公海（领取、分配）的客户', en: 'Accounts that went into the pool and came out of it in the period' },
  hasPeriod: true,
  hasRep: false,
  build(core, params) {
    const rp = reportPeriod(core, params.period);
    const qp = { fromMs: rp.fromMs, toMs: rp.toMs };
    const extra = 'and (t.from_rep_id is null or t.to_rep_id is null)';
    const direction = (r: TransferRow) => (r.toId === null ? '转入公海' : '移出公海');
    const poolNow = (core.sqlite.prepare(`select count(*) as n from accounts where deleted_at is null and owner_rep_id is null`).get() as { n: number }).n;
    const sheets = (): SheetSpec[] => {
      const counts = countBy(queryRows(core, extra, qp), direction);
      const get = (k: string) => counts.find(([d]) => d === k)?.[1] ?? 0;
      return [
        {
          name: '汇总',
          plain: true,
          columns: [
            { key: 'k', header: '指标', kind: 'text', width: 22 },
            { key: 'v', header: '数量', kind: 'int', width: 12 },
          ],
          rows: [
            ['转入公海', get('转入公海')],
            ['移出公海', get('移出公海')],
            ['净增', get('转入公海') - get('移出公海')],
            [`当前公海客户（${core.today()}）`, poolNow],
          ],
        },
        {
          name: '明细',
          columns: [
            { key: 'at', header: '时间', kind: 'datetime' },
            { key: 'dir', header: '方向', kind: 'text' },
            { key: 'code', header: '客户编号', kind: 'text' },
            { key: 'name', header: '客户名称', kind: 'text', total: 'count' },
            { key: 'kind', header: '类型', kind: 'text' },
            { key: 'rep', header: '原负责人 / 领取人', kind: 'text' },
            { key: 'reason', header: '原因', kind: 'text', width: 36 },
            { key: 'by', header: '操作人', kind: 'text' },
            { key: 'undone', header: '已撤销', kind: 'bool', colour: 'flag' },
          ],
          rows: (function* (): Generator<RowValues> {
            for (const r of queryRows(core, extra, qp)) {
              yield [r.at, direction(r), r.code, r.name, label(TRANSFER_KIND_LABEL, r.kind), r.toId === null ? r.fromName : r.toName, r.reason, r.byName, r.undoneAt !== null];
            }
          })(),
        },
      ];
    };
    return { report: 'pool', title: '公海流转', periodLabel: rp.label, periodKey: rp.period.key, filters: [], sheets, csvSheet: 1 };
  },
};
