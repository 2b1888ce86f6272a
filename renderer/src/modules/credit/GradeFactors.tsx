import { Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { GradeView } from '../../../../shared/contract/credit';
import { useLocalized } from './localized';
import { GradeTag } from './tags';

/** The grade, its score and each factor's contribution, in words. */
export function GradeFactors(props: { grade: GradeView }) {
  const { t } = useTranslation('credit');
  const L = useLocalized();
  const g = props.grade;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="credit-grade-factors">
      <Space>
        <GradeTag grade={g.grade} testId="credit-grade" />
        <Typography.Text strong>{L(g.summary)}</Typography.Text>
      </Space>
      <Table
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={g.factors}
        columns={[
          { title: t('profile.factor'), dataIndex: 'name', width: 150, render: (v: { zh: string; en: string }) => L(v) },
          { title: t('profile.value'), dataIndex: 'detail', render: (v: { zh: string; en: string }) => L(v) },
          {
            title: t('profile.points'),
            dataIndex: 'points',
            width: 80,
            align: 'right',
            render: (p: number) => (p > 0 ? <Typography.Text type="danger">−{p}</Typography.Text> : <Typography.Text type="secondary">0</Typography.Text>),
          },
        ]}
      />
    </Space>
  );
}
