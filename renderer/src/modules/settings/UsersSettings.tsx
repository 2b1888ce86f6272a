import { PlusOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Form, Input, Modal, Select, Space, Switch, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../../shared/rpc/types';
import type { Contract } from '../../../../shared/contract';
import { api } from '../../api';
import { useApp } from '../../shell/app-context';
import { errorMessage } from '../../shell/errors';

type UserRow = OutputOf<Contract, 'users.list'>[number];
const ROLES = ['admin', 'manager', 'coordinator'] as const;

/** Settings → 用户: local profiles with roles; passwords are scrypt-hashed by the backend. */
export function UsersSettings() {
  const { t } = useTranslation('settings');
  const { t: ts } = useTranslation('shell');
  const { status, refreshStatus } = useApp();
  const { message } = AntApp.useApp();
  const [users, setUsers] = useState<UserRow[]>([]);
  const [adding, setAdding] = useState(false);
  const [passwordFor, setPasswordFor] = useState<UserRow | null>(null);
  const [addForm] = Form.useForm();
  const [pwForm] = Form.useForm();
  const isAdmin = status.user?.role === 'admin';

  const load = useCallback(async () => {
    if (isAdmin) setUsers(await api.call('users.list', {}));
  }, [isAdmin]);
  useEffect(() => {
    void load();
  }, [load]);

  const run = async (fn: () => Promise<unknown>, ok: string) => {
    try {
      await fn();
      void message.success(ok);
      await load();
      await refreshStatus();
      return true;
    } catch (e) {
      void message.error(errorMessage(e));
      return false;
    }
  };

  if (!isAdmin) {
    const me = status.user!;
    return (
      <Space direction="vertical">
        <span>{t('users.adminOnly')}</span>
        <Button onClick={() => setPasswordFor({ ...me, active: true, lastSignInAt: null, version: 0 })}>{t('users.setPassword')}</Button>
        {passwordModal()}
      </Space>
    );
  }

  function passwordModal() {
    return (
      <Modal
        open={passwordFor !== null}
        title={`${t('users.setPassword')} · ${passwordFor?.displayName ?? ''}`}
        onCancel={() => setPasswordFor(null)}
        destroyOnHidden
        onOk={async () => {
          const v = (await pwForm.validateFields()) as { currentPassword?: string; newPassword: string };
          if (await run(() => api.call('users.setPassword', { id: passwordFor!.id, newPassword: v.newPassword, ...(v.currentPassword ? { currentPassword: v.currentPassword } : {}) }), t('users.passwordSet'))) setPasswordFor(null);
        }}
      >
        <Form form={pwForm} layout="vertical">
          {passwordFor?.id === status.user?.id && passwordFor?.hasPassword ? (
            <Form.Item name="currentPassword" label={t('users.currentPassword')} rules={[{ required: true }]}>
              <Input.Password />
            </Form.Item>
          ) : null}
          <Form.Item name="newPassword" label={t('users.newPassword')} rules={[{ required: true, min: 6, max: 128 }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </Form>
      </Modal>
    );
  }

  return (
    <>
      <Button type="primary" icon={<PlusOutlined />} style={{ marginBottom: 12 }} onClick={() => setAdding(true)}>
        {t('users.add')}
      </Button>
      <Table<UserRow>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={users}
        columns={[
          { title: t('users.username'), dataIndex: 'username' },
          { title: t('users.displayName'), dataIndex: 'displayName' },
          {
            title: t('users.role'),
            dataIndex: 'role',
            render: (role: UserRow['role'], u) => (
              <Select
                size="small"
                value={role}
                style={{ width: 110 }}
                options={ROLES.map((r) => ({ value: r, label: ts(`user.role.${r}`) }))}
                onChange={(v) => void run(() => api.call('users.update', { id: u.id, version: u.version, role: v }), t('users.updated'))}
              />
            ),
          },
          {
            title: t('users.active'),
            dataIndex: 'active',
            render: (active: boolean, u) => <Switch size="small" checked={active} onChange={(v) => void run(() => api.call('users.update', { id: u.id, version: u.version, active: v }), t('users.updated'))} />,
          },
          { title: t('users.password'), dataIndex: 'hasPassword', render: (has: boolean) => (has ? <Tag color="green">{t('users.hasPassword')}</Tag> : <Tag>{t('users.noPassword')}</Tag>) },
          { title: t('users.lastSignIn'), dataIndex: 'lastSignInAt', render: (v: number | null) => (v ? new Date(v).toLocaleString() : '—') },
          { title: '', key: 'actions', render: (_: unknown, u) => <Button size="small" onClick={() => setPasswordFor(u)}>{t('users.setPassword')}</Button> },
        ]}
      />
      <Modal
        open={adding}
        title={t('users.add')}
        onCancel={() => setAdding(false)}
        destroyOnHidden
        onOk={async () => {
          const v = (await addForm.validateFields()) as { username: string; displayName: string; role: UserRow['role']; password?: string };
          if (await run(() => api.call('users.create', { ...v, ...(v.password ? {} : { password: undefined }) }), t('users.created'))) {
            addForm.resetFields();
            setAdding(false);
          }
        }}
      >
        <Form form={addForm} layout="vertical" initialValues={{ role: 'coordinator' }}>
          <Form.Item name="username" label={t('users.username')} rules={[{ required: true, min: 2, max: 32 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="displayName" label={t('users.displayName')} rules={[{ required: true, max: 50 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="role" label={t('users.role')}>
            <Select options={ROLES.map((r) => ({ value: r, label: ts(`user.role.${r}`) }))} />
          </Form.Item>
          <Form.Item name="password" label={t('users.password')} rules={[{ min: 6, max: 128 }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </Form>
      </Modal>
      {passwordModal()}
    </>
  );
}
