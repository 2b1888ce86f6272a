import { Alert, Checkbox, Form, InputNumber, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PreviewTable } from './PreviewTable';
import type { Encoding, FileInfo, Preview } from './types';

/** Step 2: which sheet, which row holds the header (detected), and for text files the encoding. */
export function SheetStep(props: {
  file: FileInfo;
  preview: Preview;
  encoding: Encoding;
  onChange(change: { sheet?: string; headerRow?: number; headerRows?: 1 | 2; encoding?: Encoding }): void;
}) {
  const { t } = useTranslation('import');
  const [showHidden, setShowHidden] = useState(false);
  const { file, preview } = props;
  const hasHidden = file.sheets.some((s) => s.state !== 'visible');
  const sheets = file.sheets.filter((s) => showHidden || s.state === 'visible' || s.name === preview.sheet);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Text type="secondary">
        {t('file')}：{file.fileName} · {t('format')} {file.format.toUpperCase()} · {t('rows', { count: preview.rowCount })}
      </Typography.Text>
      <Form layout="inline">
        <Form.Item label={t('sheet')}>
          <Select
            data-testid="import-sheet"
            style={{ minWidth: 220 }}
            value={preview.sheet}
            onChange={(sheet: string) => props.onChange({ sheet })}
            options={sheets.map((s) => ({
              value: s.name,
              disabled: !s.readable,
              label: (
                <span>
                  {s.name} {s.state !== 'visible' ? <Tag color="orange">{t(s.state)}</Tag> : null}
                  {!s.readable ? <Tag>{t('chart')}</Tag> : null}
                </span>
              ),
            }))}
          />
        </Form.Item>
        {hasHidden ? (
          <Form.Item>
            <Checkbox checked={showHidden} onChange={(e) => setShowHidden(e.target.checked)}>
              {t('showHidden')}
            </Checkbox>
          </Form.Item>
        ) : null}
        <Form.Item label={t('headerRow')} extra={`${t('headerRowHint', { row: preview.detectedHeaderRow })} ${t('noHeader')}`}>
          <InputNumber data-testid="import-header-row" min={0} max={1048576} value={preview.headerRow} onChange={(v) => v !== null && props.onChange({ headerRow: v })} />
        </Form.Item>
        <Form.Item>
          <Checkbox data-testid="import-two-rows" checked={preview.headerRows === 2} onChange={(e) => props.onChange({ headerRow: preview.headerRow, headerRows: e.target.checked ? 2 : 1 })}>
            {t('twoRows')}
          </Checkbox>
        </Form.Item>
        {file.format === 'csv' ? (
          <Form.Item label={t('encoding')} extra={preview.encoding ? t('encodingDetected', { encoding: t(`encodings.${preview.encoding}`, { defaultValue: preview.encoding }), source: t(`encodingSources.${preview.encodingSource ?? 'manual'}`) }) : null}>
            <Select
              data-testid="import-encoding"
              style={{ width: 240 }}
              value={props.encoding}
              onChange={(encoding: Encoding) => props.onChange({ encoding })}
              options={(['auto', 'utf8', 'gb18030', 'utf16le', 'utf16be', 'windows-1252'] as const).map((e) => ({ value: e, label: t(`encodings.${e}`) }))}
            />
          </Form.Item>
        ) : null}
      </Form>
      {preview.warnings.map((w) => (
        <Alert key={w.code} type="warning" showIcon title={w.message} />
      ))}
      <Typography.Text type="secondary">
        {t('preview')} · {t('previewLegend')}
      </Typography.Text>
      <PreviewTable preview={preview} />
    </Space>
  );
}
