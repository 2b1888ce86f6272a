import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { repTerritories, reps, territories } from '../../../db/schema';
import type { DecisionPanel } from '../../../shared/contract/decision';
import type { Rep } from '../../../shared/contract/reference';
import type { repDetailSchema, repInputSchema } from '../../../shared/contract/reps';
import { planAllocation } from '../../../shared/domain/allocation-plan';
import { fingerprint } from '../../../shared/domain/fingerprint';
import { msg } from '../../../shared/i18n/text';
import { AppError } from '../../../shared/rpc/errors';
import type { Actor, Core } from '../core';
import { newId } from '../ids';
import { listAllocationRules, ruleSpecs } from './allocation-rules';
import { changedFields, recordAudit } from './audit';
import { buildDecisionPanel, loadImpact } from './decision-panel';
import { applyOwnerChanges, type ExtraJournalItem } from './owner-changes';
import { allRepLoads, type RepRecord, repLabel, requireRep, resolveRepIn } from './rep-lookup';
import { loadTerritoryIndex } from './territory-index';
import { staleVersion } from './users';

type RepInput = z.output<typeof repInputSchema>;
type RepDetail = z.output<typeof repDetailSchema>;

export function getRepDetail(core: Core, id: string): RepDetail {
  const rec = requireRep(core, id);
  const load = allRepLoads(core).find((r) => r.id === id)!;
  const extra = core.db.select({ t: repTerritories.territoryId }).from(repTerritories).where(eq(repTerritories.repId, id)).all();
  const today = core.today();
  const due = core.sqlite.prepare('select count(*) as n from followups where rep_id = ? and next_done = 0 and next_on is not null and next_on <= ? and deleted_at is null').get(id, today) as { n: number };
  const rem = core.sqlite.prepare('select count(*) as n from accounts where owner_rep_id = ? and deleted_at is null and reclaim_remind_on <= ? and reclaim_on > ?').get(id, today, today) as { n: number };
  return { ...load, extraTerritoryIds: extra.map((e) => e.t), joinedOn: rec.joinedOn, leftOn: rec.leftOn, notes: rec.notes, dueFollowups: due.n, reclaimReminders: rem.n };
}

export function resolveRep(core: Core, ref: string): Rep {
  return resolveRepIn(allRepLoads(core), ref, '业务员');
}

function checkInput(core: Core, input: Partial<RepInput>, selfId: string | null): void {
  if (input.employeeNo) {
    const other = core.db.select({ id: reps.id, name: reps.name }).from(reps).where(eq(reps.employeeNo, input.employeeNo)).get();
    if (other && other.id !== selfId) throw new AppError('CONFLICT', msg(`工号 ${input.employeeNo} 已属于 ${other.name}`, `Employee number ${input.employeeNo} already belongs to ${other.name}`), { field: 'employeeNo' });
  }
  const ids = [...(input.territoryId ? [input.territoryId] : []), ...(input.extraTerritoryIds ?? [])];
  for (const t of ids) {
    const row = core.db.select({ id: territories.id, deletedAt: territories.deletedAt }).from(territories).where(eq(territories.id, t)).get();
    if (!row || row.deletedAt !== null) throw new AppError('INVALID_INPUT', msg(`区域不存在：${t}`, `Territory does not exist: ${t}`), { field: 'territoryId' });
  }
}

function setExtraTerritories(core: Core, repId: string, ids: readonly string[]): void {
  core.db.delete(repTerritories).where(eq(repTerritories.repId, repId)).run();
  for (const t of new Set(ids)) core.db.insert(repTerritories).values({ repId, territoryId: t }).run();
}

function emptyToNull<T extends Record<string, unknown>>(o: T): T {
  const out: Record<string, unknown> = { ...o };
  for (const k of Object.keys(out)) if (out[k] === '') out[k] = null;
  return out as T;
}

export function createRep(core: Core, actor: Actor, raw: RepInput): RepDetail {
  const input = emptyToNull(raw);
  const id = core.tx(() => {
    checkInput(core, input, null);
    const now = core.clock.now();
    const { extraTerritoryIds, specialities, ...fields } = input;
    const row = { ...fields, specialities: JSON.stringify(specialities ?? []), id: newId(now), createdAt: now, updatedAt: now, createdBy: actor.id, updatedBy: actor.id, version: 1 };
    core.db.insert(reps).values(row).run();
    setExtraTerritories(core, row.id, extraTerritoryIds ?? []);
    recordAudit(core, actor, { action: 'rep.create', entityType: 'rep', entityId: row.id, after: { ...row, extraTerritoryIds } });
    return row.id;
  });
  core.events.emit('data.changed', { entities: ['reps'] });
  return getRepDetail(core, id);
}

