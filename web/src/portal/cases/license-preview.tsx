import { Alert, Button, Typography } from 'antd';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CaseLicenseView, LicenseMaterialsView } from '@zhengtong/contracts';

/** The licences the preview found, by material key (empty while loading or when the look-up failed). */
export function fetchedByMaterial(view: LicenseMaterialsView | undefined): Map<string, CaseLicenseView> {
  return new Map((view?.items ?? []).map((i) => [i.materialKey, i.license]));
}

/**
 * Above the materials: whether the look-up is running, failed (then everything is handed in as before — the server
 * still fetches at submission what it finds), or found materials that need not be handed in, and what submitting
 * means for the holder (each use is recorded in their 证照夹).
 */
export function LicensePreviewNotice({ query, count, audience }: { query: UseQueryResult<LicenseMaterialsView>; count: number; audience: 'applicant' | 'window' }) {
  const { t } = useTranslation();
  if (query.isPending && query.fetchStatus !== 'idle') {
    return (
      <Typography.Paragraph type="secondary" role="status" aria-live="polite">
        {t('cases.licenses.checking')}
      </Typography.Paragraph>
    );
  }
  if (query.isError) {
    return (
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 12 }}
        title={t('cases.licenses.checkFailed')}
        action={
          <Button size="small" onClick={() => void query.refetch()} loading={query.isFetching}>
            {t('common.actions.retry')}
          </Button>
        }
      />
    );
  }
  if (count === 0) return null;
  return <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('cases.licenses.intro', { count })} description={audience === 'window' ? t('cases.licenses.consentWindow') : t('cases.licenses.consent')} />;
}
