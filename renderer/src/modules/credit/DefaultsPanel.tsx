import { App as AntApp, Button, Card, Form, Input, InputNumber, Select, Space, Spin, Table, Typography } from 'antd';
import type { z } from 'zod';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { creditDefaultsViewSchema } from '../../../../shared/contract/credit';
import { FACTOR_NAMES, GRADE_FACTORS, GRADES } from '../../../../shared/domain/credit-grade';
import { yuanNumberToFen } from '../../../../shared/domain/money';
import { api } from '../../api';
import { useApp } from '../../shell/app-context';
import { errorMessage } from '../../shell/errors';
import { useLocalized } from './localized';

type Defaults = z.output<typeof creditDefaultsViewSchema>;
type PolicyChoice = 'inherit' | 'warn' | 'needs_approval' | 'block';
const TIERS = ['A', 'B', 'C'] as const;

interface TierRow {
  limitYuan?: number | null;
  policy: PolicyChoice;
  terms?: number | null;
}

interface FormValues {
  companyLimitYuan?: number | null;
  companyPolicy: 'warn' | 'needs_approval' | 'block';
  companyTerms: number;
  tiers: Record<(typeof TIERS)[number], TierRow>;
  groups: Record<string, TierRow>;
  overdueDays: number;
  overdueMinYuan: number;
  overdueAction: 'policy' | 'warn' | 'needs_approval' | 'block';
  warnAtPct: number;
  holdGrades: string[];
  holdDays: number;
  reason?: string;
}

/** Groups in use on accounts and groups that already have defaults. */
function groupNames(d: Defaults): string[] {
  return [...new Set([...d.groupsInUse, ...Object.keys(d.creditGroupDefaults)])].sort((a, b) => a.localeCompare(b, 'zh-CN'));
}

const fen = (yuan: number | null | undefined) => (yuan === null || yuan === undefined ? null : yuanNumberToFen(yuan));
const yuan = (f: number | null | undefined) => (f === null || f === undefined ? null : f / 100);

