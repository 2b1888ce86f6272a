import { Form, Input, Modal } from 'antd';

/** A required reason, for holds and releases. */
export function ReasonModal(props: { open: boolean; title: string; label: string; busy: boolean; onCancel(): void; onSubmit(reason: string): void }) {
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open={props.open}
      title={props.title}
      onCancel={props.onCancel}
      confirmLoading={props.busy}
      destroyOnHidden
      onOk={() => void form.validateFields().then((v) => props.onSubmit(v.reason.trim()))}
      okButtonProps={{ 'data-testid': 'reason-ok' } as never}
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="reason" label={props.label} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="reason-input" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
