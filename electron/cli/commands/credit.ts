import { type Command, Option } from 'commander';
import type { CreditCheckResult, CreditRunSummary } from '../../../shared/contract/credit';
import { OUTCOME_NAMES } from '../../../shared/domain/credit-check';
import { isIsoDate } from '../../../shared/domain/dates';
import { formatFen } from '../../../shared/domain/money';
import { type Lang, pick } from '../../../shared/i18n/text';
import { RpcCallError } from '../../../shared/rpc/errors';
import { withBackend } from '../backend';
import { accountByRef, repByRef, territoryByRef } from '../lookup';
import { parseYuanArg } from '../money';
import { CliExit, EXIT, printJson } from '../output';
import { globals, intOption } from '../program';

type Client = Parameters<Parameters<typeof withBackend>[1]>[0]['client'];

const MARK = { pass: '✓', warn: '!', needs_approval: '?', blocked: '✗' } as const;

function printCheck(r: CreditCheckResult, lang: Lang): void {
  const out = process.stdout;
  out.write(`${r.account.name} (${r.account.code})${r.order ? `  ${r.order.orderNo} ${formatFen(r.order.totalFen)}` : ''}\n`);
  out.write(`${MARK[r.outcome]} ${pick(OUTCOME_NAMES[r.outcome], lang)}：${pick(r.headline, lang)}\n`);
  for (const reason of r.reasons) out.write(`  ${MARK[reason.outcome]} ${pick(reason.text, lang)}\n`);
  if (r.grade) out.write(`  ${lang === 'en' ? 'Grade' : '信用等级'} ${r.grade.grade}（${r.grade.score}）\n`);
}

function printRun(s: CreditRunSummary): void {
  const out = process.stdout;
  out.write(`信用评级 / credit grading ${s.asOf}: ${s.accountCount} 个客户 / accounts, ${s.ms} ms\n`);
  out.write(`  等级分布 / grades: ${Object.entries(s.distribution).map(([g, n]) => `${g} ${n}`).join('  ')}\n`);
  out.write(`  等级变化 / changes: ↑ ${s.changes.upgrades}  ↓ ${s.changes.downgrades}\n`);
  for (const c of s.changes.list.slice(0, 20)) out.write(`    ${c.code} ${c.name}: ${c.from ?? '—'} → ${c.to}\n`);
  out.write(`  建议冻结 / suggested holds: ${s.suggestedHolds.count}\n`);
  for (const h of s.suggestedHolds.list.slice(0, 20)) out.write(`    ${h.code} ${h.name}: ${h.grade}，最长逾期 ${h.maxDaysOverdue} 天\n`);
  out.write(`  超出额度 / over limit: ${s.overLimit.count}\n`);
  for (const o of s.overLimit.list.slice(0, 20)) out.write(`    ${o.code} ${o.name}: ${formatFen(o.exposureFen)} / ${formatFen(o.limitFen)}\n`);
  out.write(`  7 天内到期的临时额度 / temporary limits expiring within 7 days: ${s.expiringTempLimits.count}\n`);
  for (const e of s.expiringTempLimits.list.slice(0, 20)) out.write(`    ${e.code} ${e.name}: ${formatFen(e.limitFen)} 至 ${e.expiresOn}\n`);
}

/** An order number / id, else an account (code, credit code or exact name). */
async function checkTarget(client: Client, ref: string): Promise<{ order: string } | { account: string }> {
  const text = ref.trim();
  if (!text || text.length > 64) throw new CliExit(EXIT.failed, `请给出客户编号或订单号（最多 64 个字符）/ give an account code or an order number (at most 64 characters)`);
  try {
    await client.call('orders.get', /^[A-Za-z]{1,4}-\d{4}-\d+$/.test(text) ? { orderNo: text } : { id: text });
    return { order: text };
  } catch (e) {
    if (!(e instanceof RpcCallError) || e.code !== 'NOT_FOUND') throw e;
  }
  return { account: (await accountByRef(client, text)).id };
}

