import type { DecisionPanel } from '../../../shared/contract/decision';
import { diffDays } from '../../../shared/domain/dates';
import { fingerprint } from '../../../shared/domain/fingerprint';
import { localDateFn } from '../../../shared/domain/local-date';
import { reclaimBound } from '../../../shared/domain/pool-reclaim-bound';
import { type ReclaimPlan, planReclaim } from '../../../shared/domain/pool-reclaim-plan';
import { type ClaimRefusal, claimRefusal, poolRuleFor, type ReclaimTrigger } from '../../../shared/domain/pool-rules';
import { msg } from '../../../shared/i18n/text';
import { AppError } from '../../../shared/rpc/errors';
import type { Actor, Core } from '../core';
import { inBatchTransaction } from './batch-tx';
import { buildDecisionPanel, loadImpact } from './decision-panel';
import { applyOwnerChanges, loadOwnerStates, requireAccountsExist } from './owner-changes';
import type { MoveRow } from './owner-moves';
import { loadPoolRuleSpecs, loadReclaimCandidates, OWNED_WIDTH, type OwnedRow, ownedOnFn, refreshReclaimSchedule } from './pool-schedule';
import { allRepLoads, repLabel, requireRep } from './rep-lookup';
import { writeSettings } from './settings';
import { loadTerritoryIndex } from './territory-index';

/** A rep's claims since a time (the daily claim cap), through the partial index on claims. */
export const RECENT_CLAIMS_SQL = `select at from account_transfers where to_rep_id = ? and kind = 'claim' and undone_at is null and at >= ?`;

export const TRIGGER_TEXT: Record<ReclaimTrigger, [string, string]> = {
  no_followup: ['超期未跟进', 'no follow-up'],
  no_deal: ['超期未成交', 'no deal'],
  protection_ended: ['保护期结束未成交', 'protection period ended without a deal'],
};

/**
 * Today's reclaim run as a plan: every owned account that could be due today (see ReclaimBound) is
 * evaluated live, not from the stored dates.
 */
function reclaimPlan(core: Core, confirmed: ReadonlySet<string> | 'all'): ReclaimPlan;
/** For a run: with the candidates' move rows, read once here instead of again by id when reclaiming. */
function reclaimPlan(core: Core, confirmed: ReadonlySet<string> | 'all', withMoveRows: true): ReclaimPlan & { moveRows: Map<string, MoveRow> };
function reclaimPlan(core: Core, confirmed: ReadonlySet<string> | 'all', withMoveRows = false): ReclaimPlan & { moveRows?: Map<string, MoveRow> } {
  const rules = loadPoolRuleSpecs(core);
  const bound = reclaimBound(rules, core.today());
  if (!bound) return { reclaim: [], held: [], moveRows: new Map() };
  const territories = loadTerritoryIndex(core).ancestors;
  const ownedOn = ownedOnFn(core);
  // A run also needs what a move reads beyond the candidate's columns: version, deleted_at, rowid.
  const rows = loadReclaimCandidates(core, bound, withMoveRows ? 'version, deleted_at, rowid' : undefined);
  const accounts = rows.map((r) => ({
    id: r[0],
    ownerRepId: r[1],
    ownedOn: ownedOn(r),
    lastFollowupOn: r[4],
    lastDealOn: r[5],
    protectedUntil: r[6],
    territoryId: r[7],
    tier: r[8],
    openReceivableFen: r[9],
    openCases: r[10],
  }));
  const all = confirmed === 'all' ? new Set(accounts.map((a) => a.id)) : confirmed;
  const plan = planReclaim({ accounts, rules, territories, today: core.today(), confirmed: all });
  if (!withMoveRows) return plan;
  const byId = new Map(rows.map((r) => [r[0], r]));
  const moveRows = new Map(plan.reclaim.map(({ accountId }) => [accountId, moveRowOf(byId.get(accountId)!)]));
  return { ...plan, moveRows };
}

/** A candidate row followed by version, deleted_at, rowid, as a MoveRow. */
function moveRowOf(r: OwnedRow): MoveRow {
  const [version, deletedAt, rowid] = (r as unknown[]).slice(OWNED_WIDTH) as [number, number | null, number];
  return [r[0], r[1], version, deletedAt, rowid, r[7], r[8], r[4], r[5], r[6], r[11], r[12], r[13]];
}

/**
 * What a preview showed: every due account and whether it needs a confirmation. The same whoever
 * confirmed what since (a confirmed account moves from held to reclaim), so a run checks it on its own plan.
 */
function planFingerprint(plan: ReclaimPlan): string {
  const due = [...plan.reclaim, ...plan.held].sort((a, b) => (a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : 0));
  return fingerprint(due.map((x) => (x.needsConfirmation ? `${x.accountId}!` : x.accountId)).join('\n'));
}

