import { type LocalizedText, msg } from '../i18n/text';

/**
 * The order state machine (订单状态). Decisions, written down once:
 * - Lines and header are editable in `draft` only; confirming freezes the amounts (instalments, credit
 *   and receivables all hang off the confirmed total).
 * - `ship` is one action; whether it lands in partly_shipped or shipped depends on whether every line is
 *   fully shipped afterwards (the service tells us via `fullyShippedAfter`).
 * - `complete` needs everything shipped: closing short would leave unshipped goods in the receivable.
 * - `hold` can pause any live order (draft, confirmed, partly_shipped, shipped); `release` returns it to
 *   the state it was held from. While on hold nothing else happens except `cancel` (when nothing shipped).
 * - `cancel` only while nothing has shipped (draft, confirmed, or on hold from one of those); afterwards
 *   goods come back through returns. Cancelling is final: money allocated to the order goes back to the
 *   account's credit, and a new order is made instead of reviving a cancelled one (as in ERPNext).
 * - `reopen` takes a completed order back to shipped (a late return or dispute). Cancelled stays final.
 */
export const ORDER_STATES = ['draft', 'confirmed', 'partly_shipped', 'shipped', 'completed', 'on_hold', 'cancelled'] as const;
export type OrderState = (typeof ORDER_STATES)[number];

export const ORDER_ACTIONS = ['confirm', 'ship', 'complete', 'hold', 'release', 'cancel', 'reopen'] as const;
export type OrderAction = (typeof ORDER_ACTIONS)[number];

export interface OrderStateContext {
  state: OrderState;
  /** For on_hold: the state it returns to on release. */
  heldFromState?: OrderState | null;
  /** For ship: whether every line will be fully shipped after this shipment. */
  fullyShippedAfter?: boolean;
}

export type TransitionResult = { ok: true; to: OrderState } | { ok: false; reason: LocalizedText };

export const ORDER_STATE_NAMES: Record<OrderState, LocalizedText> = {
  draft: msg('草稿', 'draft'),
  confirmed: msg('已确认', 'confirmed'),
  partly_shipped: msg('部分发货', 'partly shipped'),
  shipped: msg('已发货', 'shipped'),
  completed: msg('已完成', 'completed'),
  on_hold: msg('已暂停', 'on hold'),
  cancelled: msg('已取消', 'cancelled'),
};

export const ORDER_ACTION_NAMES: Record<OrderAction, LocalizedText> = {
  confirm: msg('确认', 'confirm'),
  ship: msg('发货', 'ship'),
  complete: msg('完成', 'complete'),
  hold: msg('暂停', 'hold'),
  release: msg('解除暂停', 'release'),
  cancel: msg('取消', 'cancel'),
  reopen: msg('重新打开', 'reopen'),
};

function refuse(state: OrderState, action: OrderAction, zhWhy: string, enWhy: string): TransitionResult {
  const s = ORDER_STATE_NAMES[state];
  const a = ORDER_ACTION_NAMES[action];
  return { ok: false, reason: msg(`${s.zh}的订单不能${a.zh}：${zhWhy}`, `Cannot ${a.en} an order that is ${s.en}: ${enWhy}`) };
}

const LIVE: readonly OrderState[] = ['draft', 'confirmed', 'partly_shipped', 'shipped'];

/** The state an action leads to, or why it is refused. Pure: every state × action is decided here. */
export function orderTransition(ctx: OrderStateContext, action: OrderAction): TransitionResult {
  const { state } = ctx;
  if (state === 'cancelled') return refuse(state, action, '取消是最终状态，请新建订单', 'cancellation is final; create a new order instead');
  if (state === 'on_hold') {
    const from = ctx.heldFromState ?? null;
    if (action === 'release') {
      if (from === null || !LIVE.includes(from)) return refuse(state, action, '不知道暂停前的状态', 'the state before the hold is unknown');
      return { ok: true, to: from };
    }
    if (action === 'cancel') {
      if (from === 'draft' || from === 'confirmed') return { ok: true, to: 'cancelled' };
      return refuse(state, action, '已有发货，请走退货流程', 'goods have shipped; use a return instead');
    }
    return refuse(state, action, '请先解除暂停', 'release the hold first');
  }
  switch (action) {
    case 'confirm':
      return state === 'draft' ? { ok: true, to: 'confirmed' } : refuse(state, action, '只有草稿可以确认', 'only a draft can be confirmed');
    case 'ship':
      if (state === 'confirmed' || state === 'partly_shipped') return { ok: true, to: ctx.fullyShippedAfter ? 'shipped' : 'partly_shipped' };
      if (state === 'draft') return refuse(state, action, '请先确认订单', 'confirm the order first');
      return refuse(state, action, '没有待发货的数量', 'nothing is left to ship');
    case 'complete':
      if (state === 'shipped') return { ok: true, to: 'completed' };
      if (state === 'completed') return refuse(state, action, '订单已完成', 'the order is already completed');
      return refuse(state, action, '还有未发货的数量', 'some quantity has not shipped yet');
    case 'hold':
      if (LIVE.includes(state)) return { ok: true, to: 'on_hold' };
      return refuse(state, action, '已完成的订单无需暂停', 'a completed order has nothing to pause');
    case 'release':
      return refuse(state, action, '订单没有暂停', 'the order is not on hold');
    case 'cancel':
      if (state === 'draft' || state === 'confirmed') return { ok: true, to: 'cancelled' };
      return refuse(state, action, '已有发货，请走退货流程', 'goods have shipped; use a return instead');
    case 'reopen':
      if (state === 'completed') return { ok: true, to: 'shipped' };
      return refuse(state, action, '只有已完成的订单可以重新打开', 'only a completed order can be reopened');
  }
}

/** Header and lines can be edited only before confirmation. */
export function canEditLines(state: OrderState): boolean {
  return state === 'draft';
}

