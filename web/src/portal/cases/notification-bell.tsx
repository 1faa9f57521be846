import { Badge, Button } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { MeView } from '@zhengtong/contracts';
import { useUnreadCount } from './api';

/** The header's bell: how many notices are unread; opens the inbox. Citizens and enterprises only. */
export function NotificationBell({ me }: { me: MeView | null | undefined }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const isApplicant = Boolean(me && me.accountType !== 'staff' && me.stage === 'full');
  const unread = useUnreadCount(isApplicant);
  if (!isApplicant) return null;
  const count = unread.data?.unread ?? 0;
  return (
    <Badge count={count} size="small" offset={[-4, 4]}>
      <Button type="text" icon={<BellOutlined />} onClick={() => void navigate('/my/notifications')} aria-label={count > 0 ? t('cases.notifications.bellUnread', { count }) : t('cases.notifications.bell')} data-testid="notification-bell" />
    </Badge>
  );
}