function triggerNote(trigger: ReclaimTrigger, dueOn: string): string {
  return `${TRIGGER_TEXT[trigger][0]}（${dueOn} 起）`;
}

export function previewReclaim(core: Core, rowLimit: number): { today: string; fingerprint: string; reclaimCount: number; heldCount: number; panel: DecisionPanel } {
  const plan = reclaimPlan(core, new Set());
  const items = [...plan.reclaim, ...plan.held];
  const info = loadImpact(
    core,
    items.map((x) => x.accountId),
  );
  const panel = buildDecisionPanel(
    core,
    allRepLoads(core),
    items.map((x) => ({ account: info.get(x.accountId)!, toRepId: null, note: triggerNote(x.trigger, x.dueOn), needsConfirmation: x.needsConfirmation })),
    { rowLimit },
  );
  return { today: core.today(), fingerprint: planFingerprint(plan), reclaimCount: plan.reclaim.length, heldCount: plan.held.length, panel };
}

/**
 * The reclaim run: takes back every due account, except those with open receivables or cases unless
 * confirmed. Idempotent: reclaimed accounts are in the pool, so a second run the same day finds none.
 * A batch transaction (no foreign key checks): it moves accounts it read in it to the pool.
 */
export function runReclaim(core: Core, actor: Actor, input: { confirmIds: string[]; confirmAll: boolean; expectFingerprint?: string | undefined }, invalidateSettings?: () => void) {
  const result = inBatchTransaction(core, () => {
    const plan = reclaimPlan(core, input.confirmAll ? 'all' : new Set(input.confirmIds), true);
    if (input.expectFingerprint !== undefined && planFingerprint(plan) !== input.expectFingerprint) {
      throw new AppError('CONFLICT', msg('数据在预览之后发生了变化，请重新预览后再回收', 'The data changed since the preview; preview again'));
    }
    const out = applyOwnerChanges(
      core,
      actor,
      plan.reclaim.map((x) => ({ accountId: x.accountId, toRepId: null, reason: `回收：${triggerNote(x.trigger, x.dueOn)}${x.needsConfirmation ? '（已确认有未结应收/工单）' : ''}` })),
      { kind: 'reclaim', reason: '公海回收', journalKind: 'pool_reclaim', summary: `公海回收 ${plan.reclaim.length} 个客户（${core.today()}）`, loaded: plan.moveRows },
    );
    writeSettings(core.db, { lastPoolReclaimOn: core.today() }, actor, core.clock.now());
    return { journalId: out.journalId, reclaimed: out.changed, held: plan.held.length };
  });
  invalidateSettings?.();
  core.events.emit('data.changed', { entities: ['accounts', 'reps', 'journals'] });
  return result;
}

/** The start-of-day run: once a day, never reclaiming accounts with open receivables or cases (they need a person). */
export function dailyReclaim(core: Core, actor: Actor, invalidateSettings: () => void): { reclaimed: number; held: number; journalId: string | null } | null {
  refreshReclaimSchedule(core);
  if (core.settings().lastPoolReclaimOn === core.today()) return null;
  return runReclaim(core, actor, { confirmIds: [], confirmAll: false }, invalidateSettings);
}

function refusalText(r: ClaimRefusal): [string, string] {
  switch (r.code) {
    case 'not_in_pool':
      return ['不在公海中', 'is not in the pool'];
    case 'rep_inactive':
      return ['业务员不是在职状态', 'the rep is not active'];
    case 'capacity':
      return [`已达业务员容量 ${r.cap}`, `the rep's capacity of ${r.cap} is reached`];
    case 'holding_cap':
      return [`已达持有上限 ${r.cap}`, `the holding cap of ${r.cap} is reached`];
    case 'daily_cap':
      return [`已达每日领取上限 ${r.cap}`, `the daily claim cap of ${r.cap} is reached`];
    case 'cooldown':
      return [`原负责人冷却期内，${r.until} 起可领取`, `the previous owner may claim again from ${r.until}`];
  }
}

type ClaimRow = [string, string, string, string | null, string | null, number | null, string | null, 'A' | 'B' | 'C', number | null];

