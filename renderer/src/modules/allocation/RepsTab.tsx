import { EditOutlined, PlusOutlined, SwapOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Space, Switch, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Rep, Territory } from '../../../../shared/contract/reference';
import { formatFen } from '../../../../shared/domain/money';
import { api } from '../../api';
import { errorMessage } from '../../shell/errors';
import { HandoverModal } from './HandoverModal';
import { RepEditor, type RepValues } from './RepEditor';
import { useReps } from './useReps';

const STATUS_COLORS = { active: 'green', paused: 'orange', left: 'default' } as const;

/** 业务员: territories, industries, capacity, status, current load; the handover when someone leaves. */
export function RepsTab() {
  const { t } = useTranslation('allocation');
  const { message } = AntApp.useApp();
  const [showLeft, setShowLeft] = useState(false);
  const { reps, reload } = useReps(showLeft);
  const [territories, setTerritories] = useState<Territory[]>([]);
  const [editing, setEditing] = useState<(Rep & { extraTerritoryIds?: string[] }) | 'new' | null>(null);
  const [handover, setHandover] = useState<Rep | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    void api.call('territories.list', {}).then(setTerritories);
  }, []);

  const edit = async (r: Rep) => setEditing(await api.call('reps.get', { id: r.id }));
  const save = async (v: RepValues) => {
    setSaving(true);
    try {
      const patch = { ...v, employeeNo: v.employeeNo || null, phone: v.phone || null, email: v.email || null, capacity: v.capacity ?? null, territoryId: v.territoryId ?? null };
      if (editing && editing !== 'new') await api.call('reps.update', { id: editing.id, version: editing.version, patch });
      else await api.call('reps.create', patch);
      setEditing(null);
      reload();
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t('repsTab.add')}
        </Button>
        <Switch checked={showLeft} onChange={setShowLeft} /> {t('repsTab.showLeft')}
      </Space>
      <Table<Rep>
        size="small"
        rowKey="id"
        dataSource={reps}
        pagination={{ pageSize: 30, size: 'small' }}
        data-testid="reps-table"
        columns={[
          { title: t('repsTab.employeeNo'), dataIndex: 'employeeNo', width: 90 },
          { title: t('repsTab.name'), dataIndex: 'name' },
          { title: t('repsTab.status'), dataIndex: 'status', width: 80, render: (s: Rep['status']) => <Tag color={STATUS_COLORS[s]}>{t(`status.${s}`)}</Tag> },
          { title: t('repsTab.territory'), dataIndex: 'territoryName' },
          { title: t('repsTab.specialities'), render: (_: unknown, r: Rep) => r.specialities.join('、') },
          {
            title: t('repsTab.accounts'),
            align: 'right',
            sorter: (a, b) => a.accountCount - b.accountCount,
            render: (_: unknown, r: Rep) => (
              <Typography.Text type={r.capacity !== null && r.accountCount >= r.capacity ? 'danger' : undefined}>
                {r.accountCount}
                {r.capacity !== null ? ` / ${r.capacity}` : ''}
              </Typography.Text>
            ),
          },
          { title: t('repsTab.receivable'), align: 'right', sorter: (a, b) => a.openReceivableFen - b.openReceivableFen, render: (_: unknown, r: Rep) => formatFen(r.openReceivableFen) },
          { title: t('repsTab.cases'), dataIndex: 'openCases', align: 'right' },
          {
            width: 170,
            render: (_: unknown, r: Rep) => (
              <Space size={0}>
                <Button type="link" size="small" icon={<EditOutlined />} onClick={() => void edit(r)}>
                  {t('common.edit')}
                </Button>
                {r.status !== 'left' ? (
                  <Button type="link" size="small" icon={<SwapOutlined />} onClick={() => setHandover(r)}>
                    {t('repsTab.handover')}
                  </Button>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
      <RepEditor open={editing !== null} rep={editing === 'new' ? null : editing} territories={territories} saving={saving} onCancel={() => setEditing(null)} onSave={(v) => void save(v)} />
      <HandoverModal rep={handover} reps={reps} onClose={() => setHandover(null)} />
    </Space>
  );
}
