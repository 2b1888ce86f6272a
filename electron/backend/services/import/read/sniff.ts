/**
 * What a file is, from its first bytes rather than its name: reps rename files, mail gateways replace
 * attachments with text, web systems save HTML tables as ".xls".
 */
export type Sniffed =
  | { kind: 'zip' }
  | { kind: 'cfb' }
  | { kind: 'biff' }
  | { kind: 'html' }
  | { kind: 'xml2003' }
  | { kind: 'text' }
  | { kind: 'binary'; what: { zh: string; en: string } };

const starts = (b: Buffer, bytes: number[]): boolean => bytes.every((x, i) => b[i] === x);

export function sniffBytes(head: Buffer): Sniffed {
  if (starts(head, [0x50, 0x4b, 0x03, 0x04]) || starts(head, [0x50, 0x4b, 0x05, 0x06]) || starts(head, [0x50, 0x4b, 0x07, 0x08])) return { kind: 'zip' };
  if (starts(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return { kind: 'cfb' };
  // A bare BIFF stream (BOF record 0x0809/0x0409/0x0209/0x0009) written by old tools without a container.
  if ((head[0] === 0x09 && [0x00, 0x02, 0x04, 0x08].includes(head[1] ?? -1) && (head[3] ?? 1) === 0x00) && head.length > 8) return { kind: 'biff' };
  const binary: [number[], string, string][] = [
    [[0x25, 0x50, 0x44, 0x46], 'PDF 文档', 'a PDF document'],
    [[0x89, 0x50, 0x4e, 0x47], 'PNG 图片', 'a PNG image'],
    [[0xff, 0xd8, 0xff], 'JPEG 图片', 'a JPEG image'],
    [[0x47, 0x49, 0x46, 0x38], 'GIF 图片', 'a GIF image'],
    [[0x52, 0x61, 0x72, 0x21], 'RAR 压缩包', 'a RAR archive'],
    [[0x37, 0x7a, 0xbc, 0xaf], '7z 压缩包', 'a 7z archive'],
    [[0x1f, 0x8b], 'gzip 压缩包', 'a gzip archive'],
    [[0x4d, 0x5a], '可执行程序', 'an executable'],
    [[0x53, 0x51, 0x4c, 0x69, 0x74, 0x65], 'SQLite 数据库', 'an SQLite database'],
  ];
  for (const [bytes, zh, en] of binary) if (starts(head, bytes)) return { kind: 'binary', what: { zh, en } };
  const bomless = starts(head, [0xef, 0xbb, 0xbf]) ? head.subarray(3) : head;
  const utf16 = starts(head, [0xff, 0xfe]) || starts(head, [0xfe, 0xff]);
  if (!utf16) {
    const lead = bomless.subarray(0, 2048).toString('latin1').trimStart().toLowerCase();
    if (lead.startsWith('<?xml') || lead.startsWith('<workbook') || lead.startsWith('<ss:workbook')) {
      return /urn:schemas-microsoft-com:office:spreadsheet|<(ss:)?workbook/.test(bomless.subarray(0, 65536).toString('latin1').toLowerCase())
        ? { kind: 'xml2003' }
        : { kind: 'binary', what: { zh: 'XML 文档（不是 Excel 2003 XML 表格）', en: 'an XML document (not Excel 2003 XML)' } };
    }
    if (/^(<!doctype html|<html|<table|<meta|<head|<body)/.test(lead)) return { kind: 'html' };
    // Control characters (other than TAB, LF, CR, FF, VT, ESC) in more than a tenth of the bytes.
    let control = 0;
    const n = Math.min(head.length, 65536);
    for (let i = 0; i < n; i++) {
      const b = head[i]!;
      if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x0b && b !== 0x1b) control++;
    }
    if (n > 0 && control / n > 0.1) return { kind: 'binary', what: { zh: '未知的二进制文件', en: 'an unknown binary file' } };
  }
  return { kind: 'text' };
}
