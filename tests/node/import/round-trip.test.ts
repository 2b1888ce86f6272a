import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../../electron/backend/services/demo/seed-demo';
import type { ColumnSpec, ReportDoc, RowValues } from '../../../electron/backend/services/export/sheet-spec';
import { writeXlsx } from '../../../electron/backend/services/export/xlsx-writer';
import type { ReportKind } from '../../../shared/contract/reports';
import { setUpBackend } from '../../helpers/backend';
import { dumpDatabase } from '../../helpers/db-dump';

/**
 * Export → re-import: what the app writes out comes back in as the same records, nothing duplicated,
 * nothing changed. Accounts go out through the reports export (xlsx with its title block and totals
 * row, and GBK CSV); orders and payments have no report of their own yet, so they go out through the
 * same export engine (xlsx-writer) with the columns a coordinator would send round. The data is the
 * demo company (made by the same rules as the order services), plus names that look like formulas.
 */
type T = Awaited<ReturnType<typeof setUpBackend>>;
let t: T;

const STATE: Record<string, string> = { draft: '草稿', confirmed: '已确认', partly_shipped: '部分发货', shipped: '已发货', completed: '已完成', on_hold: '暂停', cancelled: '已取消' };
const METHOD: Record<string, string> = { bank_transfer: '银行转账', acceptance_bill: '承兑汇票', cash: '现金', wechat: '微信', alipay: '支付宝', other: '其他' };

beforeAll(async () => {
  t = await setUpBackend();
  seedDemo(t.core, { actor: t.backend.runtime.session.actor(), accounts: 150, orderLines: 1200 });
  for (const name of ['=HYPERLINK("http://x","点我")', '+86 贸易商行', '-2+3 工作室', '@SUM(A1) 商店']) await t.client.call('accounts.create', { name, phone: null });
}, 120_000);
afterAll(() => t?.close());

const count = (sql: string) => (t.core.sqlite.prepare(sql).get() as { n: number }).n;

/** A sheet written by the export engine (title block, typed cells, totals row), as a report would be. */
async function exportSheet(name: string, columns: ColumnSpec[], rows: RowValues[]): Promise<string> {
  // The kind is only written into the document properties; there is no orders/payments report kind.
  const doc: ReportDoc = { report: name as ReportKind, title: name, periodLabel: null, periodKey: null, filters: [], sheets: () => [{ name, columns, rows }], csvSheet: 0 };
  const file = join(t.dir, `${name}.xlsx`);
  await writeXlsx(doc, file, { generatedAt: t.core.clock.now(), generatedBy: '管理员', timeZone: 'Asia/Shanghai', company: 'SalesDesk' });
  return file;
}

/** Re-imports a file with each duplicate policy that can leave data alone; nothing may move. */
async function reimport(path: string, kind: 'accounts' | 'orders' | 'payments', records: number, sheet?: string) {
  const before = dumpDatabase(t.core.sqlite);
  const skip = await t.client.call('imports.run', { path, kind, onDuplicate: 'skip', ...(sheet ? { sheet } : {}) });
  expect(skip.errors).toEqual([]);
  expect(skip).toMatchObject({ created: 0, updated: 0 });
  expect(skip.plan.skip).toBe(skip.rows);
  const update = await t.client.call('imports.run', { path, kind, onDuplicate: 'update', ...(sheet ? { sheet } : {}) });
  expect(update.errors).toEqual([]);
  expect(update).toMatchObject({ created: 0, updated: 0, unchanged: records });
  expect(dumpDatabase(t.core.sqlite)).toEqual(before);
}

