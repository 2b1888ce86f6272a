import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Form, Input, Modal, Popconfirm, Space, Tree, Typography } from 'antd';
import type { TreeDataNode, TreeProps } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { territoryUsageSchema } from '../../../../shared/contract/territories';
import { api, onEvent } from '../../api';
import { errorMessage } from '../../shell/errors';

type Node = z.output<typeof territoryUsageSchema>;

/** 区域: the territory tree; drag a node onto another to re-parent it (a move under itself is refused). */
export function TerritoriesTab() {
  const { t } = useTranslation('allocation');
  const { message } = AntApp.useApp();
  const [nodes, setNodes] = useState<Node[]>([]);
  const [dialog, setDialog] = useState<{ mode: 'create' | 'rename'; parentId: string | null; node?: Node } | null>(null);
  const [form] = Form.useForm<{ name: string; code?: string }>();
  const load = useCallback(() => void api.call('territories.usage', {}).then(setNodes), []);
  useEffect(() => {
    load();
    return onEvent('data.changed', (p) => {
      if (p.entities.some((e) => ['territories', 'accounts', 'reps', '*'].includes(e))) load();
    });
  }, [load]);
  const fail = (e: unknown) => void message.error(errorMessage(e));
  const byId = useMemo(() => new Map(nodes.map((n) => [n.id, n])), [nodes]);

  const treeData = useMemo(() => {
    const children = new Map<string | null, Node[]>();
    for (const n of nodes) children.set(n.parentId, [...(children.get(n.parentId) ?? []), n]);
    const build = (parent: string | null): TreeDataNode[] =>
      (children.get(parent) ?? []).map((n) => ({
        key: n.id,
        title: (
          <Space size={6} data-testid={`territory-${n.name}`}>
            <span>{n.name}</span>
            {n.code ? <Typography.Text type="secondary">{n.code}</Typography.Text> : null}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('territoriesTab.counts', { accounts: n.accountCount, reps: n.repCount })}
            </Typography.Text>
            <Button type="text" size="small" icon={<PlusOutlined />} title={t('territoriesTab.addChild')} onClick={(e) => (e.stopPropagation(), setDialog({ mode: 'create', parentId: n.id }))} />
            <Button type="text" size="small" icon={<EditOutlined />} title={t('territoriesTab.rename')} onClick={(e) => (e.stopPropagation(), setDialog({ mode: 'rename', parentId: n.parentId, node: n }))} />
            <Popconfirm title={t('territoriesTab.deleteConfirm', { name: n.name })} onConfirm={() => void api.call('territories.delete', { id: n.id, version: n.version }).then(load, fail)}>
              <Button type="text" size="small" danger icon={<DeleteOutlined />} title={t('territoriesTab.delete')} onClick={(e) => e.stopPropagation()} />
            </Popconfirm>
          </Space>
        ),
        children: build(n.id),
      }));
    return build(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [nodes, t]);

  useEffect(() => {
    if (!dialog) return;
    form.setFieldsValue({ name: dialog.node?.name ?? '', code: dialog.node?.code ?? '' });
  }, [dialog, form]);

  const submit = async () => {
    const v = await form.validateFields();
    try {
      if (dialog!.mode === 'create') await api.call('territories.create', { name: v.name, parentId: dialog!.parentId, code: v.code?.trim() ? v.code.trim() : null });
      else await api.call('territories.update', { id: dialog!.node!.id, version: dialog!.node!.version, patch: { name: v.name, code: v.code?.trim() ? v.code.trim() : null } });
      setDialog(null);
      load();
    } catch (e) {
      fail(e);
    }
  };

  const onDrop: TreeProps['onDrop'] = (info) => {
    const dragged = byId.get(String(info.dragNode.key));
    const target = byId.get(String(info.node.key));
    if (!dragged || !target) return;
    // Dropped onto a node: becomes its child; dropped between nodes: a sibling of the target.
    const parentId = info.dropToGap ? target.parentId : target.id;
    if (parentId === dragged.parentId) return;
    api
      .call('territories.update', { id: dragged.id, version: dragged.version, patch: { parentId } })
      .then(() => {
        void message.success(t('territoriesTab.moved'));
        load();
      })
      .catch(fail);
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space>
        <Button icon={<PlusOutlined />} onClick={() => setDialog({ mode: 'create', parentId: null })}>
          {t('territoriesTab.add')}
        </Button>
        <Typography.Text type="secondary">{t('territoriesTab.dragHint')}</Typography.Text>
      </Space>
      <Tree draggable={{ icon: false }} blockNode defaultExpandAll treeData={treeData} onDrop={onDrop} key={nodes.length} data-testid="territory-tree" />
      <Modal open={dialog !== null} title={dialog?.mode === 'rename' ? t('territoriesTab.rename') : t('territoriesTab.addChild')} onCancel={() => setDialog(null)} onOk={() => void submit()} okText={t('common.save')} cancelText={t('common.cancel')} destroyOnHidden>
        <Form form={form} layout="vertical">
          <Form.Item name="name" label={t('territoriesTab.name')} rules={[{ required: true, whitespace: true, max: 50 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="code" label={t('territoriesTab.code')} rules={[{ max: 30 }]}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
