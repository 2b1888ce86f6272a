import { createWriteStream } from 'node:fs';
import ExcelJS from 'exceljs';
import { rng } from '../tests/helpers/seeded-random';

/**
 * Seeded, realistic account rows for the import benchmarks: 12 columns, Chinese headers, all of them
 * fields of the accounts table, so that the import and the raw-INSERT baseline write the same rows.
 */
export const HEADERS = ['客户名称', '统一社会信用代码', '电话', '邮箱', '省份', '城市', '地址', '行业', '客户级别', '客户来源', '成交状态', '备注'];
export const REPS = Array.from({ length: 20 }, (_, i) => `业务员${String(i + 1).padStart(2, '0')}`);

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const PLACES: [string, string][] = [['浙江省', '杭州市'], ['江苏省', '苏州市'], ['广东省', '深圳市'], ['上海市', '上海市'], ['北京市', '北京市'], ['四川省', '成都市'], ['湖北省', '武汉市'], ['山东省', '青岛市']];
const WORDS = ['星河', '海港', '华信', '东方', '鼎盛', '恒通', '嘉禾', '瑞丰', '金桥', '远航', '博雅', '天成', '宏图', '新源', '汇丰', '安泰'];
const TRADES = ['科技', '贸易', '电子', '机械', '纺织', '食品', '医药', '建材'];
const SOURCES = ['展会', '转介绍', '官网', '电话营销'];
const INDUSTRIES = ['制造业', '批发零售', '信息技术', '医疗', '建筑', '物流'];


function creditCode(i: number): string {
  const body = `913301${String(i).padStart(11, '0')}`.slice(0, 17);
  let sum = 0;
  for (let k = 0; k < 17; k++) sum += ALPHABET.indexOf(body[k]!) * W[k]!;
  return body + ALPHABET[(31 - (sum % 31)) % 31];
}

export function accountRow(i: number, r: () => number): (string | number | null)[] {
  const [province, city] = PLACES[Math.floor(r() * PLACES.length)]!;
  const name = `${city.replace('市', '')}${WORDS[Math.floor(r() * WORDS.length)]}${TRADES[Math.floor(r() * TRADES.length)]}${i}号有限公司`;
  return [
    name,
    r() < 0.6 ? creditCode(i) : null,
    `1${38 + Math.floor(r() * 10)}${String(Math.floor(r() * 1e8)).padStart(8, '0')}`,
    r() < 0.5 ? `sales${i}@example.com` : null,
    province,
    city,
    `${city}某某路${1 + Math.floor(r() * 999)}号`,
    INDUSTRIES[Math.floor(r() * INDUSTRIES.length)]!,
    ['A', 'B', 'C'][Math.floor(r() * 3)]!,
    SOURCES[Math.floor(r() * SOURCES.length)]!,
    ['潜在', '洽谈中', '已成交'][Math.floor(r() * 3)]!,
    r() < 0.2 ? '重点跟进' : null,
  ];
}

export async function writeAccountsXlsx(path: string, rows: number, seed = 42): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: true });
  const ws = wb.addWorksheet('客户');
  ws.addRow(HEADERS).commit();
  const r = rng(seed);
  for (let i = 1; i <= rows; i++) ws.addRow(accountRow(i, r)).commit();
  ws.commit();
  await wb.commit();
}

export async function writeAccountsCsv(path: string, rows: number, seed = 7): Promise<void> {
  const out = createWriteStream(path);
  const write = (s: string) => (out.write(s) ? Promise.resolve() : new Promise<void>((ok) => out.once('drain', ok)));
  await write(`\uFEFF${HEADERS.join(',')}\r\n`);
  const r = rng(seed);
  let buf = '';
  for (let i = 1; i <= rows; i++) {
    buf += `${accountRow(i, r).map((v) => (v === null ? '' : String(v))).join(',')}\r\n`;
    if (buf.length > 1 << 20) {
      await write(buf);
      buf = '';
    }
  }
  await write(buf);
  await new Promise<void>((ok) => out.end(ok));
}
