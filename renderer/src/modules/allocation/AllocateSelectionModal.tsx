import { App as AntApp, Modal, Space, Spin, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AllocationPreview } from '../../../../shared/contract/allocation';
import { api } from '../../api';
import { errorMessage } from '../../shell/errors';
import { DecisionPanelView } from './DecisionPanelView';
import { useUndoNotice } from './undo';

/** The saved allocation rules over a selection of accounts: preview first, then apply in one go. */
export function AllocateSelectionModal(props: { accountIds: string[]; open: boolean; onClose(): void; onDone?(): void }) {
  const { t } = useTranslation('allocation');
  const { message } = AntApp.useApp();
  const undoNotice = useUndoNotice();
  const [preview, setPreview] = useState<AllocationPreview | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    setPreview(null);
    if (!props.open || props.accountIds.length === 0) return;
    let live = true;
    api
      .call('allocation.preview', { scope: { kind: 'accounts', ids: props.accountIds }, rules: { source: 'saved' }, rowLimit: 300 })
      .then((p) => live && setPreview(p))
      .catch((e: unknown) => void message.error(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [props.open, props.accountIds, message]);
  const apply = async () => {
    setSaving(true);
    try {
      const r = await api.call('allocation.apply', { scope: { kind: 'accounts', ids: props.accountIds }, rules: { source: 'saved' }, expectFingerprint: preview!.fingerprint });
      undoNotice(t('rules.applied', { count: r.changed }), r.journalId);
      props.onDone?.();
      props.onClose();
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open={props.open} width={1080} title={t('tabs.rules')} onCancel={props.onClose} onOk={() => void apply()} okText={t('rules.apply')} cancelText={t('common.cancel')} okButtonProps={{ disabled: !preview || preview.changeCount === 0, loading: saving }} destroyOnHidden>
      {preview ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text strong>{t('rules.previewSummary', { accounts: preview.accountCount, changes: preview.changeCount, pool: preview.toPool })}</Typography.Text>
          <Space wrap>
            {preview.byRule.map((r) => (
              <Tag key={r.ruleId ?? 'fallback'} color="blue">
                {r.name}: {r.count}
              </Tag>
            ))}
          </Space>
          {preview.unmatchedCount > 0 ? <Typography.Text type="secondary">{t('rules.unmatched', { count: preview.unmatchedCount })}</Typography.Text> : null}
          <DecisionPanelView panel={preview.panel} />
        </Space>
      ) : (
        <Spin />
      )}
    </Modal>
  );
}
