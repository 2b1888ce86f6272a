import type { z } from 'zod';
import type { AllocationPreview, allocationScopeSchema, RulesDocument, rulesSourceSchema } from '../../../shared/contract/allocation';
import type { Rep } from '../../../shared/contract/reference';
import type { Tier } from '../../../shared/domain/allocation-match';
import { type AllocatableAccount, type AllocationPlan, type AllocationRuleSpec, type Fallback, planAllocation } from '../../../shared/domain/allocation-plan';
import { msg } from '../../../shared/i18n/text';
import { AppError } from '../../../shared/rpc/errors';
import type { Actor, Core } from '../core';
import { planCache } from './allocation-plan-cache';
import { listAllocationRules, ruleSpecs } from './allocation-rules';
import { inBatchTransaction } from './batch-tx';
import { buildDecisionPanel, type PanelMove } from './decision-panel';
import { applyOwnerChanges, type ExtraJournalItem, type OwnerMove, requireAccountsExist } from './owner-changes';
import { MOVE_ROW_COLUMNS, type MoveRow } from './owner-moves';
import { allRepLoads, resolveRepIn } from './rep-lookup';
import { loadTerritoryIndex, resolveTerritoryRef, type TerritoryIndex } from './territory-index';

type Scope = z.output<typeof allocationScopeSchema>;
type RulesSource = z.output<typeof rulesSourceSchema>;

export interface ResolvedRules {
  rules: AllocationRuleSpec[];
  fallback: Fallback;
  /** Saved rules persist their round-robin cursors; rules from a file do not. */
  saved: boolean;
}

/** Turns a rules document (names, codes) into rule specs (ids), naming the first reference it cannot resolve. */
export function resolveRulesDocument(doc: RulesDocument, reps: readonly Rep[], territories: TerritoryIndex): ResolvedRules {
  const rules = doc.rules.map((r, i): AllocationRuleSpec => {
    const where = `规则 ${i + 1}${r.name ? `（${r.name}）` : ''}`;
    const targetRepIds = r.targets.map((t) => {
      const rep = resolveRepIn(reps, t, where);
      if (rep.status === 'left') throw new AppError('INVALID_INPUT', msg(`${where}：业务员${rep.name}已离职`, `${where}: ${rep.name} has left`), { path: `rules.${i}.targets` });
      return rep.id;
    });
    if (r.strategy === 'single' && targetRepIds.length > 1) {
      throw new AppError('INVALID_INPUT', msg(`${where}：“single”策略只能有一个业务员`, `${where}: the "single" strategy takes exactly one rep`), { path: `rules.${i}.targets` });
    }
    const m = r.match;
    return {
      id: `rule-${i + 1}`,
      name: r.name ?? `规则 ${i + 1}`,
      enabled: r.enabled,
      match: {
        ...(m.territories ? { territoryIds: m.territories.map((t) => resolveTerritoryRef(territories, t, where)) } : {}),
        ...(m.industries ? { industries: m.industries } : {}),
        ...(m.tiers ? { tiers: m.tiers } : {}),
        ...(m.sources ? { sources: m.sources } : {}),
        ...(m.tags ? { tags: m.tags } : {}),
      },
      targetRepIds,
      strategy: r.strategy,
      rrCursor: 0,
    };
  });
  let fallback: Fallback | null = null;
  if (doc.fallback !== undefined) {
    if (['pool', '公海'].includes(doc.fallback.trim().toLowerCase())) fallback = { kind: 'pool' };
    else fallback = { kind: 'rep', repId: resolveRepIn(reps, doc.fallback, 'fallback').id };
  }
  return { rules, fallback: fallback ?? { kind: 'pool' }, saved: false };
}

function savedFallback(core: Core): Fallback {
  const id = core.settings().allocationFallbackRepId;
  return id ? { kind: 'rep', repId: id } : { kind: 'pool' };
}

export function resolveRules(core: Core, source: RulesSource, reps: readonly Rep[], territories: TerritoryIndex): ResolvedRules {
  if (source.source === 'saved') return { rules: ruleSpecs(listAllocationRules(core)), fallback: savedFallback(core), saved: true };
  const resolved = resolveRulesDocument(source.document, reps, territories);
  if (source.document.fallback === undefined) resolved.fallback = savedFallback(core);
  return resolved;
}

interface LoadedAccount extends AllocatableAccount {
  overdueFen: number;
  openCases: number;
  /** The account's row as read: what an apply writes from. */
  row: MoveRow;
}

