/**
 * The decision panel's arithmetic: what each rep holds before and after a set of owner changes, and
 * which accounts deserve a second look before they change hands.
 */

export interface ImpactAccount {
  id: string;
  ownerRepId: string | null;
  openReceivableFen: number;
  overdueFen: number;
  openCases: number;
}

export interface RepBefore {
  id: string;
  accountCount: number;
  openReceivableFen: number;
  openCases: number;
  capacity: number | null;
  status: 'active' | 'paused' | 'left';
}

export interface RepImpact {
  repId: string;
  accountsBefore: number;
  accountsAfter: number;
  receivableBefore: number;
  receivableAfter: number;
  casesBefore: number;
  casesAfter: number;
  /** More accounts after than the rep's capacity. */
  overCapacity: boolean;
}

export const TRANSFER_WARNINGS = ['overdue', 'open_cases', 'open_receivable'] as const;
export type TransferWarning = (typeof TRANSFER_WARNINGS)[number];

/** overdue and open cases are warnings; open (not yet overdue) receivables are worth knowing. */
export function accountWarnings(a: ImpactAccount): TransferWarning[] {
  const out: TransferWarning[] = [];
  if (a.overdueFen > 0) out.push('overdue');
  if (a.openCases > 0) out.push('open_cases');
  if (a.openReceivableFen > 0 && a.overdueFen === 0) out.push('open_receivable');
  return out;
}

/** Loads before → after for every rep that gives or receives an account; toRepId null = the pool. */
export function projectLoads(reps: readonly RepBefore[], moves: readonly { account: ImpactAccount; toRepId: string | null }[]): RepImpact[] {
  const byId = new Map(reps.map((r) => [r.id, r]));
  const impact = new Map<string, RepImpact>();
  const touch = (id: string): RepImpact | null => {
    const r = byId.get(id);
    if (!r) return null;
    let x = impact.get(id);
    if (!x) {
      x = { repId: id, accountsBefore: r.accountCount, accountsAfter: r.accountCount, receivableBefore: r.openReceivableFen, receivableAfter: r.openReceivableFen, casesBefore: r.openCases, casesAfter: r.openCases, overCapacity: false };
      impact.set(id, x);
    }
    return x;
  };
  for (const { account, toRepId } of moves) {
    if (account.ownerRepId === toRepId) continue;
    const from = account.ownerRepId ? touch(account.ownerRepId) : null;
    if (from) {
      from.accountsAfter -= 1;
      from.receivableAfter -= account.openReceivableFen;
      from.casesAfter -= account.openCases;
    }
    const to = toRepId ? touch(toRepId) : null;
    if (to) {
      to.accountsAfter += 1;
      to.receivableAfter += account.openReceivableFen;
      to.casesAfter += account.openCases;
    }
  }
  for (const x of impact.values()) {
    const cap = byId.get(x.repId)!.capacity;
    x.overCapacity = cap !== null && x.accountsAfter > cap && x.accountsAfter > x.accountsBefore;
  }
  return [...impact.values()].sort((a, b) => (a.repId < b.repId ? -1 : 1));
}
