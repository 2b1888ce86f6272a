import type { SeedContext } from './context';
import { weighted } from './random';
import { canTake, type RepPool, type SeedRep } from './reps';
import { RELEASE_REASONS, TRANSFER_REASONS } from './texts';
import type { CityNode } from './territories';

export type TransferKind = 'assign' | 'transfer' | 'reclaim' | 'claim' | 'release' | 'handover' | 'import' | 'auto';

/** One stretch of an account's history with the same owner (null = in the pool). */
export interface OwnerSegment {
  day: number;
  rep: SeedRep | null;
  /** How this stretch began; null for an account created straight into the pool (no transfer row). */
  kind: TransferKind | null;
  reason: string;
  /** Automatic changes (reclaim runs) have no user. */
  automatic: boolean;
}

export interface Ownership {
  segments: OwnerSegment[];
  owner: SeedRep | null;
  /** Day the current owner got the account, or the account entered the pool. */
  sinceDay: number;
  previousOwner: SeedRep | null;
  /** The day the account was last claimed (for protectedUntil). */
  claimedDay: number | null;
}

/** The pool rules' "no follow-up" days per tier (rules.ts writes the same numbers). */
export const NO_FOLLOWUP_DAYS = { A: 90, B: 60, C: 30 } as const;

export function ownerAt(o: Ownership, day: number): SeedRep | null {
  let rep: SeedRep | null = null;
  for (const s of o.segments) {
    if (s.day > day) break;
    rep = s.rep;
  }
  return rep;
}

/** A rep for an account in a city on a day: covering reps first, weighted by free capacity and speciality. */
export function pickRep(ctx: SeedContext, pool: RepPool, city: CityNode, industry: string, day: number, except: SeedRep | null): SeedRep | null {
  const ok = (x: SeedRep) => x !== except && canTake(x, day, ctx.lastDay);
  let candidates = (pool.byProvince.get(city.province.id) ?? []).filter(ok);
  if (candidates.length === 0) candidates = (pool.byRegion.get(city.province.region.id) ?? []).filter(ok);
  if (candidates.length === 0) candidates = pool.reps.filter(ok);
  if (candidates.length === 0) return null;
  let sum = 0;
  const weights = candidates.map((x) => {
    const free = Math.max(0.5, x.capacity - x.load);
    const w = free * (x.specialities.includes(industry) ? 2 : 1);
    sum += w;
    return w;
  });
  let pick = ctx.r.next() * sum;
  for (let i = 0; i < candidates.length; i++) {
    pick -= weights[i]!;
    if (pick < 0) return candidates[i]!;
  }
  return candidates[candidates.length - 1]!;
}

/**
 * Who owned the account when: the initial assignment (go-live import, a new assignment, or a lead that
 * entered the pool), then for some accounts a transfer, a reclaim to the pool (and maybe a claim by
 * another rep) or a release; a rep who left hands everything over on the day they left.
 */
export function planOwnership(ctx: SeedContext, pool: RepPool, a: { city: CityNode; industry: string; tier: 'A' | 'B' | 'C'; createdDay: number; imported: boolean }): Ownership {
  const { r } = ctx;
  const segments: OwnerSegment[] = [];
  const pick = (day: number, except: SeedRep | null) => pickRep(ctx, pool, a.city, a.industry, day, except);
  const region = a.city.province.region.geo.name;
  const last = ctx.lastDay;
  let claimedDay: number | null = null;

  if (a.imported) {
    segments.push({ day: a.createdDay, rep: pick(a.createdDay, null), kind: 'import', reason: '系统上线，导入原有客户资料', automatic: false });
  } else if (r.chance(0.22)) {
    segments.push({ day: a.createdDay, rep: null, kind: null, reason: '新线索进入公海', automatic: true });
    const claimDay = a.createdDay + r.int(1, 30);
    if (r.chance(0.6) && claimDay <= last) {
      segments.push({ day: claimDay, rep: pick(claimDay, null), kind: 'claim', reason: '从公海领取', automatic: false });
      claimedDay = claimDay;
    }
  } else if (r.chance(0.6)) {
    segments.push({ day: a.createdDay, rep: pick(a.createdDay, null), kind: 'assign', reason: '新客户分配给区域负责人', automatic: false });
  } else {
    segments.push({ day: a.createdDay, rep: pick(a.createdDay, null), kind: 'auto', reason: `自动分配：${region}区域轮询`, automatic: true });
  }

  const current = segments[segments.length - 1]!;
  if (current.rep !== null) {
    const from = current.day + 30;
    const u = r.next();
    if (u < 0.08 && from < last - 10) {
      const day = r.int(from, last - 10);
      const to = pick(day, current.rep);
      if (to) segments.push({ day, rep: to, kind: 'transfer', reason: r.pick(TRANSFER_REASONS), automatic: false });
    } else if (u < 0.155 && from < last - 1) {
      const day = r.int(from, last - 1);
      segments.push({ day, rep: null, kind: 'reclaim', reason: `超过 ${NO_FOLLOWUP_DAYS[a.tier]} 天未跟进，系统自动回收公海`, automatic: true });
      const claimDay = day + r.int(7, 60);
      if (r.chance(0.55) && claimDay <= last) {
        const to = pick(claimDay, current.rep);
        if (to) {
          segments.push({ day: claimDay, rep: to, kind: 'claim', reason: '从公海领取', automatic: false });
          claimedDay = claimDay;
        }
      }
    } else if (u < 0.165 && from < last - 1) {
      segments.push({ day: r.int(from, last - 1), rep: null, kind: 'release', reason: r.pick(RELEASE_REASONS), automatic: false });
    }
  }

  // A rep who left hands over whatever they still held that day.
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i]!;
    const leftDay = s.rep?.leftDay ?? null;
    if (leftDay === null) continue;
    const end = segments[i + 1]?.day ?? Infinity;
    if (leftDay < end && leftDay > s.day) {
      const to = pick(leftDay, s.rep);
      segments.splice(i + 1, 0, { day: leftDay, rep: to, kind: 'handover', reason: '业务员离职，客户交接', automatic: false });
    }
  }

  const tail = segments[segments.length - 1]!;
  let previousOwner: SeedRep | null = null;
  if (tail.rep === null) {
    for (let i = segments.length - 2; i >= 0; i--) {
      if (segments[i]!.rep) {
        previousOwner = segments[i]!.rep;
        break;
      }
    }
  }
  if (tail.rep) tail.rep.load++;
  return { segments, owner: tail.rep, sinceDay: tail.day, previousOwner, claimedDay };
}

/** Weighted tier draw: ~15 % A, 35 % B, 50 % C. */
export function drawTier(ctx: SeedContext): 'A' | 'B' | 'C' {
  return weighted(ctx.r, [
    ['A', 15],
    ['B', 35],
    ['C', 50],
  ] as const);
}
