import { Alert, App as AntApp, AutoComplete, Checkbox, Form, Modal, Select, Space, Spin } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DecisionPanel } from '../../../../shared/contract/decision';
import { api } from '../../api';
import { errorMessage } from '../../shell/errors';
import { DecisionPanelView } from './DecisionPanelView';
import { useUndoNotice } from './undo';
import { useReps } from './useReps';

/**
 * Transfer accounts to a rep (toPool: release them to the pool): pick the rep and a reason, look at
 * the decision panel (receivables, cases, last follow-up, loads before → after), then apply.
 */
export function TransferModal(props: { accountIds: string[]; open: boolean; toPool?: boolean; onClose(): void; onDone?(): void }) {
  const { t } = useTranslation('allocation');
  const { message } = AntApp.useApp();
  const undoNotice = useUndoNotice();
  const { reps } = useReps();
  const [repId, setRepId] = useState<string | undefined>();
  const [reason, setReason] = useState('');
  const [reasons, setReasons] = useState<string[]>([]);
  const [panel, setPanel] = useState<DecisionPanel | null>(null);
  const [unchanged, setUnchanged] = useState(0);
  const [loading, setLoading] = useState(false);
  const [saving, setSaving] = useState(false);
  const [ack, setAck] = useState(false);
  const count = props.accountIds.length;

  useEffect(() => {
    if (!props.open) return;
    setRepId(undefined);
    setReason('');
    setPanel(null);
    setAck(false);
    void api.call('settings.get', {}).then((s) => setReasons(s.transferReasons));
  }, [props.open]);

  useEffect(() => {
    if (!props.open || (!props.toPool && !repId) || count === 0) return;
    let live = true;
    setLoading(true);
    api
      .call('transfers.preview', { accountIds: props.accountIds, toRepId: props.toPool ? null : repId!, rowLimit: 200 })
      .then((p) => {
        if (!live) return;
        setPanel(p.panel);
        setUnchanged(p.unchanged);
        setAck(false);
      })
      .catch((e: unknown) => void message.error(errorMessage(e)))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [props.open, props.toPool, props.accountIds, repId, count, message]);

  const risky = panel !== null && (panel.totals.withOverdue > 0 || panel.totals.withOpenCases > 0);
  const target = reps.find((r) => r.id === repId);
  const canApply = (props.toPool || repId !== undefined) && reason.trim() !== '' && panel !== null && (!risky || ack) && panel.rowCount > 0;

  const apply = async () => {
    setSaving(true);
    try {
      if (props.toPool) {
        const r = await api.call('pool.release', { accountIds: props.accountIds, reason: reason.trim() });
        undoNotice(t('transfer.released', { count: r.changed }), r.journalId);
      } else {
        const r = await api.call('transfers.apply', { accountIds: props.accountIds, toRepId: repId!, reason: reason.trim() });
        undoNotice(t('transfer.done', { count: r.changed }), r.journalId);
      }
      props.onDone?.();
      props.onClose();
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  const repOptions = useMemo(
    () =>
      reps.map((r) => ({
        value: r.id,
        label: `${r.name}${r.employeeNo ? `（${r.employeeNo}）` : ''} · ${r.accountCount}${r.capacity !== null ? `/${r.capacity}` : ''}${r.status === 'paused' ? ` · ${t('status.paused')}` : ''}`,
      })),
    [reps, t],
  );

  return (
    <Modal
      open={props.open}
      width={1080}
      title={props.toPool ? t('transfer.releaseTitle', { count }) : t('transfer.title', { count })}
      onCancel={props.onClose}
      okText={props.toPool ? t('transfer.release') : t('transfer.apply')}
      cancelText={t('common.cancel')}
      onOk={() => void apply()}
      okButtonProps={{ disabled: !canApply, loading: saving, danger: risky, 'data-testid': 'transfer-apply' } as never}
      destroyOnHidden
    >
      <Form layout="inline" style={{ marginBottom: 12 }}>
        {props.toPool ? null : (
          <Form.Item label={t('transfer.toRep')} required>
            <Select showSearch={{ optionFilterProp: 'label' }} style={{ width: 300 }} value={repId} onChange={setRepId} options={repOptions} data-testid="transfer-rep" placeholder={t('transfer.pickRep')} />
          </Form.Item>
        )}
        <Form.Item label={t('transfer.reason')} required>
          <AutoComplete
            style={{ width: 340 }}
            value={reason}
            onChange={setReason}
            options={reasons.map((r) => ({ value: r }))}
            placeholder={t('transfer.reasonPlaceholder')}
            data-testid="transfer-reason"
            filterOption={(input, option) => (option?.value ?? '').includes(input)}
          />
        </Form.Item>
      </Form>
      {target?.status === 'paused' ? <Alert type="warning" showIcon title={t('transfer.repPaused')} style={{ marginBottom: 8 }} /> : null}
      {loading ? <Spin /> : null}
      {panel ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {unchanged > 0 ? <Alert type="info" title={t('transfer.unchanged', { count: unchanged })} /> : null}
          <DecisionPanelView panel={panel} />
          {risky ? (
            <Checkbox checked={ack} onChange={(e) => setAck(e.target.checked)} data-testid="transfer-ack">
              {t('transfer.acknowledge')}
            </Checkbox>
          ) : null}
        </Space>
      ) : null}
    </Modal>
  );
}
