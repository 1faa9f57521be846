import { Alert, Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseLicenseView } from '@zhengtong/contracts';
import { currentLocale } from '../../shared/forms/rules';
import { formatDateTime } from '../../shared/format';
import { dateWords } from './plain-words';

// 免证办: a material the applicant need not hand in because the system fetches it from their valid electronic licence.
// Wherever it is shown — the application, the window, the case — it says so in the same words and names its source,
// so the applicant, the clerk and the reviewer can each see which licence the case relies on.

/** 2026年1月1日 至 2031年1月1日, or 长期有效 when the licence has no end date. */
export function useValidityWords() {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  return (license: Pick<CaseLicenseView, 'validFrom' | 'validTo'>) => {
    const from = dateWords(license.validFrom, locale);
    return license.validTo ? t('cases.licenses.validRange', { from, to: dateWords(license.validTo, locale) }) : t('cases.licenses.validForever', { from });
  };
}

/** The licence a material comes from, in one or two lines: 证照名称 · 发证机关 · 证照标识, validity, when fetched. */
export function LicenseSource({ license }: { license: CaseLicenseView }) {
  const { t } = useTranslation();
  const validity = useValidityWords();
  return (
    <div className="zt-license-source" data-testid="license-source">
      <div>
        {t('cases.licenses.sourceLabel')}
        {t('common.colon')}
        <span style={{ wordBreak: 'break-all' }}>{t('cases.licenses.source', { type: license.typeName, issuer: license.issuerName, identifier: license.identifier })}</span>
      </div>
      <div className="zt-muted">
        {t('cases.licenses.validity')}
        {t('common.colon')}
        {validity(license)}
        {license.fetchedAt ? (
          <>
            {' · '}
            {t('cases.licenses.fetchedAt')}
            {t('common.colon')}
            {formatDateTime(license.fetchedAt)}
          </>
        ) : null}
      </div>
    </div>
  );
}

/** For staff: the licence as the case keeps it, and the data it held when fetched (经营范围, 法定代表人 …). */
export function LicenseDetails({ license }: { license: CaseLicenseView }) {
  const { t } = useTranslation();
  const validity = useValidityWords();
  return (
    <>
      <Descriptions
        bordered
        size="small"
        column={1}
        styles={{ label: { width: '32%', minWidth: 110 } }}
        items={[
          { key: 'type', label: t('cases.licenses.type'), children: license.typeName },
          { key: 'holder', label: t('cases.licenses.holder'), children: license.holderName },
          { key: 'issuer', label: t('cases.licenses.issuer'), children: license.issuerName },
          { key: 'identifier', label: t('cases.licenses.identifier'), children: <Typography.Text className="zt-code" copyable style={{ wordBreak: 'break-all' }}>{license.identifier}</Typography.Text> },
          { key: 'validity', label: t('cases.licenses.validity'), children: validity(license) },
          ...(license.fetchedAt ? [{ key: 'fetchedAt', label: t('cases.licenses.fetchedAt'), children: formatDateTime(license.fetchedAt) }] : []),
          ...license.fields.map((f) => ({ key: `field-${f.key}`, label: f.name, children: <span style={{ whiteSpace: 'pre-wrap' }}>{f.value}</span> })),
        ]}
      />
      {license.fetchedAt && license.fields.length === 0 ? <Typography.Text type="secondary">{t('cases.licenses.noFields')}</Typography.Text> : null}
    </>
  );
}

/**
 * A material of an application that will be fetched instead of uploaded: in place of the uploader and the
 * promise / 容缺 choice, what the applicant (or, at the window, the clerk) needs to know — nothing to hand in, and from
 * which licence.
 */
/** `onDecline`: the applicant (or the clerk, for a walk-in) would rather hand the material in than use this licence. */
export function FetchedMaterial({ name, isRequired, license, audience, onDecline }: { name: string; isRequired: boolean; license: CaseLicenseView; audience: 'applicant' | 'window'; onDecline?: () => void }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      className="zt-material"
      data-done="true"
      data-testid="fetched-material"
      title={
        <Space wrap size={4}>
          <span style={{ fontWeight: 600 }}>{name}</span>
          {isRequired ? <Tag color="red">{t('services.guide.materials.mandatory')}</Tag> : <Tag>{t('services.guide.materials.optional')}</Tag>}
          <Tag color="green">{t('cases.materials.state.license')}</Tag>
        </Space>
      }
      style={{ marginBottom: 12 }}
    >
      <Alert
        type="success"
        showIcon
        icon={<SafetyCertificateOutlined />}
        title={<strong>{t('cases.materials.summary.license')}</strong>}
        description={
          <>
            <Typography.Paragraph style={{ marginBottom: 4 }}>{audience === 'window' ? t('cases.licenses.willFetchWindow') : t('cases.licenses.willFetch')}</Typography.Paragraph>
            <LicenseSource license={license} />
            {onDecline ? (
              <Button type="link" onClick={onDecline} style={{ paddingInline: 0 }}>
                {t('cases.licenses.decline')}
              </Button>
            ) : null}
          </>
        }
      />
    </Card>
  );
}

/**
 * One material of an application: fetched from the applicant's licence (免证办), or handed in (`children`, the
 * uploader) — with the way back to the licence when the applicant declined it.
 */
export function MaterialSlot({ material, license, isFetchable, audience, onChoice, children }: { material: { name: string; isRequired: boolean }; license: CaseLicenseView | undefined; isFetchable: boolean; audience: 'applicant' | 'window'; onChoice: (choice: 'upload' | undefined) => void; children: ReactNode }) {
  const { t } = useTranslation();
  if (license) return <FetchedMaterial name={material.name} isRequired={material.isRequired} license={license} audience={audience} onDecline={() => onChoice('upload')} />;
  return (
    <div>
      {isFetchable ? (
        <Button type="link" onClick={() => onChoice(undefined)} style={{ paddingInline: 0 }}>
          {t('cases.licenses.useLicense', { name: material.name })}
        </Button>
      ) : null}
      {children}
    </div>
  );
}
