import type { CreditRunSummary } from '../../../../shared/contract/credit';
import { gradeRank, GRADES } from '../../../../shared/domain/credit-grade';
import type { Core } from '../../core';
import { accountNames, type GradedAccount } from './credit-grade-all';

/** temp: only a temporary limit expiring within 7 days. */
export type Graded = Pick<GradedAccount, 'id' | 'grade' | 'score' | 'previous' | 'factors' | 'exposureFen' | 'limitFen' | 'overLimit' | 'suggestHold' | 'maxDays' | 'temp'>;

const LIST_MAX = 200;

/**
 * A batch run's summary, tallied one graded account at a time (the run writes each as it comes and
 * forgets it): the grade distribution, and only the accounts a list may show (grade changed, hold
 * suggested, over the limit, temporary limit expiring) are kept.
 */
export class RunSummaryTally {
  private readonly distribution: Record<string, number> = Object.fromEntries(GRADES.map((g) => [g, 0]));
  private count = 0;
  private upgrades = 0;
  private downgrades = 0;
  private readonly changes: Graded[] = [];
  private readonly holds: Graded[] = [];
  private readonly over: Graded[] = [];
  private readonly expiring: Graded[] = [];

  add(g: Graded): void {
    this.count++;
    this.distribution[g.grade] = (this.distribution[g.grade] ?? 0) + 1;
    if (g.previous !== null && g.previous !== g.grade) {
      if (gradeRank(g.grade) > gradeRank(g.previous)) this.downgrades++;
      else this.upgrades++;
      this.changes.push(g);
    }
    if (g.suggestHold) this.holds.push(g);
    if (g.overLimit) this.over.push(g);
    if (g.temp) this.expiring.push(g);
  }

  /** Idle accounts that stay A without a row of their own: counted only. */
  addIdleA(n: number): void {
    this.count += n;
    this.distribution.A = (this.distribution.A ?? 0) + n;
  }

  finish(core: Core, run: { runId: string; now: number; today: string; by: string; filtered: boolean; previousRunId: string | null }): CreditRunSummary {
    const { changes, holds, over, expiring } = this;
    // Codes and names only for the accounts that may be listed (ties sort by code).
    const names = accountNames(core, [...new Set([...changes, ...holds, ...over, ...expiring].map((g) => g.id))]);
    const code = (g: Graded) => names.get(g.id)?.code ?? g.id;
    const brief = (g: Graded) => ({ accountId: g.id, code: code(g), name: names.get(g.id)?.name ?? '' });
    const byCode = (a: Graded, b: Graded) => code(a).localeCompare(code(b));
    const rankDelta = (g: Graded) => gradeRank(g.grade) - gradeRank(g.previous);
    return {
      runId: run.runId,
      at: run.now,
      asOf: run.today,
      by: run.by,
      ms: 0,
      accountCount: this.count,
      filtered: run.filtered,
      previousRunId: run.previousRunId,
      distribution: this.distribution,
      changes: {
        upgrades: this.upgrades,
        downgrades: this.downgrades,
        list: changes
          .sort((a, b) => rankDelta(b) - rankDelta(a) || byCode(a, b))
          .slice(0, LIST_MAX)
          .map((g) => ({ ...brief(g), from: g.previous, to: g.grade })),
      },
      suggestedHolds: {
        count: holds.length,
        list: holds
          .sort((a, b) => gradeRank(b.grade) - gradeRank(a.grade) || b.maxDays - a.maxDays || byCode(a, b))
          .slice(0, LIST_MAX)
          .map((g) => ({ ...brief(g), grade: g.grade, maxDaysOverdue: g.maxDays })),
      },
      overLimit: {
        count: over.length,
        list: over
          .sort((a, b) => b.exposureFen - (b.limitFen ?? 0) - (a.exposureFen - (a.limitFen ?? 0)) || byCode(a, b))
          .slice(0, LIST_MAX)
          .map((g) => ({ ...brief(g), exposureFen: g.exposureFen, limitFen: g.limitFen ?? 0 })),
      },
      expiringTempLimits: {
        count: expiring.length,
        list: expiring
          .sort((a, b) => a.temp!.expiresOn.localeCompare(b.temp!.expiresOn) || byCode(a, b))
          .slice(0, LIST_MAX)
          .map((g) => ({ ...brief(g), ...g.temp! })),
      },
    };
  }
}
