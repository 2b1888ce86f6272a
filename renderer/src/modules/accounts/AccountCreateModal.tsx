import { App as AntApp, Form, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountRow } from '../../../../shared/contract/accounts';
import { api } from '../../api';
import { errorMessage } from '../../shell/errors';
import { AccountFields } from './AccountFields';
import { toPatch, type AccountFormValues } from './form-values';

export function AccountCreateModal(props: { open: boolean; onClose(): void; onCreated(row: AccountRow): void }) {
  const { t } = useTranslation('accounts');
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<AccountFormValues>();
  const [saving, setSaving] = useState(false);

  const submit = async () => {
    const values = await form.validateFields();
    setSaving(true);
    try {
      const row = await api.call('accounts.create', toPatch(values));
      form.resetFields();
      props.onCreated(row);
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open={props.open} title={t('form.createTitle')} width={720} onCancel={props.onClose} onOk={() => void submit()} confirmLoading={saving} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ tier: 'C', dealStatus: 'prospect' }}>
        <AccountFields />
      </Form>
    </Modal>
  );
}
