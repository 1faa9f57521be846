import { Card, Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { sealStatusNames, type LicensePdfVerdict, type LicenseQrVerdict } from '@zhengtong/contracts';
import { currentLocale } from '../shared/forms/rules';
import { ButtonLink } from '../shared/ui/button-link';
import { PublicFacts } from './public-facts';
import { VerdictPanel } from './verdict-panel';
import type { CheckOutcome } from './verdict';

type Seal = LicenseQrVerdict['seal'];

function SealFacts({ seal }: { seal: NonNullable<Seal> }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  return (
    <Descriptions
      bordered
      size="small"
      column={1}
      items={[
        { key: 'name', label: t('licenses.verify.seal.name'), children: seal.name },
        { key: 'department', label: t('licenses.verify.seal.department'), children: seal.departmentName },
        { key: 'keyId', label: t('licenses.verify.seal.keyId'), children: <span className="zt-code">{seal.keyId}</span> },
        { key: 'status', label: t('licenses.verify.seal.status'), children: seal.status in sealStatusNames ? sealStatusNames[seal.status as keyof typeof sealStatusNames][locale] : seal.status },
      ]}
    />
  );
}

/** What the code itself says (as signed), for comparing with the paper or screen in front of the verifier. */
function SignedData({ data }: { data: NonNullable<LicenseQrVerdict['data']> }) {
  const { t } = useTranslation();
  return (
    <Descriptions
      bordered
      size="small"
      column={1}
      items={[
        { key: 'type', label: t('licenses.facts.type'), children: data.t },
        { key: 'holder', label: t('licenses.facts.holder'), children: data.h },
        { key: 'number', label: data.ht === 'P' ? t('licenses.facts.idNumber') : t('licenses.facts.creditCode'), children: <span className="zt-code">{data.hn}</span> },
        { key: 'issuer', label: t('licenses.facts.issuer'), children: data.i },
        { key: 'validity', label: t('licenses.facts.validity'), children: data.e ? t('licenses.validity.range', { from: data.f, to: data.e }) : t('licenses.validity.permanent', { from: data.f }) },
        { key: 'issued', label: t('licenses.verify.facts.issuedOn'), children: data.d },
        { key: 'identifier', label: t('licenses.facts.identifier'), children: <span className="zt-code" style={{ wordBreak: 'break-all' }}>{data.id}</span> },
      ]}
    />
  );
}

/** The answer to a scanned code or an uploaded PDF: the verdict, then the evidence behind it. */
export function CheckResult({ outcome, verdict }: { outcome: CheckOutcome; verdict: LicenseQrVerdict | LicensePdfVerdict }) {
  const { t } = useTranslation();
  const data = 'data' in verdict ? verdict.data : null;
  return (
    <div>
      <VerdictPanel tone={outcome.tone} label={t('licenses.verify.check.resultLabel')} headline={t(`licenses.verify.check.headlines.${outcome.headline}`)}>
        {t(`licenses.verify.check.explanations.${outcome.headline}`)}
      </VerdictPanel>
      {verdict.license ? (
        <Card size="small" title={<h3 style={{ margin: 0, fontSize: '1.1em' }}>{t('licenses.verify.check.licenceNow')}</h3>} style={{ marginBottom: 16 }} extra={<ButtonLink to={`/verify/${verdict.license.id}`}>{t('licenses.verify.check.openOnline')}</ButtonLink>}>
          <PublicFacts view={verdict.license} />
        </Card>
      ) : null}
      {data ? (
        <Card size="small" title={<h3 style={{ margin: 0, fontSize: '1.1em' }}>{t('licenses.verify.check.signedData')}</h3>} style={{ marginBottom: 16 }}>
          <Typography.Paragraph type="secondary">{outcome.isGenuine ? t('licenses.verify.check.signedDataHelp') : t('licenses.verify.check.unsignedDataHelp')}</Typography.Paragraph>
          <SignedData data={data} />
        </Card>
      ) : null}
      {verdict.seal ? (
        <Card size="small" title={<h3 style={{ margin: 0, fontSize: '1.1em' }}>{t('licenses.verify.seal.title')}</h3>}>
          <SealFacts seal={verdict.seal} />
        </Card>
      ) : null}
    </div>
  );
}
