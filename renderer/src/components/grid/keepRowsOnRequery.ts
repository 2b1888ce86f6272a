import { type IDatasource, InfiniteRowModelModule, _getRowIdCallback, _getSortModel } from 'ag-grid-community';

/**
 * What a datasource that opts in (see serverDatasource) is told: a sort or filter change is being
 * answered while the previous rows stay on screen, which the page must show as out of date until
 * the new rows arrive.
 */
export interface RequeryHooks {
  onRequery(): void;
}

/** A datasource that would rather keep its rows on screen through a sort or filter change. */
export type RequeryDatasource = IDatasource & { keepRowsOnRequery?: RequeryHooks };

// The parts of AG Grid's InfiniteRowModel (36.2.0, pinned in package.json) this relies on.
interface Block {
  startRow: number;
  endRow: number;
}
interface Cache {
  blocks: Record<string, Block>;
  getRowCount(): number;
  refreshCache(): void;
  removeBlockFromCache(block: Block): void;
  isBlockCurrentlyDisplayed(block: Block): boolean;
}
interface Model {
  datasource: RequeryDatasource | null;
  infiniteCache?: Cache;
  cacheParams?: { datasource: IDatasource; sortModel: unknown; filterModel: unknown };
  beans: { sortSvc?: unknown; filterManager?: { getFilterModel(): unknown }; rowRenderer: { firstRenderedRow: number } };
  reset(): void;
}

/**
 * AG Grid's infinite row model answers a sort or filter change by throwing its cache away: every
 * rendered row becomes a loading row, and when the block arrives every loading row is replaced by a
 * new one. At 100,000 accounts that is two full re-renders per click, most of the round trip.
 * refreshInfiniteCache() already knows the cheaper way — keep the row nodes, reload their blocks,
 * update the cells in place — so for a datasource that opts in, a sort or filter change takes it:
 * the cache's sort/filter snapshot is replaced and the displayed block is reloaded.
 *
 * Only when the grid shows its first rows (a reset scrolls to the top, so this is where the new
 * answer starts too) and the rows have ids of their own (selection follows the account, not the
 * position). Anything else — a new datasource, a scrolled grid, another AG Grid version — takes
 * AG Grid's own path.
 */
export function installKeepRowsOnRequery(): void {
  if ((InfiniteRowModelModule as { version?: string }).version !== '36.2.0') return;
  const core = (InfiniteRowModelModule as unknown as { dependsOn?: { beans?: unknown[] }[] }).dependsOn?.flatMap((m) => m.beans ?? []);
  const cls = core?.find((b) => typeof b === 'function' && 'resetCache' in (b as { prototype: object }).prototype) as { prototype: Model } | undefined;
  if (!cls || (cls.prototype as { __keepRows?: true }).__keepRows) return;
  const original = cls.prototype.reset;
  (cls.prototype as { __keepRows?: true }).__keepRows = true;
  cls.prototype.reset = function (this: Model) {
    const ds = this.datasource;
    const cache = this.infiniteCache;
    const params = this.cacheParams;
    const hooks = ds?.keepRowsOnRequery;
    const atTop = this.beans.rowRenderer.firstRenderedRow <= 0;
    if (!hooks || !cache || !params || params.datasource !== ds || cache.getRowCount() === 0 || !atTop || !_getRowIdCallback(this.beans as never)) {
      original.call(this);
      return;
    }
    params.sortModel = _getSortModel(this.beans.sortSvc as never);
    params.filterModel = this.beans.filterManager?.getFilterModel() ?? {};
    // Blocks out of sight would all be asked again: drop them, as a reset would.
    for (const block of Object.values(cache.blocks)) if (!cache.isBlockCurrentlyDisplayed(block)) cache.removeBlockFromCache(block);
    hooks.onRequery();
    cache.refreshCache();
  };
}
