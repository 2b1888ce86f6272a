import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import iconv from 'iconv-lite';

/**
 * Text encodings of CSV/TXT files: a BOM decides (UTF-8, UTF-16LE/BE); without one, a file that is
 * valid UTF-8 from the first byte to the last is UTF-8 (checked strictly over the whole file, since a
 * GBK character may first appear on row 90,000); otherwise it is GB18030 (a superset of GBK, what
 * Chinese Excel writes) when its double-byte pairs look like Chinese text, and Windows-1252 when they
 * do not (Latin-1 exports). The user can override the choice; the preview re-reads with it.
 */
export const ENCODINGS = ['utf8', 'gb18030', 'utf16le', 'utf16be', 'windows-1252'] as const;
export type TextEncoding = (typeof ENCODINGS)[number];
export type EncodingChoice = 'auto' | TextEncoding;

export interface EncodingResult {
  encoding: TextEncoding;
  /** Bytes of BOM to skip. */
  bomLength: number;
  /** How it was decided: a BOM, strict UTF-8 validity, GB18030 plausibility, a fallback, the user. */
  source: 'bom' | 'utf8' | 'gb18030' | 'fallback' | 'manual';
}

function bomOf(head: Buffer): { encoding: TextEncoding; length: number } | null {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf8', length: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf16le', length: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf16be', length: 2 };
  return null;
}

async function readHead(path: string, bytes: number): Promise<Buffer> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const { bytesRead } = await fh.read(buf, 0, bytes, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/** Strict UTF-8 over the whole file, streamed. */
async function isUtf8File(path: string, skip: number): Promise<boolean> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of createReadStream(path, { start: skip, highWaterMark: 1 << 20 })) decoder.decode(chunk as Buffer, { stream: true });
    decoder.decode();
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether bytes read as GB18030 look like Chinese: most double-byte pairs fall in the GB2312 hanzi and
 * symbol rows (lead A1–F7, trail A1–FE), and nothing decodes to U+FFFD. Latin-1 text such as "Hélène"
 * pairs a high byte with an ASCII letter and fails.
 */
export function looksLikeGb18030(sample: Buffer, wholeFile: boolean): boolean {
  let pairs = 0;
  let gb2312 = 0;
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i]!;
    if (b < 0x80) continue;
    const t = sample[i + 1];
    if (t === undefined) {
      // A lead byte with nothing after it: damage if the file ends here.
      if (wholeFile) return false;
      break;
    }
    pairs++;
    if (b >= 0xa1 && b <= 0xf7 && t >= 0xa1 && t <= 0xfe) gb2312++;
    i++;
  }
  if (pairs === 0) return true;
  // Cut a partial sample after its last ASCII byte so a character split by the cut is not damage.
  let end = sample.length;
  if (!wholeFile) while (end > 0 && sample[end - 1]! >= 0x80) end--;
  const text = iconv.decode(sample.subarray(0, end), 'gb18030');
  return !text.includes('\uFFFD') && gb2312 / pairs >= 0.6;
}

export async function detectEncoding(path: string, choice: EncodingChoice = 'auto'): Promise<EncodingResult> {
  const head = await readHead(path, 1 << 20);
  const wholeFile = head.length < 1 << 20;
  const bom = bomOf(head);
  if (choice !== 'auto') {
    const skip = bom && bom.encoding === choice ? bom.length : 0;
    return { encoding: choice, bomLength: skip, source: 'manual' };
  }
  if (bom) return { encoding: bom.encoding, bomLength: bom.length, source: 'bom' };
  if (await isUtf8File(path, 0)) return { encoding: 'utf8', bomLength: 0, source: 'utf8' };
  if (looksLikeGb18030(head, wholeFile)) return { encoding: 'gb18030', bomLength: 0, source: 'gb18030' };
  return { encoding: 'windows-1252', bomLength: 0, source: 'fallback' };
}

/** A streaming decoder for an encoding (chunk boundaries inside a character are handled). */
export function createDecoder(encoding: TextEncoding): { write(buf: Buffer): string; end(): string } {
  if (encoding === 'utf8' || encoding === 'utf16le') {
    const d = new TextDecoder(encoding === 'utf8' ? 'utf-8' : 'utf-16le', { ignoreBOM: true });
    return { write: (b) => d.decode(b, { stream: true }), end: () => d.decode() };
  }
  const d = iconv.getDecoder(encoding === 'utf16be' ? 'utf16-be' : encoding, { stripBOM: false });
  return { write: (b) => d.write(b), end: () => d.end() ?? '' };
}

/** The first bytes of the file decoded (for sniffing and the live preview). */
export async function decodeHead(path: string, enc: EncodingResult, bytes = 256 * 1024): Promise<{ text: string; complete: boolean }> {
  const head = await readHead(path, bytes + enc.bomLength);
  const complete = head.length < bytes + enc.bomLength;
  const d = createDecoder(enc.encoding);
  let text = d.write(head.subarray(enc.bomLength));
  if (complete) text += d.end();
  return { text, complete };
}