export function updateRep(core: Core, actor: Actor, input: { id: string; version: number; patch: Partial<RepInput> }): RepDetail {
  const patch = emptyToNull(input.patch);
  core.tx(() => {
    const before = requireRep(core, input.id);
    if (before.version !== input.version) throw staleVersion('rep', before.version);
    checkInput(core, patch, input.id);
    if (patch.status === 'left' && before.status !== 'left') {
      const held = core.sqlite.prepare('select count(*) as n from accounts where owner_rep_id = ? and deleted_at is null').get(input.id) as { n: number };
      if (held.n > 0) {
        throw new AppError('RULE_VIOLATION', msg(`${before.name} 仍负责 ${held.n} 个客户，请先通过“离职交接”移交`, `${before.name} still owns ${held.n} accounts; hand them over first`), { accounts: held.n });
      }
    }
    const { extraTerritoryIds, specialities, ...fields } = patch;
    const set: Partial<RepRecord> = { ...fields };
    if (specialities !== undefined) set.specialities = JSON.stringify(specialities);
    if (patch.status === 'left' && before.status !== 'left') set.leftOn = core.today();
    if (patch.status !== undefined && patch.status !== 'left') set.leftOn = null;
    const diff = changedFields(before, set);
    const oldExtra = core.db.select({ t: repTerritories.territoryId }).from(repTerritories).where(eq(repTerritories.repId, input.id)).all().map((e) => e.t);
    const extraChanged = extraTerritoryIds !== undefined && [...new Set(extraTerritoryIds)].sort().join() !== [...oldExtra].sort().join();
    if (!diff && !extraChanged) return;
    const r = core.db
      .update(reps)
      .set({ ...(diff?.after ?? {}), updatedAt: core.clock.now(), updatedBy: actor.id, version: before.version + 1 })
      .where(and(eq(reps.id, input.id), eq(reps.version, input.version)))
      .run();
    if (r.changes !== 1) throw staleVersion('rep', before.version);
    if (extraChanged) setExtraTerritories(core, input.id, extraTerritoryIds);
    recordAudit(core, actor, {
      action: 'rep.update',
      entityType: 'rep',
      entityId: input.id,
      before: { ...(diff?.before ?? {}), ...(extraChanged ? { extraTerritoryIds: oldExtra } : {}) },
      after: { ...(diff?.after ?? {}), ...(extraChanged ? { extraTerritoryIds } : {}) },
    });
  });
  core.events.emit('data.changed', { entities: ['reps'] });
  return getRepDetail(core, input.id);
}

type Mode = 'rules' | 'pool' | 'rep';

interface HandoverPlan {
  moves: { accountId: string; toRepId: string | null; note: string }[];
  fingerprint: string;
}

/** Where each of the rep's accounts goes: by the saved rules (the rep counted as gone), to one rep, or to the pool. */
function planHandover(core: Core, input: { repId: string; mode: Mode; toRepId?: string | undefined }): HandoverPlan {
  const rep = requireRep(core, input.repId);
  const owned = core.sqlite
    .prepare('select id, territory_id, industry, tier, source, open_receivable_fen from accounts where owner_rep_id = ? and deleted_at is null')
    .raw()
    .all(rep.id) as [string, string | null, string | null, 'A' | 'B' | 'C', string | null, number][];
  let moves: HandoverPlan['moves'];
  if (input.mode === 'pool') {
    moves = owned.map((a) => ({ accountId: a[0], toRepId: null, note: '交接：进入公海' }));
  } else if (input.mode === 'rep') {
    if (!input.toRepId) throw new AppError('INVALID_INPUT', msg('请选择接收的业务员', 'Choose the rep who takes over'), { field: 'toRepId' });
    const to = requireRep(core, input.toRepId);
    if (to.id === rep.id) throw new AppError('INVALID_INPUT', msg('不能交接给本人', 'Cannot hand over to the same rep'), { field: 'toRepId' });
    if (to.status === 'left') throw new AppError('RULE_VIOLATION', msg(`${repLabel(to)} 已离职`, `${to.name} has left`), { field: 'toRepId' });
    moves = owned.map((a) => ({ accountId: a[0], toRepId: to.id, note: `交接给 ${to.name}` }));
  } else {
    const rules = listAllocationRules(core);
    const names = new Map(rules.map((r) => [r.id, r.name]));
    const tagRows = core.sqlite
      .prepare('select at.account_id, t.name from account_tags at join tags t on t.id = at.tag_id join accounts a on a.id = at.account_id where a.owner_rep_id = ?')
      .raw()
      .all(rep.id) as [string, string][];
    const tags = new Map<string, string[]>();
    for (const [id, name] of tagRows) tags.set(id, [...(tags.get(id) ?? []), name]);
    const fallbackId = core.settings().allocationFallbackRepId;
    const plan = planAllocation({
      // Planned as unowned: nothing is "kept" by the leaving rep, who is counted as gone.
      accounts: owned.map((a) => ({ id: a[0], territoryId: a[1], industry: a[2], tier: a[3], source: a[4], tags: tags.get(a[0]) ?? [], ownerRepId: null, openReceivableFen: a[5] })),
      rules: ruleSpecs(rules),
      reps: allRepLoads(core).map((r) => ({ id: r.id, status: r.id === rep.id ? 'left' : r.status, capacity: r.capacity, accountCount: r.accountCount, openReceivableFen: r.openReceivableFen })),
      fallback: fallbackId && fallbackId !== rep.id ? { kind: 'rep', repId: fallbackId } : { kind: 'pool' },
      territories: loadTerritoryIndex(core).ancestors,
    });
    moves = plan.assignments.map((a) => ({
      accountId: a.accountId,
      toRepId: a.toRepId,
      note: a.via === 'rule' ? `交接：${names.get(a.ruleId!) ?? ''}` : a.via === 'fallback' ? '交接：默认接收人' : '交接：进入公海',
    }));
  }
  return { moves, fingerprint: fingerprint(moves.map((m) => `${m.accountId}>${m.toRepId ?? ''}`).join('\n')) };
}

