import type { GridApi } from 'ag-grid-community';

/**
 * Marks a grid's rows as out of date (dimmed, aria-busy) while a sort or filter change is being
 * answered with the old rows still on screen (keepRowsOnRequery.ts). A class on AG Grid's root
 * element rather than React state or AG Grid's loading overlay: state would re-render the page for
 * every click, and the overlay takes the focus and the clicks (keyboard sorting would lose its place).
 */
export function markStale(grid: GridApi, stale: boolean): void {
  const root = document.querySelector(`[grid-id="${CSS.escape(grid.getGridId())}"]`);
  if (!root) return;
  root.classList.toggle('grid-stale', stale);
  if (stale) root.setAttribute('aria-busy', 'true');
  else root.removeAttribute('aria-busy');
}
