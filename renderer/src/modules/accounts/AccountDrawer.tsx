import { EditOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Descriptions, Drawer, Empty, Form, List, Space, Spin, Tabs, Tag, Timeline, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountDetail } from '../../../../shared/contract/accounts';
import { formatFen } from '../../../../shared/domain/money';
import { api } from '../../api';
import { errorMessage } from '../../shell/errors';
import { AccountCreditTab } from '../credit/AccountCreditTab';
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
          <Button
            icon={<EditOutlined />}
            onClick={() => {
              form.setFieldsValue(toFormValues(a));
              setEditing(true);
            }}
          >
            {t('drawer.edit')}
          </Button>
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
                    <Tooltip title={t('drawer.ownerHint')}>{a.ownerName ?? t('pool')}</Tooltip>
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
                    {detail.tags.length ? detail.tags.map((tag) => <Tag key={tag}>{tag}</Tag>) : '—'}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('drawer.followers')} span={2}>
                    {detail.followers.map((f) => f.name).join('、') || '—'}
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
    </Drawer>
  );
}
