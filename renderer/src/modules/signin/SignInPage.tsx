import { App as AntApp, Button, Card, Form, Input, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { useApp } from '../../shell/app-context';
import { errorMessage } from '../../shell/errors';

/** Sign-in at start, when the admin has turned it on (shared office computers). */
export function SignInPage() {
  const { t } = useTranslation();
  const { status, refreshStatus } = useApp();
  const { message } = AntApp.useApp();

  const submit = async (values: { username: string; password: string }) => {
    try {
      await api.call('session.signIn', values);
      await refreshStatus();
    } catch (e) {
      void message.error(errorMessage(e));
    }
  };

  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#f5f5f5' }}>
      <Card style={{ width: 380 }}>
        <Typography.Title level={3}>{t('appName')}</Typography.Title>
        <Form layout="vertical" onFinish={(v: { username: string; password: string }) => void submit(v)} initialValues={{ username: status.profiles[0]?.username }}>
          <Form.Item name="username" label={t('signIn.user')} rules={[{ required: true }]}>
            <Select options={status.profiles.map((p) => ({ value: p.username, label: `${p.displayName}（${p.username}）` }))} />
          </Form.Item>
          <Form.Item name="password" label={t('signIn.password')}>
            <Input.Password autoFocus />
          </Form.Item>
          <Button type="primary" htmlType="submit" block>
            {t('signIn.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
