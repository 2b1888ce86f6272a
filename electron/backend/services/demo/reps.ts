import type { SeedContext } from './context';
import { INDUSTRIES } from './industries';
import { AUDIT_COLUMNS, prepareInsert } from './insert';
import type { People } from './people';
import { weighted } from './random';
import type { ProvinceNode, RegionNode, TerritoryTree } from './territories';

export interface SeedRep {
  idx: number;
  id: string;
  name: string;
  status: 'active' | 'paused' | 'left';
  region: RegionNode;
  /** The rep's primary territory: a province, or the whole region when it has fewer reps than provinces. */
  territoryId: string;
  provinces: ProvinceNode[];
  capacity: number;
  specialities: string[];
  joinDay: number;
  leftDay: number | null;
  /** Accounts the rep owns at the end (kept while planning, to respect capacity). */
  load: number;
}

export interface RepPool {
  reps: SeedRep[];
  /** Reps covering a province (primary, region-wide or extra territory). */
  byProvince: Map<string, SeedRep[]>;
  byRegion: Map<string, SeedRep[]>;
}

/** Default team size: ~40 reps for 5,000 accounts, ~200 for 100,000. */
export function defaultRepCount(accounts: number): number {
  if (accounts <= 5000) return Math.max(8, Math.round(accounts / 125));
  return Math.round(40 + ((accounts - 5000) * 160) / 95000);
}

/** Splits n over weights by largest remainder, each part at least `min`. */
function apportion(n: number, weights: readonly number[], min: number): number[] {
  const base = weights.map(() => min);
  const rest = n - min * weights.length;
  if (rest <= 0) return base;
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (rest * w) / sum);
  const parts = exact.map((x, i) => base[i]! + Math.floor(x));
  let left = n - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0]);
  for (const [, i] of order) {
    if (left <= 0) break;
    parts[i]! += 1;
    left--;
  }
  return parts;
}

const PAUSE_NOTES = ['产假中，客户暂由团队协助跟进', '病休，预计下月返岗', '外派总部培训三个月'];

/**
 * 业务员 (planned; written by writeReps once the accounts are planned): spread over the regions by how many customers each has, with primary territories, a few extra
 * provinces, capacities, industry specialities, a few paused and one who left (handed over).
 */
export function planReps(ctx: SeedContext, tree: TerritoryTree, people: People, count: number, accounts: number): RepPool {
  const { r } = ctx;
  const perRegion = apportion(count, tree.regions.map((x) => x.weight), count >= tree.regions.length ? 1 : 0);
  const reps: SeedRep[] = [];
  tree.regions.forEach((region, ri) => {
    const n = perRegion[ri]!;
    if (n === 0) return;
    const provinces = region.provinces;
    const regionWide = n < provinces.length;
    const perProvince = regionWide ? [] : apportion(n, provinces.map((p) => p.weight), 1);
    for (let k = 0; k < n; k++) {
      let home: ProvinceNode | null = null;
      if (!regionWide) {
        let acc = 0;
        for (let pi = 0; pi < provinces.length; pi++) {
          acc += perProvince[pi]!;
          if (k < acc) {
            home = provinces[pi]!;
            break;
          }
        }
      }
      const covered = home ? [home] : [...provinces];
      if (home && provinces.length > 1 && r.chance(0.2)) {
        const extra = r.pick(provinces.filter((p) => p !== home));
        covered.push(extra);
      }
      const specialities = r.sample(
        INDUSTRIES.map((i) => i.name),
        r.chance(0.6) ? 1 : 2,
      );
      reps.push({
        idx: reps.length,
        id: '',
        name: people.fullName(),
        status: 'active',
        region,
        territoryId: home ? home.id : region.id,
        provinces: covered,
        capacity: 0,
        specialities,
        joinDay: r.chance(0.85) ? ctx.startDay - r.int(30, 2500) : ctx.startDay + r.int(30, 400),
        leftDay: null,
        load: 0,
      });
    }
  });

  const byProvince = new Map<string, SeedRep[]>();
  for (const rep of reps) for (const p of rep.provinces) byProvince.set(p.id, [...(byProvince.get(p.id) ?? []), rep]);
  // Reps who joined at go-live or before cover every province; a new hire never is the only one.
  for (const [pid, list] of byProvince) {
    if (!list.some((x) => x.joinDay <= ctx.startDay)) list[0]!.joinDay = ctx.startDay - r.int(30, 900);
    byProvince.set(pid, list);
  }
  const activeCovering = (p: ProvinceNode, except: SeedRep) => (byProvince.get(p.id) ?? []).filter((x) => x !== except && x.status === 'active' && x.joinDay <= ctx.startDay).length;
  const canStepAway = (rep: SeedRep) => rep.provinces.every((p) => activeCovering(p, rep) >= 1);
  if (reps.length >= 5) {
    const leaver = r.sample(reps, reps.length).find((x) => x.joinDay <= ctx.startDay && canStepAway(x));
    if (leaver) {
      leaver.status = 'left';
      leaver.leftDay = ctx.lastDay - r.int(90, 150);
    }
  }
  const pauseCount = reps.length >= 10 ? Math.max(1, Math.round(reps.length * 0.05)) : 0;
  for (const rep of r.sample(reps, reps.length)) {
    if (reps.filter((x) => x.status === 'paused').length >= pauseCount) break;
    if (rep.status === 'active' && canStepAway(rep)) rep.status = 'paused';
  }

  const holders = reps.filter((x) => x.status !== 'left').length;
  const avg = accounts / Math.max(1, holders);
  for (const rep of reps) {
    rep.id = ctx.id(ctx.stamp(Math.max(ctx.startDay - 1, rep.joinDay)));
    rep.capacity = Math.max(20, Math.round((avg * weighted(r, [[1.3, 3], [1.5, 4], [1.8, 2], [2.2, 1]])) / 10) * 10);
  }
  const byRegion = new Map<string, SeedRep[]>();
  for (const rep of reps) byRegion.set(rep.region.id, [...(byRegion.get(rep.region.id) ?? []), rep]);
  return { reps, byProvince, byRegion };
}

