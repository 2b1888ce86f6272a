import type { Command } from 'commander';
import type { CaseDetail, CaseRow } from '../../../shared/contract/cases';
import { CASE_STATES, type CaseState } from '../../../shared/domain/case-state';
import { withBackend } from '../backend';
import { accountByRef, repByRef, userByRef } from '../lookup';
import { collect } from '../money';
import { CliExit, EXIT, printJson } from '../output';
import { globals, intOption } from '../program';

const TYPES = ['repair', 'replacement', 'return', 'refund', 'complaint', 'consultation'] as const;
const PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const;

function countdown(c: CaseRow): string {
  const clock = c.firstRespondedAt === null && c.firstResponse.status !== 'none' ? c.firstResponse : c.resolution;
  if (c.sla === 'breached') return '已超时 breached';
  // A stopped clock has nothing left to count down (the grid says 已达标 too).
  if (clock.status === 'met') return '已达标 met';
  if (clock.remainingMinutes === null) return '—';
  const total = Math.round(clock.remainingMinutes);
  const h = Math.floor(total / 60);
  const m = total % 60;
  return `${c.sla === 'paused' ? '暂停 paused ' : ''}剩 ${h}h${String(m).padStart(2, '0')}m`;
}

function printCase(d: CaseDetail): void {
  const c = d.case;
  process.stdout.write(`${c.caseNo}  ${c.title}  [${c.type} ${c.priority}]  ${c.state}  SLA ${c.sla}\n`);
  process.stdout.write(`客户 ${c.accountName}  订单 ${c.orderNo ?? '—'}  负责人 ${c.ownerName ?? '—'}  保修 ${c.warranty}${c.warrantyExpiresOn ? `（至 ${c.warrantyExpiresOn} 前）` : ''}\n`);
  for (const e of d.events) process.stdout.write(`  ${new Date(e.at).toISOString()}  ${e.kind}${e.toState ? ` → ${e.toState}` : ''}  ${e.note ?? ''}  (${e.by ?? ''})\n`);
}

