import { msg } from '../../../../shared/i18n/text';
import { AppError } from '../../../../shared/rpc/errors';
import type { Actor, Core } from '../../core';
import { recordAudit } from '../audit';
import { confirmOrder } from '../order-actions';
import { requireOrder } from '../orders';
import { authenticate } from '../users';
import { ManagerApproval } from './credit-confirm-hook';

export interface OverrideInput {
  orderId: string;
  version: number;
  managerUsername: string;
  managerPassword: string;
  reason: string;
  confirmedOn?: string | undefined;
  plan?: string | undefined;
}

/** A refused attempt is kept in the audit log too (its own transaction: the refusal throws). */
function auditRefused(core: Core, actor: Actor, input: OverrideInput, why: string): void {
  core.tx(() =>
    recordAudit(core, actor, { action: 'credit.override_refused', entityType: 'order', entityId: input.orderId, after: { managerUsername: input.managerUsername.slice(0, 64), why }, reason: input.reason.trim() || null }),
  );
}

/**
 * 经理审批放行: confirms an order the credit check stopped. The approving manager re-enters their
 * password now, independent of who is signed in (on a shared desktop the coordinator cannot approve
 * their own order), and gives a reason. The check runs again inside the confirmation; if it still needs
 * an override, the override is recorded with the check (credit-confirm-hook.ts).
 */
export function overrideOrder(core: Core, actor: Actor, input: OverrideInput) {
  const reason = input.reason.trim();
  const order = requireOrder(core, input.orderId);
  if (!reason) throw new AppError('INVALID_INPUT', msg('请填写审批原因', 'Give a reason for the approval'), { field: 'reason' });
  let manager;
  try {
    manager = authenticate(core, input.managerUsername.trim(), input.managerPassword);
  } catch (error) {
    auditRefused(core, actor, input, 'wrong username or password');
    throw error;
  }
  if (manager.role !== 'manager' && manager.role !== 'admin') {
    auditRefused(core, actor, input, `role ${manager.role}`);
    throw new AppError('FORBIDDEN', msg(`用户“${manager.displayName}”不是经理，不能审批信用放行`, `"${manager.displayName}" is not a manager and cannot approve a credit override`));
  }
  if (manager.passwordHash === null) {
    auditRefused(core, actor, input, 'manager has no password');
    throw new AppError('FORBIDDEN', msg(`经理“${manager.displayName}”尚未设置密码，不能用于审批（请先设置密码）`, `Manager "${manager.displayName}" has no password set and cannot approve (set one first)`));
  }
  if (order.state !== 'draft') {
    throw new AppError('RULE_VIOLATION', msg(`订单 ${order.orderNo} 不是草稿，无需审批放行`, `Order ${order.orderNo} is not a draft; there is nothing to approve`));
  }
  const approval = new ManagerApproval({ id: manager.id, name: manager.displayName }, reason, actor);
  const r = confirmOrder(core, actor, { id: input.orderId, version: input.version, confirmedOn: input.confirmedOn, plan: input.plan, checkOptions: { creditApproval: approval } });
  if (!approval.result) throw new Error('the credit check did not run on confirmation');
  return { check: approval.result.check, overrideId: approval.result.overrideId, warnings: r.warnings };
}