/** Whether a rep can be given an account on a day (employed, and not paused in the last two months). */
export function canTake(rep: SeedRep, day: number, lastDay: number): boolean {
  if (day < rep.joinDay) return false;
  if (rep.leftDay !== null && day >= rep.leftDay) return false;
  if (rep.status === 'paused' && day > lastDay - 60) return false;
  return true;
}

/**
 * Writes the reps. A capacity the planned accounts outgrew (a small team, a region whose other rep
 * left) is raised to fit: the demo starts with every rep within capacity.
 */
export function writeReps(ctx: SeedContext, pool: RepPool, people: People): void {
  const { r } = ctx;
  const insert = prepareInsert(ctx.sqlite, 'reps', ['id', 'employee_no', 'name', 'phone', 'email', 'status', 'capacity', 'specialities', 'territory_id', 'user_id', 'joined_on', 'left_on', 'notes', ...AUDIT_COLUMNS, 'deleted_at']);
  const extra = prepareInsert(ctx.sqlite, 'rep_territories', ['rep_id', 'territory_id']);
  const a = ctx.actor.id;
  for (const rep of pool.reps) {
    if (rep.load > rep.capacity) rep.capacity = Math.ceil((rep.load * 1.1) / 10) * 10;
    const at = ctx.stamp(Math.max(ctx.startDay - 1, rep.joinDay));
    const updated = rep.leftDay !== null ? ctx.stamp(rep.leftDay) : at;
    insert.run(
      rep.id,
      `S${String(rep.idx + 1).padStart(4, '0')}`,
      rep.name,
      people.mobile(),
      `${people.pinyin(rep.name)}${rep.idx + 1}@hxzn.com.cn`,
      rep.status,
      rep.capacity,
      JSON.stringify(rep.specialities),
      rep.territoryId,
      null,
      ctx.date(rep.joinDay),
      rep.leftDay === null ? null : ctx.date(rep.leftDay),
      rep.status === 'paused' ? r.pick(PAUSE_NOTES) : rep.status === 'left' ? '已离职，客户已交接' : null,
      at,
      updated,
      a,
      a,
      1,
      null,
    );
    const primaryProvince = rep.territoryId === rep.region.id ? null : rep.territoryId;
    for (const p of rep.provinces) if (primaryProvince !== null && p.id !== primaryProvince) extra.run(rep.id, p.id);
  }
}
