import { LockOutlined, SafetyCertificateOutlined, UnlockOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Card, Checkbox, DatePicker, Drawer, Empty, Form, Input, InputNumber, Radio, Select, Space, Spin, Tag, Timeline, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreditProfileView } from '../../../../shared/contract/credit';
import { formatFen, yuanNumberToFen } from '../../../../shared/domain/money';
import { api, onEvent } from '../../api';
import { useApp } from '../../shell/app-context';
import { errorMessage } from '../../shell/errors';
import { CheckResultView } from './CheckResultView';
import { GradeFactors } from './GradeFactors';
import { useLocalized } from './localized';
import { ReasonModal } from './ReasonModal';
import { GradeTag, OutcomeTag } from './tags';

function when(ms: number): string {
  return dayjs(ms).format('YYYY-MM-DD HH:mm');
}

interface FormValues {
  limitMode: 'inherit' | 'amount' | 'cash';
  limitYuan?: number | null;
  tempYuan?: number | null;
  tempUntil?: Dayjs | null;
  tempReason?: string;
  clearTemp?: boolean;
  terms?: number | null;
  policy: 'inherit' | 'warn' | 'needs_approval' | 'block';
  reason?: string;
}

function toForm(p: CreditProfileView): FormValues {
  const s = p.stored;
  return {
    limitMode: s?.limitFen === null || s?.limitFen === undefined ? 'inherit' : s.limitFen === 0 ? 'cash' : 'amount',
    limitYuan: s?.limitFen ? s.limitFen / 100 : null,
    tempYuan: s?.tempLimitFen !== null && s?.tempLimitFen !== undefined ? s.tempLimitFen / 100 : null,
    tempUntil: s?.tempLimitExpiresOn ? dayjs(s.tempLimitExpiresOn) : null,
    tempReason: s?.tempLimitReason ?? '',
    clearTemp: false,
    terms: s?.paymentTermsDays ?? null,
    policy: s?.policy ?? 'inherit',
    reason: '',
  };
}