export function registerCases(program: Command): void {
  const cases = program.command('cases').description('售后工单 / after-sales cases');

  cases
    .command('list')
    .description('工单列表（含 SLA 倒计时）/ cases with SLA countdown')
    .option('--breached', '只看已超时 / only breached')
    .option('--about-to-breach', '只看即将超时 / only about to breach')
    .option('--open', '只看未解决 / only unresolved')
    .option('--state <state...>', `状态 / states: ${CASE_STATES.join(' ')}`)
    .option('--account <code>', '客户编号 / account code')
    .option('--limit <n>', '条数 / page size', intOption('--limit', 1), 100)
    .option('--json', 'JSON output')
    .action(async (opts: { breached?: boolean; aboutToBreach?: boolean; open?: boolean; state?: string[]; account?: string; limit: number; json?: boolean }, cmd: Command) => {
      if (opts.breached && opts.aboutToBreach) throw new CliExit(EXIT.failed, '--breached 与 --about-to-breach 只能选一个 / choose one of --breached, --about-to-breach');
      const states = opts.state?.map((s) => {
        if (!(CASE_STATES as readonly string[]).includes(s)) throw new CliExit(EXIT.failed, `未知状态“${s}” / unknown state "${s}"`);
        return s as CaseState;
      });
      await withBackend(globals(cmd), async ({ client }) => {
        const page = await client.call('cases.list', {
          limit: Math.min(opts.limit, 5000),
          filter: {
            ...(opts.breached ? { sla: 'breached' as const } : opts.aboutToBreach ? { sla: 'about_to_breach' as const } : {}),
            ...(opts.open ? { open: true } : {}),
            ...(states ? { states } : {}),
            ...(opts.account ? { accountId: (await accountByRef(client, opts.account)).id } : {}),
          },
        });
        if (opts.json) return printJson(page);
        for (const c of page.items) process.stdout.write(`${c.caseNo}\t${c.priority}\t${c.state}\t${c.accountName}\t${c.title}\t${countdown(c)}\n`);
        process.stdout.write(`共 ${page.total} 个工单 / ${page.total} cases\n`);
      });
    });

  cases
    .command('show <caseNo>')
    .description('工单详情与时间线 / case detail and timeline')
    .option('--json', 'JSON output')
    .action(async (caseNo: string, opts: { json?: boolean }, cmd: Command) => {
      await withBackend(globals(cmd), async ({ client }) => {
        const d = await client.call('cases.get', { caseNo });
        if (opts.json) return printJson(d);
        printCase(d);
      });
    });

  cases
    .command('create')
    .description('新建工单 / open a case')
    .requiredOption('--account <code>', '客户编号 / account code')
    .requiredOption('--title <text>', '标题 / title')
    .requiredOption('--type <type>', `类型 / type: ${TYPES.join(' ')}`)
    .option('--priority <p>', 'P1 | P2 | P3 | P4', 'P3')
    .option('--description <text>', '描述 / description', '')
    .option('--order <orderNo>', '关联订单 / related order')
    .option('--line <lineNo>', '订单行号 / order line number', intOption('--line', 1))
    .option('--serial <no>', '序列号 / serial number')
    .option('--attach <name=path>', '附件（文件引用，可重复）/ attachment as a file reference (repeatable)', collect, [])
    .option('--json', 'JSON output')
    .action(async (opts: { account: string; title: string; type: string; priority: string; description: string; order?: string; line?: number; serial?: string; attach: string[]; json?: boolean }, cmd: Command) => {
      if (!(TYPES as readonly string[]).includes(opts.type)) throw new CliExit(EXIT.failed, `--type 应为 ${TYPES.join(' | ')} / unknown type "${opts.type}"`);
      if (!(PRIORITIES as readonly string[]).includes(opts.priority)) throw new CliExit(EXIT.failed, `--priority 应为 P1–P4 / unknown priority "${opts.priority}"`);
      const attachments = opts.attach.map((a) => {
        const i = a.indexOf('=');
        if (i <= 0) throw new CliExit(EXIT.failed, `--attach 应写成 名称=路径（收到“${a}”）/ --attach must be name=path`);
        return { name: a.slice(0, i), path: a.slice(i + 1) };
      });
      await withBackend(globals(cmd), async ({ client }) => {
        const account = await accountByRef(client, opts.account);
        let orderId: string | undefined;
        let orderLineId: string | undefined;
        if (opts.order) {
          const d = await client.call('orders.get', { orderNo: opts.order });
          orderId = d.order.id;
          if (opts.line) {
            const l = d.lines.find((x) => x.lineNo === opts.line);
            if (!l) throw new CliExit(EXIT.failed, `${opts.order} 没有第 ${opts.line} 行 / no line ${opts.line}`);
            orderLineId = l.id;
          }
        }
        const d = await client.call('cases.create', {
          accountId: account.id,
          title: opts.title,
          type: opts.type as (typeof TYPES)[number],
          priority: opts.priority as (typeof PRIORITIES)[number],
          description: opts.description,
          attachments,
          ...(orderId ? { orderId } : {}),
          ...(orderLineId ? { orderLineId } : {}),
          ...(opts.serial ? { serialNo: opts.serial } : {}),
        });
        if (opts.json) return printJson(d);
        process.stdout.write(`已创建工单 / case opened: ${d.case.caseNo}\n`);
      });
    });

  cases
    .command('state <caseNo> <state>')
    .description(`改变状态 / change state: ${CASE_STATES.join(' ')}`)
    .option('--note <text>', '说明 / note')
    .option('--json', 'JSON output')
    .action(async (caseNo: string, state: string, opts: { note?: string; json?: boolean }, cmd: Command) => {
      if (!(CASE_STATES as readonly string[]).includes(state)) throw new CliExit(EXIT.failed, `未知状态“${state}”，可用：${CASE_STATES.join(' ')} / unknown state`);
      await withBackend(globals(cmd), async ({ client }) => {
        const cur = await client.call('cases.get', { caseNo });
        const d = await client.call('cases.setState', { id: cur.case.id, version: cur.case.version, state: state as CaseState, ...(opts.note ? { note: opts.note } : {}) });
        if (opts.json) return printJson(d);
        process.stdout.write(`${caseNo}: ${cur.case.state} → ${d.case.state}\n`);
      });
    });

  cases
    .command('respond <caseNo>')
    .description('记录对客户的响应 / record a response to the customer')
    .requiredOption('--note <text>', '内容 / what was said')
    .option('--json', 'JSON output')
    .action(async (caseNo: string, opts: { note: string; json?: boolean }, cmd: Command) => {
      await withBackend(globals(cmd), async ({ client }) => {
        const cur = await client.call('cases.get', { caseNo });
        const d = await client.call('cases.respond', { id: cur.case.id, version: cur.case.version, note: opts.note });
        if (opts.json) return printJson(d);
        process.stdout.write(`${caseNo}: 已响应 / responded\n`);
      });
    });

  cases
    .command('escalate <caseNo>')
    .description('升级：转给其他负责人并说明 / escalate: reassign with a note')
    .option('--to-rep <rep>', '业务员 / rep')
    .option('--to-user <username>', '用户 / user')
    .requiredOption('--note <text>', '原因 / why')
    .option('--json', 'JSON output')
    .action(async (caseNo: string, opts: { toRep?: string; toUser?: string; note: string; json?: boolean }, cmd: Command) => {
      await withBackend(globals(cmd), async ({ client }) => {
        const cur = await client.call('cases.get', { caseNo });
        const d = await client.call('cases.escalate', {
          id: cur.case.id,
          version: cur.case.version,
          note: opts.note,
          ...(opts.toRep ? { ownerRepId: (await repByRef(client, opts.toRep)).id } : {}),
          ...(opts.toUser ? { ownerUserId: (await userByRef(client, opts.toUser)).id } : {}),
        });
        if (opts.json) return printJson(d);
        process.stdout.write(`${caseNo}: 已升级给 / escalated to ${d.case.ownerName ?? '—'}\n`);
      });
    });
}
