import type { Command } from 'commander';
import type { OrderDetail, OrderLineInput } from '../../../shared/contract/orders';
import { formatFen } from '../../../shared/domain/money';
import { ORDER_STATES, type OrderState } from '../../../shared/domain/order-state';
import { withBackend } from '../backend';
import { accountByRef, repByRef, territoryByRef } from '../lookup';
import { collect, parsePercentArg, parseYuanArg } from '../money';
import { CliExit, EXIT, printJson } from '../output';
import { globals, intOption } from '../program';

/**
 * --line 'desc=螺丝 M8;qty=10;price=128.00;discount=5%;tax=13%'  or  'sku=PUMP-01;qty=2'
 * (price in yuan with at most 2 decimals; discount and tax as percentages).
 */
export function parseLineSpec(spec: string, n: number): { line: OrderLineInput; sku: string | null } {
  const fields = new Map<string, string>();
  for (const part of spec.split(';')) {
    if (!part.trim()) continue;
    const eq = part.indexOf('=');
    if (eq <= 0) throw new CliExit(EXIT.failed, `第 ${n} 个 --line：“${part}”应写成 键=值 / --line ${n}: "${part}" must be key=value`);
    const key = part.slice(0, eq).trim().toLowerCase();
    if (!['desc', 'sku', 'qty', 'price', 'discount', 'tax'].includes(key)) throw new CliExit(EXIT.failed, `第 ${n} 个 --line：未知字段“${key}”（可用 desc sku qty price discount tax）/ --line ${n}: unknown field "${key}"`);
    fields.set(key, part.slice(eq + 1).trim());
  }
  const qtyText = fields.get('qty');
  if (!qtyText || !/^\d{1,10}$/.test(qtyText) || Number(qtyText) < 1) throw new CliExit(EXIT.failed, `第 ${n} 个 --line：qty 应为正整数 / --line ${n}: qty must be a positive whole number (got "${qtyText ?? ''}")`);
  const line: OrderLineInput = { quantity: Number(qtyText), discountBp: 0 };
  const desc = fields.get('desc');
  if (desc) line.description = desc;
  const price = fields.get('price');
  if (price !== undefined) line.unitPriceFen = parseYuanArg(price, `第 ${n} 个 --line 的 price / price of --line ${n}`);
  const discount = fields.get('discount');
  if (discount !== undefined) line.discountBp = parsePercentArg(discount, `discount (--line ${n})`);
  const tax = fields.get('tax');
  if (tax !== undefined) line.taxRateBp = parsePercentArg(tax, `tax (--line ${n})`);
  if (!desc && !fields.get('sku')) throw new CliExit(EXIT.failed, `第 ${n} 个 --line：需要 desc= 或 sku= / --line ${n}: needs desc= or sku=`);
  return { line, sku: fields.get('sku') ?? null };
}

