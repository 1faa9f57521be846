import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '@zhengtong/contracts';
import { formatDate } from '../../shared/format';

/** An approval revoked afterwards (撤销, e.g. a false 告知承诺): shown wherever the result is. */
export function RevokedNotice({ result }: { result: NonNullable<CaseView['result']> }) {
  const { t } = useTranslation();
  if (!result.revokedAt) return null;
  return <Alert type="error" showIcon role="alert" style={{ marginBottom: 8 }} title={t('cases.revoked', { date: formatDate(result.revokedAt), reason: result.revokedReason ?? '' })} />;
}