/** A row of the scope query: the account's MoveRow, then what rules match on and the panel weighs. */
type ScopeRow = [...MoveRow, industry: string | null, source: string | null, openReceivableFen: number, overdueFen: number, openCases: number];
const SCOPE_COLUMNS = `${MOVE_ROW_COLUMNS}, industry, source, open_receivable_fen, overdue_fen, open_cases`;

/** The accounts in scope: what rules match on, the money and cases the decision panel weighs, and their move rows (one read for the preview and its apply). */
function loadScope(core: Core, scope: Scope, withTags: boolean): LoadedAccount[] {
  // "Unassigned" is usually most of a fresh import: a plain scan beats 100,000 lookups through the owner index.
  const rows =
    scope.kind === 'unassigned'
      ? (core.sqlite.prepare(`select ${SCOPE_COLUMNS} from accounts not indexed where deleted_at is null and owner_rep_id is null`).raw().all() as ScopeRow[])
      : (core.sqlite.prepare(`select ${SCOPE_COLUMNS} from accounts where deleted_at is null and id in (select value from json_each(?))`).raw().all(JSON.stringify(scope.ids)) as ScopeRow[]);
  if (scope.kind === 'accounts') {
    const found = new Set(rows.map((r) => r[0]));
    requireAccountsExist(scope.ids, (id) => found.has(id));
  }
  const tags = new Map<string, string[]>();
  if (withTags) {
    const sql = `select at.account_id, t.name from account_tags at join tags t on t.id = at.tag_id`;
    const tagRows = (scope.kind === 'accounts' ? core.sqlite.prepare(`${sql} where at.account_id in (select value from json_each(?))`).raw().all(JSON.stringify(scope.ids)) : core.sqlite.prepare(sql).raw().all()) as [string, string][];
    for (const [id, name] of tagRows) {
      const list = tags.get(id);
      if (list) list.push(name);
      else tags.set(id, [name]);
    }
  }
  const none: string[] = [];
  return rows.map((r) => ({
    id: r[0],
    territoryId: r[5],
    industry: r[13],
    tier: r[6],
    source: r[14],
    ownerRepId: r[1],
    openReceivableFen: r[15],
    overdueFen: r[16],
    openCases: r[17],
    tags: tags.get(r[0]) ?? none,
    row: r as unknown as MoveRow,
  }));
}

/** What an apply needs of a plan: kept from its preview, or computed again. */
interface Applicable {
  plan: AllocationPlan;
  resolved: ResolvedRules;
  byId: Map<string, LoadedAccount>;
}

interface Computed extends Applicable {
  reps: Rep[];
  territories: TerritoryIndex;
}

const previews = planCache<Applicable>();
const planKey = (input: { scope: Scope; rules: RulesSource }) => JSON.stringify([input.scope, input.rules]);

function compute(core: Core, input: { scope: Scope; rules: RulesSource }): Computed {
  const reps = allRepLoads(core);
  const territories = loadTerritoryIndex(core);
  const resolved = resolveRules(core, input.rules, reps, territories);
  const withTags = resolved.rules.some((r) => r.enabled && (r.match.tags?.length ?? 0) > 0);
  const accounts = loadScope(core, input.scope, withTags);
  const plan = planAllocation({
    accounts,
    rules: resolved.rules,
    reps: reps.map((r) => ({ id: r.id, status: r.status, capacity: r.capacity, accountCount: r.accountCount, openReceivableFen: r.openReceivableFen })),
    fallback: resolved.fallback,
    territories: territories.ancestors,
  });
  return { plan, byId: new Map(accounts.map((a) => [a.id, a])), reps, resolved, territories };
}

function noteFor(a: AllocationPlan['assignments'][number], ruleNames: Map<string, string>): string {
  if (a.via === 'rule') return ruleNames.get(a.ruleId!) ?? a.ruleId!;
  const why = a.miss === 'no_rule' ? '无匹配规则' : '规则内无可用业务员';
  return a.via === 'fallback' ? `${why}，默认接收人` : a.via === 'pool' ? `${why}，进入公海` : `${why}，保持原负责人`;
}

function unmatchedRows(core: Core, ids: string[], territories: TerritoryIndex): AllocationPreview['unmatched'] {
  const rows = core.sqlite
    .prepare('select id, code, name, territory_id, industry, tier from accounts where id in (select value from json_each(?))')
    .raw()
    .all(JSON.stringify(ids)) as [string, string, string, string | null, string | null, Tier][];
  const byId = new Map(rows.map((r) => [r[0], r]));
  return ids.map((id) => {
    const r = byId.get(id)!;
    return { id, code: r[1], name: r[2], territoryName: r[3] ? (territories.byId.get(r[3])?.name ?? null) : null, industry: r[4], tier: r[5] };
  });
}

