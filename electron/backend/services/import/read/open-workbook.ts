import { open, readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { AppError } from '../../../../../shared/rpc/errors';
import { DEFAULT_LIMITS, type ReadLimits } from './limits';
import { SheetJsSource } from './legacy/sheetjs-source';
import { OoxmlSource } from './ooxml/ooxml-source';
import { ZipPackage } from './ooxml/zip-package';
import { readError } from './read-error';
import { sniffBytes } from './sniff';
import type { WorkbookSource } from './source';
import { CsvSource } from './text/csv-source';
import type { EncodingChoice } from './text/text-encoding';

export interface OpenOptions {
  /** The name shown in messages (the original name of an uploaded file). */
  fileName: string;
  encoding?: EncodingChoice;
  limits?: ReadLimits;
}

const SPREADSHEET_EXTENSIONS = new Set(['.xls', '.xlsx', '.xlsm', '.xlsb', '.et', '.ods']);

/** Opens any supported file by its content; every failure is a ReadError naming the file. */
export async function openWorkbook(path: string, opts: OpenOptions): Promise<WorkbookSource> {
  const limits = opts.limits ?? DEFAULT_LIMITS;
  const file = opts.fileName;
  let size: number;
  try {
    const st = await stat(path);
    if (!st.isFile()) throw readError('NOT_FOUND', file);
    size = st.size;
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw readError('NOT_FOUND', file);
  }
  if (size === 0) throw readError('EMPTY_FILE', file);
  if (size > limits.maxFileBytes) throw readError('TOO_LARGE', file, { detail: `${Math.round(size / 1048576)} MB` });
  const head = await readHead(path, 65536);
  const sniffed = sniffBytes(head);
  const legacy = async (): Promise<Buffer> => {
    if (size > limits.maxLegacyBytes) throw readError('TOO_LARGE', file, { detail: `${Math.round(size / 1048576)} MB；旧格式请另存为 .xlsx / save legacy formats as .xlsx` });
    return readFile(path);
  };
  switch (sniffed.kind) {
    case 'zip': {
      const pkg = await ZipPackage.open(path, file, limits);
      try {
        if (pkg.has('content.xml') && pkg.has('mimetype')) {
          pkg.close();
          return SheetJsSource.fromBuffer(await legacy(), file, 'ods');
        }
        if (pkg.has('word/document.xml')) throw readError('NOT_SPREADSHEET', file, { detail: '这是 Word 文档 / it is a Word document' });
        if (pkg.has('ppt/presentation.xml')) throw readError('NOT_SPREADSHEET', file, { detail: '这是 PowerPoint 演示文稿 / it is a PowerPoint presentation' });
        if (pkg.has('xl/workbook.bin')) throw readError('UNSUPPORTED', file, { detail: 'Excel 二进制工作簿 (.xlsb)，请另存为 .xlsx / Excel binary workbook (.xlsb); save it as .xlsx' });
        const looksOoxml = pkg.has('[Content_Types].xml') || pkg.names().some((n) => /^xl\//i.test(n));
        if (!looksOoxml) throw readError('NOT_SPREADSHEET', file, { detail: '这是一个普通 zip 压缩包 / it is a plain zip archive' });
        return await OoxmlSource.open(pkg, file, limits);
      } catch (error) {
        pkg.close();
        throw error;
      }
    }
    case 'cfb':
      return SheetJsSource.fromCfb(await legacy(), file);
    case 'biff':
      return SheetJsSource.fromBuffer(await legacy(), file, 'xls');
    case 'html':
      return SheetJsSource.fromBuffer(await legacy(), file, 'html');
    case 'xml2003':
      return SheetJsSource.fromBuffer(await legacy(), file, 'xml2003');
    case 'binary':
      throw readError('NOT_SPREADSHEET', file, { detail: `这是${sniffed.what.zh} / it is ${sniffed.what.en}` });
    case 'text':
      return CsvSource.open(path, file, opts.encoding ?? 'auto', limits, { requireTable: SPREADSHEET_EXTENSIONS.has(extname(file).toLowerCase()) });
  }
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
