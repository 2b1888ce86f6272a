import { afterEach, describe, expect, it } from 'vitest';
import { beforeConfirm, registerBeforeConfirm } from '../../electron/backend/services/order-confirm-checks';
import { msg } from '../../shared/i18n/text';
import { AppError } from '../../shared/rpc/errors';
import { setUpBackend } from '../helpers/backend';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

describe('the beforeConfirm hook (where the credit check runs)', () => {
  it('has the credit check registered once a backend exists (services/credit/credit-confirm-hook.ts)', async () => {
    const t = await setUpBackend();
    cleanup = () => t.close();
    expect(beforeConfirm.map((c) => c.name)).toEqual(['credit']);
  });

  it('lets a registered check refuse a confirmation (nothing changes) or pass it with a status and warnings', async () => {
    const t = await setUpBackend();
    const unregister = registerBeforeConfirm({
      name: 'test-credit',
      run: ({ order, confirmedOn }) => {
        expect(order.state).toBe('draft');
        expect(confirmedOn).toBe('2026-11-23');
        if (order.totalFen > 100_000) throw new AppError('CREDIT_BLOCKED', msg('超出信用额度', 'Over the credit limit'));
        return { creditStatus: 'warn', warnings: [{ code: 'CREDIT_WARN', text: msg('额度已用 90%', '90 % of the limit used') }] };
      },
    });
    cleanup = () => {
      unregister();
      t.close();
    };
    const acct = await t.client.call('accounts.create', { name: '测试客户' });
    const big = await t.client.call('orders.create', { accountId: acct.id, lines: [{ description: 'x', quantity: 1, unitPriceFen: 200_000 }] });
    await expect(t.client.call('orders.confirm', { id: big.order.order.id, version: big.order.order.version })).rejects.toMatchObject({ code: 'CREDIT_BLOCKED', message: '超出信用额度' });
    const still = await t.client.call('orders.get', { id: big.order.order.id });
    expect(still.order).toMatchObject({ state: 'draft', version: big.order.order.version, creditStatus: null });
    expect(still.instalments).toEqual([]);
    const small = await t.client.call('orders.create', { accountId: acct.id, lines: [{ description: 'y', quantity: 1, unitPriceFen: 50_000 }] });
    const ok = await t.client.call('orders.confirm', { id: small.order.order.id, version: small.order.order.version });
    expect(ok.order.order).toMatchObject({ state: 'confirmed', creditStatus: 'warn' });
    expect(ok.warnings).toEqual([{ code: 'CREDIT_WARN', message: '额度已用 90%' }]);
  });
});
