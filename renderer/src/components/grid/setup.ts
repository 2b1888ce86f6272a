import { AG_GRID_LOCALE_CN, AG_GRID_LOCALE_EN } from '@ag-grid-community/locale';
import { AllCommunityModule, ModuleRegistry, provideGlobalGridOptions, themeQuartz } from 'ag-grid-community';

import { installKeepRowsOnRequery } from './keepRowsOnRequery';

ModuleRegistry.registerModules([AllCommunityModule]);
installKeepRowsOnRequery();
// The browser's own tooltips (a title attribute): AG Grid's tooltip component costs a tooltip manager
// for every rendered cell, remade each time a sort or filter replaces the rows.
provideGlobalGridOptions({ enableBrowserTooltips: true });

/** One look for every grid: compact rows for coordinators who read many at a time. */
export const gridTheme = themeQuartz.withParams({
  fontSize: 13,
  rowHeight: 32,
  headerHeight: 34,
  spacing: 6,
  fontFamily: 'inherit',
  headerFontWeight: 600,
});

export function gridLocale(lang: string): Record<string, string> {
  return lang === 'en' ? AG_GRID_LOCALE_EN : AG_GRID_LOCALE_CN;
}
