import { App as AntApp, DatePicker, Drawer, Input, Segmented, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgingReport as Report } from '../../../../shared/contract/receivables';
import { formatFen } from '../../../../shared/domain/money';
import { api, onEvent } from '../../api';
import { errorMessage } from '../../shell/errors';
import { navigate } from '../../shell/router';

type GroupBy = 'account' | 'rep' | 'territory';
type Doc = { orderId: string; orderNo: string; accountName: string; repName: string | null; instalmentId: string; seq: number; label: string; dueOn: string; daysOverdue: number; bucket: string; amountFen: number; openFen: number };

const BUCKET_COLORS = ['#389e0d', '#d48806', '#d46b08', '#cf1322', '#a8071a', '#820014'];

/** 账龄分析: buckets by account / rep / territory as of any date; a cell opens the instalments behind it. */
export function AgingReport() {
  const { t } = useTranslation('payments');
  const { message } = AntApp.useApp();
  const [asOf, setAsOf] = useState<Dayjs | null>(null);
  const [groupBy, setGroupBy] = useState<GroupBy>('account');
  const [report, setReport] = useState<Report | null>(null);
  const [loading, setLoading] = useState(false);
  const [cell, setCell] = useState<{ id: string | null; name: string; bucket?: string; label: string } | null>(null);
  const [docs, setDocs] = useState<{ documents: Doc[]; totalFen: number } | null>(null);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setReport(await api.call('ar.aging', { groupBy, limit: 1000, ...(asOf ? { asOf: asOf.format('YYYY-MM-DD') } : {}) }));
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setLoading(false);
    }
  }, [groupBy, asOf, message]);

  useEffect(() => {
    void load();
  }, [load]);

  const saveBounds = async (text: string) => {
    const agingBounds = text
      .split(/[\s,，]+/)
      .filter(Boolean)
      .map(Number);
    try {
      await api.call('settings.update', { agingBounds });
      void message.success(t('aging.boundsSaved'));
      await load();
    } catch (e) {
      void message.error(errorMessage(e));
    }
  };

  useEffect(
    () =>
      onEvent('data.changed', (p) => {
        if (p.entities.some((e) => e === 'payments' || e === 'orders' || e === '*')) void load();
      }),
    [load],
  );

  useEffect(() => {
    if (!cell || !report) {
      setDocs(null);
      return;
    }
    api
      .call('ar.agingDetail', { groupBy, groupId: cell.id, asOf: report.asOf, ...(cell.bucket ? { bucket: cell.bucket } : {}) })
      .then(setDocs, (e: unknown) => void message.error(errorMessage(e)));
  }, [cell, report, groupBy, message]);

  const money = (v: number) => (v ? formatFen(v) : '');
  const clickable = (row: Report['rows'][number], bucket: string | undefined, label: string, v: number) =>
    v ? (
      <Typography.Link onClick={() => setCell({ id: row.id, name: row.name, label, ...(bucket ? { bucket } : {}) })} data-testid={`aging-cell-${row.name}-${bucket ?? 'all'}`}>
        {formatFen(v)}
      </Typography.Link>
    ) : (
      ''
    );

  return (
    <div data-testid="aging-report">
      <Space style={{ marginBottom: 10 }} wrap>
        <Typography.Text>{t('aging.asOf')}</Typography.Text>
        <DatePicker value={asOf ?? (report ? dayjs(report.asOf) : null)} onChange={(d) => setAsOf(d)} allowClear data-testid="aging-asof" />
        <Typography.Text>{t('aging.by')}</Typography.Text>
        <Segmented<GroupBy>
          value={groupBy}
          onChange={setGroupBy}
          options={[
            { value: 'account', label: t('aging.byAccount') },
            { value: 'rep', label: t('aging.byRep') },
            { value: 'territory', label: t('aging.byTerritory') },
          ]}
        />
        <Typography.Text>{t('aging.bounds')}</Typography.Text>
        <Input.Search
          key={report?.buckets.map((b) => b.maxDays ?? '').join(',')}
          defaultValue={report?.buckets.map((b) => b.maxDays).filter((d): d is number => d !== null && d > 0).join(', ')}
          enterButton="✓"
          style={{ width: 170 }}
          onSearch={(text) => void saveBounds(text)}
        />
        {report ? <Typography.Text type="secondary">{t('aging.rows', { count: report.rowCount })}</Typography.Text> : null}
      </Space>
      <Table
        size="small"
        loading={loading}
        rowKey={(r) => r.id ?? '∅'}
        dataSource={report?.rows ?? []}
        pagination={{ pageSize: 50, showSizeChanger: false }}
        scroll={{ x: 1150 }}
        columns={[
          { title: t('aging.name'), dataIndex: 'name', fixed: 'left', width: 260, ellipsis: true, render: (n: string, r) => (r.code ? `${n}（${r.code}）` : n) },
          ...(report?.buckets ?? []).map((b, i) => ({
            title: <span style={{ color: BUCKET_COLORS[i] }}>{b.label}</span>,
            key: b.key,
            align: 'right' as const,
            width: 110,
            render: (_: unknown, r: Report['rows'][number]) => clickable(r, b.key, b.label, r.bucketsFen[i] ?? 0),
          })),
          { title: t('aging.total'), key: 'total', align: 'right', width: 120, render: (_: unknown, r) => <strong>{clickable(r, undefined, t('aging.all'), r.totalFen)}</strong> },
          { title: t('aging.overdue'), dataIndex: 'overdueFen', align: 'right', width: 110, render: (v: number) => (v ? <Typography.Text type="danger">{formatFen(v)}</Typography.Text> : '') },
          ...(groupBy === 'account' ? [{ title: t('aging.credit'), dataIndex: 'creditFen', align: 'right' as const, width: 110, render: money }] : []),
        ]}
        summary={() =>
          report ? (
            <Table.Summary fixed>
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}>
                  <strong>{t('aging.totals')}</strong>
                </Table.Summary.Cell>
                {report.totals.bucketsFen.map((v, i) => (
                  <Table.Summary.Cell key={i} index={i + 1} align="right">
                    <strong data-testid={`aging-total-${report.buckets[i]?.key}`}>{formatFen(v)}</strong>
                  </Table.Summary.Cell>
                ))}
                <Table.Summary.Cell index={report.buckets.length + 1} align="right">
                  <strong data-testid="aging-total">{formatFen(report.totals.totalFen)}</strong>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={report.buckets.length + 2} align="right">
                  <strong>{formatFen(report.totals.overdueFen)}</strong>
                </Table.Summary.Cell>
                {groupBy === 'account' ? (
                  <Table.Summary.Cell index={report.buckets.length + 3} align="right">
                    <strong>{formatFen(report.totals.creditFen)}</strong>
                  </Table.Summary.Cell>
                ) : null}
              </Table.Summary.Row>
            </Table.Summary>
          ) : null
        }
      />
      <Drawer open={cell !== null} width={820} onClose={() => setCell(null)} title={cell ? t('aging.detail', { name: cell.name, bucket: cell.label }) : ''}>
        {docs ? <Typography.Paragraph>{t('aging.docs', { count: docs.documents.length, total: formatFen(docs.totalFen) })}</Typography.Paragraph> : null}
        <Table
          size="small"
          rowKey="instalmentId"
          pagination={false}
          dataSource={docs?.documents ?? []}
          onRow={(d) => ({ onClick: () => navigate('/orders', { open: d.orderId }), style: { cursor: 'pointer' } })}
          data-testid="aging-docs"
          columns={[
            { title: t('form.order'), dataIndex: 'orderNo', width: 150 },
            { title: t('col.accountName'), dataIndex: 'accountName' },
            { title: t('form.seq'), dataIndex: 'seq', width: 40 },
            { title: t('form.dueOn'), dataIndex: 'dueOn', width: 105 },
            { title: t('form.overdue'), dataIndex: 'daysOverdue', width: 70, render: (d: number) => (d > 0 ? <Tag color="red">{d}</Tag> : '') },
            { title: t('form.open'), dataIndex: 'openFen', align: 'right', width: 120, render: (v: number) => formatFen(v) },
          ]}
        />
      </Drawer>
    </div>
  );
}