export function previewHandover(core: Core, input: { repId: string; mode: Mode; toRepId?: string | undefined; rowLimit: number }): { fingerprint: string; panel: DecisionPanel } {
  const plan = planHandover(core, input);
  const info = loadImpact(
    core,
    plan.moves.map((m) => m.accountId),
  );
  const panel = buildDecisionPanel(
    core,
    allRepLoads(core),
    plan.moves.map((m) => ({ account: info.get(m.accountId)!, toRepId: m.toRepId, note: m.note })),
    { rowLimit: input.rowLimit, alsoReps: [input.repId] },
  );
  return { fingerprint: plan.fingerprint, panel };
}

/** The handover: moves the accounts and (by default) marks the rep as left, as one undoable journal entry. */
export function handoverRep(
  core: Core,
  actor: Actor,
  input: { repId: string; mode: Mode; toRepId?: string | undefined; reason: string; setStatus: 'left' | 'paused' | null; leftOn?: string | undefined; expectFingerprint?: string | undefined },
) {
  const result = core.tx(() => {
    const rep = requireRep(core, input.repId);
    const plan = planHandover(core, input);
    if (input.expectFingerprint !== undefined && input.expectFingerprint !== plan.fingerprint) {
      throw new AppError('CONFLICT', msg('数据在预览之后发生了变化，请重新预览', 'The data changed since the preview; preview again'));
    }
    const extra: ExtraJournalItem[] = [];
    const now = core.clock.now();
    if (input.setStatus && input.setStatus !== rep.status) {
      const leftOn = input.setStatus === 'left' ? (input.leftOn ?? core.today()) : null;
      const before = { status: rep.status, leftOn: rep.leftOn, updatedAt: rep.updatedAt, updatedBy: rep.updatedBy, version: rep.version };
      const after = { status: input.setStatus, leftOn, updatedAt: now, updatedBy: actor.id, version: rep.version + 1 };
      core.db.update(reps).set({ status: after.status, leftOn, updatedAt: now, updatedBy: actor.id, version: after.version }).where(eq(reps.id, rep.id)).run();
      recordAudit(core, actor, { action: 'rep.update', entityType: 'rep', entityId: rep.id, before: { status: rep.status }, after: { status: input.setStatus }, reason: input.reason });
      extra.push({ entityType: 'rep', entityId: rep.id, before, after, afterVersion: after.version });
    }
    const toPool = plan.moves.filter((m) => m.toRepId === null).length;
    const out = applyOwnerChanges(
      core,
      actor,
      plan.moves.map((m) => ({ accountId: m.accountId, toRepId: m.toRepId, reason: `${input.reason}（${m.note}）` })),
      { kind: 'handover', reason: input.reason, journalKind: 'handover', summary: `${rep.name} 交接 ${plan.moves.length} 个客户：${input.reason}`, extraItems: extra },
    );
    if (out.journalId === null && extra.length > 0) {
      // No accounts to move: the status change alone is still one journal entry, so it can be undone too.
      const journalId = newId(now);
      core.sqlite.prepare('insert into journals (id, kind, summary, item_count, created_at, created_by) values (?, ?, ?, ?, ?, ?)').run(journalId, 'handover', `${rep.name} 交接：${input.reason}`, 1, now, actor.id);
      core.sqlite
        .prepare('insert into journal_items (id, journal_id, entity_type, entity_id, action, before, after, after_version) values (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(newId(now), journalId, 'rep', rep.id, 'update', JSON.stringify(extra[0]!.before), JSON.stringify(extra[0]!.after), extra[0]!.afterVersion);
      return { journalId, changed: 0, toPool: 0 };
    }
    return { journalId: out.journalId, changed: out.changed, toPool };
  });
  core.events.emit('data.changed', { entities: ['accounts', 'reps', 'journals'] });
  return result;
}
