import { listOrders, orderTotals, territorySubtree } from '../../../db/repositories/orders';
import type { ordersContract } from '../../../shared/contract/orders';
import { pick } from '../../../shared/i18n/text';
import type { Handlers } from '../../../shared/rpc/types';
import type { CallContext } from '../core';
import type { Runtime } from '../runtime';
import { cancelOrder, completeOrder, confirmOrder, holdOrder, releaseOrder, reopenOrder, shipOrder } from '../services/order-actions';
import { createOrder, deleteDraftOrder, getOrderDetail, resolveOrderId, searchProducts, type ServiceWarning, updateOrder } from '../services/orders';
import { setPaymentPlan } from '../services/payment-plans';

export function ordersHandlers({ core }: Runtime): Handlers<typeof ordersContract, CallContext> {
  const warnings = (list: ServiceWarning[], ctx: CallContext) => list.map((w) => ({ code: w.code, message: pick(w.text, ctx.lang), details: w.details }));
  return {
    'orders.list': (q) => listOrders(core.db, q, core.today(), q.filter.territoryId ? territorySubtree(core.db, q.filter.territoryId) : null),
    'orders.totals': (q) => orderTotals(core.db, q, core.today(), q.filter.territoryId ? territorySubtree(core.db, q.filter.territoryId) : null),
    'orders.get': (ref) => getOrderDetail(core, resolveOrderId(core, ref)),
    'orders.create': (input, ctx) => {
      const r = createOrder(core, ctx.actor, input);
      return { order: getOrderDetail(core, r.orderId), warnings: warnings(r.warnings, ctx) };
    },
    'orders.update': (input, ctx) => {
      const r = updateOrder(core, ctx.actor, input);
      return { order: getOrderDetail(core, r.orderId), warnings: warnings(r.warnings, ctx) };
    },
    'orders.delete': (input, ctx) => {
      deleteDraftOrder(core, ctx.actor, input);
      return { ok: true as const };
    },
    'orders.confirm': (input, ctx) => {
      const r = confirmOrder(core, ctx.actor, input);
      return { order: getOrderDetail(core, input.id), warnings: warnings(r.warnings, ctx) };
    },
    'orders.ship': (input, ctx) => {
      shipOrder(core, ctx.actor, input);
      return getOrderDetail(core, input.id);
    },
    'orders.complete': (input, ctx) => {
      completeOrder(core, ctx.actor, input);
      return getOrderDetail(core, input.id);
    },
    'orders.hold': (input, ctx) => {
      holdOrder(core, ctx.actor, input);
      return getOrderDetail(core, input.id);
    },
    'orders.release': (input, ctx) => {
      releaseOrder(core, ctx.actor, input);
      return getOrderDetail(core, input.id);
    },
    'orders.cancel': (input, ctx) => {
      cancelOrder(core, ctx.actor, input);
      return getOrderDetail(core, input.id);
    },
    'orders.reopen': (input, ctx) => {
      reopenOrder(core, ctx.actor, input);
      return getOrderDetail(core, input.id);
    },
    'orders.setPlan': (input, ctx) => {
      setPaymentPlan(core, ctx.actor, input);
      return getOrderDetail(core, input.id);
    },
    'orders.searchProducts': ({ q, limit }) => searchProducts(core, q, limit),
  };
}
