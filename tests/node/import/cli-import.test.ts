import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/backend';
import { fixture } from '../../helpers/fixtures';
import { creditCode, writeGbkCsv } from '../../helpers/import-files';

const root = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function cli(db: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'salesdesk.js'), '--db', db, ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('salesdesk import (CLI)', () => {
  it('prints the JSON contract and exits 0 / 2 / 1', () => {
    const tmp = tempDir();
    cleanup = tmp.cleanup;
    const db = join(tmp.dir, 'cli.sqlite');
    const good = writeGbkCsv(tmp.dir, '客户.csv', [
      ['客户名称', '统一社会信用代码', '电话'],
      ['杭州星河科技有限公司', creditCode('91330106MA27XXXX0'), '13800138000'],
      ['宁波海港贸易有限公司', '', '0574-88886666'],
    ]);
    const ok = cli(db, 'import', good, '--kind', 'accounts', '--json');
    expect(ok.code).toBe(0);
    const doc = JSON.parse(ok.stdout) as Record<string, unknown>;
    for (const key of ['file', 'kind', 'sheet', 'headerRow', 'encoding', 'rows', 'valid', 'created', 'updated', 'skipped', 'errors', 'warnings', 'batchId']) expect(doc).toHaveProperty(key);
    expect(doc).toMatchObject({ file: '客户.csv', kind: 'accounts', headerRow: 1, encoding: 'gb18030', rows: 2, valid: 2, created: 2, updated: 0, skipped: 0, errors: [] });
    expect(doc.batchId).toMatch(/^[0-9A-Z]{26}$/);

    // Rows with errors under the default (refusing) policy: exit 2, nothing written, errors listed.
    const bad = writeGbkCsv(tmp.dir, 'bad.csv', [
      ['客户名称', '统一社会信用代码', '信用额度'],
      ['某公司', '91330106MA27XXXX00', '十万'],
    ]);
    const refused = cli(db, 'import', bad, '--kind', 'accounts', '--json');
    expect(refused.code).toBe(2);
    const rdoc = JSON.parse(refused.stdout) as { errors: { row: number; column: string; value: string; code: string; message: string }[]; batchId: string | null; created: number };
    expect(rdoc.batchId).toBeNull();
    expect(rdoc.created).toBe(0);
    expect(rdoc.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [2, 'B', 'CREDIT_CODE_CHECKSUM'],
      [2, 'C', 'AMOUNT_FORMAT'],
    ]);
    expect(rdoc.errors[0]!.message).toContain('统一社会信用代码');

    // The same file with --skip-invalid succeeds (nothing valid to write).
    expect(cli(db, 'import', bad, '--kind', 'accounts', '--skip-invalid', '--json').code).toBe(0);

    // A dry run of a good file: exit 0, counts what would happen, writes nothing.
    const dry = cli(db, 'import', good, '--kind', 'accounts', '--on-duplicate', 'update', '--dry-run', '--json');
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({ dryRun: true, batchId: null, plan: { unchanged: 2 } });

    // Unreadable files: exit 1 with a message naming the file.
    const broken = join(tmp.dir, 'broken.xlsx');
    writeFileSync(broken, 'PK\u0003\u0004 not really a zip');
    const unreadable = cli(db, 'import', broken, '--kind', 'accounts', '--json');
    expect(unreadable.code).toBe(1);
    expect(JSON.parse(unreadable.stdout)).toMatchObject({ error: { code: 'FILE_ERROR' } });
    const missing = cli(db, 'import', join(tmp.dir, 'nope.xlsx'), '--kind', 'accounts');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('nope.xlsx');

    // imports list / undo.
    const list = cli(db, 'imports', 'list', '--json');
    expect(list.code).toBe(0);
    const batches = JSON.parse(list.stdout) as { id: string; fileName: string }[];
    expect(batches.map((b) => b.fileName)).toContain('客户.csv');
    const undo = cli(db, 'imports', 'undo', String(doc.batchId), '--json');
    expect(undo.code).toBe(0);
    expect(JSON.parse(undo.stdout)).toMatchObject({ deleted: expect.any(Number) });
    expect(cli(db, 'imports', 'undo', String(doc.batchId)).code).toBe(1);
  }, 240_000);

  it('imports a sheet by name with --sheet and --header-row', () => {
    const tmp = tempDir();
    cleanup = tmp.cleanup;
    const db = join(tmp.dir, 'cli.sqlite');
    const r = cli(db, 'import', fixture('datasets', 'superstore-cn', '示例 - 超市.xls'), '--kind', 'reps', '--sheet', '销售人员', '--header-row', '1', '--json');
    // The sheet's 地区 column names territories this database does not have: refused row by row.
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.stdout) as { sheet: string; headerRow: number; rows: number; errors: { column: string; code: string }[] };
    expect(doc).toMatchObject({ sheet: '销售人员', headerRow: 1, rows: 6 });
    expect(new Set(doc.errors.map((e) => `${e.column}:${e.code}`))).toEqual(new Set(['A:REF_NOT_FOUND']));
    const wrong = cli(db, 'import', fixture('datasets', 'superstore-cn', '示例 - 超市.xls'), '--kind', 'reps', '--sheet', '不存在', '--json');
    expect(wrong.code).toBe(1);
    expect(wrong.stdout).toContain('销售人员');
  }, 120_000);
});
