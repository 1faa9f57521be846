import { useTranslation } from 'react-i18next';

/** WCAG 2.4.1: the first tab stop jumps past the header to the page itself. */
export function SkipLink() {
  const { t } = useTranslation();
  return (
    <a className="zt-skip-link" href="#main">
      {t('common.skipToContent')}
    </a>
  );
}
