import type { ReactNode } from 'react';
import { Tag } from 'antd';
import { CheckCircleOutlined, ClockCircleOutlined, PauseCircleOutlined, StopOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { licenseGrantStatusNames, licenseStatusNames, type LicenseGrantStatus, type LicenseStatus } from '@zhengtong/contracts';
import { currentLocale } from '../../shared/forms/rules';

// A status is words, an icon and a colour together: the words alone must be enough (colour-blind readers, screen
// readers, the elderly mode's black-and-white printouts).

const statusLook: Readonly<Record<LicenseStatus, { color: string; icon: ReactNode }>> = {
  valid: { color: 'success', icon: <CheckCircleOutlined /> },
  suspended: { color: 'warning', icon: <PauseCircleOutlined /> },
  revoked: { color: 'error', icon: <StopOutlined /> },
  expired: { color: 'default', icon: <ClockCircleOutlined /> },
};

export function LicenseStatusTag({ status }: { status: LicenseStatus }) {
  const { i18n } = useTranslation();
  const look = statusLook[status];
  return (
    <Tag color={look.color} icon={look.icon} style={{ fontSize: '1em', paddingBlock: 2 }}>
      {licenseStatusNames[status][currentLocale(i18n.language)]}
    </Tag>
  );
}

const grantLook: Readonly<Record<LicenseGrantStatus, { color: string; icon: ReactNode }>> = {
  active: { color: 'processing', icon: <CheckCircleOutlined /> },
  expired: { color: 'default', icon: <ClockCircleOutlined /> },
  revoked: { color: 'default', icon: <StopOutlined /> },
};

export function GrantStatusTag({ status }: { status: LicenseGrantStatus }) {
  const { i18n } = useTranslation();
  const look = grantLook[status];
  return (
    <Tag color={look.color} icon={look.icon}>
      {licenseGrantStatusNames[status][currentLocale(i18n.language)]}
    </Tag>
  );
}

/** 2026-01-01 至 2030-12-31, or 长期有效 for a licence without end. */
export function useValidityText() {
  const { t } = useTranslation();
  return (from: string, to: string | null) => (to ? t('licenses.validity.range', { from, to }) : t('licenses.validity.permanent', { from }));
}