function printOrder(d: OrderDetail): void {
  const o = d.order;
  const out = process.stdout;
  out.write(`${o.orderNo}  ${o.accountName} (${o.accountCode})  业务员 ${o.repName ?? '—'}  状态 ${o.state}${o.heldFromState ? `（暂停前 ${o.heldFromState}）` : ''}\n`);
  out.write(`下单 ${o.orderedOn}  确认 ${o.confirmedOn ?? '—'}  发货 ${o.shippedOn ?? '—'}  客户PO ${o.customerPo ?? '—'}\n`);
  out.write(`金额 ${formatFen(o.totalFen)}（含税 ${formatFen(o.taxFen)}）  已发货 ${d.progress.shippedPct}%  已开票 ${d.progress.billedPct}%  已收款 ${d.progress.collectedPct}%  未收 ${formatFen(o.openFen)}  逾期 ${formatFen(o.overdueFen)}\n`);
  out.write('明细 / lines:\n');
  for (const l of d.lines) out.write(`  ${l.lineNo}. ${l.description}  ${l.quantity} × ${formatFen(l.unitPriceFen)}${l.discountBp ? ` −${l.discountBp / 100}%` : ''} = ${formatFen(l.amountFen)}  已发 ${l.shippedQty}  已退 ${l.returnedQty}\n`);
  if (d.instalments.length) {
    out.write('回款计划 / instalments:\n');
    for (const i of d.instalments) out.write(`  ${i.seq}. ${i.label}  到期 ${i.dueOn}  ${formatFen(i.amountFen)}  已收 ${formatFen(i.paidFen)}  未收 ${formatFen(i.openFen)}${i.daysOverdue ? `  逾期 ${i.daysOverdue} 天` : ''}\n`);
  }
  if (d.payments.length) {
    out.write('回款 / payments:\n');
    for (const p of d.payments) out.write(`  ${p.paymentNo}  ${p.receivedOn}  ${p.method}  ${formatFen(p.allocatedFen)}\n`);
  }
  for (const r of d.returns) out.write(`退货 ${r.returnNo}  ${r.returnedOn}  ${formatFen(r.amountFen)}  ${r.reason}\n`);
  for (const c of d.cases) out.write(`工单 ${c.caseNo}  ${c.state}  ${c.title}\n`);
  out.write(`可执行 / allowed: ${d.allowedActions.join(', ') || '—'}\n`);
}

export async function orderByNo(client: Parameters<Parameters<typeof withBackend>[1]>[0]['client'], orderNo: string) {
  return client.call('orders.get', { orderNo });
}

