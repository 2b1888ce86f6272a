import { and, eq, isNull } from 'drizzle-orm';
import { findOrderIdByNo, getOrderRecord, type OrderRecord } from '../../../../db/repositories/orders';
import { accounts, creditChecks } from '../../../../db/schema';
import type { CreditCheckResult } from '../../../../shared/contract/credit';
import { type CheckFacts, evaluateCredit } from '../../../../shared/domain/credit-check';
import { exposureOf } from '../../../../shared/domain/credit-exposure';
import { resolveCredit } from '../../../../shared/domain/credit-limit';
import { isoDateOf } from '../../../../shared/domain/dates';
import { owesMoney } from '../../../../shared/domain/receivables';
import { msg } from '../../../../shared/i18n/text';
import { AppError } from '../../../../shared/rpc/errors';
import type { Actor, Core } from '../../core';
import { newId } from '../../ids';
import { advanceFacts, inputDates, instalmentFacts, orderFacts, OWES, type Scope } from './credit-inputs';
import { displayUser, getProfileRecord, levelRowOf, levelsOf } from './credit-levels';

export interface AccountBrief {
  id: string;
  code: string;
  name: string;
  tier: 'A' | 'B' | 'C';
  accountGroup: string | null;
  creditGrade: string | null;
  creditHold: boolean;
}

export function requireAccountBrief(core: Core, id: string): AccountBrief {
  const a = core.db
    .select({ id: accounts.id, code: accounts.code, name: accounts.name, tier: accounts.tier, accountGroup: accounts.accountGroup, creditGrade: accounts.creditGrade, creditHold: accounts.creditHold })
    .from(accounts)
    .where(and(eq(accounts.id, id), isNull(accounts.deletedAt)))
    .get();
  if (!a) throw new AppError('NOT_FOUND', msg(`客户不存在：${id}`, `Account not found: ${id}`));
  return a;
}

/** An account by id or by its code (KH-000123). */
export function resolveAccountRef(core: Core, ref: string): AccountBrief {
  const byCode = core.sqlite.prepare('select id from accounts where (id = ? or code = ?) and deleted_at is null').get(ref, ref.trim().toUpperCase()) as { id: string } | undefined;
  if (!byCode) throw new AppError('NOT_FOUND', msg(`客户不存在：${ref}`, `Account not found: ${ref}`));
  return requireAccountBrief(core, byCode.id);
}

/** An order by id or by its number (SO-2025-000193). */
export function resolveOrderRef(core: Core, ref: string): OrderRecord {
  const o = getOrderRecord(core.db, ref) ?? getOrderRecord(core.db, findOrderIdByNo(core.db, ref) ?? '');
  if (!o) throw new AppError('NOT_FOUND', msg(`订单不存在：${ref}`, `Order not found: ${ref}`));
  return o;
}

function worstOverdue(core: Core, accountId: string, today: string) {
  const row = core.sqlite
    .prepare(
      `select o.order_no, i.due_on, i.amount_fen - i.paid_fen - i.returned_fen as open
       from instalments i join orders o on o.id = i.order_id
       where o.account_id = @account and o.deleted_at is null and ${OWES} and i.superseded_on is null
         and i.due_on < @today and i.amount_fen - i.paid_fen - i.returned_fen > 0
       order by i.due_on, o.order_no, i.seq limit 1`,
    )
    .get({ account: accountId, today }) as { order_no: string; due_on: string; open: number } | undefined;
  return row ?? null;
}

/**
 * The grade of the latest run that has a row for the account (one index probe per run, newest first);
 * an account with nothing to grade has no row and is A since the run that made it so.
 */
export function latestGrade(core: Core, accountId: string, stored: string | null): CreditCheckResult['grade'] {
  const row = core.sqlite
    .prepare('select g.grade, g.score, r.at from credit_runs r cross join credit_grades g on g.run_id = r.id and g.account_id = ? order by r.at desc, r.id desc limit 1')
    .get(accountId) as { grade: string; score: number; at: number } | undefined;
  if (row && row.grade === stored) return row;
  if (stored === 'A') {
    const run = core.sqlite.prepare('select at from credit_runs order by at desc, id desc limit 1').get() as { at: number } | undefined;
    if (run) return { grade: 'A', score: 100, at: run.at };
  }
  return row ?? null;
}

