import { App as AntApp, Button, Card, Descriptions, Drawer, Form, Input, Modal, Space, Spin, Tag, Timeline, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail, SlaClockView } from '../../../../shared/contract/cases';
import type { CaseState } from '../../../../shared/domain/case-state';
import { api, onEvent } from '../../api';
import { RepSelect } from '../../components/RefPickers';
import { errorMessage } from '../../shell/errors';
import { navigate } from '../../shell/router';
import { SLA_COLORS, clockText, duration } from './sla-view';

function when(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

type Dialog = { kind: 'respond' | 'comment' | 'escalate' | 'attach' } | { kind: 'state'; to: CaseState };

const EVENT_COLORS: Record<string, string> = { created: 'blue', state: 'gray', response: 'green', escalated: 'red', reopened: 'orange', comment: 'gray', attachment: 'gray', reassigned: 'purple' };

/** 工单详情: the two SLA clocks, the case data, the timeline, and the actions allowed now. */
export function CaseDrawer(props: { id: string | undefined; onClose(): void; onChanged(): void }) {
  const { t } = useTranslation('cases');
  const { message } = AntApp.useApp();
  const [detail, setDetail] = useState<CaseDetail | null>(null);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ note?: string; ownerRepId?: string; name?: string; path?: string }>();

  const load = useCallback(
    async (id: string) => {
      try {
        setDetail(await api.call('cases.get', { id }));
      } catch (e) {
        void message.error(errorMessage(e));
      }
    },
    [message],
  );
  useEffect(() => {
    setDetail(null);
    if (props.id) void load(props.id);
  }, [props.id, load]);
  useEffect(
    () =>
      onEvent('data.changed', (p) => {
        if (props.id && p.entities.includes('cases')) void load(props.id);
      }),
    [props.id, load],
  );

  const submit = async () => {
    if (!detail || !dialog) return;
    const v = await form.validateFields();
    const ref = { id: detail.case.id, version: detail.case.version };
    setBusy(true);
    try {
      if (dialog.kind === 'state') await api.call('cases.setState', { ...ref, state: dialog.to, ...(v.note ? { note: v.note } : {}) });
      else if (dialog.kind === 'respond') await api.call('cases.respond', { ...ref, note: v.note ?? '' });
      else if (dialog.kind === 'comment') await api.call('cases.comment', { ...ref, note: v.note ?? '' });
      else if (dialog.kind === 'escalate') await api.call('cases.escalate', { ...ref, note: v.note ?? '', ...(v.ownerRepId ? { ownerRepId: v.ownerRepId } : {}) });
      else await api.call('cases.addAttachment', { ...ref, attachment: { name: v.name ?? '', path: v.path ?? '' } });
      setDialog(null);
      form.resetFields();
      await load(detail.case.id);
      props.onChanged();
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const c = detail?.case;
  const reopen = (to: CaseState) => to === 'in_progress' && (c?.state === 'resolved' || c?.state === 'closed');
  const clock = (label: string, k: SlaClockView) => (
    <Card size="small" style={{ flex: 1 }} data-testid={`sla-${label}`}>
      <Space direction="vertical" size={2}>
        <Typography.Text type="secondary">{t(`clock.${label}`)}</Typography.Text>
        <Tag color={k.breached ? SLA_COLORS.breached : k.aboutToBreach ? SLA_COLORS.about_to_breach : k.status === 'running' ? SLA_COLORS.on_track : k.status === 'met' ? SLA_COLORS.met : 'default'} style={{ fontSize: 14, padding: '2px 8px' }} data-status={k.status}>
          {clockText(k, t)}
        </Tag>
        {k.targetMinutes !== null ? <Typography.Text type="secondary">{t('clock.target', { time: duration(k.targetMinutes) })}</Typography.Text> : null}
        {k.dueAt ? <Typography.Text type="secondary">{t('clock.due', { at: when(k.dueAt) })}</Typography.Text> : null}
      </Space>
    </Card>
  );

  return (
    <Drawer
      open={props.id !== undefined}
      width={860}
      onClose={props.onClose}
      title={
        c ? (
          <Space>
            <span data-testid="case-drawer-title">{c.caseNo}</span>
            <Typography.Text>{c.title}</Typography.Text>
            <Tag data-testid="case-state">{t(`state.${c.state}`)}</Tag>
          </Space>
        ) : (
          ''
        )
      }
    >
      {!detail || !c ? (
        <Spin />
      ) : (
        <>
          <Space wrap style={{ marginBottom: 12 }} data-testid="case-actions">
            {c.state !== 'closed' ? (
              <Button type="primary" onClick={() => setDialog({ kind: 'respond' })} data-testid="case-action-respond">
                {t('action.respond')}
              </Button>
            ) : null}
            {detail.allowedStates.map((s) => (
              <Button key={s} onClick={() => setDialog({ kind: 'state', to: s })} data-testid={`case-to-${s}`}>
                {reopen(s) ? t('action.reopen') : t(`action.to.${s}`)}
              </Button>
            ))}
            <Button danger onClick={() => setDialog({ kind: 'escalate' })} data-testid="case-action-escalate">
              {t('action.escalate')}
            </Button>
            <Button onClick={() => setDialog({ kind: 'comment' })}>{t('action.comment')}</Button>
            <Button onClick={() => setDialog({ kind: 'attach' })}>{t('action.attach')}</Button>
          </Space>
          <div style={{ display: 'flex', gap: 12, marginBottom: 12 }}>
            {clock('firstResponse', c.firstResponse)}
            {clock('resolution', c.resolution)}
          </div>
          <Descriptions column={2} size="small" bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('col.accountName')}>
              <Typography.Link onClick={() => navigate('/accounts', { open: c.accountId })}>{c.accountName}</Typography.Link>
            </Descriptions.Item>
            <Descriptions.Item label={t('col.orderNo')}>{c.orderId ? <Typography.Link onClick={() => navigate('/orders', { open: c.orderId! })}>{c.orderNo}</Typography.Link> : '—'}</Descriptions.Item>
            <Descriptions.Item label={t('col.type')}>{t(`type.${c.type}`)}</Descriptions.Item>
            <Descriptions.Item label={t('col.priority')}>{c.priority}</Descriptions.Item>
            <Descriptions.Item label={t('col.ownerName')}>{c.ownerName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('drawer.escalation')}>{c.escalationLevel}</Descriptions.Item>
            <Descriptions.Item label={t('drawer.product')}>
              {c.productName ?? '—'} {c.serialNo ? `SN ${c.serialNo}` : ''}
            </Descriptions.Item>
            <Descriptions.Item label={t('col.warranty')}>
              {t(`warranty.${c.warranty}`)} {c.warrantyExpiresOn ? <Typography.Text type="secondary">{t('drawer.warrantyUntil', { date: c.warrantyExpiresOn })}</Typography.Text> : null}
            </Descriptions.Item>
            <Descriptions.Item label={t('col.openedAt')}>{when(c.openedAt)}</Descriptions.Item>
            <Descriptions.Item label={t('drawer.attachments')}>{c.attachments.length ? c.attachments.map((a) => <div key={a.path}>{`${a.name} — ${a.path}`}</div>) : '—'}</Descriptions.Item>
            <Descriptions.Item label={t('form.description')} span={2}>
              <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>{c.description || '—'}</Typography.Paragraph>
            </Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5}>{t('drawer.timeline')}</Typography.Title>
          <Timeline
            data-testid="case-timeline"
            items={[...detail.events].reverse().map((e) => ({
              key: e.id,
              color: EVENT_COLORS[e.kind] ?? 'gray',
              children: (
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {when(e.at)} {e.by ? `· ${e.by}` : ''}
                  </Typography.Text>
                  <div>
                    <strong>{t(`event.${e.kind}`)}</strong>
                    {e.fromState || e.toState ? ` ${e.fromState ? t(`state.${e.fromState}`) : ''} → ${e.toState ? t(`state.${e.toState}`) : ''}` : ''}
                  </div>
                  {e.note ? <Typography.Text>{e.note}</Typography.Text> : null}
                </div>
              ),
            }))}
          />
        </>
      )}
      <Modal
        open={dialog !== null}
        title={dialog ? (dialog.kind === 'state' ? (reopen(dialog.to) ? t('action.reopen') : t(`action.to.${dialog.to}`)) : t(`action.${dialog.kind}`)) : ''}
        onCancel={() => setDialog(null)}
        onOk={() => void submit()}
        confirmLoading={busy}
        destroyOnHidden
        okButtonProps={{ 'data-testid': 'case-dialog-ok' } as never}
      >
        <Form form={form} layout="vertical" preserve={false}>
          {dialog?.kind === 'escalate' ? (
            <Form.Item name="ownerRepId" label={t('form.owner')} rules={[{ required: true }]}>
              <RepSelect />
            </Form.Item>
          ) : null}
          {dialog?.kind === 'attach' ? (
            <>
              <Form.Item name="name" label={t('form.attachName')} rules={[{ required: true, whitespace: true }]}>
                <Input maxLength={200} />
              </Form.Item>
              <Form.Item name="path" label={t('form.attachPath')} rules={[{ required: true, whitespace: true }]}>
                <Input maxLength={1000} placeholder="D:\\售后\\照片.jpg" />
              </Form.Item>
            </>
          ) : (
            <Form.Item name="note" label={t('form.note')} rules={dialog && dialog.kind !== 'state' ? [{ required: true, whitespace: true }] : []}>
              <Input.TextArea rows={3} maxLength={2000} data-testid="case-dialog-note" />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </Drawer>
  );
}
