/**
 * OOXML stores characters XML cannot carry as _xHHHH_ (ECMA-376 Part 1, 22.9.2.19 ST_Xstring), and a
 * literal "_x" that happens to look like an escape is itself escaped as _x005F_. Decoding must happen
 * exactly once, left to right: "SH_x005F_x000D_Z002" is the text SH_x000D_Z002, never SH\rZ002.
 */
const ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

export function decodeOoxmlEscapes(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(ESCAPE, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}
