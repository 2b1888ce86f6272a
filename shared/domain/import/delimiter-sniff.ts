/**
 * Which character separates the fields of a text table: the candidate whose field count is most
 * consistent over the first lines (quotes respected), preferring more fields. Tab-separated "Unicode
 * text" from Excel, semicolons from European locales and pipes from ERP dumps all occur.
 */
const CANDIDATES = [',', '\t', ';', '|'] as const;
export type Delimiter = (typeof CANDIDATES)[number];

function countFields(line: string, d: string): number {
  let n = 1;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') quoted = !quoted;
    else if (c === d && !quoted) n++;
  }
  return n;
}

/** Logical lines (a quoted field may span lines), at most `max` of them. */
function logicalLines(text: string, max: number): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < text.length && out.length < max; i++) {
    const c = text[i]!;
    if (c === '"') quoted = !quoted;
    if (!quoted && (c === '\n' || c === '\r')) {
      if (c === '\r' && text[i + 1] === '\n') i++;
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  if (cur && out.length < max) out.push(cur);
  return out;
}

export function sniffDelimiter(sample: string): { delimiter: Delimiter; columns: number } {
  const lines = logicalLines(sample, 60).filter((l) => l.trim() !== '');
  let best: { delimiter: Delimiter; columns: number; score: number } = { delimiter: ',', columns: 1, score: -1 };
  for (const d of CANDIDATES) {
    const counts = lines.map((l) => countFields(l, d));
    if (counts.length === 0) continue;
    const freq = new Map<number, number>();
    for (const c of counts) if (c > 1) freq.set(c, (freq.get(c) ?? 0) + 1);
    let mode = 1;
    let modeCount = 0;
    for (const [c, k] of freq) if (k > modeCount || (k === modeCount && c > mode)) [mode, modeCount] = [c, k];
    if (mode === 1) continue;
    // Consistency first (share of lines with the modal count), then width.
    const score = (modeCount / counts.length) * 100 + Math.min(mode, 50) / 10;
    if (score > best.score) best = { delimiter: d, columns: mode, score };
  }
  return { delimiter: best.delimiter, columns: best.columns };
}