export function registerOrders(program: Command): void {
  const orders = program.command('orders').description('订单 / orders');

  orders
    .command('list')
    .description('列出订单（可筛选），并给出筛选结果的合计 / list orders with filters and totals')
    .option('--state <state...>', `状态 / states: ${ORDER_STATES.join(' ')}`)
    .option('--rep <rep>', '业务员（姓名、工号或 id）/ rep name, employee no or id')
    .option('--account <code>', '客户编号 / account code')
    .option('--territory <t>', '区域（含下级）/ territory and below')
    .option('--from <date>', '下单日期起 / ordered on or after')
    .option('--to <date>', '下单日期止 / ordered on or before')
    .option('--overdue', '只看有逾期回款的订单 / only orders with overdue instalments')
    .option('--search <q>', '订单号、客户PO或客户名 / order no, PO or account name')
    .option('--limit <n>', '条数 / page size', intOption('--limit', 1), 50)
    .option('--offset <n>', '跳过 / rows to skip', intOption('--offset', 0), 0)
    .option('--json', 'JSON output')
    .action(async (opts: { state?: string[]; rep?: string; account?: string; territory?: string; from?: string; to?: string; overdue?: boolean; search?: string; limit: number; offset: number; json?: boolean }, cmd: Command) => {
      await withBackend(globals(cmd), async ({ client }) => {
        const states = opts.state?.map((s) => {
          if (!(ORDER_STATES as readonly string[]).includes(s)) throw new CliExit(EXIT.failed, `未知状态“${s}”，可用：${ORDER_STATES.join(' ')} / unknown state "${s}"`);
          return s as OrderState;
        });
        const page = await client.call('orders.list', {
          limit: Math.min(opts.limit, 5000),
          offset: opts.offset,
          ...(opts.search ? { search: opts.search } : {}),
          filter: {
            ...(states ? { states } : {}),
            ...(opts.rep ? { repId: (await repByRef(client, opts.rep)).id } : {}),
            ...(opts.account ? { accountId: (await accountByRef(client, opts.account)).id } : {}),
            ...(opts.territory ? { territoryId: (await territoryByRef(client, opts.territory)).id } : {}),
            ...(opts.from ? { from: opts.from } : {}),
            ...(opts.to ? { to: opts.to } : {}),
            ...(opts.overdue ? { overdue: true } : {}),
          },
        });
        if (opts.json) return printJson(page);
        for (const o of page.items) {
          process.stdout.write(`${o.orderNo}\t${o.orderedOn}\t${o.state}\t${o.accountName}\t${o.repName ?? '—'}\t${formatFen(o.totalFen)}\t未收 ${formatFen(o.openFen)}${o.overdueFen ? `\t逾期 ${formatFen(o.overdueFen)}` : ''}\n`);
        }
        const t = page.totals;
        process.stdout.write(`共 ${page.total} 张订单 / ${page.total} orders` + (t ? `；合计 ${formatFen(t.totalFen)}，已收 ${formatFen(t.collectedFen)}，未收 ${formatFen(t.openFen)}` : '') + '\n');
      });
    });

  orders
    .command('show <orderNo>')
    .description('订单详情 / order detail')
    .option('--json', 'JSON output')
    .action(async (orderNo: string, opts: { json?: boolean }, cmd: Command) => {
      await withBackend(globals(cmd), async ({ client }) => {
        const d = await orderByNo(client, orderNo);
        if (opts.json) return printJson(d);
        printOrder(d);
      });
    });

  orders
    .command('create')
    .description("新建草稿订单 / create a draft order: --line 'desc=螺丝;qty=10;price=128.00;discount=5%;tax=13%'")
    .requiredOption('--account <code>', '客户编号 / account code')
    .option('--line <spec>', '明细（可重复）/ a line (repeatable)', collect, [])
    .option('--po <customerPo>', '客户 PO 号 / customer PO number')
    .option('--rep <rep>', '业务员（默认客户负责人）/ owner rep (default: the account owner)')
    .option('--ordered-on <date>', '下单日期 / order date')
    .option('--promised-on <date>', '承诺交期 / promised date')
    .option('--terms <days>', '账期天数 / payment terms in days', intOption('--terms', 0))
    .option('--notes <text>', '备注 / notes')
    .option('--json', 'JSON output')
    .action(async (opts: { account: string; line: string[]; po?: string; rep?: string; orderedOn?: string; promisedOn?: string; terms?: number; notes?: string; json?: boolean }, cmd: Command) => {
      if (opts.line.length === 0) throw new CliExit(EXIT.failed, '至少需要一个 --line / at least one --line is required');
      const parsed = opts.line.map((l, i) => parseLineSpec(l, i + 1));
      await withBackend(globals(cmd), async ({ client }) => {
        const account = await accountByRef(client, opts.account);
        const lines: OrderLineInput[] = [];
        for (const [i, p] of parsed.entries()) {
          if (p.sku) {
            const hit = (await client.call('orders.searchProducts', { q: p.sku, limit: 50 })).find((x) => x.sku === p.sku);
            if (!hit) throw new CliExit(EXIT.failed, `第 ${i + 1} 个 --line：找不到产品 SKU“${p.sku}” / --line ${i + 1}: no product with SKU "${p.sku}"`);
            lines.push({ ...p.line, productId: hit.id });
          } else lines.push(p.line);
        }
        const r = await client.call('orders.create', {
          accountId: account.id,
          lines,
          ...(opts.po ? { customerPo: opts.po } : {}),
          ...(opts.rep ? { repId: (await repByRef(client, opts.rep)).id } : {}),
          ...(opts.orderedOn ? { orderedOn: opts.orderedOn } : {}),
          ...(opts.promisedOn ? { promisedOn: opts.promisedOn } : {}),
          ...(opts.terms !== undefined ? { paymentTermsDays: opts.terms } : {}),
          ...(opts.notes ? { notes: opts.notes } : {}),
        });
        for (const w of r.warnings) process.stderr.write(`提醒 / warning: ${w.message}\n`);
        if (opts.json) return printJson(r);
        process.stdout.write(`已创建草稿 / draft created: ${r.order.order.orderNo}  ${formatFen(r.order.order.totalFen)}\n`);
      });
    });

  orders
    .command('confirm <orderNo>')
    .description('确认订单并生成回款计划 / confirm an order and create its payment plan')
    .option('--plan <text>', '回款计划，如 "30% on confirmation, 70% net 60" / payment plan')
    .option('--on <date>', '确认日期（默认今天）/ confirmation date (default today)')
    .option('--json', 'JSON output')
    .action(async (orderNo: string, opts: { plan?: string; on?: string; json?: boolean }, cmd: Command) => {
      await withBackend(globals(cmd), async ({ client }) => {
        const d = await orderByNo(client, orderNo);
        const r = await client.call('orders.confirm', { id: d.order.id, version: d.order.version, ...(opts.plan ? { plan: opts.plan } : {}), ...(opts.on ? { confirmedOn: opts.on } : {}) });
        for (const w of r.warnings) process.stderr.write(`提醒 / warning: ${w.message}\n`);
        if (opts.json) return printJson(r);
        process.stdout.write(`已确认 / confirmed: ${orderNo}\n`);
        for (const i of r.order.instalments) process.stdout.write(`  ${i.seq}. ${i.label}  到期 ${i.dueOn}  ${formatFen(i.amountFen)}\n`);
      });
    });

  orders
    .command('ship <orderNo>')
    .description('发货：--line <行号>=<数量>（可重复），不写则全部剩余 / ship lines, or everything left')
    .option('--line <lineNo=qty>', '行号=数量 / line number=quantity', collect, [])
    .option('--on <date>', '发货日期 / ship date')
    .option('--json', 'JSON output')
    .action(async (orderNo: string, opts: { line: string[]; on?: string; json?: boolean }, cmd: Command) => {
      await withBackend(globals(cmd), async ({ client }) => {
        const d = await orderByNo(client, orderNo);
        const lines = opts.line.map((spec) => {
          const m = /^(\d+)=(\d+)$/.exec(spec.trim());
          if (!m) throw new CliExit(EXIT.failed, `--line 应写成 行号=数量，例如 1=5（收到“${spec}”）/ --line must be lineNo=qty, e.g. 1=5`);
          const line = d.lines.find((l) => l.lineNo === Number(m[1]));
          if (!line) throw new CliExit(EXIT.failed, `${orderNo} 没有第 ${m[1]} 行 / ${orderNo} has no line ${m[1]}`);
          return { lineId: line.id, quantity: Number(m[2]) };
        });
        const r = await client.call('orders.ship', { id: d.order.id, version: d.order.version, ...(lines.length ? { lines } : {}), ...(opts.on ? { shippedOn: opts.on } : {}) });
        if (opts.json) return printJson(r);
        const s = r.shipments.at(-1);
        process.stdout.write(`已发货 / shipped: ${s?.shipmentNo ?? ''} ${formatFen(s?.amountFen ?? 0)}；订单状态 ${r.order.state}，已发货 ${r.progress.shippedPct}%\n`);
      });
    });

  const simple = (name: 'complete' | 'hold' | 'release' | 'cancel' | 'reopen', zh: string, needsReason: boolean) => {
    const c = orders.command(`${name} <orderNo>`).description(`${zh} / ${name} an order`);
    if (needsReason) c.requiredOption('--reason <text>', '原因（写入审计日志）/ reason (audited)');
    else c.option('--reason <text>', '原因 / reason');
    c.option('--json', 'JSON output').action(async (orderNo: string, opts: { reason?: string; json?: boolean }, cmd: Command) => {
      await withBackend(globals(cmd), async ({ client }) => {
        const d = await orderByNo(client, orderNo);
        const ref = { id: d.order.id, version: d.order.version };
        const r =
          name === 'complete'
            ? await client.call('orders.complete', ref)
            : name === 'release'
              ? await client.call('orders.release', { ...ref, ...(opts.reason ? { reason: opts.reason } : {}) })
              : await client.call(`orders.${name}`, { ...ref, reason: opts.reason ?? '' });
        if (opts.json) return printJson(r);
        process.stdout.write(`${orderNo}: ${d.order.state} → ${r.order.state}\n`);
      });
    });
  };
  simple('cancel', '取消订单（未发货；已收款转为客户余额）', true);
  simple('complete', '完成订单', false);
  simple('hold', '暂停订单', true);
  simple('release', '解除暂停', false);
  simple('reopen', '重新打开已完成的订单', true);

  orders
    .command('plan <orderNo>')
    .description('修改已确认订单的回款计划 / replace the payment plan of a confirmed order')
    .requiredOption('--set <text>', '如 "30% on confirmation, 70% net 60" / e.g. "30% on confirmation, 70% net 60"')
    .option('--json', 'JSON output')
    .action(async (orderNo: string, opts: { set: string; json?: boolean }, cmd: Command) => {
      await withBackend(globals(cmd), async ({ client }) => {
        const d = await orderByNo(client, orderNo);
        const r = await client.call('orders.setPlan', { id: d.order.id, version: d.order.version, plan: opts.set });
        if (opts.json) return printJson(r);
        for (const i of r.instalments) process.stdout.write(`  ${i.seq}. ${i.label}  到期 ${i.dueOn}  ${formatFen(i.amountFen)}  已收 ${formatFen(i.paidFen)}\n`);
      });
    });

  program
    .command('returns')
    .description('退货 / returns')
    .command('add <orderNo>')
    .description('登记退货：--line <行号>=<数量>，可同时退款 / record a return, optionally with a refund')
    .option('--line <lineNo=qty>', '行号=数量（可重复）/ line number=quantity (repeatable)', collect, [])
    .requiredOption('--reason <text>', '退货原因 / reason')
    .option('--date <date>', '退货日期 / return date')
    .option('--refund <yuan>', '退款金额（元）/ refund amount in yuan')
    .option('--method <method>', '退款方式 / refund method', 'bank_transfer')
    .option('--json', 'JSON output')
    .action(async (orderNo: string, opts: { line: string[]; reason: string; date?: string; refund?: string; method: string; json?: boolean }, cmd: Command) => {
      await withBackend(globals(cmd), async ({ client }) => {
        const d = await orderByNo(client, orderNo);
        if (opts.line.length === 0) throw new CliExit(EXIT.failed, '至少需要一个 --line / at least one --line is required');
        const lines = opts.line.map((spec) => {
          const m = /^(\d+)=(\d+)$/.exec(spec.trim());
          if (!m) throw new CliExit(EXIT.failed, `--line 应写成 行号=数量（收到“${spec}”）/ --line must be lineNo=qty`);
          const line = d.lines.find((l) => l.lineNo === Number(m[1]));
          if (!line) throw new CliExit(EXIT.failed, `${orderNo} 没有第 ${m[1]} 行 / ${orderNo} has no line ${m[1]}`);
          return { lineId: line.id, quantity: Number(m[2]) };
        });
        const refund = opts.refund ? { amountFen: parseYuanArg(opts.refund, '--refund'), method: paymentMethod(opts.method) } : undefined;
        const r = await client.call('returns.create', { orderId: d.order.id, reason: opts.reason, lines, ...(opts.date ? { returnedOn: opts.date } : {}), ...(refund ? { refund } : {}) });
        if (opts.json) return printJson(r);
        process.stdout.write(`已登记退货 / return recorded: ${r.returnNo} ${formatFen(r.amountFen)}${r.refundPaymentNo ? `；退款 ${r.refundPaymentNo}` : ''}\n`);
      });
    });
}

export const PAYMENT_METHODS = ['bank_transfer', 'acceptance_bill', 'cash', 'wechat', 'alipay', 'other'] as const;
export type PaymentMethodName = (typeof PAYMENT_METHODS)[number];

export function paymentMethod(text: string): PaymentMethodName {
  if ((PAYMENT_METHODS as readonly string[]).includes(text)) return text as PaymentMethodName;
  throw new CliExit(EXIT.failed, `未知的付款方式“${text}”，可用：${PAYMENT_METHODS.join(' ')} / unknown method "${text}"`);
}
