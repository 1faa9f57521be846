import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RegistryConflictStatus, RegistryDisputeStatus, RegistryValue } from '@zhengtong/contracts';
import { formatDate, formatDateTime } from '../../shared/format';

// Small pieces the portal's 我的基础信息 and the workbench's registry screens share.

const disputeColors: Readonly<Record<RegistryDisputeStatus, string>> = { open: 'processing', corrected: 'success', rejected: 'default', withdrawn: 'default' };

export function DisputeStatusTag({ status }: { status: RegistryDisputeStatus }) {
  const { t } = useTranslation();
  return <Tag color={disputeColors[status]}>{t(`dataRegistries.status.${status}`)}</Tag>;
}

export function ConflictStatusTag({ status }: { status: RegistryConflictStatus }) {
  const { t } = useTranslation();
  return <Tag color={status === 'open' ? 'warning' : 'success'}>{t(`dataRegistries.conflictStatus.${status}`)}</Tag>;
}

/** A dispute's deadline (the end of its 5th working day), flagged when passed. */
export function DueText({ dueAt, isOverdue }: { dueAt: string; isOverdue: boolean }) {
  const { t } = useTranslation();
  return (
    <Space size={4} wrap>
      <span title={formatDateTime(dueAt)}>{t('dataRegistries.disputes.dueIn', { date: formatDate(dueAt) })}</span>
      {isOverdue ? <Tag color="error">{t('dataRegistries.disputes.overdue')}</Tag> : null}
    </Space>
  );
}

/** A registry value as text: blank as a dash, yes/no in words. */
export function ValueText({ value }: { value: RegistryValue }) {
  const { t } = useTranslation();
  if (value === null || value === '') return <span className="zt-muted">{t('dataRegistries.subject.noValue')}</span>;
  if (typeof value === 'boolean') return <>{t(value ? 'dataRegistries.values.yes' : 'dataRegistries.values.no')}</>;
  return <span style={{ wordBreak: 'break-all' }}>{String(value)}</span>;
}
