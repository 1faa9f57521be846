import { useState } from 'react';
import { App, Button, Card, Descriptions, Space, Table, Tag } from 'antd';
import type { TableProps } from 'antd';
import { FileExcelOutlined, FileTextOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { AuditFilter, AuditRecordView, AuditResult, auditRecordPage } from '@zhengtong/contracts';
import { api, downloadFile } from '../../shared/api/client';
import { formatDateTimeSeconds } from '../../shared/format';
import { can } from '../../shared/permissions';
import { PageHeader } from '../../shared/ui/page-header';
import { QueryState } from '../../shared/ui/query-state';
import { useSignedInMe } from '../../auth/require-session';
import { useCursorPages } from '../shared/cursor-pages';
import { CursorPager } from '../shared/cursor-pager';
import { JsonView } from '../shared/json-view';
import { AuditFilterForm } from './audit-filter';
import { VerifyChain } from './verify-chain';

type Page = z.infer<typeof auditRecordPage>;
const resultColors: Record<AuditResult, string> = { success: 'green', denied: 'orange', failure: 'red' };

function RecordDetail({ record }: { record: AuditRecordView }) {
  const { t } = useTranslation();
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      items={[
        { key: 'id', label: t('admin.audit.id'), children: record.id },
        { key: 'object', label: t('admin.audit.object'), children: [record.objectType, record.objectId].filter(Boolean).join(' / ') || t('common.none') },
        { key: 'requestId', label: t('admin.audit.requestId'), children: record.requestId ?? t('common.none') },
        { key: 'detail', label: t('admin.audit.detail'), children: <JsonView value={record.detail} /> },
        { key: 'hash', label: t('admin.audit.hash'), children: <code style={{ wordBreak: 'break-all' }}>{record.hash}</code> },
        { key: 'prevHash', label: t('admin.audit.prevHash'), children: <code style={{ wordBreak: 'break-all' }}>{record.prevHash}</code> },
      ]}
    />
  );
}

/** 审计日志: the auditor's search, export and chain verification (三员分立: not for the other admins). */
export function AuditPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useSignedInMe();
  const [filter, setFilter] = useState<AuditFilter>({});
  const pages = useCursorPages();
  const records = useQuery({
    queryKey: ['audit-records', filter, pages.cursor],
    queryFn: () => api.get<Page>('/api/audit-records', { ...filter, cursor: pages.cursor, pageSize: 50 }),
    placeholderData: keepPreviousData,
  });
  const exportAs = useMutation({
    mutationFn: (format: 'csv' | 'xlsx') => downloadFile(`/api/audit-records/export.${format}`, filter, `audit-records.${format}`),
    onError: (error) => void message.error(error.message),
  });
  const columns: TableProps<AuditRecordView>['columns'] = [
    { title: t('admin.audit.at'), dataIndex: 'at', width: 170, render: (v: string) => formatDateTimeSeconds(v) },
    { title: t('admin.audit.actor'), key: 'actor', render: (_v, r) => r.actorName ?? r.actorRole ?? t('common.none') },
    { title: t('admin.audit.role'), dataIndex: 'actorRole', render: (v: string | null) => v ?? '' },
    { title: t('admin.audit.action'), dataIndex: 'action', render: (v: string) => <code>{v}</code> },
    { title: t('admin.audit.object'), key: 'object', render: (_v, r) => [r.objectType, r.objectId].filter(Boolean).join(' / ') },
    { title: t('admin.audit.result'), dataIndex: 'result', width: 90, render: (v: AuditResult) => <Tag color={resultColors[v]}>{t(`common.auditResults.${v}`)}</Tag> },
    { title: t('admin.audit.ip'), dataIndex: 'ip', width: 130, render: (v: string | null) => v ?? '' },
  ];
  return (
    <>
      <PageHeader
        title={t('admin.sections.audit.title')}
        description={t('admin.audit.intro')}
        extra={
          can(me, 'audit.export') ? (
            <Space wrap>
              <Button icon={<FileTextOutlined />} onClick={() => exportAs.mutate('csv')} loading={exportAs.isPending && exportAs.variables === 'csv'}>
                {t('admin.audit.exportCsv')}
              </Button>
              <Button icon={<FileExcelOutlined />} onClick={() => exportAs.mutate('xlsx')} loading={exportAs.isPending && exportAs.variables === 'xlsx'}>
                {t('admin.audit.exportXlsx')}
              </Button>
            </Space>
          ) : null
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <VerifyChain />
      </Card>
      <Card style={{ marginBottom: 16 }}>
        <AuditFilterForm
          onSearch={(f) => {
            setFilter(f);
            pages.reset();
          }}
        />
      </Card>
      <Card>
        <QueryState query={records} isEmpty={(d) => d.items.length === 0} emptyText={t('admin.audit.empty')}>
          {(data) => (
            <>
              <Table<AuditRecordView>
                rowKey="id"
                size="small"
                columns={columns}
                dataSource={data.items}
                loading={records.isFetching}
                pagination={false}
                scroll={{ x: 1000 }}
                expandable={{ expandedRowRender: (r) => <RecordDetail record={r} /> }}
              />
              <CursorPager pages={pages} nextCursor={data.nextCursor} total={data.total} isTotalCapped={data.isTotalCapped} />
            </>
          )}
        </QueryState>
      </Card>
    </>
  );
}
