import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/rpc/errors';
import { ReadError } from '../../../electron/backend/services/import/read/read-error';
import { setUpBackend, tempDir } from '../../helpers/backend';
import { fixture } from '../../helpers/fixtures';
import { readAll } from '../../helpers/read-sheet';
import { buildZip, entry, workbookParts, zeros } from '../../helpers/zip-writer';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

async function problemOf(path: string): Promise<string> {
  try {
    await readAll(path);
    return 'read';
  } catch (e) {
    if (e instanceof ReadError) return e.details.problem;
    throw e;
  }
}

describe('hostile and broken files', () => {
  it('refuses a zip bomb by its declared size and ratio before inflating it', async () => {
    const tmp = tempDir();
    cleanup = tmp.cleanup;
    const path = join(tmp.dir, 'bomb.xlsx');
    writeFileSync(path, buildZip(workbookParts(await zeros('xl/worksheets/sheet1.xml', 200 * 1024 * 1024))));
    const before = process.memoryUsage().rss;
    const t0 = Date.now();
    expect(await problemOf(path)).toBe('ZIP_BOMB');
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
  });

  it('refuses a bomb that lies about its size (stops at the declared size, memory stays flat)', async () => {
    const tmp = tempDir();
    cleanup = tmp.cleanup;
    const path = join(tmp.dir, 'liar.xlsx');
    writeFileSync(path, buildZip(workbookParts(await zeros('xl/worksheets/sheet1.xml', 200 * 1024 * 1024, 4096))));
    const before = process.memoryUsage().rss;
    expect(await problemOf(path)).toBe('CORRUPT');
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
  });

  it('refuses a package with an absurd number of entries', async () => {
    const tmp = tempDir();
    cleanup = tmp.cleanup;
    const path = join(tmp.dir, 'many.xlsx');
    writeFileSync(path, buildZip(Array.from({ length: 25_000 }, (_, i) => entry(`x/${i}.xml`, '<a/>'))));
    expect(await problemOf(path)).toBe('ZIP_BOMB');
  });

  it('refuses DTDs (no entity expansion: no billion laughs)', async () => {
    const tmp = tempDir();
    cleanup = tmp.cleanup;
    const path = join(tmp.dir, 'laughs.xlsx');
    const sheet = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>';
    writeFileSync(path, buildZip(workbookParts(entry('xl/worksheets/sheet1.xml', sheet))));
    expect(await problemOf(path)).toBe('CORRUPT');
  });

  it('names a password-protected workbook as such (OOXML encryption inside a compound file)', async () => {
    const tmp = tempDir();
    cleanup = tmp.cleanup;
    const cfbApi = XLSX.CFB as { utils: { cfb_new(): unknown; cfb_add(c: unknown, p: string, d: Buffer): void }; write(c: unknown, o: { type: 'buffer' }): Buffer };
    const cfb = cfbApi.utils.cfb_new();
    cfbApi.utils.cfb_add(cfb, '/EncryptionInfo', Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0, ...Array(200).fill(1)]));
    cfbApi.utils.cfb_add(cfb, '/EncryptedPackage', Buffer.alloc(8192, 7));
    const path = join(tmp.dir, '加密的客户表.xlsx');
    writeFileSync(path, cfbApi.write(cfb, { type: 'buffer' }));
    const err = await readAll(path).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ReadError);
    expect((err as ReadError).details.problem).toBe('ENCRYPTED');
    expect((err as ReadError).text.zh).toContain('加密的客户表.xlsx');
    expect((err as ReadError).text.zh).toContain('密码');
  });

  it('gives specific errors for empty, truncated, renamed and non-spreadsheet files', async () => {
    const tmp = tempDir();
    cleanup = tmp.cleanup;
    const write = (name: string, data: Buffer | string) => {
      const p = join(tmp.dir, name);
      writeFileSync(p, data);
      return p;
    };
    expect(await problemOf(write('empty.xlsx', ''))).toBe('EMPTY_FILE');
    const xlsx = readFileSync(fixture('spreadsheets', 'cn', '贵州2018_WPS.xlsx'));
    expect(await problemOf(write('half.xlsx', xlsx.subarray(0, xlsx.length >> 1)))).toBe('TRUNCATED');
    const xls = readFileSync(fixture('spreadsheets', 'cn', 'easyexcel_t01_导入模板.xls'));
    expect(['TRUNCATED', 'CORRUPT']).toContain(await problemOf(write('half.xls', xls.subarray(0, xls.length >> 1))));
    expect(await problemOf(write('scan.xlsx', Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj')))).toBe('NOT_SPREADSHEET');
    expect(await problemOf(write('photo.xls', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46])))).toBe('NOT_SPREADSHEET');
    expect(await problemOf(write('note.xlsx', 'Please find the attached price list.\n'))).toBe('TEXT_NOT_TABLE');
    // A GBK text table named .xls is read as text.
    const gbk = readFileSync(fixture('csv', 'encoding', 'catering_sale_gbk.csv'));
    const r = await readAll(write('销量.xls', gbk));
    expect([r.source.format, r.source.encoding]).toEqual(['csv', 'gb18030']);
    const docx = buildZip([entry('[Content_Types].xml', '<Types/>'), entry('word/document.xml', '<w:document/>')]);
    expect(await problemOf(write('合同.xlsx', docx))).toBe('NOT_SPREADSHEET');
  });

  it('rejects an empty sheet and a header-only sheet through the import with messages naming file and sheet', async () => {
    const t = await setUpBackend();
    cleanup = t.close;
    const empty = await t.client.tryCall('imports.run', { path: fixture('spreadsheets', 'edge', 'exceljs_test-issue-771_libreoffice_no_styles.xlsx'), kind: 'accounts' });
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(empty.error).toMatchObject({ code: 'FILE_ERROR' });
    const header = join(t.dir, 'header.csv');
    writeFileSync(header, '客户名称,电话\r\n');
    const only = await t.client.tryCall('imports.run', { path: header, kind: 'accounts' });
    expect(only.ok).toBe(false);
    if (!only.ok) {
      expect(only.error.code).toBe('FILE_ERROR');
      expect(only.error.message).toContain('header.csv');
      expect(only.error.message).toContain('没有数据行');
    }
  });
});