describe('export → re-import changes nothing', () => {
  it('accounts, from the accounts report (xlsx, every column)', async () => {
    const n = count('select count(*) as n from accounts');
    const ex = await t.client.call('reports.export', { params: { report: 'accounts', columns: ['all'] }, format: 'xlsx', folder: join(t.dir, 'out') });
    expect(ex.rows).toBe(n);
    // Pooled accounts are written 公海; company names keep their （） as registered.
    expect(count(`select count(*) as n from accounts where owner_rep_id is null`)).toBeGreaterThan(0);
    expect(count(`select count(*) as n from accounts where name like '%（%'`)).toBeGreaterThan(0);
    await reimport(ex.file, 'accounts', n, '客户列表');
  }, 120_000);

  it('accounts, from the accounts report as GBK CSV', async () => {
    const n = count('select count(*) as n from accounts');
    const ex = await t.client.call('reports.export', { params: { report: 'accounts' }, format: 'csv', encoding: 'gbk', folder: join(t.dir, 'out') });
    await reimport(ex.file, 'accounts', n);
  }, 120_000);

  it('orders with their lines', async () => {
    const lines = t.core.sqlite
      .prepare(
        `select o.order_no, a.code, a.name, o.ordered_on, o.state, o.promised_on, o.shipped_on, o.customer_po, o.payment_terms_days, r.name as rep,
                p.sku, l.description, l.quantity, l.unit_price_fen, l.discount_bp, l.tax_rate_bp, l.amount_fen
         from order_lines l join orders o on o.id = l.order_id join accounts a on a.id = o.account_id
           left join reps r on r.id = o.rep_id left join products p on p.id = l.product_id
         where o.deleted_at is null order by o.order_no, l.line_no`,
      )
      .all() as Record<string, string | number | null>[];
    // Partly shipped orders are in the file: an import cannot make one, but an existing one is left alone.
    expect(new Set(lines.map((l) => l.state))).toEqual(new Set(['draft', 'confirmed', 'partly_shipped', 'shipped', 'completed', 'cancelled']));
    const file = await exportSheet(
      '订单明细',
      [
        { key: 'orderNo', header: '订单号', kind: 'text' },
        { key: 'code', header: '客户编号', kind: 'text' },
        { key: 'name', header: '客户名称', kind: 'text' },
        { key: 'orderedOn', header: '订单日期', kind: 'date' },
        { key: 'state', header: '订单状态', kind: 'text' },
        { key: 'promisedOn', header: '交货日期', kind: 'date' },
        { key: 'shippedOn', header: '发货日期', kind: 'date' },
        { key: 'po', header: '客户采购单号', kind: 'text' },
        { key: 'terms', header: '账期', kind: 'int' },
        { key: 'rep', header: '业务员', kind: 'text' },
        { key: 'sku', header: '产品编号', kind: 'text' },
        { key: 'description', header: '产品名称', kind: 'text' },
        { key: 'quantity', header: '数量', kind: 'int' },
        { key: 'price', header: '单价', kind: 'money' },
        { key: 'discount', header: '折扣', kind: 'percent' },
        { key: 'tax', header: '税率', kind: 'percent' },
        { key: 'amount', header: '金额', kind: 'money', total: 'sum' },
      ],
      lines.map((l) => [l.order_no, l.code, l.name, l.ordered_on, STATE[String(l.state)], l.promised_on, l.shipped_on, l.customer_po, l.payment_terms_days, l.rep, l.sku, l.description, l.quantity, l.unit_price_fen, Number(l.discount_bp) / 10_000, Number(l.tax_rate_bp) / 10_000, l.amount_fen]),
    );
    await reimport(file, 'orders', count('select count(*) as n from order_lines'));
  }, 120_000);

  it('payments and refunds', async () => {
    // A refund paid out of an account's credit, as the payments page records it.
    const credit = t.core.sqlite.prepare(`select account_id as id, sum(unallocated_fen) as fen from payments group by account_id having fen > 0 order by fen desc limit 1`).get() as { id: string; fen: number };
    await t.client.call('payments.refund', { accountId: credit.id, amountFen: credit.fen, method: 'bank_transfer', reference: 'RT-20261120' });
    const rows = t.core.sqlite
      .prepare(`select p.payment_no, a.code, a.name, p.received_on, p.amount_fen, p.method, p.reference, p.notes from payments p join accounts a on a.id = p.account_id where p.deleted_at is null order by p.payment_no`)
      .all() as Record<string, string | number | null>[];
    expect(rows.some((p) => Number(p.amount_fen) < 0)).toBe(true);
    const file = await exportSheet(
      '回款',
      [
        { key: 'no', header: '回款单号', kind: 'text' },
        { key: 'code', header: '客户编号', kind: 'text' },
        { key: 'name', header: '客户名称', kind: 'text' },
        { key: 'on', header: '回款日期', kind: 'date' },
        { key: 'amount', header: '回款金额', kind: 'money', total: 'sum' },
        { key: 'method', header: '回款方式', kind: 'text' },
        { key: 'ref', header: '银行流水号', kind: 'text' },
        { key: 'notes', header: '备注', kind: 'text' },
      ],
      rows.map((p) => [p.payment_no, p.code, p.name, p.received_on, p.amount_fen, METHOD[String(p.method)], p.reference, p.notes]),
    );
    await reimport(file, 'payments', rows.length);
  }, 120_000);
});
