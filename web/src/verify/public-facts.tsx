import { Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import { holderTypeNames, type LicensePublicView } from '@zhengtong/contracts';
import { currentLocale } from '../shared/forms/rules';
import { formatDateTime } from '../shared/format';
import { LicenseStatusTag, useValidityText } from '../portal/licenses/license-status';

/** What anyone may see of a licence: type, masked holder, issuer, validity, identifier, status and since when. */
export function PublicFacts({ view }: { view: LicensePublicView }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  const validity = useValidityText();
  // statusSince is a day (YYYY-MM-DD) for an expiry not yet recorded, a moment otherwise.
  const since = view.statusSince ? (view.statusSince.length === 10 ? view.statusSince : formatDateTime(view.statusSince)) : t('licenses.verify.facts.neverChanged');
  return (
    <Descriptions
      bordered
      size="middle"
      column={1}
      styles={{ label: { width: '34%', minWidth: 120, fontSize: '1.05em' }, content: { fontSize: '1.1em' } }}
      items={[
        { key: 'type', label: t('licenses.facts.type'), children: <strong>{view.typeName}</strong> },
        { key: 'holder', label: t('licenses.facts.holder'), children: `${view.holderName}(${holderTypeNames[view.holderType][locale]})` },
        { key: 'issuer', label: t('licenses.facts.issuer'), children: view.issuerName },
        { key: 'validity', label: t('licenses.facts.validity'), children: validity(view.validFrom, view.validTo) },
        { key: 'issuedOn', label: t('licenses.verify.facts.issuedOn'), children: view.issuedOn },
        { key: 'status', label: t('licenses.facts.status'), children: <LicenseStatusTag status={view.status} /> },
        { key: 'since', label: t('licenses.verify.facts.statusSince'), children: since },
        { key: 'identifier', label: t('licenses.facts.identifier'), children: <span className="zt-code" style={{ wordBreak: 'break-all' }}>{view.identifier}</span> },
        { key: 'checkedAt', label: t('licenses.verify.facts.checkedAt'), children: formatDateTime(view.checkedAt) },
      ]}
    />
  );
}
