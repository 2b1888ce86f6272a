import type { paymentsContract } from '../../../shared/contract/payments';
import type { Handlers } from '../../../shared/rpc/types';
import type { CallContext } from '../core';
import type { Runtime } from '../runtime';
import { getOrderDetail } from '../services/orders';
import { allocateCredit, describeAllocationLines, getPaymentDetail, listPayments, openItemsFor, recordPayment, refundPayment, resolvePaymentId } from '../services/payments';
import { createReturn } from '../services/returns';

export function paymentsHandlers({ core }: Runtime): Handlers<typeof paymentsContract, CallContext> {
  return {
    'payments.add': (input, ctx) => getPaymentDetail(core, recordPayment(core, ctx.actor, input)),
    'payments.allocate': (input, ctx) => {
      const r = allocateCredit(core, ctx.actor, input);
      return { allocations: describeAllocationLines(core, r.lines), accountCreditFen: r.creditFen };
    },
    'payments.refund': (input, ctx) => getPaymentDetail(core, refundPayment(core, ctx.actor, input)),
    'payments.list': (q) => listPayments(core, q),
    'payments.get': (ref) => getPaymentDetail(core, resolvePaymentId(core, ref)),
    'payments.openItems': ({ accountId }) => openItemsFor(core, accountId),
    'returns.create': (input, ctx) => {
      const r = createReturn(core, ctx.actor, input);
      return { ...r, order: getOrderDetail(core, input.orderId) };
    },
  };
}
