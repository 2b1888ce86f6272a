import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Card, Empty, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountRow } from '../../../../shared/contract/accounts';
import type { DecisionPanel } from '../../../../shared/contract/decision';
import type { PoolRule } from '../../../../shared/contract/pool';
import type { Territory } from '../../../../shared/contract/reference';
import { formatFen } from '../../../../shared/domain/money';
import { api, onEvent } from '../../api';
import { errorMessage } from '../../shell/errors';
import { DecisionPanelView } from './DecisionPanelView';
import { PoolRuleEditor, type PoolRuleValues } from './PoolRuleEditor';
import { useUndoNotice } from './undo';
import { useReps } from './useReps';

type Reminder = Awaited<ReturnType<typeof api.call<'pool.reminders'>>>['items'][number];
interface ReclaimPreview {
  today: string;
  fingerprint: string;
  reclaimCount: number;
  heldCount: number;
  panel: DecisionPanel;
}

/** 公海: reminders before reclaim, the reclaim run (preview, confirm the risky ones, run), claims and the rules. */
export function PoolTab() {
  const { t } = useTranslation('allocation');
  const { message } = AntApp.useApp();
  const undoNotice = useUndoNotice();
  const { reps } = useReps();
  const [reminders, setReminders] = useState<{ total: number; items: Reminder[] }>({ total: 0, items: [] });
  const [rules, setRules] = useState<PoolRule[]>([]);
  const [territories, setTerritories] = useState<Territory[]>([]);
  const [preview, setPreview] = useState<ReclaimPreview | null>(null);
  const [confirmed, setConfirmed] = useState<Set<string>>(new Set());
  const [pool, setPool] = useState<{ total: number; items: AccountRow[] }>({ total: 0, items: [] });
  const [selected, setSelected] = useState<string[]>([]);
  const [claimRep, setClaimRep] = useState<string | undefined>();
  const [editing, setEditing] = useState<PoolRule | 'new' | null>(null);
  const [saving, setSaving] = useState(false);
  const [busy, setBusy] = useState(false);
  const fail = (e: unknown) => void message.error(errorMessage(e));

  const load = useCallback(() => {
    void api.call('pool.reminders', { limit: 200 }).then(setReminders);
    void api.call('poolRules.list', {}).then(setRules);
    void api.call('territories.list', {}).then(setTerritories);
    void api.call('accounts.list', { limit: 200, filters: { ownerName: { filterType: 'text', type: 'blank' } }, sort: [{ colId: 'code', sort: 'asc' }] }).then(setPool);
  }, []);
  useEffect(() => {
    load();
    return onEvent('data.changed', load);
  }, [load]);

  const runPreview = async () => {
    setBusy(true);
    try {
      setPreview(await api.call('pool.reclaimPreview', { rowLimit: 500 }));
      setConfirmed(new Set());
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };
  const runReclaim = async () => {
    setBusy(true);
    try {
      const r = await api.call('pool.reclaimApply', { confirmIds: [...confirmed], ...(preview ? { expectFingerprint: preview.fingerprint } : {}) });
      undoNotice(t('poolTab.reclaimed', { count: r.reclaimed, held: r.held }), r.journalId);
      setPreview(null);
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };
  const claim = async () => {
    try {
      const r = await api.call('pool.claim', { accountIds: selected, repId: claimRep! });
      undoNotice(t('poolTab.claimed', { count: r.changed }), r.journalId);
      setSelected([]);
    } catch (e) {
      fail(e);
    }
  };
  const saveRule = async (v: PoolRuleValues) => {
    setSaving(true);
    try {
      if (editing && editing !== 'new') await api.call('poolRules.update', { id: editing.id, version: editing.version, patch: v });
      else await api.call('poolRules.create', v);
      setEditing(null);
      load();
    } catch (e) {
      fail(e);
    } finally {
      setSaving(false);
    }
  };
  const days = (n: number | null) => (n === null ? '—' : String(n));

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={16}>
      <Card size="small" title={`${t('poolTab.reminders')}（${reminders.total}）`}>
        {reminders.items.length === 0 ? (
          <Typography.Text type="secondary">{t('poolTab.noReminders')}</Typography.Text>
        ) : (
          <Table<Reminder>
            size="small"
            rowKey="accountId"
            dataSource={reminders.items}
            pagination={{ pageSize: 10, size: 'small' }}
            data-testid="pool-reminders"
            columns={[
              { title: t('panel.account'), render: (_: unknown, r: Reminder) => `${r.code} ${r.name}` },
              { title: t('poolTab.owner'), dataIndex: 'ownerName' },
              { title: t('poolTab.reclaimOn'), dataIndex: 'reclaimOn', render: (d: string, r: Reminder) => <Space>{d}<Tag color={r.daysLeft <= 1 ? 'red' : 'orange'}>{t('poolTab.daysLeft', { days: r.daysLeft })}</Tag></Space> },
              { title: t('poolTab.reason'), render: (_: unknown, r: Reminder) => t(`trigger.${r.trigger}`) },
              { title: t('panel.lastFollowup'), dataIndex: 'lastFollowupOn' },
            ]}
          />
        )}
      </Card>
      <Card
        size="small"
        title={t('poolTab.reclaim')}
        extra={
          <Space>
            <Button onClick={() => void runPreview()} loading={busy && !preview} data-testid="reclaim-preview">
              {t('rules.preview')}
            </Button>
            <Button type="primary" danger disabled={!preview || preview.reclaimCount + confirmed.size === 0} loading={busy && preview !== null} onClick={() => void runReclaim()} data-testid="reclaim-run">
              {t('poolTab.runReclaim')}
            </Button>
          </Space>
        }
      >
        {rules.length === 0 ? <Typography.Text type="secondary">{t('poolTab.noRules')}</Typography.Text> : null}
        {preview ? (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Typography.Text strong>{t('poolTab.reclaimSummary', { today: preview.today, count: preview.reclaimCount, held: preview.heldCount })}</Typography.Text>
            <DecisionPanelView
              panel={preview.panel}
              confirmable={{
                checked: confirmed,
                onChange: (id, on) =>
                  setConfirmed((s) => {
                    const next = new Set(s);
                    if (on) next.add(id);
                    else next.delete(id);
                    return next;
                  }),
              }}
            />
          </Space>
        ) : null}
      </Card>
      <Card
        size="small"
        title={`${t('poolTab.claimTitle')}（${pool.total}）`}
        extra={
          <Space>
            <Select style={{ width: 200 }} placeholder={t('poolTab.claimFor')} value={claimRep} onChange={setClaimRep} showSearch={{ optionFilterProp: 'label' }} options={reps.filter((r) => r.status === 'active').map((r) => ({ value: r.id, label: r.name }))} />
            <Button type="primary" disabled={!claimRep || selected.length === 0} onClick={() => void claim()}>
              {t('poolTab.claim')}
              {selected.length ? ` (${selected.length})` : ''}
            </Button>
          </Space>
        }
      >
        <Table<AccountRow>
          size="small"
          rowKey="id"
          dataSource={pool.items}
          rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) }}
          pagination={{ pageSize: 10, size: 'small' }}
          columns={[
            { title: t('panel.account'), render: (_: unknown, r: AccountRow) => `${r.code} ${r.name}` },
            { title: t('rules.tiers'), dataIndex: 'tier' },
            { title: t('poolTab.territory'), dataIndex: 'territoryName' },
            { title: t('rules.industries'), dataIndex: 'industry' },
            { title: t('panel.lastFollowup'), dataIndex: 'lastFollowupOn' },
            { title: t('panel.openReceivable'), align: 'right', render: (_: unknown, r: AccountRow) => formatFen(r.openReceivableFen) },
          ]}
        />
      </Card>
      <Card
        size="small"
        title={t('poolTab.rules')}
        extra={
          <Button icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('poolTab.addRule')}
          </Button>
        }
      >
        {rules.length === 0 ? (
          <Empty description={t('poolTab.noRules')} />
        ) : (
          <Table<PoolRule>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={rules}
            columns={[
              { title: t('rules.name'), dataIndex: 'name', render: (n: string, r: PoolRule) => <Space>{n}{r.enabled ? null : <Tag>{t('common.no')}</Tag>}</Space> },
              { title: t('poolTab.scope'), render: (_: unknown, r: PoolRule) => [r.territoryName ?? t('poolTab.all'), r.tier ?? ''].filter(Boolean).join(' · ') },
              { title: t('poolTab.noFollowupDays'), render: (_: unknown, r: PoolRule) => days(r.noFollowupDays) },
              { title: t('poolTab.noDealDays'), render: (_: unknown, r: PoolRule) => days(r.noDealDays) },
              { title: t('poolTab.protectionDays'), render: (_: unknown, r: PoolRule) => days(r.protectionDays) },
              { title: t('poolTab.reminderDays'), dataIndex: 'reminderDays' },
              { title: t('poolTab.claimDailyCap'), render: (_: unknown, r: PoolRule) => days(r.claimDailyCap) },
              { title: t('poolTab.holdingCap'), render: (_: unknown, r: PoolRule) => days(r.holdingCap) },
              { title: t('poolTab.cooldownDays'), dataIndex: 'cooldownDays' },
              {
                width: 80,
                render: (_: unknown, r: PoolRule) => (
                  <Space size={0}>
                    <Button type="text" size="small" icon={<EditOutlined />} onClick={() => setEditing(r)} />
                    <Popconfirm title={t('rules.deleteConfirm', { name: r.name })} onConfirm={() => void api.call('poolRules.delete', { id: r.id, version: r.version }).then(load, fail)}>
                      <Button type="text" size="small" danger icon={<DeleteOutlined />} />
                    </Popconfirm>
                  </Space>
                ),
              },
            ]}
          />
        )}
      </Card>
      <PoolRuleEditor open={editing !== null} rule={editing === 'new' ? null : editing} territories={territories} saving={saving} onCancel={() => setEditing(null)} onSave={(v) => void saveRule(v)} />
    </Space>
  );
}
