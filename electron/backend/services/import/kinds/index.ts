import type { ImportKind } from '../../../../../shared/domain/import/kinds';
import { accountsKind } from './accounts';
import { followupsKind } from './followups';
import type { KindImpl } from './kind';
import { ordersKind } from './orders';
import { paymentsKind } from './payments';
import { repsKind } from './reps';
import { targetsKind } from './targets';

export const KINDS: Record<ImportKind, KindImpl> = {
  accounts: accountsKind,
  reps: repsKind,
  followups: followupsKind,
  orders: ordersKind,
  payments: paymentsKind,
  targets: targetsKind,
};
