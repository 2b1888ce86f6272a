import type { ColDef, IGetRowsParams } from 'ag-grid-community';
import type { GridQuery } from '../../../../shared/contract/grid';
import type { RequeryDatasource } from './keepRowsOnRequery';

export interface PageResult<T> {
  total: number;
  items: T[];
}

/** One block of rows as the grid asks for it. */
export type PageQuery = Omit<GridQuery, 'offset' | 'limit'> & { offset: number; limit: number };

/** Money columns show yuan but the backend filters on fen: scale number filter values by 100. */
export function scaleMoneyFilters(filterModel: Record<string, unknown>, moneyCols: Set<string>): GridQuery['filters'] {
  const out: Record<string, unknown> = {};
  for (const [col, f] of Object.entries(filterModel)) {
    if (!moneyCols.has(col)) {
      out[col] = f;
      continue;
    }
    const scale = (m: Record<string, unknown>) => ({
      ...m,
      ...(typeof m.filter === 'number' ? { filter: Math.round(m.filter * 100) } : {}),
      ...(typeof m.filterTo === 'number' ? { filterTo: Math.round(m.filterTo * 100) } : {}),
    });
    const model = f as Record<string, unknown> & { conditions?: Record<string, unknown>[] };
    out[col] = model.conditions ? { ...model, conditions: model.conditions.map(scale) } : scale(model);
  }
  return out as GridQuery['filters'];
}

/**
 * An AG Grid infinite-row-model datasource over a paged contract method: the grid's block, sort and
 * filter models become one {offset, limit, sort, filters, search} query, answered by SQL.
 *
 * With `stale`, a sort or filter change keeps the rows on screen until the new ones arrive
 * (keepRowsOnRequery.ts): `stale(true)` when it starts, `stale(false)` once every block asked for
 * since has come back (a failed one leaves them marked: they are not the answer).
 */
export function serverDatasource<T>(opts: {
  fetch: (q: PageQuery) => Promise<PageResult<T>>;
  columns: ColDef[];
  search: () => string;
  onTotal?: (total: number) => void;
  onError?: (error: unknown) => void;
  stale?: (stale: boolean) => void;
}): RequeryDatasource {
  const moneyCols = new Set(opts.columns.filter((c) => (c.context as { money?: boolean } | undefined)?.money).map((c) => c.field ?? c.colId ?? ''));
  const { stale } = opts;
  // Requests of the current requery still out; -1 when no requery is waiting.
  let generation = 0;
  let pending = -1;
  return {
    ...(stale
      ? {
          keepRowsOnRequery: {
            onRequery() {
              generation++;
              pending = 0;
              stale(true);
            },
          },
        }
      : {}),
    getRows(params: IGetRowsParams) {
      const search = opts.search().trim();
      const gen = generation;
      if (pending >= 0) pending++;
      opts
        .fetch({
          offset: params.startRow,
          limit: params.endRow - params.startRow,
          sort: params.sortModel.map((s) => ({ colId: s.colId, sort: s.sort })),
          filters: scaleMoneyFilters(params.filterModel as Record<string, unknown>, moneyCols),
          ...(search ? { search } : {}),
        })
        .then((page) => {
          opts.onTotal?.(page.total);
          params.successCallback(page.items, page.total);
          if (gen === generation && pending > 0 && --pending === 0) {
            pending = -1;
            stale?.(false);
          }
        })
        .catch((error: unknown) => {
          opts.onError?.(error);
          params.failCallback();
        });
    },
  };
}
