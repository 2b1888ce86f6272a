/** 导入记录: the import history from import_batches. */
import type { RowValues, SheetSpec } from '../export/sheet-spec';
import { DUPLICATE_POLICY_LABEL, IMPORT_KIND_LABEL, label } from './labels';
import { reportPeriod } from './report-period';
import type { ReportDefinition } from './report-types';

interface BatchRow {
  createdAt: number;
  kind: string;
  fileName: string;
  sheet: string | null;
  rowCount: number;
  created: number;
  updated: number;
  skipped: number;
  errors: number;
  onDuplicate: string;
  byName: string | null;
  undoneAt: number | null;
}

export const importsReport: ReportDefinition<'imports'> = {
  report: 'imports',
  title: { zh: '导入记录', en: 'Import history' },
  description: { zh: '期间内的每一次导入：文件、行数、新建/更新/跳过/错误、是否已撤销', en: 'Every import in the period: file, rows, created/updated/skipped/errors, undone' },
  hasPeriod: true,
  hasRep: false,
  build(core, params) {
    const rp = reportPeriod(core, params.period);
    const rows = function* (): Generator<RowValues> {
      // All at once (one row per import): an iterator left open while the workbook writer yields would
      // make other calls on the connection fail.
      const batches = core.sqlite
        .prepare(
          `select b.created_at as createdAt, b.kind, b.file_name as fileName, b.sheet, b.row_count as rowCount, b.created_count as created,
                  b.updated_count as updated, b.skipped_count as skipped, b.error_count as errors, b.on_duplicate as onDuplicate,
                  coalesce(u.display_name, b.created_by) as byName, b.undone_at as undoneAt
           from import_batches b left join users u on u.id = b.created_by
           where b.created_at >= @fromMs and b.created_at < @toMs order by b.created_at, b.id`,
        )
        .all({ fromMs: rp.fromMs, toMs: rp.toMs }) as BatchRow[];
      for (const b of batches) {
        yield [b.createdAt, label(IMPORT_KIND_LABEL, b.kind), b.fileName, b.sheet, b.rowCount, b.created, b.updated, b.skipped, b.errors, label(DUPLICATE_POLICY_LABEL, b.onDuplicate), b.byName, b.undoneAt !== null];
      }
    };
    const sheets = (): SheetSpec[] => [
      {
        name: '导入记录',
        freezeColumns: 1,
        columns: [
          { key: 'at', header: '导入时间', kind: 'datetime' },
          { key: 'kind', header: '数据类型', kind: 'text' },
          { key: 'file', header: '文件名', kind: 'text', total: 'count' },
          { key: 'sheet', header: '工作表', kind: 'text' },
          { key: 'rows', header: '行数', kind: 'int', total: 'sum' },
          { key: 'created', header: '新建', kind: 'int', total: 'sum' },
          { key: 'updated', header: '更新', kind: 'int', total: 'sum' },
          { key: 'skipped', header: '跳过', kind: 'int', total: 'sum' },
          { key: 'errors', header: '错误', kind: 'int', total: 'sum' },
          { key: 'dup', header: '重复处理', kind: 'text' },
          { key: 'by', header: '操作人', kind: 'text' },
          { key: 'undone', header: '已撤销', kind: 'bool', colour: 'flag' },
        ],
        rows: rows(),
      },
    ];
    return { report: 'imports', title: '导入记录', periodLabel: rp.label, periodKey: rp.period.key, filters: [], sheets, csvSheet: 0 };
  },
};
