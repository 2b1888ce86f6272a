import type { ColDef, GridApi, GridReadyEvent } from 'ag-grid-community';
import { App as AntApp } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { onEvent } from '../../api';
import { errorMessage } from '../../shell/errors';
import { type PageQuery, type PageResult, serverDatasource } from './serverDatasource';
import { gridLocale, gridTheme } from './setup';
import { markStale } from './staleMark';
import { createTotalStore } from './GridCount';

/** Typing in the quick search waits this long before the grid asks again. */
const SEARCH_DEBOUNCE_MS = 250;

/**
 * A grid whose rows come a block at a time from a paged contract method (AG Grid's infinite row
 * model), with what every such page needs around it: a debounced quick search, the page's own
 * filters, a refresh when the backend reports that one of `entities` changed, and the row count
 * (`totalStore`, shown with <GridCount>).
 *
 * `fetch` and `columns` must keep their identity between renders (module level, useCallback,
 * useMemo): a new datasource reloads the grid. `filter` is whatever the page's toolbar filters on;
 * a new value (by identity) empties the cache, and `fetch` gets it with every block.
 */
export function useServerGrid<Row, Filter>(opts: {
  fetch: (query: PageQuery, filter: Filter) => Promise<PageResult<Row>>;
  columns: ColDef<Row>[];
  filter: Filter;
  /** The data.changed entities that concern this grid ('*', everything, always does). */
  entities: readonly string[];
  /** What a data.changed of those entities does instead of refreshing the loaded rows; gets the grid, null until it is ready. */
  onDataChanged?: (grid: GridApi<Row> | null) => void;
}) {
  const { fetch, columns, filter, entities, onDataChanged } = opts;
  const { message } = AntApp.useApp();
  const { i18n } = useTranslation();
  const gridApi = useRef<GridApi<Row> | null>(null);
  const [search, setSearch] = useState('');
  // What the loaded rows were asked with, read with every block. A page that applies a search at once
  // (a saved view) sets searchRef itself and purges the cache.
  const searchRef = useRef('');
  const filterRef = useRef(filter);
  // Not state: a new count re-renders only the page's <GridCount> (GridCount.tsx).
  const [totalStore] = useState(createTotalStore);

  const datasource = useMemo(
    () =>
      serverDatasource<Row>({
        fetch: (q) => fetch(q, filterRef.current),
        columns,
        search: () => searchRef.current,
        onTotal: totalStore.set,
        onError: (e) => void message.error(errorMessage(e)),
        // A sort or filter change keeps the old rows on screen, dimmed, instead of replacing them
        // with loading rows (keepRowsOnRequery.ts); the new answer starts at the top, as before.
        stale: (stale) => {
          const grid = gridApi.current;
          if (!grid) return;
          if (stale) grid.ensureIndexVisible(0, 'top');
          markStale(grid, stale);
        },
      }),
    [fetch, columns, message, totalStore],
  );
  const refresh = useCallback(() => gridApi.current?.refreshInfiniteCache(), []);
  const onGridReady = useCallback((e: GridReadyEvent<Row>) => {
    gridApi.current = e.api;
  }, []);

  useEffect(() => {
    if (filterRef.current === filter) return;
    filterRef.current = filter;
    gridApi.current?.purgeInfiniteCache();
  }, [filter]);
  useEffect(() => {
    const timer = setTimeout(() => {
      if (searchRef.current === search) return;
      searchRef.current = search;
      gridApi.current?.purgeInfiniteCache();
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [search]);
  // Joined so that a page may pass a fresh array literal without subscribing again on every render.
  const entityKey = entities.join(',');
  useEffect(() => {
    const watched = entityKey.split(',');
    return onEvent('data.changed', (p) => {
      if (!p.entities.some((e) => e === '*' || watched.includes(e))) return;
      if (onDataChanged) onDataChanged(gridApi.current);
      else refresh();
    });
  }, [entityKey, onDataChanged, refresh]);

  // The same objects every render: AG Grid re-applies any option whose identity changes. A sort or
  // filter replaces every rendered row, so fewer off-screen rows (rowBuffer, default 10) and no row
  // animation make that round trip shorter.
  const gridProps = useMemo(
    () => ({ theme: gridTheme, localeText: gridLocale(i18n.language), columnDefs: columns, rowModelType: 'infinite' as const, datasource, cacheBlockSize: 100, rowBuffer: 4, animateRows: false, onGridReady }),
    [i18n.language, columns, datasource, onGridReady],
  );

  return { gridProps, gridApi, search, setSearch, searchRef, filterRef, totalStore, refresh };
}
