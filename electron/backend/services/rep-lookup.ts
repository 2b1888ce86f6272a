import { eq } from 'drizzle-orm';
import { reps } from '../../../db/schema';
import type { Rep } from '../../../shared/contract/reference';
import type { RepBefore } from '../../../shared/domain/transfer-impact';
import { msg } from '../../../shared/i18n/text';
import { AppError } from '../../../shared/rpc/errors';
import type { Core } from '../core';
import { listReps } from './reference';

export type RepRecord = typeof reps.$inferSelect;

export function requireRep(core: Core, id: string): RepRecord {
  const r = core.db.select().from(reps).where(eq(reps.id, id)).get();
  if (!r || r.deletedAt !== null) throw new AppError('NOT_FOUND', msg(`业务员不存在：${id}`, `Rep not found: ${id}`), { repId: id });
  return r;
}

/** Every rep (left ones too) with the load figures the decision panel and the planner need. */
export function allRepLoads(core: Core): Rep[] {
  return listReps(core, { includeLeft: true });
}

export function toRepBefore(r: Rep): RepBefore {
  return { id: r.id, accountCount: r.accountCount, openReceivableFen: r.openReceivableFen, openCases: r.openCases, capacity: r.capacity, status: r.status };
}

/**
 * A rep named by a person (CLI --to, a rules file): id, employee number, or exact name. A name shared
 * by two reps is refused with their employee numbers, never guessed.
 */
export function resolveRepIn(all: readonly Rep[], ref: string, where: string): Rep {
  const r = ref.trim();
  const byId = all.find((x) => x.id === r);
  if (byId) return byId;
  const byNo = all.filter((x) => x.employeeNo !== null && x.employeeNo.toLowerCase() === r.toLowerCase());
  if (byNo.length === 1) return byNo[0]!;
  const byName = all.filter((x) => x.name === r);
  if (byName.length === 1) return byName[0]!;
  if (byName.length > 1) {
    const nos = byName.map((x) => x.employeeNo ?? x.id).join('、');
    throw new AppError('INVALID_INPUT', msg(`${where}：有多个业务员叫“${r}”（工号 ${nos}），请用工号`, `${where}: more than one rep is called "${r}" (${nos}); use the employee number`), { ref: r });
  }
  throw new AppError('NOT_FOUND', msg(`${where}：找不到业务员“${r}”（可用姓名、工号或 id）`, `${where}: no rep "${r}" (use a name, employee number or id)`), { ref: r });
}

export function repLabel(r: Pick<Rep, 'name' | 'employeeNo'>): string {
  return r.employeeNo ? `${r.name}（${r.employeeNo}）` : r.name;
}