/**
 * Who gets what, each rep's load before → after, and the accounts no rule matched. Nothing is written;
 * the plan is kept for the apply that usually follows (allocation-plan-cache).
 */
export function previewAllocation(core: Core, input: { scope: Scope; rules: RulesSource; rowLimit: number }): AllocationPreview {
  const { plan, byId, reps, resolved, territories } = core.tx(() => {
    const c = compute(core, input);
    previews.keep(core, planKey(input), { plan: c.plan, resolved: c.resolved, byId: c.byId });
    return c;
  });
  const ruleNames = new Map(resolved.rules.map((r) => [r.id, r.name]));
  const moves: PanelMove[] = [];
  const byRule = new Map<string | null, number>();
  let toPool = 0;
  let noAvailable = 0;
  for (const a of plan.assignments) {
    if (a.miss === 'no_available_rep') noAvailable++;
    if (a.toRepId === a.fromRepId) continue;
    if (a.toRepId === null) toPool++;
    const key = a.via === 'rule' ? a.ruleId : null;
    byRule.set(key, (byRule.get(key) ?? 0) + 1);
    moves.push({ account: byId.get(a.accountId)!, toRepId: a.toRepId, note: noteFor(a, ruleNames) });
  }
  const alsoReps = [...new Set(resolved.rules.filter((r) => r.enabled).flatMap((r) => r.targetRepIds))];
  if (resolved.fallback.kind === 'rep') alsoReps.push(resolved.fallback.repId);
  const panel = buildDecisionPanel(core, reps, moves, { rowLimit: input.rowLimit, alsoReps });
  const fallbackRep = resolved.fallback.kind === 'rep' ? reps.find((r) => r.id === (resolved.fallback as { repId: string }).repId) : undefined;
  return {
    fingerprint: plan.fingerprint,
    accountCount: plan.assignments.length,
    changeCount: plan.changeCount,
    unmatchedCount: plan.unmatched.length,
    noAvailableRepCount: noAvailable,
    toPool,
    fallback: { kind: resolved.fallback.kind, repId: fallbackRep?.id ?? null, name: fallbackRep?.name ?? null },
    byRule: [
      ...resolved.rules.filter((r) => byRule.has(r.id)).map((r) => ({ ruleId: r.id, name: r.name, count: byRule.get(r.id)! })),
      ...(byRule.has(null) ? [{ ruleId: null, name: resolved.fallback.kind === 'rep' ? '默认接收人 / 公海' : '公海', count: byRule.get(null)! }] : []),
    ],
    panel,
    unmatched: unmatchedRows(core, plan.unmatched.slice(0, input.rowLimit), territories),
  };
}

/**
 * Applies the plan in one transaction, one journal: the preview's own plan when nothing at all was
 * written since it, else computed again inside the transaction (deterministic, so it equals the
 * preview unless the data changed; with expectFingerprint a changed plan is refused).
 * A batch transaction (no foreign key checks): the planner gives accounts only to the reps it was
 * handed, read in this transaction, and every other reference is to a row read or written in it.
 */
export function applyAllocation(core: Core, actor: Actor, input: { scope: Scope; rules: RulesSource; reason: string; expectFingerprint?: string | undefined }) {
  const result = inBatchTransaction(core, () => {
    const kept = previews.take(core, planKey(input));
    const { plan, resolved, byId } = kept ?? compute(core, input);
    if (input.expectFingerprint !== undefined && input.expectFingerprint !== plan.fingerprint) {
      throw new AppError('CONFLICT', msg('数据在预览之后发生了变化，请重新预览后再应用', 'The data changed since the preview; preview again before applying'), { fingerprint: plan.fingerprint });
    }
    const ruleNames = new Map(resolved.rules.map((r) => [r.id, r.name]));
    // One reason text per rule (and per miss), not one string per account of 100,000.
    const reasons = new Map<string, string>();
    const moves: OwnerMove[] = [];
    let toPool = 0;
    for (const a of plan.assignments) {
      if (a.toRepId === a.fromRepId) continue;
      if (a.toRepId === null) toPool++;
      const note = noteFor(a, ruleNames);
      let reason = reasons.get(note);
      if (reason === undefined) reasons.set(note, (reason = `${input.reason}（${note}）`));
      moves.push({ accountId: a.accountId, toRepId: a.toRepId, reason });
    }
    const extraItems: ExtraJournalItem[] = [];
    if (resolved.saved) {
      for (const r of resolved.rules) {
        const next = plan.cursors[r.id];
        if (next !== undefined && next !== r.rrCursor) extraItems.push({ entityType: 'allocation_rule', entityId: r.id, before: { rrCursor: r.rrCursor }, after: { rrCursor: next }, afterVersion: null });
      }
    }
    const out = applyOwnerChanges(core, actor, moves, {
      kind: 'auto',
      reason: input.reason,
      journalKind: 'auto_allocate',
      summary: `自动分配 ${moves.length} 个客户${toPool ? `（${toPool} 个进入公海）` : ''}`,
      extraItems,
      loaded: { get: (id) => byId.get(id)?.row },
    });
    if (out.journalId !== null) {
      const setCursor = core.sqlite.prepare('update allocation_rules set rr_cursor = ? where id = ?');
      for (const x of extraItems) setCursor.run((x.after as { rrCursor: number }).rrCursor, x.entityId);
    }
    return { journalId: out.journalId, changed: out.changed, toPool, fingerprint: plan.fingerprint, reusedPreview: kept !== null };
  });
  core.events.emit('data.changed', { entities: ['accounts', 'reps', 'journals', 'allocation_rules'] });
  return result;
}

