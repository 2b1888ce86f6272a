import { asc, isNull, sql } from 'drizzle-orm';
import { territories } from '../../../db/schema';
import type { Rep, Territory } from '../../../shared/contract/reference';
import type { Core } from '../core';

export function listTerritories(core: Core): Territory[] {
  return core.db
    .select({ id: territories.id, parentId: territories.parentId, name: territories.name, code: territories.code, sortOrder: territories.sortOrder, version: territories.version })
    .from(territories)
    .where(isNull(territories.deletedAt))
    .orderBy(asc(territories.sortOrder), asc(territories.name))
    .all();
}

interface RepLoadRow {
  id: string;
  employee_no: string | null;
  name: string;
  phone: string | null;
  email: string | null;
  status: Rep['status'];
  capacity: number | null;
  specialities: string;
  territory_id: string | null;
  territory_name: string | null;
  account_count: number;
  open_receivable_fen: number;
  open_cases: number;
  version: number;
}

/** Reps with their current load (accounts held, open receivables, open cases on their accounts). */
export function listReps(core: Core, opts: { includeLeft: boolean }): Rep[] {
  const rows = core.db.all<RepLoadRow>(sql`
    select r.id, r.employee_no, r.name, r.phone, r.email, r.status, r.capacity, r.specialities, r.territory_id,
           t.name as territory_name, r.version,
           coalesce(l.account_count, 0) as account_count,
           coalesce(l.open_receivable_fen, 0) as open_receivable_fen,
           coalesce(l.open_cases, 0) as open_cases
    from reps r
    left join territories t on t.id = r.territory_id
    left join (
      select owner_rep_id, count(*) as account_count, sum(open_receivable_fen) as open_receivable_fen, sum(open_cases) as open_cases
      from accounts where deleted_at is null and owner_rep_id is not null group by owner_rep_id
    ) l on l.owner_rep_id = r.id
    where r.deleted_at is null ${opts.includeLeft ? sql`` : sql`and r.status <> 'left'`}
    order by r.name`);
  return rows.map((r) => ({
    id: r.id,
    employeeNo: r.employee_no,
    name: r.name,
    phone: r.phone,
    email: r.email,
    status: r.status,
    capacity: r.capacity,
    specialities: parseStringArray(r.specialities),
    territoryId: r.territory_id,
    territoryName: r.territory_name,
    accountCount: r.account_count,
    openReceivableFen: r.open_receivable_fen,
    openCases: r.open_cases,
    version: r.version,
  }));
}

function parseStringArray(text: string): string[] {
  try {
    const v: unknown = JSON.parse(text);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}
