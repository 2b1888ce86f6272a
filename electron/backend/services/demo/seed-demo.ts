import { msg } from '../../../../shared/i18n/text';
import { AppError } from '../../../../shared/rpc/errors';
import type { Actor, Core } from '../../core';
import { refreshAllAccountAggregates } from '../aggregates';
import { recordAudit } from '../audit';
import { planAccounts } from './account-plan';
import { dropIndexes, withRollbackJournal } from './bulk-load';
import { type PassState, seedAccount } from './account-pass';
import { seedSlaPolicies, writeCases } from './cases';
import { createSeedContext } from './context';
import { CreditWriter } from './credit';
import { writeLedger } from './ledger';
import { planOrders } from './order-plan';
import { ProductChooser } from './orders';
import { People } from './people';
import { seedProducts } from './products';
import { defaultRepCount, planReps, writeReps } from './reps';
import { seedAllocationRules, seedPoolRules } from './rules';
import { seedTags } from './tags';
import { RepStats, seedTargets } from './targets';
import { seedTerritories } from './territories';
import { seedUsers } from './users';
import { StreamWriters } from './writers';

/** Bumped whenever the generator's output changes (the benchmark's cached database is keyed on it). */
export const DEMO_GENERATOR_VERSION = 2;
export const DEFAULT_DEMO_SEED = 20261123;
export const DEFAULT_DEMO_ACCOUNTS = 5000;
/** History reaches this many months back from today. */
const HISTORY_MONTHS = 18;
/**
 * Indexes rebuilt after the bulk load (see bulk-load.ts): every index of accounts (its keys are names,
 * phones …) and, elsewhere, those whose keys arrive in random order during the load.
 */
const REBUILT_INDEXES = {
  tables: ['accounts'],
  names: [
    'contacts_mobile_idx',
    'account_transfers_at_idx',
    'account_transfers_claim_idx',
    'followups_rep_idx',
    'followups_due_idx',
    'orders_order_no_uq',
    'orders_rep_idx',
    'orders_state_idx',
    'shipments_no_uq',
    'instalments_open_due_idx',
    'payments_no_uq',
  ],
};

export interface SeedOptions {
  actor: Actor;
  accounts?: number;
  /** Team size; by default it grows with the number of accounts (~40 for 5,000, ~200 for 100,000). */
  reps?: number;
  /** Total order lines; by default 10 per account. */
  orderLines?: number;
  seed?: number;
  /** Called after each phase with its duration (benchmarks report where the time goes). */
  onPhase?: (phase: string, ms: number) => void;
}

export interface SeedSummary {
  seed: number;
  today: string;
  generatorVersion: number;
  users: string[];
  territories: number;
  reps: number;
  products: number;
  tags: number;
  accounts: number;
  pooledAccounts: number;
  contacts: number;
  accountTags: number;
  transfers: number;
  followups: number;
  orders: number;
  orderLines: number;
  shipments: number;
  shipmentLines: number;
  instalments: number;
  payments: number;
  allocations: number;
  returns: number;
  cases: number;
  caseEvents: number;
  creditProfiles: number;
  poolRules: number;
  allocationRules: number;
  slaPolicies: number;
  targets: number;
  ms: number;
}

function checkSize(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new AppError('INVALID_INPUT', msg(`${name} 应为 ${min} 到 ${max} 之间的整数（收到 ${value}）`, `${name} must be an integer from ${min} to ${max} (got ${value})`));
  }
}

/**
 * The demo company (zh-CN): territories, reps, products, accounts with contacts, owners and history,
 * follow-ups, orders with shipments, instalments, payments, returns and refunds, cases, credit
 * profiles, pool and allocation rules, targets and two extra sign-in profiles — over the 18 months
 * before today, in one transaction. Same seed and sizes (and today) → the same data, ids included.
 * Only an empty database (no accounts, no reps) can be seeded.
 */
