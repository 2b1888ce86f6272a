import { Empty, Space, Spin, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import type { z } from 'zod';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { creditHistorySchema } from '../../../../shared/contract/credit';
import { api } from '../../api';
import { ReasonList } from './CheckResultView';
import { OutcomeTag } from './tags';

type History = z.output<typeof creditHistorySchema>;

/** The order drawer's 信用 tab: every credit check of the order with its reasons, and the manager's override. */
export function OrderCreditPanel(props: { orderId: string; refreshKey: string }) {
  const { t } = useTranslation('credit');
  const [h, setH] = useState<History | null>(null);
  useEffect(() => {
    let live = true;
    void api.call('credit.history', { orderId: props.orderId }).then((v) => live && setH(v));
    return () => {
      live = false;
    };
  }, [props.orderId, props.refreshKey]);
  if (!h) return <Spin />;
  if (h.checks.length === 0) return <Empty description={t('profile.noHistory')} />;
  const items = [
    ...h.overrides.map((o) => ({
      at: o.at,
      color: 'purple',
      children: (
        <div data-testid="order-credit-override">
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {dayjs(o.at).format('YYYY-MM-DD HH:mm')} · {o.manager}
            {o.requestedBy ? ` ← ${o.requestedBy}` : ''}
          </Typography.Text>
          <div>
            <Typography.Text strong>{t('profile.override')}</Typography.Text>：{o.reason}
          </div>
        </div>
      ),
    })),
    ...h.checks.map((c) => ({
      at: c.at,
      color: c.outcome === 'pass' ? 'green' : c.outcome === 'warn' ? 'gold' : 'red',
      children: (
        <Space direction="vertical" size={2} style={{ width: '100%' }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {dayjs(c.at).format('YYYY-MM-DD HH:mm')} · {c.by ?? ''} · {t(`profile.trigger.${c.trigger}`)} <OutcomeTag outcome={c.outcome} />
          </Typography.Text>
          <ReasonList reasons={c.reasons} />
        </Space>
      ),
    })),
  ].sort((a, b) => b.at - a.at);
  return <Timeline items={items.map(({ at, ...i }) => ({ key: String(at) + i.color, ...i }))} data-testid="order-credit" />;
}
