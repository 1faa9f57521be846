import { useState } from 'react';
import { Badge, Button, Card, List, Segmented, Space, Typography } from 'antd';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { NotificationView } from '@zhengtong/contracts';
import { api } from '../../shared/api/client';
import { formatDateTime } from '../../shared/format';
import { PageHeader } from '../../shared/ui/page-header';
import { QueryState } from '../../shared/ui/query-state';
import { caseKeys, casePaths, type NotificationPage } from './api';

const PAGE_SIZE = 20;

/** 消息: what happened to one's applications (accepted, asked to correct, completed), newest first. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [onlyUnread, setOnlyUnread] = useState(false);
  const [page, setPage] = useState(1);
  const query = { isUnread: onlyUnread ? true : undefined, page, pageSize: PAGE_SIZE };
  const list = useQuery({ queryKey: caseKeys.notifications(query), queryFn: () => api.get<NotificationPage>(casePaths.notifications, query), placeholderData: keepPreviousData });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['cases', 'notifications'] });
  const read = useMutation({ mutationFn: (id: string) => api.post<NotificationView>(casePaths.read(id)), onSuccess: refresh });
  const readAll = useMutation({ mutationFn: () => api.post<{ marked: number }>(casePaths.readAll), onSuccess: refresh });
  const open = (n: NotificationView) => {
    if (!n.readAt) read.mutate(n.id);
    if (n.caseId) void navigate(`/my/cases/${n.caseId}`);
  };
  return (
    <>
      <PageHeader
        title={t('cases.notifications.title')}
        description={t('cases.notifications.intro')}
        extra={
          <Button onClick={() => readAll.mutate()} loading={readAll.isPending} disabled={(list.data?.unread ?? 0) === 0}>
            {t('cases.notifications.readAll')}
          </Button>
        }
      />
      <Segmented<'all' | 'unread'>
        value={onlyUnread ? 'unread' : 'all'}
        onChange={(v) => {
          setOnlyUnread(v === 'unread');
          setPage(1);
        }}
        options={[
          { value: 'all', label: t('common.all') },
          { value: 'unread', label: t('cases.notifications.unreadCount', { count: list.data?.unread ?? 0 }) },
        ]}
        style={{ marginBottom: 16 }}
        aria-label={t('cases.notifications.filterLabel')}
      />
      <Card>
        <QueryState query={list} isEmpty={(d) => d.total === 0} emptyText={onlyUnread ? t('cases.notifications.noneUnread') : t('cases.notifications.empty')}>
          {(data) => (
            <List
              dataSource={data.items}
              pagination={data.total > PAGE_SIZE ? { current: page, pageSize: PAGE_SIZE, total: data.total, onChange: setPage, showSizeChanger: false } : false}
              renderItem={(n) => (
                <List.Item
                  className={n.readAt ? undefined : 'zt-unread'}
                  actions={[
                    n.caseId ? (
                      <Button key="open" type="link" onClick={() => open(n)}>
                        {t('cases.notifications.openCase')}
                      </Button>
                    ) : !n.readAt ? (
                      <Button key="read" type="link" onClick={() => read.mutate(n.id)}>
                        {t('cases.notifications.markRead')}
                      </Button>
                    ) : null,
                  ]}
                >
                  <List.Item.Meta
                    title={
                      <Space size={8}>
                        {n.readAt ? null : <Badge status="processing" aria-hidden="true" />}
                        <span style={{ fontWeight: n.readAt ? 500 : 700 }}>{n.title}</span>
                        {n.readAt ? null : <span className="zt-visually-hidden">{t('cases.notifications.unread')}</span>}
                      </Space>
                    }
                    description={
                      <>
                        <Typography.Paragraph style={{ marginBottom: 4 }} className="zt-pre">
                          {n.body}
                        </Typography.Paragraph>
                        <span className="zt-muted">{formatDateTime(n.createdAt)}</span>
                      </>
                    }
                  />
                </List.Item>
              )}
            />
          )}
        </QueryState>
      </Card>
    </>
  );
}
