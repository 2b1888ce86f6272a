import { StringDecoder } from 'node:string_decoder';
import type { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import yauzl from 'yauzl';
import { AppError } from '../../../../../../shared/rpc/errors';
import type { ReadLimits } from '../limits';
import { readError } from '../read-error';
import { XmlError } from './xml-scanner';

/**
 * A zip package opened by its central directory (yauzl: random access, so parts are read in any
 * order and nothing is buffered whole). Before any part is inflated the directory is checked against
 * the limits: entry count, total and per-entry uncompressed size, and the compression ratio of large
 * entries (a zip bomb). While inflating, yauzl refuses streams longer than declared and the CRC-32 of
 * every part is checked, so a damaged part is an error, never a silently different sheet.
 */
export interface ZipPart {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
  entry: yauzl.Entry;
}

export class ZipPackage {
  private constructor(
    private readonly zip: yauzl.ZipFile,
    private readonly parts: Map<string, ZipPart>,
    readonly fileName: string,
  ) {}

  static async open(path: string, fileName: string, limits: ReadLimits): Promise<ZipPackage> {
    let zip: yauzl.ZipFile;
    try {
      zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true });
    } catch (error) {
      throw zipError(fileName, error);
    }
    const parts = new Map<string, ZipPart>();
    let total = 0;
    try {
      if (zip.entryCount > limits.maxZipEntries) throw readError('ZIP_BOMB', fileName, { detail: `${zip.entryCount} entries` });
      for await (const entry of zip.eachEntry()) {
        const raw = entry.fileName as unknown as Buffer;
        const name = normalizeName(Buffer.isBuffer(raw) ? raw.toString('utf8') : String(raw));
        if (name.endsWith('/')) continue;
        if ((entry.generalPurposeBitFlag & 1) !== 0) throw readError('ENCRYPTED', fileName);
        if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
          throw readError('UNSUPPORTED', fileName, { part: name, detail: `zip compression method ${entry.compressionMethod}` });
        }
        total += entry.uncompressedSize;
        if (entry.uncompressedSize > limits.maxEntryUncompressed || total > limits.maxTotalUncompressed) {
          throw readError('ZIP_BOMB', fileName, { part: name, detail: `${Math.round(total / 1048576)} MB` });
        }
        const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
        if (entry.uncompressedSize > limits.ratioFloorBytes && ratio > limits.maxRatio) {
          throw readError('ZIP_BOMB', fileName, { part: name, detail: `${Math.round(entry.uncompressedSize / 1048576)} MB, ${Math.round(ratio)}:1` });
        }
        parts.set(name.toLowerCase(), { name, compressedSize: entry.compressedSize, uncompressedSize: entry.uncompressedSize, entry });
      }
    } catch (error) {
      zip.close();
      if (error instanceof AppError) throw error;
      throw zipError(fileName, error);
    }
    return new ZipPackage(zip, parts, fileName);
  }

  names(): string[] {
    return [...this.parts.values()].map((p) => p.name);
  }

  has(name: string): boolean {
    return this.parts.has(normalizeName(name).toLowerCase());
  }

  part(name: string): ZipPart | undefined {
    return this.parts.get(normalizeName(name).toLowerCase());
  }

  /** Streams a part as text chunks (UTF-8, or UTF-16 when the part starts with its BOM). */
  async stream(name: string, onText: (chunk: string) => void | Promise<void>, check?: () => void): Promise<void> {
    const part = this.part(name);
    if (!part) throw readError('CORRUPT', this.fileName, { part: name, detail: 'missing part' });
    let stream: Readable;
    try {
      stream = await this.zip.openReadStreamPromise(part.entry);
    } catch (error) {
      throw zipError(this.fileName, error, name);
    }
    let decoder: StringDecoder | null = null;
    let crc = 0;
    let first = true;
    try {
      for await (const chunk of stream) {
        let buf = chunk as Buffer;
        crc = crc32(buf, crc);
        if (first) {
          first = false;
          if (buf[0] === 0xff && buf[1] === 0xfe) {
            decoder = new StringDecoder('utf16le');
            buf = buf.subarray(2);
          } else {
            decoder = new StringDecoder('utf8');
            if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) buf = buf.subarray(3);
          }
        }
        const text = decoder!.write(buf);
        if (text) await onText(text);
        check?.();
      }
    } catch (error) {
      stream.destroy();
      if (error instanceof AppError || error instanceof XmlError) throw error;
      throw zipError(this.fileName, error, name);
    }
    if ((crc >>> 0) !== (part.entry.crc32 >>> 0)) throw readError('CORRUPT', this.fileName, { part: name, detail: 'CRC-32 mismatch' });
    const rest = decoder?.end();
    if (rest) await onText(rest);
  }

  /** A whole (small) part as text; refuses parts larger than maxChars. */
  async text(name: string, maxChars = 64 * 1024 * 1024): Promise<string> {
    let out = '';
    await this.stream(name, (t) => {
      out += t;
      if (out.length > maxChars) throw readError('TOO_LARGE', this.fileName, { part: name });
    });
    return out;
  }

  close(): void {
    this.zip.close();
  }
}

/** Zip entry names: backslashes (written by some Chinese HR/ERP exporters) → '/', no leading '/'. */
export function normalizeName(name: string): string {
  return name.replace(/\\/g, '/').replace(/^\/+/, '');
}

function zipError(fileName: string, error: unknown, part?: string) {
  const message = error instanceof Error ? error.message : String(error);
  const extra = part ? { part, detail: message } : { detail: message };
  if (/end of central directory|unexpected EOF|truncated|not enough|out of range|beyond|offset/i.test(message)) return readError('TRUNCATED', fileName, extra);
  if (/too many bytes|too few bytes/i.test(message)) return readError('CORRUPT', fileName, extra);
  return readError('CORRUPT', fileName, extra);
}
