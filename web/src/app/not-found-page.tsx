import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../shared/ui/button-link';
import { usePageTitle } from '../shared/ui/page-title';

export function NotFoundPage() {
  const { t } = useTranslation();
  usePageTitle(t('common.notFound.title'));
  return (
    <Result
      status="404"
      title={<h1 style={{ fontSize: '1.5em', margin: 0 }}>{t('common.notFound.title')}</h1>}
      subTitle={t('common.notFound.description')}
      extra={
        <ButtonLink type="primary" to="/">
          {t('common.actions.home')}
        </ButtonLink>
      }
    />
  );
}
