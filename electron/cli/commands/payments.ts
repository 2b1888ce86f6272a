import type { Command } from 'commander';
import { formatFen } from '../../../shared/domain/money';
import { withBackend } from '../backend';
import { accountByRef } from '../lookup';
import { collect, parseYuanArg } from '../money';
import { CliExit, EXIT, printJson } from '../output';
import { globals, intOption } from '../program';
import { orderByNo, PAYMENT_METHODS, paymentMethod } from './orders';

/**
 * --allocate SO-2026-000123=8000   8,000.00 yuan to that order (its instalments, oldest due first)
 * --allocate SO-2026-000130        the rest of the money, up to what the order owes
 * --allocate SO-2026-000123#2=500  500.00 yuan to instalment 2 of the order
 * --allocate auto                  everything the account owes, oldest due first
 */
export interface AllocationSpec {
  orderNo: string;
  seq: number | null;
  amountFen: number | null;
}

export function parseAllocationSpec(spec: string): AllocationSpec | 'auto' {
  const t = spec.trim();
  if (t.toLowerCase() === 'auto') return 'auto';
  // Not only the app's SO-2026-000123: imported orders keep the numbers the reps' sheets gave them.
  const m = /^([A-Za-z0-9][A-Za-z0-9._/-]{0,59})(?:#(\d{1,3}))?(?:=(.+))?$/.exec(t);
  if (!m) throw new CliExit(EXIT.failed, `--allocate 应写成 订单号[#期数][=金额] 或 auto（收到“${spec}”）/ --allocate must be ORDER-NO[#instalment][=yuan] or auto (got "${spec}")`);
  return { orderNo: m[1]!, seq: m[2] ? Number(m[2]) : null, amountFen: m[3] === undefined ? null : parseYuanArg(m[3], `--allocate ${m[1]}`) };
}

async function resolveAllocations(client: Parameters<Parameters<typeof withBackend>[1]>[0]['client'], specs: string[]) {
  const parsed = specs.map(parseAllocationSpec);
  if (parsed.includes('auto')) {
    if (parsed.length > 1) throw new CliExit(EXIT.failed, '--allocate auto 不能与逐单分配同时使用 / --allocate auto cannot be combined with other --allocate');
    return { autoAllocate: true, allocations: [] };
  }
  const allocations = [];
  for (const p of parsed as AllocationSpec[]) {
    const d = await orderByNo(client, p.orderNo);
    let instalmentId: string | undefined;
    if (p.seq !== null) {
      const inst = d.instalments.find((i) => i.seq === p.seq);
      if (!inst) throw new CliExit(EXIT.failed, `${p.orderNo} 没有第 ${p.seq} 期 / ${p.orderNo} has no instalment ${p.seq}`);
      instalmentId = inst.id;
    }
    allocations.push({ orderId: d.order.id, ...(instalmentId ? { instalmentId } : {}), ...(p.amountFen !== null ? { amountFen: p.amountFen } : {}) });
  }
  return { autoAllocate: false, allocations };
}

export function registerPayments(program: Command): void {
  const payments = program.command('payments').description('回款 / payments');

  payments
    .command('add')
    .description('登记回款并分配到订单 / record a payment and allocate it to orders')
    .requiredOption('--account <code>', '客户编号 / account code')
    .requiredOption('--amount <yuan>', '金额（元，最多两位小数）/ amount in yuan')
    .requiredOption('--method <method>', `付款方式 / method: ${PAYMENT_METHODS.join(' ')}`)
    .option('--date <date>', '到账日期（默认今天）/ date received (default today)')
    .option('--reference <ref>', '流水号、票号 / bank reference, bill number')
    .option('--notes <text>', '备注 / notes')
    .option('--allocate <spec>', '订单号[#期数][=金额] 或 auto（可重复）/ ORDER-NO[#instalment][=yuan] or auto (repeatable)', collect, [])
    .option('--json', 'JSON output')
    .action(async (opts: { account: string; amount: string; method: string; date?: string; reference?: string; notes?: string; allocate: string[]; json?: boolean }, cmd: Command) => {
      const amountFen = parseYuanArg(opts.amount, '--amount');
      if (amountFen <= 0) throw new CliExit(EXIT.failed, '--amount 应大于 0 / --amount must be above 0');
      const method = paymentMethod(opts.method);
      await withBackend(globals(cmd), async ({ client }) => {
        const account = await accountByRef(client, opts.account);
        const alloc = await resolveAllocations(client, opts.allocate);
        const r = await client.call('payments.add', {
          accountId: account.id,
          amountFen,
          method,
          ...alloc,
          ...(opts.date ? { receivedOn: opts.date } : {}),
          ...(opts.reference ? { reference: opts.reference } : {}),
          ...(opts.notes ? { notes: opts.notes } : {}),
        });
        if (opts.json) return printJson(r);
        process.stdout.write(`已登记回款 / payment recorded: ${r.payment.paymentNo}  ${formatFen(r.payment.amountFen)}  ${account.name}\n`);
        for (const a of r.allocations) process.stdout.write(`  → ${a.orderNo}${a.instalmentSeq ? ` 第${a.instalmentSeq}期` : ''}  ${formatFen(a.amountFen)}\n`);
        process.stdout.write(`未分配 / unallocated: ${formatFen(r.payment.unallocatedFen)}；客户余额 / account credit: ${formatFen(r.accountCreditFen)}\n`);
      });
    });

  payments
    .command('allocate')
    .description('把客户未分配的回款分配到订单 / allocate the account credit to orders')
    .requiredOption('--account <code>', '客户编号 / account code')
    .option('--allocate <spec>', '订单号[#期数][=金额] 或 auto（可重复）/ ORDER-NO[#instalment][=yuan] or auto', collect, [])
    .option('--json', 'JSON output')
    .action(async (opts: { account: string; allocate: string[]; json?: boolean }, cmd: Command) => {
      if (opts.allocate.length === 0) throw new CliExit(EXIT.failed, '至少需要一个 --allocate / at least one --allocate is required');
      await withBackend(globals(cmd), async ({ client }) => {
        const account = await accountByRef(client, opts.account);
        const r = await client.call('payments.allocate', { accountId: account.id, ...(await resolveAllocations(client, opts.allocate)) });
        if (opts.json) return printJson(r);
        for (const a of r.allocations) process.stdout.write(`  ${a.paymentNo} → ${a.orderNo}${a.instalmentSeq ? ` 第${a.instalmentSeq}期` : ''}  ${formatFen(a.amountFen)}\n`);
        process.stdout.write(`客户余额 / account credit: ${formatFen(r.accountCreditFen)}\n`);
      });
    });

  payments
    .command('refund')
    .description('退款给客户（从客户余额中支出）/ refund money from the account credit')
    .requiredOption('--account <code>', '客户编号 / account code')
    .requiredOption('--amount <yuan>', '金额（元）/ amount in yuan')
    .requiredOption('--method <method>', `方式 / method: ${PAYMENT_METHODS.join(' ')}`)
    .option('--date <date>', '退款日期 / refund date')
    .option('--reference <ref>', '流水号 / reference')
    .option('--json', 'JSON output')
    .action(async (opts: { account: string; amount: string; method: string; date?: string; reference?: string; json?: boolean }, cmd: Command) => {
      const amountFen = parseYuanArg(opts.amount, '--amount');
      const method = paymentMethod(opts.method);
      await withBackend(globals(cmd), async ({ client }) => {
        const account = await accountByRef(client, opts.account);
        const r = await client.call('payments.refund', { accountId: account.id, amountFen, method, ...(opts.date ? { refundedOn: opts.date } : {}), ...(opts.reference ? { reference: opts.reference } : {}) });
        if (opts.json) return printJson(r);
        process.stdout.write(`已退款 / refunded: ${r.payment.paymentNo} ${formatFen(-r.payment.amountFen)}；客户余额 ${formatFen(r.accountCreditFen)}\n`);
      });
    });

  payments
    .command('list')
    .description('列出回款 / list payments')
    .option('--account <code>', '客户编号 / account code')
    .option('--with-credit', '只看有未分配金额的 / only payments with unallocated money')
    .option('--limit <n>', '条数 / page size', intOption('--limit', 1), 50)
    .option('--json', 'JSON output')
    .action(async (opts: { account?: string; withCredit?: boolean; limit: number; json?: boolean }, cmd: Command) => {
      await withBackend(globals(cmd), async ({ client }) => {
        const page = await client.call('payments.list', {
          limit: Math.min(opts.limit, 5000),
          filter: { ...(opts.account ? { accountId: (await accountByRef(client, opts.account)).id } : {}), ...(opts.withCredit ? { withCredit: true } : {}) },
        });
        if (opts.json) return printJson(page);
        for (const p of page.items) process.stdout.write(`${p.paymentNo}\t${p.receivedOn}\t${p.accountName}\t${p.method}\t${formatFen(p.amountFen)}\t未分配 ${formatFen(p.unallocatedFen)}\n`);
        process.stdout.write(`共 ${page.total} 笔 / ${page.total} payments\n`);
      });
    });
}
