import type { DecisionPanel, DecisionRow } from '../../../shared/contract/decision';
import type { Rep } from '../../../shared/contract/reference';
import { diffDays } from '../../../shared/domain/dates';
import { accountWarnings, projectLoads } from '../../../shared/domain/transfer-impact';
import type { Core } from '../core';
import { toRepBefore } from './rep-lookup';

/** What the decision panel shows of an account. */
export interface ImpactInfo {
  id: string;
  code: string;
  name: string;
  ownerRepId: string | null;
  openReceivableFen: number;
  overdueFen: number;
  maxOverdueDays: number;
  openCases: number;
  lastFollowupOn: string | null;
}

type ImpactRaw = [string, string, string, string | null, number, number, number, number, string | null, number | null];

/** Impact figures of the given accounts (deleted ones are absent from the map). */
export function loadImpactInfo(core: Core, ids: readonly string[]): Map<string, ImpactInfo> {
  const rows = core.sqlite
    .prepare(
      `select id, code, name, owner_rep_id, open_receivable_fen, overdue_fen, max_overdue_days, open_cases, last_followup_on, deleted_at
       from accounts where id in (select value from json_each(?))`,
    )
    .raw()
    .all(JSON.stringify(ids)) as ImpactRaw[];
  const out = new Map<string, ImpactInfo>();
  for (const r of rows) {
    if (r[9] !== null) continue;
    out.set(r[0], { id: r[0], code: r[1], name: r[2], ownerRepId: r[3], openReceivableFen: r[4], overdueFen: r[5], maxOverdueDays: r[6], openCases: r[7], lastFollowupOn: r[8] });
  }
  return out;
}

export interface PanelMove {
  account: ImpactInfo;
  toRepId: string | null;
  note?: string | null;
  needsConfirmation?: boolean;
}

/**
 * The decision panel for a set of owner changes (moves whose target is the current owner are left
 * out). Rows come riskiest first: overdue amount, then open cases, then receivables, then code.
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
  const risk = (m: PanelMove) => [m.account.overdueFen, m.account.openCases, m.account.openReceivableFen] as const;
  const sorted = [...changing];
  sorted.sort((x, y) => {
    const [a1, a2, a3] = risk(x);
    const [b1, b2, b3] = risk(y);
    return b1 - a1 || b2 - a2 || b3 - a3 || (x.account.code < y.account.code ? -1 : x.account.code > y.account.code ? 1 : 0);
  });
  const rows: DecisionRow[] = sorted.slice(0, opts.rowLimit).map((m) => {
    const a = m.account;
    return {
      id: a.id,
      code: a.code,
      name: a.name,
      fromRepId: a.ownerRepId,
      fromName: a.ownerRepId ? (names.get(a.ownerRepId) ?? null) : null,
      toRepId: m.toRepId,
      toName: m.toRepId ? (names.get(m.toRepId) ?? null) : null,
      openReceivableFen: a.openReceivableFen,
      overdueFen: a.overdueFen,
      maxOverdueDays: a.maxOverdueDays,
      openCases: a.openCases,
      lastFollowupOn: a.lastFollowupOn,
      daysSinceFollowup: a.lastFollowupOn ? diffDays(a.lastFollowupOn, today) : null,
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