/** 信用档案: the check as it stands, the grade with every factor, limits / temporary limit / terms / policy, hold, history. */
export function CreditProfileDrawer(props: { accountId: string | undefined; onClose(): void }) {
  const { t } = useTranslation('credit');
  const L = useLocalized();
  const { message } = AntApp.useApp();
  const { status } = useApp();
  const canEdit = status.user?.role === 'manager' || status.user?.role === 'admin';
  const [view, setView] = useState<CreditProfileView | null>(null);
  const [busy, setBusy] = useState(false);
  const [holdDialog, setHoldDialog] = useState<'hold' | 'release' | null>(null);
  const [form] = Form.useForm<FormValues>();
  const limitMode = Form.useWatch('limitMode', form);

  const load = useCallback(
    async (id: string) => {
      try {
        const v = await api.call('credit.getProfile', { accountId: id });
        setView(v);
        form.setFieldsValue(toForm(v));
      } catch (e) {
        void message.error(errorMessage(e));
      }
    },
    [form, message],
  );

  useEffect(() => {
    setView(null);
    if (props.accountId) void load(props.accountId);
  }, [props.accountId, load]);
  useEffect(
    () =>
      onEvent('data.changed', (p) => {
        if (props.accountId && (p.entities.includes('credit') || p.entities.includes('orders') || p.entities.includes('payments'))) void load(props.accountId);
      }),
    [props.accountId, load],
  );

  const act = async (fn: () => Promise<unknown>, done?: string) => {
    setBusy(true);
    try {
      await fn();
      if (done) void message.success(done);
      if (props.accountId) await load(props.accountId);
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const save = async () => {
    if (!view) return;
    const v = await form.validateFields();
    const limitFen = v.limitMode === 'inherit' ? null : v.limitMode === 'cash' ? 0 : yuanNumberToFen(v.limitYuan ?? 0);
    const hasTemp = v.tempYuan !== null && v.tempYuan !== undefined && !!v.tempUntil;
    const tempLimit = v.clearTemp ? null : hasTemp ? { limitFen: yuanNumberToFen(v.tempYuan ?? 0) ?? 0, expiresOn: v.tempUntil!.format('YYYY-MM-DD'), reason: (v.tempReason ?? '').trim() } : undefined;
    const unchangedTemp =
      tempLimit && view.stored && view.stored.tempLimitFen === tempLimit.limitFen && view.stored.tempLimitExpiresOn === tempLimit.expiresOn && view.stored.tempLimitReason === tempLimit.reason;
    await act(
      () =>
        api.call('credit.updateProfile', {
          accountId: view.account.id,
          version: view.stored?.version ?? null,
          limitFen,
          ...(tempLimit === null || (tempLimit && !unchangedTemp) ? { tempLimit } : {}),
          paymentTermsDays: v.terms ?? null,
          policy: v.policy === 'inherit' ? null : v.policy,
          ...(v.reason?.trim() ? { reason: v.reason.trim() } : {}),
        }),
      t('profile.saved'),
    );
  };

  const a = view?.account;
  const c = view?.check;
  const hold = c?.hold;
  return (
    <Drawer
      open={props.accountId !== undefined}
      width={860}
      onClose={props.onClose}
      title={
        a ? (
          <Space>
            <SafetyCertificateOutlined />
            <span data-testid="credit-drawer-title">{a.name}</span>
            <Typography.Text type="secondary">{a.code}</Typography.Text>
            <GradeTag grade={view.grade.grade} />
            {hold?.on ? <Tag color="red">{t('profile.hold')}</Tag> : null}
          </Space>
        ) : (
          ''
        )
      }
      extra={
        view ? (
          <Space>
            <Button loading={busy} onClick={() => void act(() => api.call('credit.check', { account: view.account.id }), t('profile.checked'))} data-testid="credit-check-now">
              {t('profile.checkNow')}
            </Button>
            {hold?.on ? (
              <Button icon={<UnlockOutlined />} disabled={!canEdit} onClick={() => setHoldDialog('release')} data-testid="credit-release">
                {t('profile.release')}
              </Button>
            ) : (
              <Button danger icon={<LockOutlined />} onClick={() => setHoldDialog('hold')} data-testid="credit-hold">
                {t('profile.hold')}
              </Button>
            )}
          </Space>
        ) : null
      }
    >
      {!view || !c ? (
        <Spin />
      ) : (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Card size="small" title={t('profile.check')}>
            {hold?.on ? (
              <Typography.Paragraph type="danger" data-testid="credit-hold-line">
                {t('profile.onHold', { since: hold.since ?? '', by: hold.by ?? '', reason: hold.reason ?? '' })}
              </Typography.Paragraph>
            ) : null}
            <CheckResultView check={c} testId="credit-profile-check" />
          </Card>
          <Card
            size="small"
            title={t('profile.grade')}
            extra={view.lastRun ? <Typography.Text type="secondary">{t('profile.lastRun', { grade: view.lastRun.grade, score: view.lastRun.score, at: when(view.lastRun.at) })}</Typography.Text> : null}
          >
            <GradeFactors grade={view.grade} />
          </Card>
          <Card size="small" title={t('profile.limits')}>
            {!canEdit ? (
              <Typography.Paragraph type="secondary">{t('profile.managerOnly')}</Typography.Paragraph>
            ) : null}
            <Form form={form} layout="vertical" disabled={!canEdit}>
              <Space align="start" wrap>
                <Form.Item name="limitMode" label={t('profile.limit')}>
                  <Radio.Group
                    optionType="button"
                    options={(['inherit', 'amount', 'cash'] as const).map((m) => ({ value: m, label: t(`profile.limitMode.${m}`) }))}
                    data-testid="credit-limit-mode"
                  />
                </Form.Item>
                {limitMode === 'amount' ? (
                  <Form.Item name="limitYuan" label={t('profile.limitYuan')} rules={[{ required: true }]}>
                    <InputNumber min={0} precision={2} style={{ width: 180 }} data-testid="credit-limit-yuan" />
                  </Form.Item>
                ) : null}
                <Form.Item label=" ">
                  <Typography.Text type="secondary">
                    {t('profile.inheritedNow', {
                      value: c.limit.limitFen === null ? t('noLimit') : `${formatFen(c.limit.limitFen)}（${c.limit.kind === 'temporary' ? t('profile.temp') : t(`level.${c.limit.baseSource ?? 'company'}`)}）`,
                    })}
                  </Typography.Text>
                </Form.Item>
              </Space>
              <Space align="start" wrap>
                <Form.Item name="tempYuan" label={t('profile.tempYuan')}>
                  <InputNumber min={0} precision={2} style={{ width: 160 }} data-testid="credit-temp-yuan" />
                </Form.Item>
                <Form.Item name="tempUntil" label={t('profile.tempUntil')}>
                  <DatePicker style={{ width: 150 }} />
                </Form.Item>
                <Form.Item name="tempReason" label={t('profile.tempReason')}>
                  <Input style={{ width: 220 }} maxLength={500} />
                </Form.Item>
                <Form.Item name="clearTemp" valuePropName="checked" label=" ">
                  <Checkbox>{t('profile.clearTemp')}</Checkbox>
                </Form.Item>
              </Space>
              <Space align="start" wrap>
                <Form.Item name="terms" label={t('profile.terms')} extra={t('profile.termsHint')}>
                  <InputNumber min={0} max={3650} precision={0} style={{ width: 140 }} />
                </Form.Item>
                <Form.Item name="policy" label={t('profile.policy')}>
                  <Select style={{ width: 180 }} options={(['inherit', 'warn', 'needs_approval', 'block'] as const).map((p) => ({ value: p, label: t(`policy.${p}`) }))} data-testid="credit-policy" />
                </Form.Item>
                <Form.Item name="reason" label={t('profile.reason')}>
                  <Input style={{ width: 280 }} maxLength={500} />
                </Form.Item>
              </Space>
              <Button type="primary" loading={busy} onClick={() => void save()} data-testid="credit-profile-save">
                {t('profile.save')}
              </Button>
            </Form>
          </Card>
          <Card size="small" title={t('profile.history')}>
            {view.history.checks.length === 0 && view.history.overrides.length === 0 ? (
              <Empty description={t('profile.noHistory')} />
            ) : (
              <Timeline
                items={[
                  ...view.history.overrides.map((o) => ({
                    key: `o-${o.id}`,
                    at: o.at,
                    color: 'purple',
                    children: (
                      <div>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {when(o.at)} · {o.manager}
                        </Typography.Text>
                        <div>
                          {t('profile.override')} {o.orderNo ?? ''} <OutcomeTag outcome={o.outcome} />
                        </div>
                        <Typography.Text type="secondary">{o.reason}</Typography.Text>
                      </div>
                    ),
                  })),
                  ...view.history.checks.map((k) => ({
                    key: `c-${k.id}`,
                    at: k.at,
                    color: k.outcome === 'pass' ? 'green' : k.outcome === 'warn' ? 'gold' : 'red',
                    children: (
                      <div>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {when(k.at)} · {k.by ?? ''} · {t(`profile.trigger.${k.trigger}`)} {k.orderNo ?? ''}
                        </Typography.Text>
                        <div>
                          <OutcomeTag outcome={k.outcome} />
                          {L(k.reasons.find((r) => r.outcome === k.outcome)?.text ?? k.reasons[0]?.text ?? { zh: '', en: '' })}
                        </div>
                      </div>
                    ),
                  })),
                ]
                  .sort((x, y) => y.at - x.at)
                  .map(({ at: _at, ...item }) => item)}
              />
            )}
          </Card>
        </Space>
      )}
      <ReasonModal
        open={holdDialog !== null}
        title={holdDialog === 'release' ? t('profile.release') : t('profile.hold')}
        label={holdDialog === 'release' ? t('profile.releaseReason') : t('profile.holdReason')}
        busy={busy}
        onCancel={() => setHoldDialog(null)}
        onSubmit={(reason) =>
          void act(
            () => (holdDialog === 'release' ? api.call('credit.release', { accountId: view!.account.id, reason }) : api.call('credit.hold', { accountId: view!.account.id, reason })),
            holdDialog === 'release' ? t('profile.released') : t('profile.held'),
          ).then(() => setHoldDialog(null))
        }
      />
    </Drawer>
  );
}

