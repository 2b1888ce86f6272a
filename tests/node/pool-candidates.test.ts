import { afterEach, describe, expect, it } from 'vitest';
import { addDays } from '../../shared/domain/dates';
import { reclaimBound } from '../../shared/domain/pool-reclaim-bound';
import { planReclaim } from '../../shared/domain/pool-reclaim-plan';
import { loadOwnedRows, loadPoolRuleSpecs, loadReclaimCandidates, ownedOnFn } from '../../electron/backend/services/pool-schedule';
import { loadTerritoryIndex } from '../../electron/backend/services/territory-index';
import type { Core } from '../../electron/backend/core';
import { setUpBackend } from '../helpers/backend';
import { makeAccounts, makeRep } from '../helpers/allocation-data';
import { rng } from '../helpers/seeded-random';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

/** The plan over every owned account, as the reclaim run made it before it read only candidates. */
function dueOverAll(core: Core): string[] {
  const ownedOn = ownedOnFn(core);
  const accounts = loadOwnedRows(core).map((r) => ({ id: r[0], ownerRepId: r[1], ownedOn: ownedOn(r), lastFollowupOn: r[4], lastDealOn: r[5], protectedUntil: r[6], territoryId: r[7], tier: r[8], openReceivableFen: r[9], openCases: r[10] }));
  const plan = planReclaim({ accounts, rules: loadPoolRuleSpecs(core), territories: loadTerritoryIndex(core).ancestors, today: core.today(), confirmed: new Set(accounts.map((a) => a.id)) });
  return plan.reclaim.map((x) => x.accountId).sort();
}


describe('reclaim candidates', () => {
  it('hold every account a full evaluation finds due, across time zones, day boundaries and rule mixes', async () => {
    const t = await setUpBackend({ now: '2026-11-23T02:00:00Z' });
    cleanup = t.close;
    const rep = await makeRep(t.client, '张伟', { employeeNo: 'E001' });
    const accounts = await makeAccounts(t.client, 300);
    await t.client.call('transfers.apply', { accountIds: accounts.map((a) => a.id), toRepId: rep.id, reason: '分配' });
    // Owned at instants spread over 120 days, many within minutes of a midnight somewhere; follow-ups,
    // deals and protection dates around the rules' limits.
    const random = rng(7);
    const base = Date.UTC(2026, 6, 1);
    const set = t.core.sqlite.prepare('update accounts set owned_since = ?, last_followup_on = ?, last_deal_on = ?, protected_until = ? where id = ?');
    const someDay = () => (random() < 0.3 ? null : addDays('2026-07-01', Math.floor(random() * 150)));
    for (const a of accounts) {
      const owned = base + Math.floor(random() * 120) * 86_400_000 + (random() < 0.5 ? Math.floor(random() * 86_400_000) : (random() < 0.5 ? 16 : 8) * 3_600_000 - 60_000 + Math.floor(random() * 120_000));
      set.run(owned, someDay(), someDay(), random() < 0.1 ? someDay() : null, a.id);
    }
    const rules = [
      { name: '跟进', noFollowupDays: 45, reminderDays: 3 },
      { name: 'A 类成交', tier: 'A' as const, noDealDays: 60, protectionDays: 20, reminderDays: 3 },
      { name: '保护期', protectionDays: 30, noDealDays: 90, reminderDays: 3 },
    ];
    let checked = 0;
    for (const [i, rule] of rules.entries()) {
      await t.client.call('poolRules.create', rule);
      for (const tz of ['Asia/Shanghai', 'UTC', 'Pacific/Kiritimati', 'Pacific/Pago_Pago']) {
        await t.client.call('settings.update', { timeZone: tz });
        for (const now of ['2026-10-01T00:30:00Z', '2026-11-23T15:59:00Z', '2026-11-23T16:01:00Z', '2026-12-31T23:59:00Z']) {
          t.clock.set(now);
          const due = dueOverAll(t.core);
          const candidates = new Set(loadReclaimCandidates(t.core, reclaimBound(loadPoolRuleSpecs(t.core), t.core.today())!).map((r) => r[0]));
          expect(due.filter((id) => !candidates.has(id)), `${tz} ${now} with ${i + 1} rules`).toEqual([]);
          checked += due.length;
          // The bound is worth having: it leaves out accounts that cannot be due.
          if (i === 0) expect(candidates.size).toBeLessThan(accounts.length);
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });
});
