import { DeleteOutlined, EyeOutlined, SaveOutlined, TableOutlined } from '@ant-design/icons';
import type { ColDef, GridApi } from 'ag-grid-community';
import { App as AntApp, Button, Checkbox, Dropdown, Form, Input, Modal, Popover, Space } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountRow } from '../../../../shared/contract/accounts';
import { api } from '../../api';
import { errorMessage } from '../../shell/errors';

interface ViewState {
  columns: unknown;
  filters: unknown;
  search: string;
}
interface SavedView {
  id: string;
  name: string;
  state: unknown;
  isDefault: boolean;
  version: number;
}

/** Named views of the grid (columns, order, widths, sort, filters, search), per user; the default one opens first. */
export function SavedViews(props: { grid: () => GridApi<AccountRow> | null; search: string; setSearch(s: string): void }) {
  const { t } = useTranslation('accounts');
  const { message } = AntApp.useApp();
  const [views, setViews] = useState<SavedView[]>([]);
  const [current, setCurrent] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<{ name: string; isDefault: boolean }>();
  const { grid, setSearch } = props;

  const apply = useCallback(
    (v: SavedView) => {
      const api_ = grid();
      if (!api_) return;
      const s = v.state as Partial<ViewState>;
      if (Array.isArray(s.columns)) api_.applyColumnState({ state: s.columns as never, applyOrder: true });
      api_.setFilterModel((s.filters ?? null) as never);
      setSearch(typeof s.search === 'string' ? s.search : '');
      setCurrent(v.id);
    },
    [grid, setSearch],
  );

  const load = useCallback(async (applyDefault: boolean) => {
    try {
      const list = (await api.call('views.list', { grid: 'accounts' })) as SavedView[];
      setViews(list);
      const d = list.find((v) => v.isDefault);
      if (applyDefault && d) apply(d);
    } catch {
      setViews([]);
    }
  }, [apply]);

  useEffect(() => {
    // The grid must exist before a default view can be applied.
    const timer = setTimeout(() => void load(true), 300);
    return () => clearTimeout(timer);
  }, [load]);

  const save = async () => {
    const v = await form.validateFields();
    const g = grid();
    if (!g) return;
    const state: ViewState = { columns: g.getColumnState(), filters: g.getFilterModel(), search: props.search };
    const existing = views.find((x) => x.name === v.name.trim());
    try {
      const saved = await api.call('views.save', { ...(existing ? { id: existing.id, version: existing.version } : {}), grid: 'accounts', name: v.name.trim(), state, isDefault: v.isDefault });
      void message.success(t('views.saved', { name: saved.name }));
      setSaving(false);
      setCurrent(saved.id);
      await load(false);
    } catch (e) {
      void message.error(errorMessage(e));
    }
  };

  const name = views.find((v) => v.id === current)?.name;
  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            ...views.map((v) => ({
              key: v.id,
              label: (
                <Space style={{ justifyContent: 'space-between', width: 220 }}>
                  <span>
                    {v.name}
                    {v.isDefault ? ' ★' : ''}
                  </span>
                  <DeleteOutlined
                    onClick={(e) => {
                      e.stopPropagation();
                      void api.call('views.delete', { id: v.id }).then(() => {
                        void message.success(t('views.deleted'));
                        if (current === v.id) setCurrent(null);
                        void load(false);
                      });
                    }}
                  />
                </Space>
              ),
              onClick: () => apply(v),
            })),
            ...(views.length ? [{ type: 'divider' as const }] : []),
            { key: '__save', icon: <SaveOutlined />, label: t('views.save'), onClick: () => (form.setFieldsValue({ name: name ?? '', isDefault: false }), setSaving(true)) },
          ],
        }}
      >
        <Button icon={<EyeOutlined />} data-testid="views-menu">
          {t('views.label')}
          {name ? `：${name}` : ''}
        </Button>
      </Dropdown>
      <Modal open={saving} title={t('views.saveTitle')} onCancel={() => setSaving(false)} onOk={() => void save()} destroyOnHidden>
        <Form form={form} layout="vertical">
          <Form.Item name="name" label={t('views.name')} rules={[{ required: true, whitespace: true, max: 60 }]}>
            <Input data-testid="view-name" />
          </Form.Item>
          <Form.Item name="isDefault" valuePropName="checked">
            <Checkbox>{t('views.isDefault')}</Checkbox>
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** Show or hide columns. */
export function ColumnChooser(props: { grid: () => GridApi<AccountRow> | null; columns: ColDef<AccountRow>[] }) {
  const { t } = useTranslation('accounts');
  const [, force] = useState(0);
  const g = props.grid();
  const content = (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(2, 160px)', gap: 4, maxHeight: 420, overflow: 'auto' }}>
      {props.columns
        .filter((c) => c.field)
        .map((c) => {
          const col = g?.getColumn(c.field!);
          return (
            <Checkbox
              key={c.field}
              checked={col?.isVisible() ?? !c.hide}
              onChange={(e) => {
                g?.setColumnsVisible([c.field!], e.target.checked);
                force((n) => n + 1);
              }}
            >
              {c.headerName}
            </Checkbox>
          );
        })}
    </div>
  );
  return (
    <Popover trigger="click" content={content} placement="bottomRight">
      <Button icon={<TableOutlined />} data-testid="column-chooser">
        {t('columnsChooser')}
      </Button>
    </Popover>
  );
}