/** Everything the rules need about an account (and the order being checked), read now. */
export function checkFactsFor(core: Core, account: AccountBrief, order: OrderRecord | null): { facts: CheckFacts; today: string } {
  const s = core.settings();
  const today = core.today();
  const scope: Scope = { kind: 'account', accountId: account.id };
  const d = inputDates(today, s.creditOverdueRule.days, s.creditGrading);
  const o = orderFacts(core, d, scope).get(account.id);
  const inst = instalmentFacts(core, d, scope).get(account.id);
  const advance = advanceFacts(core, scope).get(account.id) ?? 0;
  const profile = getProfileRecord(core, account.id);
  const credit = resolveCredit(
    levelsOf(levelRowOf(account, profile ?? undefined), s),
    today,
  );
  const openFen = o?.openFen ?? 0;
  const unbilledFen = o?.unbilledFen ?? 0;
  const thisOrderFen = order && !owesMoney(order) && order.state !== 'cancelled' ? order.totalFen : 0;
  const worst = inst && inst.overdueFen > 0 ? worstOverdue(core, account.id, today) : null;
  const holdOn = (profile?.hold ?? false) || account.creditHold;
  return {
    today,
    facts: {
      credit,
      exposure: exposureOf({ receivableFen: openFen - unbilledFen, unbilledFen, advanceFen: advance, thisOrderFen }),
      overdue: {
        overdueFen: inst?.overdueFen ?? 0,
        maxDays: inst?.maxDays ?? 0,
        beyondFen: inst?.beyondFen ?? 0,
        worst: worst ? { orderNo: worst.order_no, dueOn: worst.due_on, days: inst?.maxDays ?? 0, openFen: worst.open } : null,
      },
      hold: {
        on: holdOn,
        reason: profile?.holdReason ?? null,
        since: profile?.holdAt ? isoDateOf(profile.holdAt, s.timeZone) : null,
        by: displayUser(core, profile?.holdBy ?? null),
      },
      rule: s.creditOverdueRule,
      warnAtPct: s.creditWarnAtPct,
      orderNo: order?.orderNo ?? null,
    },
  };
}

/** The check as the contract shows it (not recorded: checkId null). */
export function buildCheck(core: Core, account: AccountBrief, order: OrderRecord | null): CreditCheckResult {
  const { facts, today } = checkFactsFor(core, account, order);
  const e = evaluateCredit(facts);
  const c = facts.credit;
  return {
    checkId: null,
    at: core.clock.now(),
    asOf: today,
    account: { id: account.id, code: account.code, name: account.name },
    order: order ? { id: order.id, orderNo: order.orderNo, state: order.state, totalFen: order.totalFen } : null,
    outcome: e.outcome,
    headline: e.headline,
    reasons: e.reasons,
    limit: { limitFen: c.limitFen, kind: c.limitKind, baseLimitFen: c.baseLimitFen, baseSource: c.baseSource, temp: c.temp },
    policy: c.policy,
    policySource: c.policySource,
    paymentTermsDays: c.paymentTermsDays,
    exposure: facts.exposure,
    usedPct: e.usedPct,
    overdue: facts.overdue,
    hold: facts.hold,
    grade: latestGrade(core, account.id, account.creditGrade),
  };
}

/** Writes the credit_checks row (inside the caller's transaction) and returns the result with its id. */
export function recordCheck(core: Core, actor: Actor, result: CreditCheckResult, trigger: 'confirm' | 'manual' | 'override', id = newId(result.at)): CreditCheckResult {
  core.db
    .insert(creditChecks)
    .values({
      id,
      accountId: result.account.id,
      orderId: result.order?.id ?? null,
      outcome: result.outcome,
      trigger,
      limitFen: result.limit.limitFen,
      exposureFen: result.exposure.totalFen,
      reasons: JSON.stringify(result.reasons),
      at: result.at,
      by: actor.name,
    })
    .run();
  return { ...result, checkId: id };
}

/** The check on demand (UI / CLI): for an account, or for an order (a draft counts its own total). */
export function checkOnDemand(core: Core, actor: Actor, input: { account?: string | undefined; order?: string | undefined; record: boolean }): CreditCheckResult {
  const order = input.order !== undefined ? resolveOrderRef(core, input.order) : null;
  const account = order ? requireAccountBrief(core, order.accountId) : resolveAccountRef(core, input.account ?? '');
  const result = buildCheck(core, account, order);
  if (!input.record) return result;
  const recorded = core.tx(() => recordCheck(core, actor, result, 'manual'));
  core.events.emit('data.changed', { entities: ['credit'] });
  return recorded;
}