function reasonOf(text: string | undefined): string {
  const r = (text ?? '').trim();
  if (!r) throw new CliExit(EXIT.failed, '--reason 不能为空 / --reason must not be empty');
  if (r.length > 500) throw new CliExit(EXIT.failed, '--reason 最多 500 个字符 / --reason is at most 500 characters');
  return r;
}

/** The password as one line on stdin (never on the command line, where ps and shell history show it). */
async function readPassword(): Promise<string> {
  if (process.stdin.isTTY) throw new CliExit(EXIT.failed, '--password-stdin：请通过管道输入经理密码，例如 echo "$PW" | salesdesk credit override … / pipe the manager password on stdin');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > 4096) throw new CliExit(EXIT.failed, '--password-stdin：输入过长 / input too long');
    chunks.push(chunk);
  }
  const line = Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
  if (line === '') throw new CliExit(EXIT.failed, '--password-stdin：没有读到密码 / no password on stdin');
  return line;
}

export function registerCredit(program: Command): void {
  const credit = program.command('credit').description('信用风险 / credit risk');

  credit
    .command('check <accountOrOrder>')
    .description('信用检查：客户（编号、信用代码或全称）或订单号；草稿订单计入本单金额 / check an account or an order')
    .option('--no-record', '只预览，不记录检查 / preview only, do not record the check')
    .option('--json', 'JSON output')
    .action(async (ref: string, opts: { record: boolean; json?: boolean }, cmd: Command) => {
      await withBackend(globals(cmd), async ({ client }) => {
        const target = await checkTarget(client, ref);
        const r = await client.call('credit.check', { ...target, record: opts.record });
        if (opts.json) return printJson(r);
        printCheck(r, (await client.call('settings.get', {})).language);
      });
    });

  credit
    .command('run')
    .description('批量评级全部客户（或按条件）/ grade every account (or a filter)')
    .option('--tier <tier...>', '客户级别 A B C / tiers')
    .option('--rep <rep>', '负责业务员 / owner rep')
    .option('--territory <t>', '区域（含下级）/ territory and below')
    .option('--group <group>', '客户分组 / account group')
    .option('--json', 'JSON output')
    .action(async (opts: { tier?: string[]; rep?: string; territory?: string; group?: string; json?: boolean }, cmd: Command) => {
      await withBackend(globals(cmd), async ({ client }) => {
        const tiers = opts.tier?.map((x) => {
          if (x !== 'A' && x !== 'B' && x !== 'C') throw new CliExit(EXIT.failed, `未知客户级别“${x}”，可用 A B C / unknown tier "${x}"`);
          return x;
        });
        const filter = {
          ...(tiers ? { tiers } : {}),
          ...(opts.rep ? { repId: (await repByRef(client, opts.rep)).id } : {}),
          ...(opts.territory ? { territoryId: (await territoryByRef(client, opts.territory)).id } : {}),
          ...(opts.group ? { accountGroup: opts.group } : {}),
        };
        const s = await client.call('credit.run', Object.keys(filter).length ? { filter } : {});
        if (opts.json) return printJson(s);
        printRun(s);
      });
    });

  for (const action of ['hold', 'release'] as const) {
    credit
      .command(`${action} <account>`)
      .description(action === 'hold' ? '信用冻结：新订单需经理审批放行 / put an account on credit hold' : '解除信用冻结（经理）/ release a credit hold (managers)')
      .requiredOption('--reason <text>', '原因（写入审计日志）/ reason (audited)')
      .option('--json', 'JSON output')
      .action(async (ref: string, opts: { reason: string; json?: boolean }, cmd: Command) => {
        const reason = reasonOf(opts.reason);
        await withBackend(globals(cmd), async ({ client }) => {
          const a = await accountByRef(client, ref);
          const r = await client.call(`credit.${action}`, { accountId: a.id, reason });
          if (opts.json) return printJson(r);
          process.stdout.write(`${a.code} ${a.name}: ${action === 'hold' ? '已信用冻结 / on credit hold' : '已解除信用冻结 / hold released'}\n`);
        });
      });
  }

  credit
    .command('override <orderNo>')
    .description('经理审批放行被信用检查拦截的订单并确认；密码从标准输入读取 / a manager confirms an order the credit check stopped')
    .requiredOption('--manager <username>', '审批经理的用户名 / the approving manager')
    .requiredOption('--password-stdin', '从标准输入读取经理密码 / read the manager password from stdin')
    .requiredOption('--reason <text>', '审批原因 / reason (audited)')
    .option('--plan <text>', '回款计划 / payment plan')
    .option('--on <date>', '确认日期 / confirmation date')
    .addOption(new Option('--password <pw>').hideHelp().argParser(() => {
      throw new CliExit(EXIT.failed, '不接受命令行上的密码（会留在 shell 历史和进程列表里），请用 --password-stdin / passwords are not accepted on the command line; use --password-stdin');
    }))
    .option('--json', 'JSON output')
    .action(async (orderNo: string, opts: { manager: string; reason: string; plan?: string; on?: string; json?: boolean }, cmd: Command) => {
      const reason = reasonOf(opts.reason);
      const password = await readPassword();
      await withBackend(globals(cmd), async ({ client }) => {
        const d = await client.call('orders.get', { orderNo });
        const r = await client.call('credit.override', {
          orderId: d.order.id,
          version: d.order.version,
          managerUsername: opts.manager,
          managerPassword: password,
          reason,
          ...(opts.plan ? { plan: opts.plan } : {}),
          ...(opts.on ? { confirmedOn: opts.on } : {}),
        });
        if (opts.json) return printJson(r);
        for (const w of r.warnings) process.stderr.write(`提醒 / warning: ${w.message}\n`);
        process.stdout.write(`${orderNo}: ${r.order.order.state}（${r.order.order.creditStatus ?? '—'}）\n`);
      });
    });

  const limit = credit.command('limit').description('信用额度 / credit limits');
  limit
    .command('show <account>')
    .description('信用档案：额度来源、占用、等级及各项因素 / the credit profile')
    .option('--json', 'JSON output')
    .action(async (ref: string, opts: { json?: boolean }, cmd: Command) => {
      await withBackend(globals(cmd), async ({ client }) => {
        const a = await accountByRef(client, ref);
        const p = await client.call('credit.getProfile', { accountId: a.id });
        if (opts.json) return printJson(p);
        const lang = (await client.call('settings.get', {})).language;
        printCheck(p.check, lang);
        process.stdout.write(`${pick(p.grade.summary, lang)}\n`);
        for (const f of p.grade.factors) process.stdout.write(`  ${pick(f.text, lang)}\n`);
      });
    });
  limit
    .command('set <account>')
    .description('设置额度 / 临时额度 / 账期 / 超额策略（经理）/ set limit, temporary limit, terms, policy (managers)')
    .option('--limit <yuan>', '信用额度（元）/ credit limit in yuan')
    .option('--inherit', '额度改为继承分组/级别/公司默认 / inherit the limit')
    .option('--cash-only', '额度 0：款到发货 / limit 0: cash in advance')
    .option('--temp <yuan>', '临时额度（元），需 --until 和 --temp-reason / temporary limit in yuan')
    .option('--until <date>', '临时额度到期日（含当日）/ last day of the temporary limit')
    .option('--temp-reason <text>', '临时额度原因 / why the temporary limit')
    .option('--clear-temp', '取消临时额度 / remove the temporary limit')
    .option('--terms <days>', '账期天数 / payment terms in days', intOption('--terms', 0))
    .option('--policy <policy>', '超额处理：warn | needs_approval | block | inherit')
    .option('--reason <text>', '原因（写入审计日志）/ reason (audited)')
    .option('--json', 'JSON output')
    .action(async (ref: string, opts: { limit?: string; inherit?: boolean; cashOnly?: boolean; temp?: string; until?: string; tempReason?: string; clearTemp?: boolean; terms?: number; policy?: string; reason?: string; json?: boolean }, cmd: Command) => {
      const limits = [opts.limit !== undefined, !!opts.inherit, !!opts.cashOnly].filter(Boolean).length;
      if (limits > 1) throw new CliExit(EXIT.failed, '--limit、--inherit、--cash-only 只能选一个 / choose one of --limit, --inherit, --cash-only');
      if (opts.temp !== undefined && opts.clearTemp) throw new CliExit(EXIT.failed, '--temp 与 --clear-temp 不能同时使用 / --temp and --clear-temp exclude each other');
      if (opts.temp !== undefined && (!opts.until || !opts.tempReason?.trim())) throw new CliExit(EXIT.failed, '--temp 需要 --until <日期> 和 --temp-reason <原因> / --temp needs --until and --temp-reason');
      if (opts.until !== undefined && !isIsoDate(opts.until)) throw new CliExit(EXIT.failed, `--until 应为日期 YYYY-MM-DD（收到“${opts.until}”）/ --until must be a date YYYY-MM-DD`);
      const policies = ['warn', 'needs_approval', 'block', 'inherit'];
      if (opts.policy !== undefined && !policies.includes(opts.policy)) throw new CliExit(EXIT.failed, `--policy 应为 ${policies.join(' | ')}（收到“${opts.policy}”）/ unknown policy`);
      const limitFen = opts.limit !== undefined ? parseYuanArg(opts.limit, '--limit') : opts.cashOnly ? 0 : opts.inherit ? null : undefined;
      const patch = {
        ...(limitFen !== undefined ? { limitFen } : {}),
        ...(opts.temp !== undefined ? { tempLimit: { limitFen: parseYuanArg(opts.temp, '--temp'), expiresOn: opts.until!, reason: opts.tempReason!.trim() } } : {}),
        ...(opts.clearTemp ? { tempLimit: null } : {}),
        ...(opts.terms !== undefined ? { paymentTermsDays: opts.terms } : {}),
        ...(opts.policy !== undefined ? { policy: opts.policy === 'inherit' ? null : (opts.policy as 'warn' | 'needs_approval' | 'block') } : {}),
      };
      if (Object.keys(patch).length === 0) throw new CliExit(EXIT.failed, '没有要修改的内容（--limit --temp --terms --policy …）/ nothing to change');
      await withBackend(globals(cmd), async ({ client }) => {
        const a = await accountByRef(client, ref);
        const before = await client.call('credit.getProfile', { accountId: a.id });
        const p = await client.call('credit.updateProfile', { accountId: a.id, version: before.stored?.version ?? null, ...patch, ...(opts.reason ? { reason: opts.reason } : {}) });
        if (opts.json) return printJson(p);
        const l = p.check.limit;
        process.stdout.write(`${a.code} ${a.name}: ${l.limitFen === null ? '未设额度 / no limit' : `额度 / limit ${formatFen(l.limitFen)}${l.kind === 'temporary' ? `（临时，至 ${l.temp?.expiresOn}）` : ''}`}，占用 / used ${formatFen(p.check.exposure.totalFen)}\n`);
      });
    });

  credit
    .command('alerts')
    .description('信用提醒（待审批订单、建议冻结、超额、降级、临时额度到期）/ credit alerts')
    .option('--json', 'JSON output')
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      await withBackend(globals(cmd), async ({ client }) => {
        const a = await client.call('credit.alerts', {});
        if (opts.json) return printJson(a);
        const lang = (await client.call('settings.get', {})).language;
        for (const i of a.items) process.stdout.write(`[${i.severity}] ${pick(i.text, lang)}\n`);
        if (a.items.length === 0) process.stdout.write('没有信用提醒 / no credit alerts\n');
      });
    });
}
