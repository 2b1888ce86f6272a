import type { DecisionPanel, DecisionRow } from '../../../shared/contract/decision';
import type { Rep } from '../../../shared/contract/reference';
import { diffDays } from '../../../shared/domain/dates';
import { accountWarnings, type ImpactAccount, projectLoads } from '../../../shared/domain/transfer-impact';
import type { Core } from '../core';
import { toRepBefore } from './rep-lookup';

type LiteRaw = [string, string | null, number, number, number, number | null];

/**
 * What the panel needs of every moving account (owner, money, cases). Names, codes and dates are
 * fetched afterwards for the rows actually shown, so a 100,000-account plan stays cheap.
 */
export function loadImpact(core: Core, ids: readonly string[]): Map<string, ImpactAccount> {
  const rows = core.sqlite
    .prepare(`select id, owner_rep_id, open_receivable_fen, overdue_fen, open_cases, deleted_at from accounts where id in (select value from json_each(?))`)
    .raw()
    .all(JSON.stringify(ids)) as LiteRaw[];
  const out = new Map<string, ImpactAccount>();
  for (const r of rows) if (r[5] === null) out.set(r[0], { id: r[0], ownerRepId: r[1], openReceivableFen: r[2], overdueFen: r[3], openCases: r[4] });
  return out;
}

export interface PanelMove {
  account: ImpactAccount;
  toRepId: string | null;
  note?: string | null;
  needsConfirmation?: boolean;
}

const risky = (a: ImpactAccount) => a.overdueFen > 0 || a.openCases > 0 || a.openReceivableFen > 0;

function byRisk(x: PanelMove, y: PanelMove): number {
  const a = x.account;
  const b = y.account;
  return b.overdueFen - a.overdueFen || b.openCases - a.openCases || b.openReceivableFen - a.openReceivableFen || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

type DetailRaw = [string, string, string, number, string | null];

/**
 * The decision panel for a set of owner changes (moves whose target is the current owner are left
 * out). Rows come riskiest first: overdue amount, then open cases, then receivables; the rest follow
 * in account order.
 */
export function buildDecisionPanel(core: Core, reps: readonly Rep[], moves: readonly PanelMove[], opts: { rowLimit: number; alsoReps?: readonly string[] }): DecisionPanel {
  const today = core.today();
  const names = new Map(reps.map((r) => [r.id, r.name]));
  const changing = moves.filter((m) => m.account.ownerRepId !== m.toRepId);
  const totals = { withOverdue: 0, withOpenCases: 0, openReceivableFen: 0, overdueFen: 0, openCases: 0, toPool: 0 };
  for (const m of changing) {
    const a = m.account;
    if (a.overdueFen > 0) totals.withOverdue++;
    if (a.openCases > 0) totals.withOpenCases++;
    totals.openReceivableFen += a.openReceivableFen;
    totals.overdueFen += a.overdueFen;
    totals.openCases += a.openCases;
    if (m.toRepId === null) totals.toPool++;
  }
  // Only the shown rows need an order: the risky few sorted, then the others in account order.
  const shown = changing.filter((m) => risky(m.account)).sort(byRisk);
  if (shown.length < opts.rowLimit) {
    const rest = changing.filter((m) => !risky(m.account));
    // Plans come in account order already; only sort when they do not.
    if (!rest.every((m, i) => i === 0 || rest[i - 1]!.account.id < m.account.id)) rest.sort(byRisk);
    shown.push(...rest.slice(0, opts.rowLimit - shown.length));
  }
  const visible = shown.slice(0, opts.rowLimit);
  const details = new Map(
    (
      core.sqlite
        .prepare('select id, code, name, max_overdue_days, last_followup_on from accounts where id in (select value from json_each(?))')
        .raw()
        .all(JSON.stringify(visible.map((m) => m.account.id))) as DetailRaw[]
    ).map((d) => [d[0], d]),
  );
  const rows: DecisionRow[] = visible.map((m) => {
    const a = m.account;
    const d = details.get(a.id);
    const last = d?.[4] ?? null;
    return {
      id: a.id,
      code: d?.[1] ?? a.id,
      name: d?.[2] ?? '',
      fromRepId: a.ownerRepId,
      fromName: a.ownerRepId ? (names.get(a.ownerRepId) ?? null) : null,
      toRepId: m.toRepId,
      toName: m.toRepId ? (names.get(m.toRepId) ?? null) : null,
      openReceivableFen: a.openReceivableFen,
      overdueFen: a.overdueFen,
      maxOverdueDays: d?.[3] ?? 0,
      openCases: a.openCases,
      lastFollowupOn: last,
      daysSinceFollowup: last ? diffDays(last, today) : null,
      warnings: accountWarnings(a),
      needsConfirmation: m.needsConfirmation ?? false,
      note: m.note ?? null,
    };
  });
  const byId = new Map(reps.map((r) => [r.id, r]));
  const impacts = projectLoads(reps.map(toRepBefore), changing);
  const seen = new Set(impacts.map((i) => i.repId));
  for (const id of opts.alsoReps ?? []) {
    const r = byId.get(id);
    if (!r || seen.has(id)) continue;
    seen.add(id);
    impacts.push({ repId: id, accountsBefore: r.accountCount, accountsAfter: r.accountCount, receivableBefore: r.openReceivableFen, receivableAfter: r.openReceivableFen, casesBefore: r.openCases, casesAfter: r.openCases, overCapacity: false });
  }
  return {
    rows,
    rowCount: changing.length,
    totals,
    reps: impacts
      .map((i) => {
        const r = byId.get(i.repId)!;
        return { ...i, name: r.name, status: r.status, capacity: r.capacity };
      })
      .sort((a, b) => b.accountsAfter - b.accountsBefore - (a.accountsAfter - a.accountsBefore) || a.name.localeCompare(b.name, 'zh-CN')),
  };
}
