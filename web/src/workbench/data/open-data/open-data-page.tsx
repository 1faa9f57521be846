import { useState } from 'react';
import { Button, Card, Col, Row, Select, Space, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { StarFilled } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { openApplicationStatuses, type OpenApplicationStatus, type OpenApplicationView, type OpenDataAdminRow } from '@zhengtong/contracts';
import { currentLocale } from '../../../shared/forms/rules';
import { formatDate, formatDateTime } from '../../../shared/format';
import { PageHeader } from '../../../shared/ui/page-header';
import { QueryState } from '../../../shared/ui/query-state';
import { openPages, useApplicationQueue, useOpenDataOverview } from '../../../open/api';
import { openLabel, statusColor } from '../../../open/labels';
import { DecisionModal, type Decision } from './decision-modal';
import { SettingsDrawer } from './settings-drawer';

const PAGE_SIZE = 20;

function Datasets({ rows }: { rows: OpenDataAdminRow[] }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  const [editing, setEditing] = useState<OpenDataAdminRow | undefined>(undefined);
  const columns: TableProps<OpenDataAdminRow>['columns'] = [
    {
      title: t('openData.admin.datasets.columns.name'),
      key: 'name',
      render: (_v, r) => (
        <>
          {r.settings.isFeatured ? <StarFilled style={{ color: '#d48806', marginRight: 4 }} aria-label={t('openData.admin.datasets.columns.featured')} /> : null}
          <Link to={openPages.dataset(r.code)} aria-label={`${r.name} - ${t('openData.admin.datasets.view')}`}>
            {r.name}
          </Link>
          <div className="zt-code zt-muted" style={{ fontSize: '0.85em' }}>
            {r.code}
          </div>
        </>
      ),
    },
    { title: t('openData.admin.datasets.columns.provider'), dataIndex: 'providerName' },
    { title: t('openData.admin.datasets.columns.openType'), dataIndex: 'openType', render: (v: OpenDataAdminRow['openType']) => <Tag color={v === 'open' ? 'green' : 'orange'}>{openLabel.openType(v, locale)}</Tag> },
    { title: t('openData.admin.datasets.columns.records'), dataIndex: 'recordCount', align: 'right' },
    { title: t('openData.admin.datasets.columns.downloads'), key: 'downloads', align: 'right', render: (_v, r) => t('openData.admin.datasets.usageValue', { total: r.downloads, recent: r.downloadsLast30Days }) },
    { title: t('openData.admin.datasets.columns.apiCalls'), key: 'apiCalls', align: 'right', render: (_v, r) => t('openData.admin.datasets.usageValue', { total: r.apiCalls, recent: r.apiCallsLast30Days }) },
    { title: t('openData.admin.datasets.columns.pending'), dataIndex: 'pendingApplications', align: 'right', render: (v: number) => (v > 0 ? <Tag color="gold">{v}</Tag> : 0) },
    {
      title: t('common.columns.actions'),
      key: 'actions',
      render: (_v, r) => (
        <Button size="small" onClick={() => setEditing(r)} aria-label={t('openData.admin.datasets.settingsNamed', { name: r.name })}>
          {t('openData.admin.datasets.settings')}
        </Button>
      ),
    },
  ];
  return (
    <>
      <Table<OpenDataAdminRow> rowKey="id" size="middle" dataSource={rows} columns={columns} pagination={rows.length > PAGE_SIZE ? { pageSize: PAGE_SIZE } : false} scroll={{ x: 'max-content' }} locale={{ emptyText: t('openData.admin.datasets.empty') }} />
      <SettingsDrawer row={editing} onClose={() => setEditing(undefined)} />
    </>
  );
}

function Applications() {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  const [params, setParams] = useSearchParams();
  const statusParam = params.get('status');
  const status: OpenApplicationStatus | undefined = statusParam === 'all' ? undefined : (openApplicationStatuses.find((s) => s === statusParam) ?? 'pending');
  const [page, setPage] = useState(1);
  const queue = useApplicationQueue({ status, page, pageSize: PAGE_SIZE });
  const [decision, setDecision] = useState<Decision | undefined>(undefined);
  const columns: TableProps<OpenApplicationView>['columns'] = [
    {
      title: t('openData.admin.applications.columns.dataset'),
      key: 'dataset',
      render: (_v, a) => (
        <>
          <Link to={openPages.dataset(a.datasetCode)}>{a.datasetName}</Link>
          <div className="zt-muted" style={{ fontSize: '0.85em' }}>
            {a.providerName}
          </div>
        </>
      ),
    },
    {
      title: t('openData.admin.applications.columns.applicant'),
      key: 'applicant',
      render: (_v, a) => (
        <>
          {a.applicantName}
          <div className="zt-muted" style={{ fontSize: '0.85em' }}>
            {t(`openData.admin.applications.applicantKinds.${a.applicantKind}`)}
          </div>
        </>
      ),
    },
    {
      title: t('openData.admin.applications.columns.purpose'),
      key: 'purpose',
      width: 360,
      render: (_v, a) => (
        <>
          <Typography.Paragraph style={{ marginBottom: 4 }}>{a.purpose}</Typography.Paragraph>
          <Typography.Text type="secondary">{a.scenario}</Typography.Text>
        </>
      ),
    },
    { title: t('openData.admin.applications.columns.months'), dataIndex: 'months', render: (v: number) => t('openData.developer.applications.monthsValue', { count: v }) },
    { title: t('openData.admin.applications.columns.submitted'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
    {
      title: t('openData.admin.applications.columns.status'),
      key: 'status',
      render: (_v, a) => (
        <>
          <Tag color={statusColor[a.status]}>{openLabel.status(a.status, locale)}</Tag>
          {a.validUntil ? <div className="zt-muted" style={{ fontSize: '0.85em' }}>{t('openData.admin.applications.validUntilValue', { date: formatDate(a.validUntil) })}</div> : null}
          {a.decisionNote ? <div className="zt-muted" style={{ fontSize: '0.85em' }}>{a.decisionNote}</div> : null}
        </>
      ),
    },
    {
      title: t('openData.admin.applications.columns.actions'),
      key: 'actions',
      render: (_v, a) =>
        a.status === 'pending' ? (
          <Space wrap>
            <Button size="small" type="primary" onClick={() => setDecision({ action: 'approve', application: a })} aria-label={t('openData.admin.applications.approveNamed', { applicant: a.applicantName, dataset: a.datasetName })}>
              {t('openData.admin.applications.approve')}
            </Button>
            <Button size="small" danger onClick={() => setDecision({ action: 'refuse', application: a })} aria-label={t('openData.admin.applications.refuseNamed', { applicant: a.applicantName, dataset: a.datasetName })}>
              {t('openData.admin.applications.refuse')}
            </Button>
          </Space>
        ) : null,
    },
  ];
  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <Select<string>
          aria-label={t('openData.admin.applications.statusFilter')}
          value={status ?? 'all'}
          onChange={(v) => {
            setPage(1);
            const next = new URLSearchParams(params);
            next.set('status', v);
            setParams(next, { replace: true });
          }}
          options={[{ value: 'all', label: t('common.all') }, ...openApplicationStatuses.map((s) => ({ value: s, label: openLabel.status(s, locale) }))]}
          style={{ minWidth: 160 }}
        />
      </Space>
      <QueryState query={queue} rows={6}>
        {(data) => (
          <Table<OpenApplicationView>
            rowKey="id"
            dataSource={data.items}
            columns={columns}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('openData.admin.applications.empty') }}
            pagination={data.total > PAGE_SIZE ? { current: page, pageSize: PAGE_SIZE, total: data.total, onChange: setPage, showSizeChanger: false } : false}
          />
        )}
      </QueryState>
      <DecisionModal decision={decision} onClose={() => setDecision(undefined)} />
    </>
  );
}

