/** The look of exported workbooks: one place for fills, fonts and the conditional colour rules. */
import type { ConditionalFormattingRule, Fill, Font } from 'exceljs';
import type { ColourRule } from './sheet-spec';

const solid = (argb: string): Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb }, bgColor: { argb } });

/** Calibri is exceljs's body font; naming it keeps bold cells from falling back to a serif face. */
const FACE = { name: 'Calibri', family: 2 } as const;
export const TITLE_FONT: Partial<Font> = { ...FACE, bold: true, size: 14, color: { argb: 'FF1F3864' } };
export const META_FONT: Partial<Font> = { ...FACE, size: 9, color: { argb: 'FF595959' } };
export const HEADER_FONT: Partial<Font> = { ...FACE, bold: true, size: 11, color: { argb: 'FF1F1F1F' } };
export const HEADER_FILL = solid('FFD9E1F2');
export const TOTAL_FONT: Partial<Font> = { ...FACE, bold: true, size: 11 };
export const TOTAL_FILL = solid('FFF2F2F2');
export const SUBTOTAL_FILL = solid('FFF8F8F8');

/** Excel's own "good / neutral / bad" palette, which managers already read without a legend. */
const RED = { fill: 'FFFFC7CE', font: 'FF9C0006' };
const AMBER = { fill: 'FFFFEB9C', font: 'FF9C5700' };
const GREEN = { fill: 'FFC6EFCE', font: 'FF006100' };
const AGING = ['FFFFFFFF', 'FFFFF2CC', 'FFFFE699', 'FFF8CBAD', 'FFFF9999'] as const;

export function agingHeaderFill(severity: number): Fill {
  return solid(AGING[severity] ?? AGING[0]);
}

function rule(expression: string, colours: { fill: string; font?: string }, priority: number): ConditionalFormattingRule {
  return {
    type: 'expression',
    priority,
    formulae: [expression],
    style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: colours.fill } }, ...(colours.font ? { font: { color: { argb: colours.font } } } : {}) },
  };
}

/**
 * Conditional formatting rules for a column, written against its first data cell (Excel shifts the
 * relative reference down the range). ISNUMBER keeps blanks and "未设目标" uncoloured.
 */
export function colourRules(colour: ColourRule, cell: string, severity = 0): ConditionalFormattingRule[] {
  switch (colour) {
    case 'attainment':
      return [
        rule(`AND(ISNUMBER(${cell}),${cell}<0.8)`, RED, 1),
        rule(`AND(ISNUMBER(${cell}),${cell}>=0.8,${cell}<1)`, AMBER, 2),
        rule(`AND(ISNUMBER(${cell}),${cell}>=1)`, GREEN, 3),
      ];
    case 'overdueDays':
      return [
        rule(`AND(ISNUMBER(${cell}),${cell}>90)`, { fill: AGING[4], font: 'FF9C0006' }, 1),
        rule(`AND(ISNUMBER(${cell}),${cell}>60)`, { fill: AGING[3] }, 2),
        rule(`AND(ISNUMBER(${cell}),${cell}>30)`, { fill: AGING[2] }, 3),
        rule(`AND(ISNUMBER(${cell}),${cell}>0)`, { fill: AGING[1] }, 4),
      ];
    case 'agingBucket':
      return severity > 0 ? [rule(`AND(ISNUMBER(${cell}),${cell}>0)`, { fill: AGING[severity] ?? AGING[4] }, 1)] : [];
    case 'flag':
      return [rule(`${cell}="是"`, RED, 1)];
  }
}
