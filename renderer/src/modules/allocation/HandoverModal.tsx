import { App as AntApp, AutoComplete, Form, Modal, Radio, Select, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DecisionPanel } from '../../../../shared/contract/decision';
import type { Rep } from '../../../../shared/contract/reference';
import { api } from '../../api';
import { errorMessage } from '../../shell/errors';
import { DecisionPanelView } from './DecisionPanelView';
import { useUndoNotice } from './undo';

type Mode = 'rules' | 'rep' | 'pool';

/** A leaving rep's accounts: by rule, to one rep, or to the pool, previewed in the decision panel. */
export function HandoverModal(props: { rep: Rep | null; reps: Rep[]; onClose(): void }) {
  const { t } = useTranslation('allocation');
  const { message } = AntApp.useApp();
  const undoNotice = useUndoNotice();
  const [mode, setMode] = useState<Mode>('rules');
  const [toRepId, setToRepId] = useState<string | undefined>();
  const [reason, setReason] = useState('业务员离职交接');
  const [setStatus, setSetStatus] = useState<'left' | 'paused'>('left');
  const [preview, setPreview] = useState<{ fingerprint: string; panel: DecisionPanel } | null>(null);
  const [saving, setSaving] = useState(false);
  const repId = props.rep?.id;

  useEffect(() => {
    setPreview(null);
    if (!repId || (mode === 'rep' && !toRepId)) return;
    let live = true;
    api
      .call('reps.handoverPreview', { repId, mode, ...(mode === 'rep' ? { toRepId } : {}), rowLimit: 200 })
      .then((p) => live && setPreview(p))
      .catch((e: unknown) => void message.error(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [repId, mode, toRepId, message]);

  const apply = async () => {
    setSaving(true);
    try {
      const r = await api.call('reps.handover', { repId: repId!, mode, ...(mode === 'rep' ? { toRepId } : {}), reason: reason.trim(), setStatus, expectFingerprint: preview!.fingerprint });
      undoNotice(t('repsTab.done', { count: r.changed }), r.journalId);
      props.onClose();
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={props.rep !== null}
      width={1080}
      title={t('repsTab.handoverTitle', { name: props.rep?.name ?? '' })}
      onCancel={props.onClose}
      onOk={() => void apply()}
      okText={t('repsTab.apply')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: !preview || reason.trim() === '', loading: saving }}
      destroyOnHidden
    >
      <Form layout="inline" style={{ marginBottom: 12, rowGap: 8 }}>
        <Form.Item label={t('repsTab.mode')}>
          <Radio.Group value={mode} onChange={(e) => setMode(e.target.value as Mode)} optionType="button" options={[{ value: 'rules', label: t('repsTab.modeRules') }, { value: 'rep', label: t('repsTab.modeRep') }, { value: 'pool', label: t('repsTab.modePool') }]} />
        </Form.Item>
        {mode === 'rep' ? (
          <Form.Item label={t('repsTab.toRep')}>
            <Select style={{ width: 200 }} value={toRepId} onChange={setToRepId} showSearch={{ optionFilterProp: 'label' }} options={props.reps.filter((r) => r.status === 'active' && r.id !== repId).map((r) => ({ value: r.id, label: r.name }))} />
          </Form.Item>
        ) : null}
        <Form.Item label={t('transfer.reason')} required>
          <AutoComplete style={{ width: 220 }} value={reason} onChange={setReason} options={[{ value: '业务员离职交接' }, { value: '长期休假' }, { value: '岗位调整' }]} />
        </Form.Item>
        <Form.Item label={t('repsTab.setStatus')}>
          <Select style={{ width: 110 }} value={setStatus} onChange={setSetStatus} options={[{ value: 'left', label: t('status.left') }, { value: 'paused', label: t('status.paused') }]} />
        </Form.Item>
      </Form>
      {preview ? <DecisionPanelView panel={preview.panel} /> : mode === 'rep' && !toRepId ? null : <Spin />}
    </Modal>
  );
}
