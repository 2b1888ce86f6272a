import type { OrderRecord } from '../../../../db/repositories/orders';
import { creditOverrides } from '../../../../db/schema';
import type { CreditCheckResult } from '../../../../shared/contract/credit';
import { needsOverride, refusalText } from '../../../../shared/domain/credit-check';
import { msg } from '../../../../shared/i18n/text';
import { AppError } from '../../../../shared/rpc/errors';
import type { Actor } from '../../core';
import { newId } from '../../ids';
import { recordAudit } from '../audit';
import { type ConfirmCheck, registerBeforeConfirm } from '../order-confirm-checks';
import { buildCheck, recordCheck, requireAccountBrief } from './credit-check';

/**
 * The credit check on order confirmation (the o2c beforeConfirm hook):
 * - pass / warn: the order is confirmed with that credit status (warnings shown to the user);
 * - needs approval / blocked: the confirmation is refused and rolled back, so the order stays a draft;
 *   afterwards the refused check is recorded, the order's credit status set and the refusal audited;
 * - with a ManagerApproval (made only by credit-override.ts after the manager re-authenticated): the
 *   order is confirmed as "overridden", and the override is written to credit_overrides and the audit log.
 */
export class ManagerApproval {
  result: { check: CreditCheckResult; overrideId: string | null } | null = null;
  constructor(
    readonly manager: { id: string; name: string },
    readonly reason: string,
    readonly requestedBy: Actor,
  ) {}
}

export class CreditRefusal extends AppError {
  constructor(
    readonly check: CreditCheckResult & { checkId: string },
    readonly order: OrderRecord,
  ) {
    const e = { outcome: check.outcome, headline: check.headline, reasons: check.reasons, usedPct: check.usedPct };
    super('CREDIT_BLOCKED', refusalText(e), { outcome: check.outcome, checkId: check.checkId, orderId: order.id, orderNo: order.orderNo, check });
  }
}

const zhReasons = (c: CreditCheckResult) => c.reasons.map((r) => r.text.zh);

const creditConfirmCheck: ConfirmCheck = {
  name: 'credit',
  run({ core, actor, order, options }) {
    const approval = options.creditApproval instanceof ManagerApproval ? options.creditApproval : null;
    const result = buildCheck(core, requireAccountBrief(core, order.accountId), order);
    if (!needsOverride(result.outcome)) {
      const recorded = recordCheck(core, actor, result, approval ? 'override' : 'confirm');
      if (approval) approval.result = { check: recorded, overrideId: null };
      const warnings = result.reasons.filter((r) => r.outcome === 'warn').map((r) => ({ code: 'CREDIT_WARN', text: r.text }));
      return { creditStatus: result.outcome, warnings };
    }
    if (!approval) throw new CreditRefusal({ ...result, checkId: newId(result.at) }, order);
    const recorded = recordCheck(core, actor, result, 'override');
    const overrideId = newId(result.at);
    core.db
      .insert(creditOverrides)
      .values({ id: overrideId, creditCheckId: recorded.checkId!, orderId: order.id, accountId: order.accountId, managerUserId: approval.manager.id, requestedBy: approval.requestedBy.name, reason: approval.reason, at: result.at })
      .run();
    // Attributed to the manager who approved; who asked is kept beside it.
    recordAudit(core, { id: approval.manager.id, name: approval.manager.name }, {
      action: 'credit.override',
      entityType: 'order',
      entityId: order.id,
      before: { creditStatus: result.outcome },
      after: { creditStatus: 'overridden', orderNo: order.orderNo, accountId: order.accountId, requestedBy: approval.requestedBy.name, checkId: recorded.checkId, overrideId, usedPct: result.usedPct, reasons: zhReasons(result) },
      reason: approval.reason,
    });
    approval.result = { check: recorded, overrideId };
    return {
      creditStatus: 'overridden',
      warnings: [{ code: 'CREDIT_OVERRIDDEN', text: msg(`经理 ${approval.manager.name} 已审批放行（${approval.reason}）`, `Approved by manager ${approval.manager.name} (${approval.reason})`) }],
    };
  },
  afterRefused(core, actor, error) {
    if (!(error instanceof CreditRefusal)) return;
    const { check, order } = error;
    core.tx(() => {
      recordCheck(core, actor, check, 'confirm', check.checkId);
      // A status flag beside the draft (like the maintained aggregates), so it does not bump the version the user holds.
      core.sqlite.prepare("update orders set credit_status = ? where id = ? and state = 'draft'").run(check.outcome, order.id);
      recordAudit(core, actor, {
        action: 'credit.refused',
        entityType: 'order',
        entityId: order.id,
        after: { outcome: check.outcome, orderNo: order.orderNo, checkId: check.checkId, usedPct: check.usedPct, reasons: zhReasons(check) },
      });
    });
    core.events.emit('data.changed', { entities: ['orders', 'credit'] });
  },
};

let registered = false;

/** Registers the credit check on confirmation once per process (every backend shares the hook list). */
export function registerCreditConfirmCheck(): void {
  if (registered) return;
  registerBeforeConfirm(creditConfirmCheck);
  registered = true;
}
