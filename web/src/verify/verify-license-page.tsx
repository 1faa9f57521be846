import { useEffect } from 'react';
import { Card, Typography } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useLocation, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { LicensePublicView, LicenseQrVerdict } from '@zhengtong/contracts';
import { api, isApiError } from '../shared/api/client';
import { ButtonLink } from '../shared/ui/button-link';
import { ErrorResult } from '../shared/ui/error-result';
import { PageHeader } from '../shared/ui/page-header';
import { licensePaths } from '../portal/licenses/api';
import { PublicFacts } from './public-facts';
import { VerdictPanel } from './verdict-panel';
import { onlineVerdict, payloadInHash, qrOutcome, verdictTones, type OnlineVerdict } from './verdict';

/**
 * The signature in the QR code that brought the verifier here (the payload after `#`): checked against the seal's
 * published key, and against this page's licence — a genuine code of another licence does not vouch for this one.
 */
function QrSignature({ payload, identifier }: { payload: string; identifier: string }) {
  const { t } = useTranslation();
  const check = useMutation({ mutationFn: () => api.post<LicenseQrVerdict>(licensePaths.verifyQr, { payload }) });
  useEffect(() => {
    check.mutate();
  }, [payload]); // once per payload
  if (check.isPending || check.isIdle) return <Typography.Text type="secondary">{t('licenses.verify.online.qrChecking')}</Typography.Text>;
  if (check.isError) return <Typography.Text type="warning">{t('licenses.verify.online.qrFailed')}</Typography.Text>;
  const outcome = qrOutcome(check.data, identifier);
  return (
    <Typography.Paragraph style={{ fontSize: '1.1em', marginBottom: 0 }} data-qr-headline={outcome.headline}>
      <strong>{t('licenses.verify.online.qrResult')}</strong>
      {t(`licenses.verify.check.headlines.${outcome.headline}`)}
      {outcome.isGenuine ? null : <div className="zt-muted">{t(`licenses.verify.check.explanations.${outcome.headline}`)}</div>}
    </Typography.Paragraph>
  );
}

function Verdict({ verdict, view }: { verdict: OnlineVerdict; view: LicensePublicView | undefined }) {
  const { t } = useTranslation();
  const { hash } = useLocation();
  const payload = payloadInHash(hash);
  return (
    <>
      <VerdictPanel tone={verdictTones[verdict]} label={t('licenses.verify.online.resultLabel')} headline={t(`licenses.verify.online.verdicts.${verdict}`)}>
        {t(`licenses.verify.online.explanations.${verdict}`)}
      </VerdictPanel>
      {view ? (
        <Card>
          <PublicFacts view={view} />
          {payload ? (
            <div style={{ marginTop: 16 }}>
              <QrSignature payload={payload} identifier={view.identifier} />
            </div>
          ) : null}
        </Card>
      ) : null}
    </>
  );
}

/** 电子证照在线核验: the page behind every licence's QR code. No sign-in; each check is recorded. */
export function VerifyLicensePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const check = useQuery({
    queryKey: ['license-verify', id],
    queryFn: () => api.get<LicensePublicView>(licensePaths.verifyOnline(id)),
    // One page view, one recorded check: not asked again on a language switch or a refocus.
    staleTime: Infinity,
    meta: { isOneShot: true },
  });
  const errorStatus = isApiError(check.error) ? check.error.status : check.isError ? 0 : undefined;
  const verdict = onlineVerdict(check.data, errorStatus);
  return (
    <div className="zt-content" style={{ maxWidth: 760 }}>
      <PageHeader title={t('licenses.verify.online.title')} description={t('licenses.verify.online.intro')} />
      {check.isPending ? (
        <div role="status" aria-busy="true" style={{ padding: 48, textAlign: 'center', fontSize: '1.2em' }}>
          {t('licenses.verify.online.checking')}
        </div>
      ) : verdict ? (
        <Verdict verdict={verdict} view={check.data} />
      ) : (
        <ErrorResult error={check.error} onRetry={() => void check.refetch()} isRetrying={check.isFetching} />
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
        {verdict ? t('licenses.verify.online.recorded') : null} {t('licenses.verify.online.privacy')}
      </Typography.Paragraph>
      <ButtonLink to="/verify">{t('licenses.verify.online.checkAnother')}</ButtonLink>
    </div>
  );
}
