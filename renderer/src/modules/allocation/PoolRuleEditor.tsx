import { Col, Form, Input, InputNumber, Modal, Row, Select, Switch, TreeSelect } from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PoolRule } from '../../../../shared/contract/pool';
import type { Territory } from '../../../../shared/contract/reference';
import { territoryTree } from '../accounts/AccountFields';

export type PoolRuleValues = Omit<PoolRule, 'id' | 'sortOrder' | 'territoryName' | 'version'>;

const DAY_FIELDS = ['noFollowupDays', 'noDealDays', 'protectionDays', 'reminderDays', 'claimDailyCap', 'holdingCap', 'cooldownDays'] as const;

/** Create or edit a 公海 rule: its scope, the reclaim triggers, the claim caps and cooldown. */
export function PoolRuleEditor(props: { open: boolean; rule: PoolRule | null; territories: Territory[]; saving: boolean; onCancel(): void; onSave(v: PoolRuleValues): void }) {
  const { t } = useTranslation('allocation');
  const [form] = Form.useForm<PoolRuleValues>();
  const tree = useMemo(() => territoryTree(props.territories), [props.territories]);
  useEffect(() => {
    if (!props.open) return;
    const r = props.rule;
    form.setFieldsValue({
      name: r?.name ?? '',
      enabled: r?.enabled ?? true,
      territoryId: r?.territoryId ?? null,
      tier: r?.tier ?? null,
      noFollowupDays: r?.noFollowupDays ?? 30,
      noDealDays: r?.noDealDays ?? null,
      protectionDays: r?.protectionDays ?? null,
      reminderDays: r?.reminderDays ?? 3,
      claimDailyCap: r?.claimDailyCap ?? null,
      holdingCap: r?.holdingCap ?? null,
      cooldownDays: r?.cooldownDays ?? 0,
    });
  }, [props.open, props.rule, form]);
  return (
    <Modal
      open={props.open}
      width={680}
      title={props.rule ? t('poolTab.editRule') : t('poolTab.addRule')}
      onCancel={props.onCancel}
      onOk={() => void form.validateFields().then(props.onSave)}
      confirmLoading={props.saving}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
    >
      <Form form={form} layout="vertical">
        <Row gutter={12}>
          <Col span={16}>
            <Form.Item name="name" label={t('rules.name')} rules={[{ required: true, whitespace: true, max: 100 }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="enabled" label={t('rules.enabled')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item name="territoryId" label={t('poolTab.territory')}>
              <TreeSelect treeData={tree} allowClear showSearch treeNodeFilterProp="title" placeholder={t('poolTab.all')} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="tier" label={t('poolTab.tier')}>
              <Select allowClear placeholder={t('poolTab.all')} options={['A', 'B', 'C'].map((v) => ({ value: v, label: v }))} />
            </Form.Item>
          </Col>
          {DAY_FIELDS.map((f) => (
            <Col span={8} key={f}>
              <Form.Item name={f} label={t(`poolTab.${f}`)} rules={[{ type: 'integer', min: f === 'noFollowupDays' || f === 'noDealDays' ? 1 : 0, max: f.endsWith('Cap') ? 1_000_000 : 3650 }]}>
                <InputNumber style={{ width: '100%' }} precision={0} />
              </Form.Item>
            </Col>
          ))}
        </Row>
      </Form>
    </Modal>
  );
}
