import { Layout, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export function SiteFooter() {
  const { t } = useTranslation();
  return (
    <Layout.Footer className="zt-footer">
      <Typography.Text type="secondary">{t('common.footer')}</Typography.Text>
      <br />
      <Typography.Text type="secondary">{t('common.footerHelp')}</Typography.Text>
    </Layout.Footer>
  );
}