export function seedDemo(core: Core, opts: SeedOptions): SeedSummary {
  const t0 = performance.now();
  const accountCount = opts.accounts ?? DEFAULT_DEMO_ACCOUNTS;
  const seed = opts.seed ?? DEFAULT_DEMO_SEED;
  checkSize('accounts', accountCount, 1, 2_000_000);
  const repCount = opts.reps ?? defaultRepCount(accountCount);
  checkSize('reps', repCount, 1, 10_000);
  const orderLines = opts.orderLines ?? accountCount * 10;
  checkSize('orderLines', orderLines, 0, 20_000_000);
  checkSize('seed', seed, 0, 2 ** 32 - 1);

  let mark = performance.now();
  const phase = (name: string) => {
    const now = performance.now();
    opts.onPhase?.(name, now - mark);
    mark = now;
  };
  const summary = withRollbackJournal(core.conn, () => core.tx(() => {
    const existing = core.sqlite.prepare('select (select count(*) from accounts) as accounts, (select count(*) from reps) as reps').get() as { accounts: number; reps: number };
    if (existing.accounts > 0 || existing.reps > 0) {
      throw new AppError(
        'CONFLICT',
        msg(`数据库里已有 ${existing.accounts} 个客户、${existing.reps} 个业务员，演示数据只能写入空数据库`, `The database already holds ${existing.accounts} accounts and ${existing.reps} reps; demo data can only go into an empty database`),
      );
    }
    const ctx = createSeedContext(core, opts.actor, seed, HISTORY_MONTHS);
    const users = seedUsers(ctx);
    const tree = seedTerritories(ctx);
    const people = new People(ctx.faker, ctx.r);
    const pool = planReps(ctx, tree, people, repCount, accountCount);
    const products = seedProducts(ctx);
    const tagIds = seedTags(ctx);
    const slaPolicies = seedSlaPolicies(ctx);
    const poolRules = seedPoolRules(ctx, pool);
    const allocationRules = seedAllocationRules(ctx, tree, pool);

    const indexes = dropIndexes(core.sqlite, REBUILT_INDEXES);
    phase('setup');
    const plans = planAccounts(ctx, tree, pool, people, accountCount);
    writeReps(ctx, pool, people);
    phase('plan accounts');
    const orderPlan = planOrders(ctx, plans, orderLines);
    phase('plan orders');
    const writers = new StreamWriters(ctx);
    const state: PassState = {
      ctx,
      pool,
      people,
      writers,
      credit: new CreditWriter(ctx, users.managerId),
      chooser: new ProductChooser(products),
      orderPlan,
      tagIds,
      users,
      stats: new RepStats(ctx, pool.reps.length),
      payments: [],
      returns: [],
      cases: [],
    };
    plans.forEach((plan, i) => seedAccount(state, plan, i));
    phase('accounts, orders, follow-ups');
    const ledger = writeLedger(ctx, state.returns, state.payments);
    const cases = writeCases(ctx, state.cases);
    const targets = seedTargets(ctx, pool, state.stats);
    ctx.numbers.write(core.sqlite);
    phase('payments, cases, targets');
    // Index builds sort; a second thread helps when a core is free.
    const threads = core.sqlite.pragma('threads', { simple: true }) as number;
    core.sqlite.pragma('threads = 2');
    indexes.recreate();
    core.sqlite.pragma(`threads = ${threads}`);
    phase('indexes');
    refreshAllAccountAggregates(core);
    phase('aggregates');

    const result: SeedSummary = {
      seed,
      today: ctx.today,
      generatorVersion: DEMO_GENERATOR_VERSION,
      users: users.created,
      territories: tree.count,
      reps: pool.reps.length,
      products: products.length,
      tags: tagIds.size,
      accounts: writers.accounts.count,
      pooledAccounts: plans.filter((p) => p.ownership.owner === null).length,
      contacts: writers.contacts.count,
      accountTags: writers.accountTags.count,
      transfers: writers.transfers.count,
      followups: writers.followups.count,
      orders: writers.orders.count,
      orderLines: writers.orderLines.count,
      shipments: writers.shipments.count,
      shipmentLines: writers.shipmentLines.count,
      instalments: writers.instalments.count,
      payments: ledger.payments,
      allocations: ledger.allocations,
      returns: ledger.returns,
      cases: cases.cases,
      caseEvents: cases.events,
      creditProfiles: state.credit.count,
      poolRules,
      allocationRules,
      slaPolicies,
      targets,
      ms: 0,
    };
    result.ms = Math.round(performance.now() - t0);
    const { ms: _ms, ...audited } = result;
    recordAudit(core, opts.actor, { action: 'demo.seed', entityType: 'system', entityId: null, after: audited });
    return result;
  }));
  phase('commit');
  summary.ms = Math.round(performance.now() - t0);
  core.events.emit('data.changed', { entities: ['*'] });
  return summary;
}
