import { msg, type LocalizedText } from '../../../../../shared/i18n/text';
import { AppError } from '../../../../../shared/rpc/errors';

/**
 * Every way a file can fail to be read, each with its own message naming the file (and the sheet,
 * part, row or column where it applies). Codes are stable for the CLI's --json and for tests.
 */
export type ReadProblem =
  | 'EMPTY_FILE'
  | 'NOT_FOUND'
  | 'TOO_LARGE'
  | 'NOT_SPREADSHEET'
  | 'ENCRYPTED'
  | 'TRUNCATED'
  | 'CORRUPT'
  | 'ZIP_BOMB'
  | 'NO_SHEETS'
  | 'SHEET_NOT_FOUND'
  | 'SHEET_EMPTY'
  | 'NO_DATA_ROWS'
  | 'TEXT_NOT_TABLE'
  | 'ENCODING'
  | 'TIMEOUT'
  | 'CANCELLED'
  | 'UNSUPPORTED';

export interface ReadErrorDetails {
  problem: ReadProblem;
  file: string;
  sheet?: string;
  part?: string;
  row?: number;
  column?: string;
  detail?: string;
}

export class ReadError extends AppError {
  override readonly details: ReadErrorDetails;

  constructor(details: ReadErrorDetails, text: LocalizedText) {
    super(details.problem === 'CANCELLED' ? 'CONFLICT' : 'FILE_ERROR', text, details);
    this.details = details;
  }
}

const where = (d: ReadErrorDetails): LocalizedText => {
  const zh: string[] = [];
  const en: string[] = [];
  if (d.sheet) {
    zh.push(`工作表“${d.sheet}”`);
    en.push(`sheet "${d.sheet}"`);
  }
  if (d.row) {
    zh.push(`第 ${d.row} 行`);
    en.push(`row ${d.row}`);
  }
  if (d.column) {
    zh.push(`${d.column} 列`);
    en.push(`column ${d.column}`);
  }
  if (d.part) {
    zh.push(`部件 ${d.part}`);
    en.push(`part ${d.part}`);
  }
  return { zh: zh.length ? `（${zh.join('，')}）` : '', en: en.length ? ` (${en.join(', ')})` : '' };
};

export function readError(problem: ReadProblem, file: string, extra: Omit<ReadErrorDetails, 'problem' | 'file'> = {}): ReadError {
  const d: ReadErrorDetails = { problem, file, ...extra };
  const w = where(d);
  const detail = d.detail ? { zh: `：${d.detail}`, en: `: ${d.detail}` } : { zh: '', en: '' };
  const f = `“${file}”`;
  const texts: Record<ReadProblem, LocalizedText> = {
    EMPTY_FILE: msg(`文件${f}是空的（0 字节），请确认附件是否完整`, `File "${file}" is empty (0 bytes); check that the attachment arrived complete`),
    NOT_FOUND: msg(`找不到文件${f}`, `File "${file}" not found`),
    TOO_LARGE: msg(`文件${f}太大${detail.zh}`, `File "${file}" is too large${detail.en}`),
    NOT_SPREADSHEET: msg(`文件${f}不是电子表格${detail.zh}。请另存为 .xlsx 或 .csv 后再导入`, `File "${file}" is not a spreadsheet${detail.en}. Save it as .xlsx or .csv and import again`),
    ENCRYPTED: msg(`文件${f}设置了打开密码，无法读取。请在 Excel/WPS 中打开，取消密码（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码）后另存再导入`, `File "${file}" is password-protected and cannot be read. Open it in Excel/WPS, remove the password (File → Info → Protect Workbook → Encrypt with Password, clear it), save and import again`),
    TRUNCATED: msg(`文件${f}不完整（被截断）${w.zh}${detail.zh}。请让发送人重新发送原文件`, `File "${file}" is incomplete (truncated)${w.en}${detail.en}. Ask the sender for the original file again`),
    CORRUPT: msg(`文件${f}已损坏${w.zh}${detail.zh}。请在 Excel/WPS 中打开并另存为 .xlsx 后再导入`, `File "${file}" is damaged${w.en}${detail.en}. Open it in Excel/WPS, save as .xlsx and import again`),
    ZIP_BOMB: msg(`文件${f}被拒绝：解压后体积异常${detail.zh}（疑似压缩炸弹）`, `File "${file}" was refused: its uncompressed size is abnormal${detail.en} (a suspected zip bomb)`),
    NO_SHEETS: msg(`文件${f}中没有可读取的工作表${detail.zh}`, `File "${file}" has no readable sheet${detail.en}`),
    SHEET_NOT_FOUND: msg(`文件${f}中没有名为“${d.sheet ?? ''}”的工作表${detail.zh}`, `File "${file}" has no sheet named "${d.sheet ?? ''}"${detail.en}`),
    SHEET_EMPTY: msg(`文件${f}的工作表“${d.sheet ?? ''}”是空的`, `Sheet "${d.sheet ?? ''}" of "${file}" is empty`),
    NO_DATA_ROWS: msg(`文件${f}${w.zh}只有表头、没有数据行`, `File "${file}"${w.en} has a header but no data rows`),
    TEXT_NOT_TABLE: msg(`文件${f}的内容是纯文本，不是表格${detail.zh}`, `File "${file}" holds plain text, not a table${detail.en}`),
    ENCODING: msg(`无法识别文件${f}的文字编码${detail.zh}，请在“编码”中手动选择`, `Cannot tell the text encoding of "${file}"${detail.en}; choose it under "Encoding"`),
    TIMEOUT: msg(`读取文件${f}超时${w.zh}${detail.zh}，文件可能损坏或过大`, `Reading "${file}" timed out${w.en}${detail.en}; the file may be damaged or too large`),
    CANCELLED: msg(`已取消读取文件${f}`, `Reading "${file}" was cancelled`),
    UNSUPPORTED: msg(`文件${f}的格式不受支持${detail.zh}`, `The format of "${file}" is not supported${detail.en}`),
  };
  return new ReadError(d, texts[problem]);
}
