import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  exchangeCallResultNames,
  exchangeGrantStatusNames,
  shareDemandStatusNames,
  shareRequestStatusNames,
  type ExchangeCallResult,
  type ExchangeGrantStatus,
  type ShareDemandStatus,
  type ShareRequestStatus,
} from '@zhengtong/contracts';
import { currentLocale } from '../../../shared/forms/rules';
import { formatDateTime } from '../../../shared/format';

// The exchange's status words and colours, and the deadline line every queue shows.

function useLocale() {
  const { i18n } = useTranslation();
  return currentLocale(i18n.language);
}

const requestColours: Record<ShareRequestStatus, string> = { platformReview: 'processing', providerReview: 'purple', approved: 'success', refused: 'error', withdrawn: 'default' };
export function RequestStatusTag({ status }: { status: ShareRequestStatus }) {
  return <Tag color={requestColours[status]}>{shareRequestStatusNames[status][useLocale()]}</Tag>;
}

const grantColours: Record<ExchangeGrantStatus, string> = { upcoming: 'default', active: 'success', expired: 'warning', revoked: 'error' };
export function GrantStatusTag({ status }: { status: ExchangeGrantStatus }) {
  return <Tag color={grantColours[status]}>{exchangeGrantStatusNames[status][useLocale()]}</Tag>;
}

const demandColours: Record<ShareDemandStatus, string> = { open: 'processing', satisfied: 'success', refused: 'error', withdrawn: 'default' };
export function DemandStatusTag({ status }: { status: ShareDemandStatus }) {
  return <Tag color={demandColours[status]}>{shareDemandStatusNames[status][useLocale()]}</Tag>;
}

export function CallResultTag({ result }: { result: ExchangeCallResult }) {
  return <Tag color={result === 'ok' ? 'success' : result === 'error' ? 'error' : 'warning'}>{exchangeCallResultNames[result][useLocale()]}</Tag>;
}

/** "2026-03-03 23:59 前", red with 已超期 when passed; a dash once nobody has to act. */
export function Deadline({ dueAt, isOverdue }: { dueAt: string | null; isOverdue: boolean }) {
  const { t } = useTranslation();
  if (!dueAt) return <span className="zt-muted">—</span>;
  return (
    <span>
      <Typography.Text type={isOverdue ? 'danger' : undefined}>{t('dataExchange.deadline.before', { date: formatDateTime(dueAt) })}</Typography.Text>
      {isOverdue ? (
        <Tag color="error" style={{ marginInlineStart: 8 }}>
          {t('dataExchange.deadline.overdue')}
        </Tag>
      ) : null}
    </span>
  );
}
