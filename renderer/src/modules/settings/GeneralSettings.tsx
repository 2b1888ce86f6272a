import { App as AntApp, Button, Form, Input, Radio, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppSettings } from '../../../../shared/contract/settings';
import { api } from '../../api';
import { useApp } from '../../shell/app-context';
import { errorMessage } from '../../shell/errors';

export function GeneralSettings() {
  const { t } = useTranslation('settings');
  const { status, refreshStatus } = useApp();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<AppSettings>();
  const [loaded, setLoaded] = useState(false);
  const isAdmin = status.user?.role === 'admin';

  useEffect(() => {
    void api.call('settings.get', {}).then((s) => {
      form.setFieldsValue(s);
      setLoaded(true);
    });
  }, [form]);

  const save = async () => {
    const v = await form.validateFields();
    try {
      const patch = isAdmin
        ? { language: v.language, companyName: v.companyName, timeZone: v.timeZone, signInRequired: v.signInRequired }
        : { language: v.language };
      await api.call('settings.update', patch);
      void message.success(t('general.saved'));
      await refreshStatus();
    } catch (e) {
      void message.error(errorMessage(e));
    }
  };

  return (
    <Form form={form} layout="vertical" style={{ maxWidth: 520 }} disabled={!loaded}>
      <Form.Item name="language" label={t('general.language')}>
        <Radio.Group>
          <Radio.Button value="zh-CN">中文</Radio.Button>
          <Radio.Button value="en">English</Radio.Button>
        </Radio.Group>
      </Form.Item>
      <Form.Item name="companyName" label={t('general.companyName')} rules={[{ max: 100 }]} extra={isAdmin ? null : t('general.adminOnly')}>
        <Input disabled={!isAdmin} />
      </Form.Item>
      <Form.Item name="timeZone" label={t('general.timeZone')} rules={[{ max: 64 }]}>
        <Input disabled={!isAdmin} />
      </Form.Item>
      <Form.Item name="signInRequired" label={t('general.signInRequired')} valuePropName="checked" extra={<Typography.Text type="secondary">{t('general.signInHint')}</Typography.Text>}>
        <Switch disabled={!isAdmin} />
      </Form.Item>
      <Button type="primary" onClick={() => void save()}>
        {t('general.save')}
      </Button>
    </Form>
  );
}
