import { DatabaseOutlined, FileAddOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Card, Form, Input, Radio, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { useApp } from '../../shell/app-context';
import { errorMessage } from '../../shell/errors';

interface WelcomeForm {
  username: string;
  displayName: string;
  password?: string;
  language: 'zh-CN' | 'en';
}

/** First run: create the admin profile, then load the demo company or start empty. */
export function WelcomePage() {
  const { t, i18n } = useTranslation();
  const { refreshStatus } = useApp();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<WelcomeForm>();
  const [busy, setBusy] = useState<'demo' | 'empty' | null>(null);

  const finish = async (demo: boolean) => {
    const values = await form.validateFields();
    setBusy(demo ? 'demo' : 'empty');
    try {
      await api.call('setup.complete', {
        admin: { username: values.username, displayName: values.displayName, ...(values.password ? { password: values.password } : {}) },
        demo,
        language: values.language,
      });
      await refreshStatus();
    } catch (e) {
      void message.error(errorMessage(e));
      setBusy(null);
    }
  };

  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', background: 'linear-gradient(135deg, #e6f4ff 0%, #f5f5f5 60%)' }}>
      <Card style={{ width: 560 }} data-testid="welcome">
        <Spin spinning={busy === 'demo'} tip={t('welcome.seeding')}>
          <Typography.Title level={3}>{t('welcome.title')}</Typography.Title>
          <Typography.Paragraph type="secondary">{t('welcome.subtitle')}</Typography.Paragraph>
          <Form form={form} layout="vertical" initialValues={{ username: 'admin', displayName: '管理员', language: i18n.language }} requiredMark={false}>
            <Space.Compact block>
              <Form.Item name="username" label={t('welcome.username')} rules={[{ required: true, min: 2, max: 32, pattern: /^[A-Za-z0-9_.\-\u4e00-\u9fff]+$/ }]} style={{ flex: 1, marginRight: 12 }}>
                <Input data-testid="welcome-username" />
              </Form.Item>
              <Form.Item name="displayName" label={t('welcome.displayName')} rules={[{ required: true, max: 50 }]} style={{ flex: 1 }}>
                <Input data-testid="welcome-name" />
              </Form.Item>
            </Space.Compact>
            <Form.Item name="password" label={t('welcome.password')} rules={[{ min: 6, max: 128 }]}>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Form.Item name="language" label={t('welcome.language')}>
              <Radio.Group onChange={(e) => void i18n.changeLanguage(e.target.value as string)}>
                <Radio.Button value="zh-CN">中文</Radio.Button>
                <Radio.Button value="en">English</Radio.Button>
              </Radio.Group>
            </Form.Item>
          </Form>
          <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
            {t('welcome.demoHint')}
          </Typography.Paragraph>
          <Space>
            <Button type="primary" size="large" icon={<DatabaseOutlined />} loading={busy === 'demo'} disabled={busy !== null} onClick={() => void finish(true)} data-testid="welcome-demo">
              {t('welcome.demo')}
            </Button>
            <Button size="large" icon={<FileAddOutlined />} loading={busy === 'empty'} disabled={busy !== null} onClick={() => void finish(false)} data-testid="welcome-empty">
              {t('welcome.empty')}
            </Button>
          </Space>
        </Spin>
      </Card>
    </div>
  );
}
