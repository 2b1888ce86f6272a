import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { formatFen } from '../../../shared/domain/money';
import { setUpBackend } from '../../helpers/backend';
import { dumpDatabase } from '../../helpers/db-dump';
import { creditCode, writeGbkCsv } from '../../helpers/import-files';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

const TIER = { A: 'A 重要', B: 'B 一般', C: 'C 潜在' } as const;
const DEAL = { prospect: '潜在', negotiating: '洽谈中', won: '已成交', lost: '流失' } as const;

/**
 * Round trip: export the accounts → re-import the workbook with "update" → nothing changes. The
 * accounts export belongs to the reports work (another branch); this writes a workbook in the same
 * column layout as the accounts grid with exceljs, so the import side of the contract is pinned now.
 */
describe('accounts round trip', () => {
  it('re-importing an accounts export with "update" changes nothing', async () => {
    const t = await setUpBackend();
    cleanup = t.close;
    const now = Date.now();
    for (const [i, name] of ['华东', '华南'].entries()) t.core.sqlite.prepare(`insert into territories (id, name, sort_order, created_at, updated_at, version) values (?, ?, ?, ?, ?, 1)`).run(`T${i}`, name, i, now, now);
    await t.client.call('imports.run', { path: writeGbkCsv(t.dir, 'reps.csv', [['工号', '姓名'], ['E1', '张三'], ['E2', '李四']]), kind: 'reps' });
    const source = writeGbkCsv(t.dir, 'accounts.csv', [
      ['客户名称', '统一社会信用代码', '行业', '区域', '客户级别', '来源', '成交状态', '电话', '省份', '城市', '地址', '业务员'],
      ['杭州星河科技有限公司', creditCode('91330106MA27XXXX0'), '制造业', '华东', 'A', '展会', '已成交', '13800138000', '浙江省', '杭州市', '文三路1号', '张三'],
      ['深圳南方电子有限公司', '', '电子', '华南', 'B', '', '洽谈中', '0755-88886666', '广东省', '深圳市', '', '李四'],
      ['个人客户王五', '', '', '', 'C', '转介绍', '潜在', '', '', '', '', ''],
    ]);
    expect((await t.client.call('imports.run', { path: source, kind: 'accounts' })).created).toBe(3);

    const page = await t.client.call('accounts.list', { limit: 1000 });
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('客户');
    ws.addRow(['客户编号', '客户名称', '统一社会信用代码', '行业', '区域', '客户级别', '来源', '成交状态', '电话', '省份', '城市', '地址', '业务员', '最近跟进', '应收余额', '逾期金额', '信用等级']);
    for (const a of page.items) {
      ws.addRow([a.code, a.name, a.creditCode, a.industry, a.territoryName, TIER[a.tier], a.source, DEAL[a.dealStatus], a.phone, a.province, a.city, a.address, a.ownerName, a.lastFollowupOn, `¥${formatFen(a.openReceivableFen)}`, `¥${formatFen(a.overdueFen)}`, a.creditGrade]);
    }
    const path = join(t.dir, '客户导出.xlsx');
    await wb.xlsx.writeFile(path);

    const before = dumpDatabase(t.core.sqlite);
    const r = await t.client.call('imports.run', { path, kind: 'accounts', onDuplicate: 'update' });
    expect(r).toMatchObject({ rows: 3, errors: [], created: 0, updated: 0, unchanged: 3 });
    expect(dumpDatabase(t.core.sqlite)).toEqual(before);
  });
});