/** A rep claims accounts from the pool: all or nothing, every cap and cooldown checked in order. */
export function claimAccounts(core: Core, actor: Actor, input: { accountIds: string[]; repId: string }) {
  const ids = [...new Set(input.accountIds)];
  const result = core.tx(() => {
    const rep = requireRep(core, input.repId);
    const today = core.today();
    const local = localDateFn(core.settings().timeZone);
    const rows = core.sqlite
      .prepare(`select id, code, name, owner_rep_id, previous_owner_rep_id, pooled_at, territory_id, tier, deleted_at from accounts where id in (select value from json_each(?))`)
      .raw()
      .all(JSON.stringify(ids)) as ClaimRow[];
    const byId = new Map(rows.map((r) => [r[0], r]));
    requireAccountsExist(ids, (id) => byId.get(id)?.[8] === null);
    const rules = loadPoolRuleSpecs(core);
    const territories = loadTerritoryIndex(core).ancestors;
    let holding = (core.sqlite.prepare('select count(*) as n from accounts where owner_rep_id = ? and deleted_at is null').get(rep.id) as { n: number }).n;
    const recent = core.sqlite
      .prepare(RECENT_CLAIMS_SQL)
      .raw()
      .all(rep.id, core.clock.now() - 3 * 86_400_000) as [number][];
    let claimedToday = recent.filter(([at]) => local(at) === today).length;
    const refusals: string[] = [];
    const refusalsEn: string[] = [];
    for (const id of ids) {
      const r = byId.get(id)!;
      const rule = poolRuleFor(rules, { territoryId: r[6], tier: r[7] }, territories);
      const refusal = claimRefusal({
        rep: { id: rep.id, status: rep.status, capacity: rep.capacity },
        holding,
        claimedToday,
        account: { ownerRepId: r[3], previousOwnerRepId: r[4], pooledOn: r[5] === null ? null : local(r[5]) },
        rule,
        today,
      });
      if (refusal) {
        const [zh, en] = refusalText(refusal);
        refusals.push(`${r[1]} ${r[2]}：${zh}`);
        refusalsEn.push(`${r[1]} ${r[2]}: ${en}`);
      } else {
        holding++;
        claimedToday++;
      }
    }
    if (refusals.length > 0) {
      throw new AppError(
        'RULE_VIOLATION',
        msg(`${repLabel(rep)} 不能领取：${refusals.slice(0, 5).join('；')}${refusals.length > 5 ? ` …（共 ${refusals.length} 个）` : ''}`, `${rep.name} cannot claim: ${refusalsEn.slice(0, 5).join('; ')}`),
        { refused: refusals.length },
      );
    }
    return applyOwnerChanges(
      core,
      actor,
      ids.map((accountId) => ({ accountId, toRepId: rep.id })),
      { kind: 'claim', reason: '从公海领取', journalKind: 'pool_claim', summary: `${rep.name} 从公海领取 ${ids.length} 个客户` },
    );
  });
  core.events.emit('data.changed', { entities: ['accounts', 'reps', 'journals'] });
  return result;
}

/** Releases accounts to the pool with a reason (the previous owner's cooldown starts now). */
export function releaseAccounts(core: Core, actor: Actor, input: { accountIds: string[]; reason: string }) {
  const ids = [...new Set(input.accountIds)];
  const result = core.tx(() => {
    const states = loadOwnerStates(core, ids);
    requireAccountsExist(ids, (id) => states.get(id)?.deleted === false);
    return applyOwnerChanges(
      core,
      actor,
      ids.map((accountId) => ({ accountId, toRepId: null })),
      { kind: 'release', reason: input.reason, journalKind: 'pool_release', summary: `释放 ${ids.length} 个客户到公海：${input.reason}` },
    );
  });
  core.events.emit('data.changed', { entities: ['accounts', 'reps', 'journals'] });
  return result;
}

interface ReminderRow {
  id: string;
  code: string;
  name: string;
  owner_rep_id: string | null;
  owner_name: string | null;
  reclaim_on: string;
  reclaim_trigger: ReclaimTrigger;
  last_followup_on: string | null;
}

/** Accounts inside their reminder window (remind date reached, reclaim date not yet), soonest first. */
export function listReminders(core: Core, input: { repId?: string | undefined; limit: number }) {
  const today = core.today();
  const where = `a.deleted_at is null and a.owner_rep_id is not null and a.reclaim_remind_on <= @today and a.reclaim_on > @today ${input.repId ? 'and a.owner_rep_id = @repId' : ''}`;
  const params = { today, repId: input.repId ?? null, limit: input.limit };
  const total = (core.sqlite.prepare(`select count(*) as n from accounts a where ${where}`).get(params) as { n: number }).n;
  const rows = core.sqlite
    .prepare(
      `select a.id, a.code, a.name, a.owner_rep_id, r.name as owner_name, a.reclaim_on, a.reclaim_trigger, a.last_followup_on
       from accounts a left join reps r on r.id = a.owner_rep_id where ${where} order by a.reclaim_on, a.code limit @limit`,
    )
    .all(params) as ReminderRow[];
  return {
    total,
    items: rows.map((r) => ({
      accountId: r.id,
      code: r.code,
      name: r.name,
      ownerRepId: r.owner_rep_id,
      ownerName: r.owner_name,
      reclaimOn: r.reclaim_on,
      trigger: r.reclaim_trigger,
      daysLeft: diffDays(today, r.reclaim_on),
      lastFollowupOn: r.last_followup_on,
    })),
  };
}
