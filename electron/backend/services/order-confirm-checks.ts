import type { OrderRecord } from '../../../db/repositories/orders';
import type { Actor, Core } from '../core';
import type { ServiceWarning } from './orders';

/**
 * The hook point where checks run before an order is confirmed, inside the confirming transaction.
 * The credit check (credit limit, overdue rule, credit hold → warn / needs approval / block) registers
 * here once it exists; none is registered yet. A check refuses by throwing an AppError (for example
 * code CREDIT_BLOCKED with the reasons written out), or lets the order through with a credit status
 * and warnings that are shown to the user.
 */
export type CreditStatus = 'pass' | 'warn' | 'needs_approval' | 'blocked' | 'overridden';

export interface ConfirmCheckContext {
  core: Core;
  actor: Actor;
  /** The order as it is before confirmation (state draft), with its confirmed total. */
  order: OrderRecord;
  confirmedOn: string;
  /** Whatever the caller passed for the checks (e.g. a manager override), untouched. */
  options: Readonly<Record<string, unknown>>;
}

export interface ConfirmCheckResult {
  creditStatus?: CreditStatus;
  warnings?: ServiceWarning[];
}

export interface ConfirmCheck {
  name: string;
  run(ctx: ConfirmCheckContext): ConfirmCheckResult | void;
  /**
   * Called after a refusal rolled the confirming transaction back (error is what was thrown), outside
   * any transaction: for what must survive the refusal, such as the record of a refused credit check.
   */
  afterRefused?(core: Core, actor: Actor, error: unknown): void;
}

/** Checks run in registration order (the credit check registers itself: services/credit/credit-confirm-hook.ts). */
export const beforeConfirm: ConfirmCheck[] = [];

/** Adds a check; returns a function that removes it again (tests). */
export function registerBeforeConfirm(check: ConfirmCheck): () => void {
  beforeConfirm.push(check);
  return () => {
    const i = beforeConfirm.indexOf(check);
    if (i >= 0) beforeConfirm.splice(i, 1);
  };
}

export function runBeforeConfirm(ctx: ConfirmCheckContext): { creditStatus: CreditStatus | null; warnings: ServiceWarning[] } {
  let creditStatus: CreditStatus | null = null;
  const warnings: ServiceWarning[] = [];
  for (const check of beforeConfirm) {
    const r = check.run(ctx);
    if (!r) continue;
    if (r.creditStatus) creditStatus = r.creditStatus;
    if (r.warnings) warnings.push(...r.warnings);
  }
  return { creditStatus, warnings };
}

/** Lets each check record what must outlive a refused (rolled back) confirmation. */
export function runAfterRefused(core: Core, actor: Actor, error: unknown): void {
  for (const check of beforeConfirm) check.afterRefused?.(core, actor, error);
}
