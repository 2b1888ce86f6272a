import { builtinFormat, isDateFormat } from '../number-format';
import { XmlScanner } from './xml-scanner';

/** The number format of each cell style (cellXfs index → format code), and whether it is a date. */
export interface StyleTable {
  formatOf(styleIndex: number): string | undefined;
  isDate(styleIndex: number): boolean;
}

export const NO_STYLES: StyleTable = { formatOf: () => undefined, isDate: () => false };

export function parseStyles(xml: string): StyleTable {
  const custom = new Map<number, string>();
  const xfFormats: number[] = [];
  let inCellXfs = false;
  const scanner = new XmlScanner({
    open(name, attrs) {
      if (name === 'numFmt') {
        const id = Number(attrs.numFmtId);
        if (Number.isInteger(id) && attrs.formatCode !== undefined) custom.set(id, attrs.formatCode);
      } else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) xfFormats.push(Number(attrs.numFmtId ?? 0) || 0);
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
    text() {},
  });
  scanner.write(xml);
  scanner.end();
  const codes = xfFormats.map((id) => custom.get(id) ?? builtinFormat(id));
  const dates = codes.map((c) => isDateFormat(c));
  return {
    formatOf: (i) => (Number.isInteger(i) ? codes[i] : undefined),
    isDate: (i) => (Number.isInteger(i) ? (dates[i] ?? false) : false),
  };
}
