import { Card, Empty, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** The empty state of a page whose feature has not landed yet. */
export function comingSoon(key: string) {
  return function ComingSoon() {
    const { t } = useTranslation();
    const page = t(`nav.${key}`);
    return (
      <Card>
        <Empty description={<Typography.Text type="secondary">{t('coming.body', { page })}</Typography.Text>}>
          <Typography.Title level={4}>{page}</Typography.Title>
        </Empty>
      </Card>
    );
  };
}
