import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Preview } from './types';

/** The first rows of the sheet as they are, header rows highlighted, merge-filled cells marked. */
export function PreviewTable({ preview }: { preview: Preview }) {
  const { t } = useTranslation('import');
  const width = Math.max(preview.columns.length, ...preview.grid.map((g) => g.cells.length));
  const headerEnd = preview.headerRow === 0 ? 0 : preview.headerRow + preview.headerRows - 1;
  const letter = (c: number) => preview.columns[c]?.letter ?? '';
  const columns = [
    { title: '', dataIndex: 'row', key: 'row', width: 56, fixed: 'left' as const, render: (r: number) => <span style={{ color: '#999' }}>{r}</span> },
    ...Array.from({ length: width }, (_, c) => ({
      title: letter(c) || String(c + 1),
      key: `c${c}`,
      width: 140,
      ellipsis: true,
      render: (_: unknown, g: Preview['grid'][number]) => {
        const text = g.cells[c] ?? '';
        if (g.filled.includes(c)) {
          return (
            <span style={{ fontStyle: 'italic', color: '#888' }} title={t('filledTag')}>
              {text} <Tag style={{ marginInlineStart: 4 }}>{t('filledTag')}</Tag>
            </span>
          );
        }
        return text;
      },
    })),
  ];
  return (
    <Table
      data-testid="import-preview"
      size="small"
      bordered
      pagination={false}
      scroll={{ x: 56 + width * 140, y: 360 }}
      rowKey="row"
      columns={columns}
      dataSource={preview.grid}
      onRow={(g) => ({
        style:
          g.row >= preview.headerRow && g.row <= headerEnd && preview.headerRow > 0
            ? { background: '#e6f4ff', fontWeight: 600 }
            : g.row < preview.headerRow
              ? { color: '#aaa' }
              : {},
      })}
    />
  );
}
