import type { AccountPlan } from './account-plan';
import type { SeedContext } from './context';
import { AUDIT_COLUMNS, type Inserter, prepareInsert } from './insert';
import type { SeedOrder } from './orders';
import { weighted } from './random';
import { HOLD_REASONS, TEMP_LIMIT_REASONS } from './texts';

const WAN = 1_000_000; // 1 万元 in fen

export interface CreditDecision {
  hold: boolean;
}

/** Longest overdue of an account's instalments as of today (0 when nothing is overdue). */
export function maxOverdueDays(ctx: SeedContext, orders: readonly SeedOrder[]): number {
  let max = 0;
  for (const o of orders) {
    if (o.state === 'cancelled' || o.state === 'draft') continue;
    for (const i of o.instalments) if (i.paidFen < i.amountFen && i.dueDay < ctx.todayDay) max = Math.max(max, ctx.todayDay - i.dueDay);
  }
  return max;
}

/**
 * 信用档案 for a share of accounts (most A, half of B, some C): a limit by tier in whole 万元, sometimes
 * a temporary limit that expires within ten days of today, a few outcome policies, and a credit hold
 * on some customers who are long overdue (accounts.credit_hold mirrors it). Accounts without a profile
 * inherit the defaults a later issue defines.
 */
export class CreditWriter {
  private readonly insert: Inserter;

  constructor(
    private readonly ctx: SeedContext,
    private readonly managerId: string,
  ) {
    this.insert = prepareInsert(ctx.sqlite, 'credit_profiles', [
      'account_id',
      'limit_fen',
      'temp_limit_fen',
      'temp_limit_expires_on',
      'temp_limit_reason',
      'payment_terms_days',
      'policy',
      'hold',
      'hold_reason',
      'hold_at',
      'hold_by',
      ...AUDIT_COLUMNS,
    ]);
  }

  get count(): number {
    return this.insert.count;
  }

  /** Decides the account's hold (before its row is written). */
  decide(a: AccountPlan, orders: readonly SeedOrder[]): CreditDecision {
    const { r } = this.ctx;
    const overdue = maxOverdueDays(this.ctx, orders);
    const hold = (a.payer === 'bad' && overdue > 60 && r.chance(0.6)) || r.chance(0.002);
    return { hold };
  }

  /** Writes the profile (after the account row). */
  write(a: AccountPlan, decision: CreditDecision): void {
    const { ctx } = this;
    const { r } = ctx;
    const share = a.tier === 'A' ? 0.9 : a.tier === 'B' ? 0.5 : 0.15;
    if (!decision.hold && !r.chance(share)) return;
    const [lo, hi] = a.tier === 'A' ? [50, 300] : a.tier === 'B' ? [10, 80] : [2, 20];
    const cashOnly = a.termsDays === 0 && r.chance(0.5);
    const limitFen = cashOnly ? 0 : r.int(lo, hi) * WAN;
    const temp = !cashOnly && r.chance(0.04);
    const holdDay = ctx.lastDay - r.int(5, 60);
    const at = ctx.stamp(Math.max(a.createdDay, ctx.startDay));
    const updated = decision.hold ? ctx.stamp(Math.max(a.createdDay, holdDay)) : at;
    this.insert.run(
      a.id,
      limitFen,
      temp ? Math.round((limitFen * r.int(130, 200)) / 100 / WAN) * WAN : null,
      temp ? ctx.date(ctx.todayDay + r.int(-10, 10)) : null,
      temp ? r.pick(TEMP_LIMIT_REASONS) : null,
      r.chance(0.7) ? a.termsDays : null,
      cashOnly
        ? 'block'
        : weighted(r, [
            [null, 85],
            ['needs_approval', 10],
            ['warn', 4],
            ['block', 1],
          ] as const),
      decision.hold ? 1 : 0,
      decision.hold ? r.pick(HOLD_REASONS) : null,
      decision.hold ? updated : null,
      decision.hold ? this.managerId : null,
      at,
      updated,
      ctx.actor.id,
      ctx.actor.id,
      1,
    );
  }
}
