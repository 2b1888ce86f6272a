import { Form, Input, Modal, Select, Switch, TreeSelect } from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AllocationRule } from '../../../../shared/contract/allocation';
import type { Rep, Territory } from '../../../../shared/contract/reference';
import { STRATEGIES, type Strategy } from '../../../../shared/domain/allocation-plan';
import { territoryTree } from '../accounts/AccountFields';

export interface RuleFormValues {
  name: string;
  enabled: boolean;
  territoryIds: string[];
  industries: string[];
  tiers: ('A' | 'B' | 'C')[];
  sources: string[];
  tags: string[];
  targetRepIds: string[];
  strategy: Strategy;
}

export function toRuleInput(v: RuleFormValues) {
  const some = <T,>(xs: T[] | undefined) => (xs && xs.length ? xs : undefined);
  const match = { territoryIds: some(v.territoryIds), industries: some(v.industries), tiers: some(v.tiers), sources: some(v.sources), tags: some(v.tags) };
  return {
    name: v.name,
    enabled: v.enabled,
    match: Object.fromEntries(Object.entries(match).filter(([, x]) => x !== undefined)),
    targetRepIds: v.targetRepIds,
    strategy: v.strategy,
  };
}

/** Create or edit one auto-allocation rule: what it matches, which reps, which strategy. */
export function RuleEditor(props: { open: boolean; rule: AllocationRule | null; reps: Rep[]; territories: Territory[]; tagNames: string[]; saving: boolean; onCancel(): void; onSave(v: RuleFormValues): void }) {
  const { t } = useTranslation('allocation');
  const [form] = Form.useForm<RuleFormValues>();
  const tree = useMemo(() => territoryTree(props.territories), [props.territories]);
  useEffect(() => {
    if (!props.open) return;
    const r = props.rule;
    form.setFieldsValue({
      name: r?.name ?? '',
      enabled: r?.enabled ?? true,
      territoryIds: [...(r?.match.territoryIds ?? [])],
      industries: [...(r?.match.industries ?? [])],
      tiers: [...(r?.match.tiers ?? [])],
      sources: [...(r?.match.sources ?? [])],
      tags: [...(r?.match.tags ?? [])],
      targetRepIds: [...(r?.targetRepIds ?? [])],
      strategy: r?.strategy ?? 'round_robin',
    });
  }, [props.open, props.rule, form]);
  const strategy = Form.useWatch('strategy', form);
  return (
    <Modal
      open={props.open}
      width={720}
      title={props.rule ? t('rules.edit') : t('rules.add')}
      onCancel={props.onCancel}
      onOk={() => void form.validateFields().then(props.onSave)}
      confirmLoading={props.saving}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'rule-save' } as never}
    >
      <Form form={form} layout="vertical">
        <Form.Item name="name" label={t('rules.name')} rules={[{ required: true, whitespace: true, max: 100 }]}>
          <Input data-testid="rule-name" />
        </Form.Item>
        <Form.Item name="enabled" label={t('rules.enabled')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="territoryIds" label={t('rules.territories')}>
          <TreeSelect treeData={tree} multiple allowClear showSearch treeNodeFilterProp="title" placeholder={t('rules.any')} />
        </Form.Item>
        <Form.Item name="tiers" label={t('rules.tiers')}>
          <Select mode="multiple" allowClear placeholder={t('rules.any')} options={['A', 'B', 'C'].map((v) => ({ value: v, label: v }))} />
        </Form.Item>
        <Form.Item name="industries" label={t('rules.industries')}>
          <Select mode="tags" allowClear placeholder={t('rules.any')} />
        </Form.Item>
        <Form.Item name="sources" label={t('rules.sources')}>
          <Select mode="tags" allowClear placeholder={t('rules.any')} />
        </Form.Item>
        <Form.Item name="tags" label={t('rules.tags')}>
          <Select mode="tags" allowClear placeholder={t('rules.any')} options={props.tagNames.map((n) => ({ value: n }))} />
        </Form.Item>
        <Form.Item name="strategy" label={t('rules.strategy')} rules={[{ required: true }]}>
          <Select options={STRATEGIES.map((s) => ({ value: s, label: t(`strategy.${s}`) }))} data-testid="rule-strategy" />
        </Form.Item>
        <Form.Item
          name="targetRepIds"
          label={t('rules.targets')}
          rules={[{ required: true, type: 'array', min: 1, max: strategy === 'single' ? 1 : 500 }]}
        >
          <Select
            mode="multiple"
            showSearch={{ optionFilterProp: 'label' }}
            data-testid="rule-targets"
            options={props.reps.filter((r) => r.status !== 'left').map((r) => ({ value: r.id, label: `${r.name}${r.employeeNo ? `（${r.employeeNo}）` : ''}` }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
