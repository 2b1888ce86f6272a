import { CommentOutlined, EditOutlined, ExportOutlined, SwapOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Descriptions, Drawer, Empty, Form, List, Select, Space, Spin, Tabs, Tag, Timeline, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountDetail } from '../../../../shared/contract/accounts';
import { formatFen } from '../../../../shared/domain/money';
import { api, onEvent } from '../../api';
import { useApp } from '../../shell/app-context';
import { errorMessage } from '../../shell/errors';
import { AccountCreditTab } from '../credit/AccountCreditTab';
import { FollowupModal } from '../allocation/FollowupModal';
import { TransferModal } from '../allocation/TransferModal';
import { useReps } from '../allocation/useReps';
import { AccountFields } from './AccountFields';
import { toFormValues, toPatch, type AccountFormValues } from './form-values';

function when(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Account detail: profile (editable, except the owner), contacts and the timeline. */
export function AccountDrawer(props: { id: string | undefined; onClose(): void; onSaved(): void }) {
  const { t } = useTranslation('accounts');
  const { message } = AntApp.useApp();
  const [detail, setDetail] = useState<AccountDetail | null>(null);
  const [editing, setEditing] = useState(false);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<AccountFormValues>();
  const [action, setAction] = useState<'transfer' | 'release' | 'followup' | null>(null);
  const [tags, setTags] = useState<string[]>([]);
  const [followers, setFollowers] = useState<string[]>([]);
  const [tagOptions, setTagOptions] = useState<string[]>([]);
  const { reps } = useReps();
  const { status } = useApp();
  const selfIds = useMemo(() => (props.id ? [props.id] : []), [props.id]);

  const load = useCallback(async (id: string) => {
    try {
      setDetail(await api.call('accounts.get', { id }));
    } catch (e) {
      void message.error(errorMessage(e));
    }
  }, [message]);

  useEffect(() => {
    setDetail(null);
    setEditing(false);
    if (props.id) void load(props.id);
  }, [props.id, load]);

  useEffect(() => {
    setTags(detail?.tags ?? []);
    setFollowers(detail?.followers.map((f) => f.repId) ?? []);
  }, [detail]);

  useEffect(() => {
    if (props.id) void api.call('tags.list', {}).then((list) => setTagOptions(list.map((x) => x.name)));
  }, [props.id]);

  // An owner change or a follow-up made elsewhere shows up at once in the open drawer.
  useEffect(
    () =>
      onEvent('data.changed', (p) => {
        if (props.id && p.entities.some((e) => e === 'accounts' || e === 'followups' || e === '*')) void load(props.id);
      }),
    [props.id, load],
  );

  const linksChanged = detail !== null && (tags.join('\u0000') !== detail.tags.join('\u0000') || followers.join() !== detail.followers.map((f) => f.repId).join());
  const saveLinks = async () => {
    if (!detail) return;
    try {
      await api.call('accounts.setTags', { id: detail.account.id, tags });
      await api.call('accounts.setFollowers', { id: detail.account.id, repIds: followers });
      void message.success(t('drawer.saved'));
      await load(detail.account.id);
      props.onSaved();
    } catch (e) {
      void message.error(errorMessage(e));
    }
  };

  const save = async () => {
    if (!detail) return;
    const values = await form.validateFields();
    setSaving(true);
    try {
      await api.call('accounts.update', { id: detail.account.id, version: detail.account.version, patch: toPatch(values) });
      void message.success(t('drawer.saved'));
      setEditing(false);
      await load(detail.account.id);
      props.onSaved();
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  const a = detail?.account;
  return (
    <Drawer
      open={props.id !== undefined}
      width={760}
      onClose={props.onClose}
      title={a ? <Space><span data-testid="account-drawer-title">{a.name}</span><Typography.Text type="secondary">{a.code}</Typography.Text></Space> : ''}
      extra={
        a && !editing ? (
          <Space>
            <Button icon={<SwapOutlined />} onClick={() => setAction('transfer')} data-testid="drawer-transfer">
              {t('actions.transfer')}
            </Button>
            {a.ownerRepId ? (
              <Button icon={<ExportOutlined />} onClick={() => setAction('release')} data-testid="drawer-release">
                {t('actions.release')}
              </Button>
            ) : null}
            <Button icon={<CommentOutlined />} onClick={() => setAction('followup')} data-testid="drawer-followup">
              {t('actions.followup')}
            </Button>
            <Button
              icon={<EditOutlined />}
              onClick={() => {
                form.setFieldsValue(toFormValues(a));
                setEditing(true);
              }}
            >
              {t('drawer.edit')}
            </Button>
          </Space>
        ) : editing ? (
          <Space>
            <Button onClick={() => setEditing(false)}>{t('drawer.cancel')}</Button>
            <Button type="primary" loading={saving} onClick={() => void save()} data-testid="account-save">
              {t('drawer.save')}
            </Button>
          </Space>
        ) : null
      }
    >
      {!detail || !a ? (
        <Spin />
      ) : editing ? (
        <Form form={form} layout="vertical">
          <AccountFields />
        </Form>
      ) : (
        <Tabs
          items={[
            {
              key: 'profile',
              label: t('drawer.profile'),
              children: (
                <Descriptions column={2} size="small" bordered>
                  <Descriptions.Item label={t('col.tier')}>{t(`tier.${a.tier}`)}</Descriptions.Item>
                  <Descriptions.Item label={t('drawer.owner')}>
                    <Tooltip title={t('drawer.ownerHint')}>
                      <span data-testid="drawer-owner">{a.ownerName ?? t('pool')}</span>
                    </Tooltip>
                    {a.reclaimOn ? (
                      <Typography.Text type={a.reclaimRemindOn && a.reclaimRemindOn <= status.today ? 'warning' : 'secondary'} style={{ marginLeft: 8 }}>
                        {t('actions.reclaimOn')} {a.reclaimOn}
                      </Typography.Text>
                    ) : null}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('col.creditCode')}>{a.creditCode ?? '—'}</Descriptions.Item>
                  <Descriptions.Item label={t('col.dealStatus')}>{t(`deal.${a.dealStatus}`)}</Descriptions.Item>
                  <Descriptions.Item label={t('col.territoryName')}>{a.territoryName ?? '—'}</Descriptions.Item>
                  <Descriptions.Item label={t('col.industry')}>{a.industry ?? '—'}</Descriptions.Item>
                  <Descriptions.Item label={t('col.phone')}>{a.phone ?? '—'}</Descriptions.Item>
                  <Descriptions.Item label={t('col.source')}>{a.source ?? '—'}</Descriptions.Item>
                  <Descriptions.Item label={t('col.openReceivableFen')}>{formatFen(a.openReceivableFen)}</Descriptions.Item>
                  <Descriptions.Item label={t('col.overdueFen')}>
                    {a.overdueFen > 0 ? <Typography.Text type="danger">{formatFen(a.overdueFen)}（{a.maxOverdueDays} 天）</Typography.Text> : formatFen(0)}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('col.openCases')}>{a.openCases}</Descriptions.Item>
                  <Descriptions.Item label={t('col.creditGrade')}>
                    {a.creditGrade ?? '—'} {a.creditHold ? <Tag color="red">{t('col.creditHold')}</Tag> : null}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('col.lastFollowupOn')}>
                    {a.lastFollowupOn ?? '—'}
                    {a.daysSinceFollowup !== null ? `（${a.daysSinceFollowup}）` : ''}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('col.nextFollowupOn')}>{a.nextFollowupOn ?? '—'}</Descriptions.Item>
                  <Descriptions.Item label={t('drawer.tags')} span={2}>
                    <Select mode="tags" value={tags} onChange={setTags} style={{ width: '100%' }} options={tagOptions.map((x) => ({ value: x }))} variant="borderless" placeholder="—" data-testid="drawer-tags" />
                  </Descriptions.Item>
                  <Descriptions.Item label={t('drawer.followers')} span={2}>
                    <Space style={{ width: '100%' }}>
                      <Select
                        mode="multiple"
                        value={followers}
                        onChange={setFollowers}
                        style={{ minWidth: 360 }}
                        variant="borderless"
                        placeholder="—"
                        showSearch={{ optionFilterProp: 'label' }}
                        options={reps.filter((r) => r.id !== a.ownerRepId).map((r) => ({ value: r.id, label: r.name }))}
                      />
                      {linksChanged ? (
                        <Button size="small" type="primary" onClick={() => void saveLinks()}>
                          {t('actions.saveLinks')}
                        </Button>
                      ) : null}
                    </Space>
                  </Descriptions.Item>
                  <Descriptions.Item label={t('col.address')} span={2}>
                    {[a.province, a.city, a.address].filter(Boolean).join(' ') || '—'}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('col.notes')} span={2}>
                    {a.notes ?? '—'}
                  </Descriptions.Item>
                </Descriptions>
              ),
            },
            {
              key: 'contacts',
              label: `${t('drawer.contacts')} (${detail.contacts.length})`,
              children: detail.contacts.length ? (
                <List
                  dataSource={detail.contacts}
                  renderItem={(c) => (
                    <List.Item>
                      <List.Item.Meta
                        title={
                          <Space>
                            {c.name}
                            {c.title ? <Typography.Text type="secondary">{c.title}</Typography.Text> : null}
                            {c.isPrimary ? <Tag color="blue">{t('drawer.primary')}</Tag> : null}
                          </Space>
                        }
                        description={[c.mobile, c.phone, c.email, c.wechat ? `微信 ${c.wechat}` : null].filter(Boolean).join(' · ')}
                      />
                    </List.Item>
                  )}
                />
              ) : (
                <Empty description={t('drawer.noContacts')} />
              ),
            },
            {
              key: 'credit',
              label: <span data-testid="account-tab-credit">{t('credit:order.credit')}</span>,
              children: <AccountCreditTab accountId={a.id} />,
            },
            {
              key: 'timeline',
              label: <span data-testid="account-tab-timeline">{t('drawer.timeline')}</span>,
              children: detail.timeline.length ? (
                <Timeline
                  items={detail.timeline.map((e) => ({
                    key: `${e.at}-${e.kind}-${e.title}`,
                    children: (
                      <div>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {when(e.at)} {e.by ? `· ${e.by}` : ''}
                        </Typography.Text>
                        <div>{e.title}</div>
                        {e.detail ? <Typography.Text type="secondary">{e.detail}</Typography.Text> : null}
                      </div>
                    ),
                  }))}
                />
              ) : (
                <Empty description={t('drawer.noTimeline')} />
              ),
            },
          ]}
        />
      )}
      {a ? <TransferModal accountIds={selfIds} open={action === 'transfer' || action === 'release'} toPool={action === 'release'} onClose={() => setAction(null)} onDone={() => void load(a.id)} /> : null}
      <FollowupModal accountId={action === 'followup' && a ? a.id : null} onClose={() => setAction(null)} onSaved={() => a && void load(a.id)} />
    </Drawer>
  );
}
