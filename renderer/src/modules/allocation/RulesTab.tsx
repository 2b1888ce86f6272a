import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Card, Empty, Popconfirm, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AllocationPreview, AllocationRule } from '../../../../shared/contract/allocation';
import type { Territory } from '../../../../shared/contract/reference';
import { api, onEvent } from '../../api';
import { errorMessage } from '../../shell/errors';
import { DecisionPanelView } from './DecisionPanelView';
import { RuleEditor, type RuleFormValues, toRuleInput } from './RuleEditor';
import { useUndoNotice } from './undo';
import { useReps } from './useReps';

/** Auto-allocation: the ordered rules, the fallback, a preview of who gets what, apply and undo. */
export function RulesTab() {
  const { t } = useTranslation('allocation');
  const { message } = AntApp.useApp();
  const undoNotice = useUndoNotice();
  const { reps } = useReps();
  const [rules, setRules] = useState<AllocationRule[]>([]);
  const [fallback, setFallback] = useState<string | null>(null);
  const [territories, setTerritories] = useState<Territory[]>([]);
  const [tagNames, setTagNames] = useState<string[]>([]);
  const [editing, setEditing] = useState<AllocationRule | 'new' | null>(null);
  const [saving, setSaving] = useState(false);
  const [preview, setPreview] = useState<AllocationPreview | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => {
    void api.call('allocationRules.list', {}).then((r) => {
      setRules(r.rules);
      setFallback(r.fallbackRepId);
    });
    void api.call('territories.list', {}).then(setTerritories);
    void api.call('tags.list', {}).then((tags) => setTagNames(tags.map((x) => x.name)));
  }, []);
  useEffect(() => {
    load();
    return onEvent('data.changed', (p) => {
      if (p.entities.some((e) => ['allocation_rules', 'territories', 'tags', '*'].includes(e))) load();
    });
  }, [load]);

  const fail = (e: unknown) => void message.error(errorMessage(e));
  const repName = (id: string) => reps.find((r) => r.id === id)?.name ?? id;
  const territoryName = (id: string) => territories.find((x) => x.id === id)?.name ?? id;

  const save = async (v: RuleFormValues) => {
    setSaving(true);
    try {
      const input = toRuleInput(v);
      if (editing && editing !== 'new') await api.call('allocationRules.update', { id: editing.id, version: editing.version, patch: input });
      else await api.call('allocationRules.create', input);
      setEditing(null);
      setPreview(null);
      load();
    } catch (e) {
      fail(e);
    } finally {
      setSaving(false);
    }
  };

  const move = async (index: number, delta: number) => {
    const ids = rules.map((r) => r.id);
    const [id] = ids.splice(index, 1);
    ids.splice(index + delta, 0, id!);
    try {
      setRules(await api.call('allocationRules.reorder', { ids }));
      setPreview(null);
    } catch (e) {
      fail(e);
    }
  };

  const runPreview = async () => {
    setBusy(true);
    try {
      setPreview(await api.call('allocation.preview', { scope: { kind: 'unassigned' }, rules: { source: 'saved' }, rowLimit: 300 }));
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  const apply = async () => {
    if (!preview) return;
    setBusy(true);
    try {
      const r = await api.call('allocation.apply', { scope: { kind: 'unassigned' }, rules: { source: 'saved' }, expectFingerprint: preview.fingerprint });
      undoNotice(t('rules.applied', { count: r.changed }), r.journalId);
      setPreview(null);
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  const describe = (r: AllocationRule) => {
    const m = r.match;
    const parts = [
      ...(m.territoryIds ?? []).map(territoryName),
      ...(m.tiers ?? []).map((x) => `${x}类`),
      ...(m.industries ?? []),
      ...(m.sources ?? []),
      ...(m.tags ?? []).map((x) => `#${x}`),
    ];
    return parts.length ? parts.map((p) => <Tag key={p}>{p}</Tag>) : <Typography.Text type="secondary">{t('rules.any')}</Typography.Text>;
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={16}>
      <Card
        size="small"
        title={t('rules.title')}
        extra={
          <Button icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="rule-add">
            {t('rules.add')}
          </Button>
        }
      >
        {rules.length === 0 ? (
          <Empty description={t('rules.empty')} />
        ) : (
          <Table<AllocationRule>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={rules}
            data-testid="rules-table"
            columns={[
              { title: '#', width: 40, render: (_: unknown, __: AllocationRule, i: number) => i + 1 },
              { title: t('rules.name'), dataIndex: 'name' },
              {
                title: t('rules.enabled'),
                width: 70,
                render: (_: unknown, r: AllocationRule) => (
                  <Switch size="small" checked={r.enabled} onChange={(enabled) => void api.call('allocationRules.update', { id: r.id, version: r.version, patch: { enabled } }).then(load, fail)} />
                ),
              },
              { title: t('rules.match'), render: (_: unknown, r: AllocationRule) => describe(r) },
              { title: t('rules.targets'), render: (_: unknown, r: AllocationRule) => r.targetRepIds.map(repName).join('、') },
              { title: t('rules.strategy'), render: (_: unknown, r: AllocationRule) => t(`strategy.${r.strategy}`) },
              {
                width: 150,
                render: (_: unknown, r: AllocationRule, i: number) => (
                  <Space size={0}>
                    <Button type="text" size="small" icon={<ArrowUpOutlined />} disabled={i === 0} onClick={() => void move(i, -1)} title={t('rules.moveUp')} />
                    <Button type="text" size="small" icon={<ArrowDownOutlined />} disabled={i === rules.length - 1} onClick={() => void move(i, 1)} title={t('rules.moveDown')} />
                    <Button type="text" size="small" icon={<EditOutlined />} onClick={() => setEditing(r)} title={t('common.edit')} />
                    <Popconfirm title={t('rules.deleteConfirm', { name: r.name })} onConfirm={() => void api.call('allocationRules.delete', { id: r.id, version: r.version }).then(load, fail)}>
                      <Button type="text" size="small" danger icon={<DeleteOutlined />} title={t('rules.delete')} />
                    </Popconfirm>
                  </Space>
                ),
              },
            ]}
          />
        )}
        <Space style={{ marginTop: 12 }}>
          <Typography.Text>{t('rules.fallback')}：</Typography.Text>
          <Select
            style={{ width: 220 }}
            value={fallback ?? ''}
            onChange={(v: string) => void api.call('allocation.setFallback', { repId: v || null }).then((r) => setFallback(r.fallbackRepId), fail)}
            options={[{ value: '', label: t('rules.fallbackPool') }, ...reps.filter((r) => r.status === 'active').map((r) => ({ value: r.id, label: r.name }))]}
          />
        </Space>
      </Card>
      <Card
        size="small"
        title={t('rules.scopeUnassigned')}
        extra={
          <Space>
            <Button onClick={() => void runPreview()} loading={busy && !preview} data-testid="allocation-preview">
              {t('rules.preview')}
            </Button>
            <Button type="primary" disabled={!preview || preview.changeCount === 0} loading={busy && preview !== null} onClick={() => void apply()} data-testid="allocation-apply">
              {t('rules.apply')}
            </Button>
          </Space>
        }
      >
        {preview ? (
          <Space orientation="vertical" style={{ width: '100%' }} data-testid="allocation-preview-result">
            <Typography.Text strong>{t('rules.previewSummary', { accounts: preview.accountCount, changes: preview.changeCount, pool: preview.toPool })}</Typography.Text>
            <Space wrap>
              {preview.byRule.map((r) => (
                <Tag key={r.ruleId ?? 'fallback'} color="blue">
                  {r.name}: {r.count}
                </Tag>
              ))}
            </Space>
            {preview.noAvailableRepCount > 0 ? <Typography.Text type="warning">{t('rules.noAvailable', { count: preview.noAvailableRepCount })}</Typography.Text> : null}
            <DecisionPanelView panel={preview.panel} />
            {preview.unmatchedCount > 0 ? (
              <>
                <Typography.Text type="secondary">{t('rules.unmatched', { count: preview.unmatchedCount })}</Typography.Text>
                <Table
                  size="small"
                  rowKey="id"
                  dataSource={preview.unmatched}
                  pagination={preview.unmatched.length > 20 ? { pageSize: 20, size: 'small' } : false}
                  columns={[
                    { title: t('panel.account'), render: (_: unknown, r: AllocationPreview['unmatched'][number]) => `${r.code} ${r.name}` },
                    { title: t('poolTab.territory'), dataIndex: 'territoryName' },
                    { title: t('rules.industries'), dataIndex: 'industry' },
                    { title: t('rules.tiers'), dataIndex: 'tier' },
                  ]}
                />
              </>
            ) : null}
          </Space>
        ) : (
          <Typography.Text type="secondary">{t('rules.preview')} → {t('rules.apply')}</Typography.Text>
        )}
      </Card>
      <RuleEditor open={editing !== null} rule={editing === 'new' ? null : editing} reps={reps} territories={territories} tagNames={tagNames} saving={saving} onCancel={() => setEditing(null)} onSave={(v) => void save(v)} />
    </Space>
  );
}
