import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Each screen names itself in the tab title, so screen-reader users hear where a navigation landed. */
export function usePageTitle(title: string): void {
  const { t } = useTranslation();
  const appName = t('common.appFullName');
  useEffect(() => {
    document.title = title ? `${title} - ${appName}` : appName;
  }, [title, appName]);
}
