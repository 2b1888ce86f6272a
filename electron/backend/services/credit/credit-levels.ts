import { eq } from 'drizzle-orm';
import { creditProfiles } from '../../../../db/schema';
import type { AppSettings } from '../../../../shared/contract/settings';
import { type CreditLevels, type CreditTerms, resolveCredit } from '../../../../shared/domain/credit-limit';
import type { Core } from '../../core';

export type CreditProfileRecord = typeof creditProfiles.$inferSelect;

/** The columns of an account and its profile that limit resolution reads (also one row of the batch). */
export interface LevelRow {
  tier: string;
  accountGroup: string | null;
  limitFen: number | null;
  tempLimitFen: number | null;
  tempLimitExpiresOn: string | null;
  tempLimitReason: string | null;
  paymentTermsDays: number | null;
  policy: CreditTerms['policy'];
}

export function getProfileRecord(core: Core, accountId: string): CreditProfileRecord | undefined {
  return core.db.select().from(creditProfiles).where(eq(creditProfiles.accountId, accountId)).get();
}

/** The four levels for one account from its row and the settings' defaults. */
export function levelsOf(row: LevelRow, s: Pick<AppSettings, 'creditDefaults' | 'creditTierDefaults' | 'creditGroupDefaults'>): CreditLevels {
  const groupTerms = row.accountGroup !== null && Object.hasOwn(s.creditGroupDefaults, row.accountGroup) ? s.creditGroupDefaults[row.accountGroup] : undefined;
  const tierTerms = (row.tier === 'A' || row.tier === 'B' || row.tier === 'C') ? s.creditTierDefaults[row.tier] : undefined;
  return {
    account: {
      limitFen: row.limitFen,
      policy: row.policy,
      paymentTermsDays: row.paymentTermsDays,
      temp: row.tempLimitFen !== null && row.tempLimitExpiresOn !== null ? { limitFen: row.tempLimitFen, expiresOn: row.tempLimitExpiresOn, reason: row.tempLimitReason } : null,
    },
    group: groupTerms && row.accountGroup !== null ? { name: row.accountGroup, terms: groupTerms } : null,
    tier: tierTerms ? { tier: row.tier, terms: tierTerms } : null,
    company: s.creditDefaults,
  };
}

/** An account's level row from the account and its profile (absent profile: everything inherited). */
export function levelRowOf(account: { tier: string; accountGroup: string | null }, p: CreditProfileRecord | undefined): LevelRow {
  return {
    tier: account.tier,
    accountGroup: account.accountGroup,
    limitFen: p?.limitFen ?? null,
    tempLimitFen: p?.tempLimitFen ?? null,
    tempLimitExpiresOn: p?.tempLimitExpiresOn ?? null,
    tempLimitReason: p?.tempLimitReason ?? null,
    paymentTermsDays: p?.paymentTermsDays ?? null,
    policy: p?.policy ?? null,
  };
}

/**
 * Who placed a hold: stored as the user id (as the demo data and created_by columns do), or the actor's
 * name when there is no user (the CLI without --user); shown as the display name.
 */
export function holdByRef(actor: { id: string | null; name: string }): string {
  return actor.id ?? actor.name;
}

export function displayUser(core: Core, ref: string | null): string | null {
  if (ref === null) return null;
  const u = core.sqlite.prepare('select display_name from users where id = ?').get(ref) as { display_name: string } | undefined;
  return u?.display_name ?? ref;
}

/** The payment terms (days) new orders of an account default to: account → group → tier → company. */
export function paymentTermsFor(core: Core, account: { id: string; tier: string; accountGroup: string | null }): number {
  const s = core.settings();
  return resolveCredit(levelsOf(levelRowOf(account, getProfileRecord(core, account.id)), s), core.today()).paymentTermsDays;
}