/** 默认额度与规则: company and tier defaults, the overdue rule, the warning line, hold suggestions; grading bands shown. */
export function DefaultsPanel() {
  const { t } = useTranslation('credit');
  const L = useLocalized();
  const { message } = AntApp.useApp();
  const { status } = useApp();
  const canEdit = status.user?.role === 'manager' || status.user?.role === 'admin';
  const [d, setD] = useState<Defaults | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<FormValues>();

  const load = useCallback(async () => {
    try {
      const v = await api.call('credit.getDefaults', {});
      setD(v);
      form.setFieldsValue({
        companyLimitYuan: yuan(v.creditDefaults.limitFen),
        companyPolicy: v.creditDefaults.policy,
        companyTerms: v.creditDefaults.paymentTermsDays,
        tiers: Object.fromEntries(TIERS.map((k) => [k, { limitYuan: yuan(v.creditTierDefaults[k]?.limitFen), policy: v.creditTierDefaults[k]?.policy ?? 'inherit', terms: v.creditTierDefaults[k]?.paymentTermsDays ?? null }])) as FormValues['tiers'],
        groups: Object.fromEntries(groupNames(v).map((g) => [g, { limitYuan: yuan(v.creditGroupDefaults[g]?.limitFen), policy: v.creditGroupDefaults[g]?.policy ?? 'inherit', terms: v.creditGroupDefaults[g]?.paymentTermsDays ?? null }])),
        overdueDays: v.creditOverdueRule.days,
        overdueMinYuan: v.creditOverdueRule.minFen / 100,
        overdueAction: v.creditOverdueRule.action,
        warnAtPct: v.creditWarnAtPct,
        holdGrades: v.creditHoldSuggestion.grades,
        holdDays: v.creditHoldSuggestion.overdueDays,
        reason: '',
      });
    } catch (e) {
      void message.error(errorMessage(e));
    }
  }, [form, message]);

  useEffect(() => {
    void load();
  }, [load]);

  const save = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      const tier = (r: TierRow) => ({ limitFen: fen(r.limitYuan), policy: r.policy === 'inherit' ? null : r.policy, paymentTermsDays: r.terms ?? null });
      await api.call('credit.updateDefaults', {
        creditDefaults: { limitFen: fen(v.companyLimitYuan), policy: v.companyPolicy, paymentTermsDays: v.companyTerms },
        creditTierDefaults: { A: tier(v.tiers.A), B: tier(v.tiers.B), C: tier(v.tiers.C) },
        // Only groups that set something are kept; an all-inherit row is dropped.
        creditGroupDefaults: Object.fromEntries(
          Object.entries(v.groups ?? {})
            .map(([g, r]) => [g, tier(r)] as const)
            .filter(([, r]) => r.limitFen !== null || r.policy !== null || r.paymentTermsDays !== null),
        ),
        creditOverdueRule: { days: v.overdueDays, minFen: fen(v.overdueMinYuan) ?? 0, action: v.overdueAction },
        creditWarnAtPct: v.warnAtPct,
        creditHoldSuggestion: { grades: v.holdGrades as ('A' | 'B' | 'C' | 'D' | 'E')[], overdueDays: v.holdDays },
        ...(v.reason?.trim() ? { reason: v.reason.trim() } : {}),
      });
      void message.success(t('defaults.saved'));
      await load();
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  if (!d) return <Spin />;
  const policyOptions = (withInherit: boolean) => [...(withInherit ? (['inherit'] as const) : []), 'warn', 'needs_approval', 'block'].map((p) => ({ value: p, label: t(`policy.${p}`) }));
  return (
    <Form form={form} layout="vertical" disabled={!canEdit} style={{ maxWidth: 1100 }}>
      {!canEdit ? <Typography.Paragraph type="secondary">{t('defaults.managerOnly')}</Typography.Paragraph> : null}
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        <Card size="small" title={t('defaults.company')}>
          <Space wrap align="start">
            <Form.Item name="companyLimitYuan" label={t('defaults.companyLimit')}>
              <InputNumber min={0} precision={2} style={{ width: 200 }} placeholder={t('noLimit')} />
            </Form.Item>
            <Form.Item name="companyPolicy" label={t('defaults.policy')}>
              <Select style={{ width: 160 }} options={policyOptions(false)} />
            </Form.Item>
            <Form.Item name="companyTerms" label={t('defaults.terms')}>
              <InputNumber min={0} max={3650} precision={0} style={{ width: 120 }} />
            </Form.Item>
          </Space>
        </Card>
        <Card size="small" title={t('defaults.tiers')}>
          {TIERS.map((k) => (
            <Space key={k} wrap align="start">
              <Typography.Text strong style={{ display: 'inline-block', width: 80, marginTop: 30 }}>
                {t('defaults.tier', { tier: k })}
              </Typography.Text>
              <Form.Item name={['tiers', k, 'limitYuan']} label={t('profile.limitYuan')}>
                <InputNumber min={0} precision={2} style={{ width: 180 }} placeholder={t('defaults.inherit')} />
              </Form.Item>
              <Form.Item name={['tiers', k, 'policy']} label={t('defaults.policy')}>
                <Select style={{ width: 160 }} options={policyOptions(true)} />
              </Form.Item>
              <Form.Item name={['tiers', k, 'terms']} label={t('defaults.terms')}>
                <InputNumber min={0} max={3650} precision={0} style={{ width: 120 }} placeholder={t('defaults.inherit')} />
              </Form.Item>
            </Space>
          ))}
        </Card>
        {groupNames(d).length ? (
          <Card size="small" title={t('defaults.groups')}>
            {groupNames(d).map((g) => (
              <Space key={g} wrap align="start">
                <Typography.Text strong style={{ display: 'inline-block', width: 80, marginTop: 30 }} ellipsis>
                  {g}
                </Typography.Text>
                <Form.Item name={['groups', g, 'limitYuan']} label={t('profile.limitYuan')}>
                  <InputNumber min={0} precision={2} style={{ width: 180 }} placeholder={t('defaults.inherit')} />
                </Form.Item>
                <Form.Item name={['groups', g, 'policy']} label={t('defaults.policy')}>
                  <Select style={{ width: 160 }} options={policyOptions(true)} />
                </Form.Item>
                <Form.Item name={['groups', g, 'terms']} label={t('defaults.terms')}>
                  <InputNumber min={0} max={3650} precision={0} style={{ width: 120 }} placeholder={t('defaults.inherit')} />
                </Form.Item>
              </Space>
            ))}
          </Card>
        ) : null}
        <Card size="small" title={t('defaults.overdue')}>
          <Space wrap align="start">
            <Form.Item name="overdueDays" label={t('defaults.overdueDays')}>
              <InputNumber min={0} max={3650} precision={0} style={{ width: 140 }} />
            </Form.Item>
            <Form.Item name="overdueMinYuan" label={t('defaults.overdueMin')}>
              <InputNumber min={0} precision={2} style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name="overdueAction" label={t('defaults.overdueAction')}>
              <Select style={{ width: 200 }} options={[{ value: 'policy', label: t('defaults.actionPolicy') }, ...policyOptions(false)]} />
            </Form.Item>
            <Form.Item name="warnAtPct" label={t('defaults.warnAt')}>
              <InputNumber min={0} max={100} precision={0} style={{ width: 140 }} />
            </Form.Item>
          </Space>
        </Card>
        <Card size="small" title={t('defaults.holdSuggest')}>
          <Space wrap align="start">
            <Form.Item name="holdGrades" label={t('defaults.holdGrades')}>
              <Select mode="multiple" style={{ width: 220 }} options={GRADES.map((g) => ({ value: g, label: g }))} />
            </Form.Item>
            <Form.Item name="holdDays" label={t('defaults.holdDays')}>
              <InputNumber min={0} max={3650} precision={0} style={{ width: 160 }} />
            </Form.Item>
          </Space>
        </Card>
        <Card size="small" title={t('defaults.grading')} extra={<Typography.Text type="secondary">{t('defaults.gradingHint')}</Typography.Text>}>
          <Table
            size="small"
            pagination={false}
            rowKey="key"
            dataSource={GRADE_FACTORS.map((key) => ({ key, bands: d.creditGrading.bands[key] }))}
            columns={[
              { title: t('profile.factor'), dataIndex: 'key', width: 180, render: (k: (typeof GRADE_FACTORS)[number]) => L(FACTOR_NAMES[k]) },
              { title: '', dataIndex: 'bands', render: (bands: { over: number; points: number }[]) => bands.map((b) => `> ${b.over}: −${b.points}`).join('；') },
            ]}
          />
          <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}>
            {t('defaults.cuts')}：A ≥ {d.creditGrading.cuts.A}，B ≥ {d.creditGrading.cuts.B}，C ≥ {d.creditGrading.cuts.C}，D ≥ {d.creditGrading.cuts.D}，E &lt; {d.creditGrading.cuts.D}
          </Typography.Paragraph>
        </Card>
        <Space>
          <Form.Item name="reason" noStyle>
            <Input placeholder={t('defaults.reason')} style={{ width: 300 }} maxLength={500} />
          </Form.Item>
          <Button type="primary" loading={busy} onClick={() => void save()} data-testid="credit-defaults-save">
            {t('defaults.save')}
          </Button>
        </Space>
      </Space>
    </Form>
  );
}