/** A new account, before it exists: what the rules match on. `key` orders the accounts as their ids will. */
export interface NewAccountForAllocation {
  key: string;
  territoryId: string | null;
  industry: string | null;
  tier: Tier;
  source: string | null;
}

export interface NewAccountOwner {
  /** null = the pool (公海). */
  toRepId: string | null;
  ruleId: string | null;
  /** The rule's name, or why no rule's rep took it ("无匹配规则，进入公海"). */
  note: string;
  via: AllocationPlan['assignments'][number]['via'];
}

export interface NewAccountOwnersPlan {
  owners: Map<string, NewAccountOwner>;
  /** Saved rules whose round-robin cursor moves when the plan is applied. */
  cursors: { ruleId: string; before: number; after: number }[];
  /** Every rep a rule or the fallback names, and every rep whose load changes: accounts before → after. */
  loads: { repId: string; name: string; accountsBefore: number; accountsAfter: number }[];
  fingerprint: string;
}

/**
 * Owners for accounts that are about to be created (an import), by the saved rules and fallback:
 * the same planner as auto-allocation, writing nothing. `extraAccounts` are accounts the same
 * operation gives reps besides these (rows of the sheet naming an owner), so loads and capacities
 * count them. Deterministic: the import's preview and its commit get the same answer on the same data.
 */
export function planNewAccountOwners(core: Core, accounts: readonly NewAccountForAllocation[], extraAccounts: ReadonlyMap<string, number> = new Map()): NewAccountOwnersPlan {
  const reps = allRepLoads(core).map((r) => ({ ...r, accountCount: r.accountCount + (extraAccounts.get(r.id) ?? 0) }));
  const territories = loadTerritoryIndex(core);
  const resolved = resolveRules(core, { source: 'saved' }, reps, territories);
  const none: string[] = [];
  const plan = planAllocation({
    accounts: accounts.map((a) => ({ id: a.key, territoryId: a.territoryId, industry: a.industry, tier: a.tier, source: a.source, tags: none, ownerRepId: null, openReceivableFen: 0 })),
    rules: resolved.rules,
    reps: reps.map((r) => ({ id: r.id, status: r.status, capacity: r.capacity, accountCount: r.accountCount, openReceivableFen: r.openReceivableFen })),
    fallback: resolved.fallback,
    territories: territories.ancestors,
  });
  const ruleNames = new Map(resolved.rules.map((r) => [r.id, r.name]));
  const owners = new Map(plan.assignments.map((a) => [a.accountId, { toRepId: a.toRepId, ruleId: a.ruleId, note: noteFor(a, ruleNames), via: a.via }]));
  const cursors = resolved.rules.flatMap((r) => {
    const next = plan.cursors[r.id];
    return next !== undefined && next !== r.rrCursor ? [{ ruleId: r.id, before: r.rrCursor, after: next }] : [];
  });
  const names = new Map(reps.map((r) => [r.id, r.name]));
  // Before = today's load; after = with this operation's accounts, named and planned alike.
  const loads = plan.loads.map((l) => ({ repId: l.repId, name: names.get(l.repId) ?? l.repId, accountsBefore: l.accountsBefore - (extraAccounts.get(l.repId) ?? 0), accountsAfter: l.accountsAfter }));
  return { owners, cursors, loads, fingerprint: plan.fingerprint };
}