/** Seeded mutations of real fixtures: every case is a correct read or a clear error, fast, in bounded memory. */
describe('fuzzing the readers', () => {
  const SOURCES = [
    'spreadsheets/cn/easyexcel_t09_x000D_escape.xlsx',
    'spreadsheets/cn/云南省2016_currency_merges.xlsx',
    'spreadsheets/edge/sheetjs_merge_cells.xlsx',
    'spreadsheets/edge/calamine_inlineStr_cdata.xlsx',
    'spreadsheets/cn/easyexcel_t01_导入模板.xls',
    'spreadsheets/cn/catering_sale_餐饮销量_cp936.xls',
    'csv/encoding/catering_sale_gbk.csv',
    'csv/encoding/wechat_bill_preamble.csv',
  ];

  it('300 mutated files: never a crash, never a hang', async () => {
    const tmp = tempDir();
    cleanup = tmp.cleanup;
    let seed = 20261123;
    const rnd = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 0x100000000;
    };
    const outcomes = new Map<string, number>();
    let peak = 0;
    const originals = SOURCES.map((s) => ({ name: s.split('/').pop()!, data: readFileSync(fixture(...s.split('/'))) }));
    for (let i = 0; i < 300; i++) {
      const src = originals[i % originals.length]!;
      let buf = Buffer.from(src.data);
      const mode = rnd();
      if (mode < 0.3) buf = buf.subarray(0, Math.floor(rnd() * buf.length));
      else if (mode < 0.8) for (let k = 1 + Math.floor(rnd() * 20); k > 0; k--) buf[Math.floor(rnd() * buf.length)] = Math.floor(rnd() * 256);
      else {
        const at = Math.floor(rnd() * buf.length);
        buf.fill(0, at, Math.min(buf.length, at + 1 + Math.floor(rnd() * 512)));
      }
      const path = join(tmp.dir, `${i}-${src.name}`);
      writeFileSync(path, buf);
      const t0 = Date.now();
      let outcome: string;
      try {
        await Promise.race([readAll(path), new Promise((_, fail) => setTimeout(() => fail(new Error(`case ${i} (${src.name}) hung`)), 10_000))]);
        outcome = 'read';
      } catch (e) {
        if (!(e instanceof AppError)) throw new Error(`case ${i} (${src.name}, mode ${mode.toFixed(2)}) threw ${String(e)}`, { cause: e });
        expect(e.code).toBe('FILE_ERROR');
        outcome = (e as ReadError).details?.problem ?? e.code;
      }
      expect(Date.now() - t0).toBeLessThan(10_000);
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
      peak = Math.max(peak, process.memoryUsage().rss);
    }
    expect(peak).toBeLessThan(1.5 * 1024 * 1024 * 1024);
    // Both kinds of outcome happen: damage is caught, and harmless flips still read.
    expect(outcomes.get('read') ?? 0).toBeGreaterThan(0);
    expect([...outcomes.keys()].filter((k) => k !== 'read').length).toBeGreaterThan(1);
  }, 300_000);
});