/** 数据开放管理 (首席数据官): the region's open datasets with their use and settings, and the application queue. */
export function OpenDataAdminPage() {
  const { t } = useTranslation();
  const overview = useOpenDataOverview();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'applications' ? 'applications' : 'datasets';
  return (
    <>
      <PageHeader title={t('openData.admin.title')} description={t('openData.admin.intro')} />
      <QueryState query={overview} rows={8}>
        {(data) => (
          <>
            <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
              {(
                [
                  ['datasets', data.totals.datasets],
                  ['downloads', data.totals.downloads],
                  ['apiCalls', data.totals.apiCalls],
                  ['activeKeys', data.totals.activeKeys],
                  ['pending', data.totals.pendingApplications],
                ] as const
              ).map(([key, value]) => (
                <Col key={key} xs={12} md={8} lg={4}>
                  <Card size="small">
                    <Statistic title={t(`openData.admin.totals.${key}`)} value={value} />
                  </Card>
                </Col>
              ))}
            </Row>
            <Card>
              <Tabs
                activeKey={tab}
                onChange={(key) => {
                  const next = new URLSearchParams(params);
                  next.set('tab', key);
                  setParams(next, { replace: true });
                }}
                items={[
                  { key: 'datasets', label: t('openData.admin.tabs.datasets'), children: <Datasets rows={data.items} /> },
                  { key: 'applications', label: `${t('openData.admin.tabs.applications')}${data.totals.pendingApplications > 0 ? `(${data.totals.pendingApplications})` : ''}`, children: <Applications /> },
                ]}
              />
            </Card>
          </>
        )}
      </QueryState>
    </>
  );
}
