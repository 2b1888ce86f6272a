import { eq } from 'drizzle-orm';
import { accounts, creditProfiles } from '../../../../db/schema';
import type { CreditProfilePatch, CreditProfileView } from '../../../../shared/contract/credit';
import { formatFen } from '../../../../shared/domain/money';
import { msg } from '../../../../shared/i18n/text';
import { AppError } from '../../../../shared/rpc/errors';
import type { Actor, Core } from '../../core';
import { changedFields, recordAudit } from '../audit';
import { staleVersion } from '../users';
import { buildCheck, requireAccountBrief } from './credit-check';
import { creditHistory } from './credit-history';
import { gradeAccountNow } from './credit-grade-now';
import { type CreditProfileRecord, displayUser, getProfileRecord, holdByRef } from './credit-levels';

function lastRunOf(core: Core, accountId: string): CreditProfileView['lastRun'] {
  const row = core.sqlite
    .prepare('select g.run_id as runId, r.at, g.grade, g.score, g.previous_grade as previousGrade from credit_runs r cross join credit_grades g on g.run_id = r.id and g.account_id = ? order by r.at desc, r.id desc limit 1')
    .get(accountId) as NonNullable<CreditProfileView['lastRun']> | undefined;
  return row ?? null;
}

function storedView(core: Core, p: CreditProfileRecord | undefined): CreditProfileView['stored'] {
  if (!p) return null;
  return {
    limitFen: p.limitFen,
    tempLimitFen: p.tempLimitFen,
    tempLimitExpiresOn: p.tempLimitExpiresOn,
    tempLimitReason: p.tempLimitReason,
    paymentTermsDays: p.paymentTermsDays,
    policy: p.policy,
    hold: p.hold,
    holdReason: p.holdReason,
    holdAt: p.holdAt,
    holdBy: displayUser(core, p.holdBy),
    updatedAt: p.updatedAt,
    version: p.version,
  };
}

export function getCreditProfile(core: Core, accountId: string): CreditProfileView {
  const account = requireAccountBrief(core, accountId);
  return {
    account,
    stored: storedView(core, getProfileRecord(core, accountId)),
    check: buildCheck(core, account, null),
    grade: gradeAccountNow(core, account).view,
    lastRun: lastRunOf(core, accountId),
    history: creditHistory(core, { accountId, limit: 20 }),
  };
}

/** Inserts an empty profile (everything inherited) when the account has none yet; returns the row. */
export function ensureProfile(core: Core, actor: Actor, accountId: string): CreditProfileRecord {
  const existing = getProfileRecord(core, accountId);
  if (existing) return existing;
  const now = core.clock.now();
  core.db.insert(creditProfiles).values({ accountId, createdAt: now, updatedAt: now, createdBy: actor.id, updatedBy: actor.id, version: 1 }).run();
  return getProfileRecord(core, accountId)!;
}

/** Limit, temporary limit (with expiry and reason), terms and policy; audited with before → after. */
export function updateCreditProfile(core: Core, actor: Actor, input: CreditProfilePatch): void {
  core.tx(() => {
    const account = requireAccountBrief(core, input.accountId);
    const existing = getProfileRecord(core, input.accountId);
    if ((existing?.version ?? null) !== input.version) throw staleVersion('credit profile', existing?.version ?? 0);
    const today = core.today();
    const patch: Partial<CreditProfileRecord> = {};
    if (input.limitFen !== undefined) patch.limitFen = input.limitFen;
    if (input.paymentTermsDays !== undefined) patch.paymentTermsDays = input.paymentTermsDays;
    if (input.policy !== undefined) patch.policy = input.policy;
    if (input.tempLimit === null) Object.assign(patch, { tempLimitFen: null, tempLimitExpiresOn: null, tempLimitReason: null });
    else if (input.tempLimit) {
      if (input.tempLimit.expiresOn < today) {
        throw new AppError('INVALID_INPUT', msg(`临时额度的到期日 ${input.tempLimit.expiresOn} 早于今天（${today}）`, `The temporary limit's expiry ${input.tempLimit.expiresOn} is before today (${today})`), { field: 'tempLimit.expiresOn' });
      }
      Object.assign(patch, { tempLimitFen: input.tempLimit.limitFen, tempLimitExpiresOn: input.tempLimit.expiresOn, tempLimitReason: input.tempLimit.reason });
    }
    const blank = { limitFen: null, tempLimitFen: null, tempLimitExpiresOn: null, tempLimitReason: null, paymentTermsDays: null, policy: null };
    const diff = changedFields<Partial<CreditProfileRecord>>(existing ?? blank, patch);
    if (!diff) return;
    const now = core.clock.now();
    if (existing) {
      core.db
        .update(creditProfiles)
        .set({ ...diff.after, updatedAt: now, updatedBy: actor.id, version: existing.version + 1 })
        .where(eq(creditProfiles.accountId, account.id))
        .run();
    } else {
      core.db.insert(creditProfiles).values({ accountId: account.id, ...diff.after, createdAt: now, updatedAt: now, createdBy: actor.id, updatedBy: actor.id, version: 1 }).run();
    }
    recordAudit(core, actor, { action: 'credit.profile', entityType: 'account', entityId: account.id, before: diff.before, after: diff.after, reason: input.reason?.trim() || null });
  });
  core.events.emit('data.changed', { entities: ['credit', 'accounts'] });
}

/** 信用冻结 / 解除: who, when and why on the profile, mirrored on accounts.credit_hold for the grid. */
export function setCreditHold(core: Core, actor: Actor, input: { accountId: string; reason: string }, on: boolean): void {
  core.tx(() => {
    const account = requireAccountBrief(core, input.accountId);
    const row = ensureProfile(core, actor, account.id);
    const held = row.hold || account.creditHold;
    if (on && held) throw new AppError('RULE_VIOLATION', msg(`客户“${account.name}”已处于信用冻结`, `Account "${account.name}" is already on credit hold`));
    if (!on && !held) throw new AppError('RULE_VIOLATION', msg(`客户“${account.name}”没有信用冻结`, `Account "${account.name}" is not on credit hold`));
    const now = core.clock.now();
    const set = on ? { hold: true, holdReason: input.reason, holdAt: now, holdBy: holdByRef(actor) } : { hold: false, holdReason: null, holdAt: null, holdBy: null };
    core.db
      .update(creditProfiles)
      .set({ ...set, updatedAt: now, updatedBy: actor.id, version: row.version + 1 })
      .where(eq(creditProfiles.accountId, account.id))
      .run();
    // The grid column mirrors the profile (a maintained flag like the receivable aggregates: no version bump).
    core.db.update(accounts).set({ creditHold: on }).where(eq(accounts.id, account.id)).run();
    recordAudit(core, actor, {
      action: on ? 'credit.hold' : 'credit.release',
      entityType: 'account',
      entityId: account.id,
      before: { hold: held, holdReason: row.holdReason, holdBy: displayUser(core, row.holdBy) },
      after: { hold: on },
      reason: input.reason,
    });
  });
  core.events.emit('data.changed', { entities: ['credit', 'accounts'] });
}

/** Words for a limit value in the timeline: "500,000.00" / "继承" / "0（款到发货）". */
export function limitWords(v: unknown): { zh: string; en: string } {
  if (v === null || v === undefined) return { zh: '继承默认', en: 'inherited' };
  if (typeof v !== 'number') return { zh: String(v), en: String(v) };
  return v === 0 ? { zh: '0（款到发货）', en: '0 (cash in advance)' } : { zh: formatFen(v), en: formatFen(v) };
}
