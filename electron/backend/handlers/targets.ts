import type { targetsContract } from '../../../shared/contract/targets';
import type { Handlers } from '../../../shared/rpc/types';
import type { CallContext } from '../core';
import type { Runtime } from '../runtime';
import { computeAttainment } from '../services/targets/attainment';
import { computeLeaderboard } from '../services/targets/leaderboard';
import { resolvePeriodOrThrow } from '../services/targets/period-resolve';
import { computeScorecard } from '../services/targets/scorecard';
import { listTargets, upsertTargets } from '../services/targets/target-store';

export function targetsHandlers({ core }: Runtime): Handlers<typeof targetsContract, CallContext> {
  return {
    'targets.list': (q) => listTargets(core, q),
    'targets.upsert': ({ items }, ctx) => upsertTargets(core, ctx.actor, items),
    'targets.attainment': (q) => computeAttainment(core, resolvePeriodOrThrow(core, q.period), q),
    'targets.leaderboard': (q) => computeLeaderboard(core, resolvePeriodOrThrow(core, q.period), q.measure, q.by),
    'targets.scorecard': (q) => computeScorecard(core, resolvePeriodOrThrow(core, q.period), q.repId, q.trendPeriods),
  };
}
