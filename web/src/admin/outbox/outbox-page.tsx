import { useState } from 'react';
import { Card, Form, Input, Select, Button, Space, Table, Tag } from 'antd';
import type { TableProps } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { outboxStatuses, type OutboxEventView, type OutboxStatus, type outboxEventPage } from '@zhengtong/contracts';
import { api } from '../../shared/api/client';
import { formatDateTimeSeconds } from '../../shared/format';
import { PageHeader } from '../../shared/ui/page-header';
import { QueryState } from '../../shared/ui/query-state';
import { useCursorPages } from '../shared/cursor-pages';
import { CursorPager } from '../shared/cursor-pager';
import { JsonView } from '../shared/json-view';

type Page = z.infer<typeof outboxEventPage>;
type Filter = { topic?: string; status?: OutboxStatus };
const statusColors: Record<OutboxStatus, string> = { pending: 'gold', processed: 'green', failed: 'red' };

/** 消息发件箱: events other parts of the platform react to; operators look here when something did not arrive. */
export function OutboxPage() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<Filter>({});
  const pages = useCursorPages();
  const events = useQuery({
    queryKey: ['outbox-events', filter, pages.cursor],
    queryFn: () => api.get<Page>('/api/outbox-events', { ...filter, cursor: pages.cursor, pageSize: 50 }),
    placeholderData: keepPreviousData,
  });
  const columns: TableProps<OutboxEventView>['columns'] = [
    { title: t('admin.outbox.createdAt'), dataIndex: 'createdAt', width: 180, render: (v: string) => formatDateTimeSeconds(v) },
    { title: t('admin.outbox.topic'), dataIndex: 'topic' },
    { title: t('admin.outbox.status'), dataIndex: 'status', width: 100, render: (v: OutboxStatus) => <Tag color={statusColors[v]}>{t(`admin.outbox.statuses.${v}`)}</Tag> },
    { title: t('admin.outbox.attempts'), dataIndex: 'attempts', width: 90 },
    { title: t('admin.outbox.processedAt'), dataIndex: 'processedAt', width: 180, render: (v: string | null) => formatDateTimeSeconds(v) },
    { title: t('admin.outbox.lastError'), dataIndex: 'lastError', render: (v: string | null) => v ?? '' },
  ];
  return (
    <>
      <PageHeader title={t('admin.sections.outbox.title')} description={t('admin.outbox.intro')} />
      <Card>
        <Form<Filter>
          layout="inline"
          onFinish={(v) => {
            setFilter({ topic: v.topic?.trim() || undefined, status: v.status });
            pages.reset();
          }}
          style={{ marginBottom: 12, rowGap: 8 }}
        >
          <Form.Item name="topic" label={t('admin.outbox.topic')}>
            <Input placeholder="department." allowClear />
          </Form.Item>
          <Form.Item name="status" label={t('admin.outbox.status')}>
            <Select allowClear style={{ width: 140 }} options={outboxStatuses.map((s) => ({ value: s, label: t(`admin.outbox.statuses.${s}`) }))} />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit">
              {t('common.actions.search')}
            </Button>
          </Space>
        </Form>
        <QueryState query={events} isEmpty={(d) => d.items.length === 0} emptyText={t('admin.outbox.empty')}>
          {(data) => (
            <>
              <Table<OutboxEventView>
                rowKey="id"
                size="small"
                columns={columns}
                dataSource={data.items}
                loading={events.isFetching}
                pagination={false}
                scroll={{ x: 900 }}
                expandable={{ expandedRowRender: (e) => <JsonView value={e.payload} /> }}
              />
              <CursorPager pages={pages} nextCursor={data.nextCursor} total={data.total} isTotalCapped={data.isTotalCapped} />
            </>
          )}
        </QueryState>
      </Card>
    </>
  );
}
