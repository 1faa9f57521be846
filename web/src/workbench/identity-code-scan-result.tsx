import type { ReactNode } from 'react';
import { Card, Descriptions, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  enterpriseStatusNames,
  identityCodeAttributeNames,
  identityCodeAttributes,
  identityCodeKindNames,
  realNameLevelNames,
  type IdentityCodeAttribute,
  type IdentityCodeAttributeValues,
  type IdentityCodeScanResultView,
  type Locale,
} from '@zhengtong/contracts';
import { formatDateTimeSeconds } from '../shared/format';
import { currentLocale } from '../shared/forms/rules';

function valueOf(attribute: IdentityCodeAttribute, values: IdentityCodeAttributeValues, locale: Locale, noPhone: string): ReactNode {
  switch (attribute) {
    case 'realNameLevel': {
      const level = values.realNameLevel;
      return level === 1 || level === 2 || level === 3 || level === 4 ? realNameLevelNames[level][locale] : String(level ?? '');
    }
    case 'enterpriseStatus':
      return values.enterpriseStatus ? enterpriseStatusNames[values.enterpriseStatus][locale] : '';
    case 'maskedPhone':
      return values.maskedPhone ?? noPhone;
    case 'maskedName':
    case 'name':
    case 'maskedIdNumber':
    case 'enterpriseName':
    case 'creditCode':
      return values[attribute] ?? '';
  }
}

/** What the scan returned, in large type: only the attributes asked for, as masked as the server sent them. */
export function IdentityCodeScanResult({ result }: { result: IdentityCodeScanResultView }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  const returned = identityCodeAttributes.filter((a) => a in result.attributes);
  return (
    <Card>
      <Result status="success" title={t('identityCodes.scan.result.title')} style={{ padding: '8px 0 16px' }} />
      <Descriptions
        column={1}
        bordered
        styles={{ label: { fontSize: '1.05em', width: '40%' }, content: { fontSize: '1.3em', fontWeight: 600 } }}
        items={[
          { key: 'kind', label: t('identityCodes.scan.result.kind'), children: identityCodeKindNames[result.kind][locale] },
          ...returned.map((a) => ({ key: a, label: identityCodeAttributeNames[a][locale], children: valueOf(a, result.attributes, locale, t('identityCodes.scan.result.noPhone')) })),
          { key: 'at', label: t('identityCodes.scan.result.at'), children: formatDateTimeSeconds(result.scannedAt) },
          { key: 'scanId', label: t('identityCodes.scan.result.scanId'), children: <span className="zt-code" style={{ fontSize: '0.8em', fontWeight: 400 }}>{result.scanId}</span> },
        ]}
      />
    </Card>
  );
}
