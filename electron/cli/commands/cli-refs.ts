import type { Contract } from '../../../shared/contract';
import type { DecisionPanel } from '../../../shared/contract/decision';
import { formatFen } from '../../../shared/domain/money';
import type { Client } from '../../../shared/rpc/client';
import { CliExit, EXIT } from '../output';

type C = Client<Contract>;

/** Account ids for ids or codes given on the command line; unknown ones stop the command before any change. */
export async function resolveAccountArgs(client: C, refs: string[]): Promise<string[]> {
  const cleaned = refs.map((r) => r.trim()).filter((r) => r !== '');
  if (cleaned.length === 0) throw new CliExit(EXIT.failed, '请给出至少一个客户编号或 id / give at least one account code or id');
  const { ids, missing } = await client.call('accounts.resolve', { refs: cleaned });
  if (missing.length > 0) {
    const shown = missing.slice(0, 10).join(', ') + (missing.length > 10 ? ` …(${missing.length})` : '');
    throw new CliExit(EXIT.failed, `找不到这些客户 / unknown accounts: ${shown}（未做任何修改 / nothing changed）`);
  }
  return ids;
}

export async function resolveRepArg(client: C, ref: string): Promise<{ id: string; name: string }> {
  return client.call('reps.resolve', { ref });
}

export function requireReason(reason: string | undefined): string {
  const r = (reason ?? '').trim();
  if (r === '') throw new CliExit(EXIT.failed, '必须填写原因（--reason）/ a reason is required (--reason)');
  return r;
}

const WARN: Record<string, string> = { overdue: '逾期', open_cases: '未结工单', open_receivable: '有应收' };

/** The decision panel as text: per rep the load before → after, then the riskiest accounts. */
export function printPanel(panel: DecisionPanel, rows = 20): void {
  const out = process.stdout;
  const t = panel.totals;
  out.write(`涉及 ${panel.rowCount} 个客户 / accounts changing hands; 逾期 ${t.withOverdue} 个（${formatFen(t.overdueFen)} 元），未结工单 ${t.withOpenCases} 个，应收合计 ${formatFen(t.openReceivableFen)} 元，进入公海 ${t.toPool} 个\n`);
  if (panel.reps.length) {
    out.write('\n业务员 / rep            客户数 before → after     应收 before → after\n');
    for (const r of panel.reps) {
      const cap = r.overCapacity ? `  ⚠ 超出容量 ${r.capacity}` : '';
      out.write(`  ${r.name.padEnd(12)} ${String(r.accountsBefore).padStart(6)} → ${String(r.accountsAfter).padEnd(6)}   ${formatFen(r.receivableBefore).padStart(14)} → ${formatFen(r.receivableAfter)}${cap}\n`);
    }
  }
  const shown = panel.rows.slice(0, rows);
  if (shown.length) {
    out.write('\n客户 / account                      从 → 到                 应收 / 逾期              工单  最近跟进   说明\n');
    for (const r of shown) {
      const warn = r.warnings.filter((w) => w !== 'open_receivable').map((w) => WARN[w]).join('、');
      out.write(
        `  ${`${r.code} ${r.name}`.padEnd(30)} ${`${r.fromName ?? '公海'} → ${r.toName ?? '公海'}`.padEnd(20)} ${formatFen(r.openReceivableFen).padStart(12)} / ${formatFen(r.overdueFen).padEnd(10)} ${String(r.openCases).padStart(4)}  ${(r.lastFollowupOn ?? '—').padEnd(10)} ${r.note ?? ''}${warn ? `  ⚠ ${warn}` : ''}${r.needsConfirmation ? '  [需确认]' : ''}\n`,
      );
    }
    if (panel.rowCount > shown.length) out.write(`  … 另有 ${panel.rowCount - shown.length} 个 / more\n`);
  }
}
