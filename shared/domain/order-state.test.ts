import { describe, expect, it } from 'vitest';
import { ORDER_ACTIONS, ORDER_STATES, type OrderAction, type OrderState, canEditLines, orderTransition } from './order-state';

/**
 * The whole table, written out by hand: every state × every action (on_hold once per "held from"
 * state, ship once partial and once full). '-' means refused.
 */
type Row = Record<OrderAction, OrderState | '-'>;
const partial: Record<Exclude<OrderState, 'on_hold'>, Row> = {
  draft: { confirm: 'confirmed', ship: '-', complete: '-', hold: 'on_hold', release: '-', cancel: 'cancelled', reopen: '-' },
  confirmed: { confirm: '-', ship: 'partly_shipped', complete: '-', hold: 'on_hold', release: '-', cancel: 'cancelled', reopen: '-' },
  partly_shipped: { confirm: '-', ship: 'partly_shipped', complete: '-', hold: 'on_hold', release: '-', cancel: '-', reopen: '-' },
  shipped: { confirm: '-', ship: '-', complete: 'completed', hold: 'on_hold', release: '-', cancel: '-', reopen: '-' },
  completed: { confirm: '-', ship: '-', complete: '-', hold: '-', release: '-', cancel: '-', reopen: 'shipped' },
  cancelled: { confirm: '-', ship: '-', complete: '-', hold: '-', release: '-', cancel: '-', reopen: '-' },
};
const onHoldFrom: Record<'draft' | 'confirmed' | 'partly_shipped' | 'shipped', Row> = {
  draft: { confirm: '-', ship: '-', complete: '-', hold: '-', release: 'draft', cancel: 'cancelled', reopen: '-' },
  confirmed: { confirm: '-', ship: '-', complete: '-', hold: '-', release: 'confirmed', cancel: 'cancelled', reopen: '-' },
  partly_shipped: { confirm: '-', ship: '-', complete: '-', hold: '-', release: 'partly_shipped', cancel: '-', reopen: '-' },
  shipped: { confirm: '-', ship: '-', complete: '-', hold: '-', release: 'shipped', cancel: '-', reopen: '-' },
};

function outcome(state: OrderState, action: OrderAction, extra: { heldFromState?: OrderState | null; fullyShippedAfter?: boolean } = {}): OrderState | '-' {
  const r = orderTransition({ state, ...extra }, action);
  if (!r.ok) {
    // Every refusal carries a reason in both languages that names the state and the action.
    expect(r.reason.zh.length).toBeGreaterThan(5);
    expect(r.reason.en).toMatch(/^Cannot /);
    return '-';
  }
  return r.to;
}

describe('order state machine', () => {
  it('covers every state and action', () => {
    expect(ORDER_STATES).toHaveLength(7);
    expect(ORDER_ACTIONS).toHaveLength(7);
  });

  for (const state of ORDER_STATES.filter((s): s is Exclude<OrderState, 'on_hold'> => s !== 'on_hold')) {
    for (const action of ORDER_ACTIONS) {
      it(`${state} × ${action} → ${partial[state][action]}`, () => {
        expect(outcome(state, action, { fullyShippedAfter: false })).toBe(partial[state][action]);
      });
    }
  }

  for (const from of ['draft', 'confirmed', 'partly_shipped', 'shipped'] as const) {
    for (const action of ORDER_ACTIONS) {
      it(`on_hold (from ${from}) × ${action} → ${onHoldFrom[from][action]}`, () => {
        expect(outcome('on_hold', action, { heldFromState: from })).toBe(onHoldFrom[from][action]);
      });
    }
  }

  it('a full shipment lands in shipped, a partial one in partly_shipped', () => {
    expect(outcome('confirmed', 'ship', { fullyShippedAfter: true })).toBe('shipped');
    expect(outcome('partly_shipped', 'ship', { fullyShippedAfter: true })).toBe('shipped');
    expect(outcome('partly_shipped', 'ship', { fullyShippedAfter: false })).toBe('partly_shipped');
  });

  it('refuses release when the held-from state is unknown', () => {
    expect(outcome('on_hold', 'release', { heldFromState: null })).toBe('-');
    expect(outcome('on_hold', 'release', { heldFromState: 'cancelled' })).toBe('-');
  });

  it('gives specific reasons', () => {
    const r = orderTransition({ state: 'shipped' }, 'cancel');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason.zh).toBe('已发货的订单不能取消：已有发货，请走退货流程');
      expect(r.reason.en).toBe('Cannot cancel an order that is shipped: goods have shipped; use a return instead');
    }
  });

  it('allows editing lines only in draft', () => {
    expect(ORDER_STATES.filter(canEditLines)).toEqual(['draft']);
  });
});
