import type { Actor, Core } from '../core';
import { recordAudit } from './audit';

/**
 * 成交状态 follows deals: an order that owes money (confirmed, not cancelled) makes its account a won
 * account (已成交). Set when it happens and never taken back by the system: whether a customer is
 * lost is a person's call. A derived change like the receivable aggregates, so the account's version
 * does not move (an open edit or a pending undo of an owner change is not disturbed).
 */
export function markAccountWon(core: Core, actor: Actor, accountId: string, reason: string): void {
  const row = core.sqlite.prepare('select deal_status from accounts where id = ?').get(accountId) as { deal_status: string } | undefined;
  if (!row || row.deal_status === 'won') return;
  core.sqlite.prepare(`update accounts set deal_status = 'won' where id = ?`).run(accountId);
  recordAudit(core, actor, { action: 'account.won', entityType: 'account', entityId: accountId, before: { dealStatus: row.deal_status }, after: { dealStatus: 'won' }, reason });
}
