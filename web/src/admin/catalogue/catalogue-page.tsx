import { useState } from 'react';
import { Button, Card, Input, Select, Space, Table, Tabs, Tag } from 'antd';
import type { TableProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { serviceAudiences, serviceItemTypes, type ItemVersionListItem, type ServiceItemView } from '@zhengtong/contracts';
import { api } from '../../shared/api/client';
import { currentLocale } from '../../shared/forms/rules';
import { formatDateTime } from '../../shared/format';
import { can } from '../../shared/permissions';
import { PageHeader } from '../../shared/ui/page-header';
import { QueryState } from '../../shared/ui/query-state';
import { useSignedInMe } from '../../auth/require-session';
import { catalogueLabel } from '../../portal/services/labels';
import { ExcelImportExport } from '../shared/excel-import-export';
import { adminCatalogueKeys, adminCataloguePaths, useVersionList, type Page } from './api';
import { ItemForm } from './item-form';

const PAGE_SIZE = 20;

function ItemsTab() {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  const me = useSignedInMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const [q, setQ] = useState('');
  const [type, setType] = useState<string>();
  const [audience, setAudience] = useState<string>();
  const [creating, setCreating] = useState(false);
  const query = { page, pageSize: PAGE_SIZE, q, type, audience };
  const list = useQuery({ queryKey: adminCatalogueKeys.items(query), queryFn: () => api.get<Page<ServiceItemView>>(adminCataloguePaths.items, query), placeholderData: keepPreviousData });
  const isAdmin = can(me, 'service-item.manage') && can(me, 'service-item.review');
  const columns: TableProps<ServiceItemView>['columns'] = [
    { title: t('services.guide.itemName'), dataIndex: 'name', render: (name: string, r) => <Link to={`/admin/catalogue/items/${r.id}`}>{name}</Link> },
    { title: t('services.guide.basicCode'), dataIndex: 'basicCode', width: 190, render: (v: string) => <span className="zt-code">{v}</span> },
    { title: t('services.guide.itemType'), dataIndex: 'type', width: 130, render: (v: string) => catalogueLabel.itemType(v, locale) },
    { title: t('services.guide.audience'), dataIndex: 'audience', width: 130, render: (v: string) => catalogueLabel.audience(v, locale) },
    { title: t('catalogue.items.implementations'), key: 'impl', width: 130, render: (_v, r) => t('catalogue.items.implementationCount', { published: r.publishedCount, total: r.implementationCount }) },
    { title: t('admin.common.updatedAt'), dataIndex: 'updatedAt', width: 160, render: (v: string) => formatDateTime(v) },
  ];
  const refresh = () => void queryClient.invalidateQueries({ queryKey: adminCatalogueKeys.all });
  return (
    <>
      <Space wrap style={{ marginBottom: 12, justifyContent: 'space-between', width: '100%' }}>
        <Space wrap>
          <Input.Search
            aria-label={t('catalogue.items.search')}
            placeholder={t('catalogue.items.search')}
            allowClear
            onSearch={(v) => {
              setQ(v);
              setPage(1);
            }}
            style={{ width: 280 }}
          />
          <Select allowClear aria-label={t('services.guide.itemType')} placeholder={t('services.guide.itemType')} value={type} onChange={(v) => { setType(v); setPage(1); }} style={{ width: 170 }} options={serviceItemTypes.map((v) => ({ value: v, label: catalogueLabel.itemType(v, locale) }))} />
          <Select allowClear aria-label={t('services.guide.audience')} placeholder={t('services.guide.audience')} value={audience} onChange={(v) => { setAudience(v); setPage(1); }} style={{ width: 170 }} options={serviceAudiences.map((v) => ({ value: v, label: catalogueLabel.audience(v, locale) }))} />
        </Space>
        <Space wrap>
          {isAdmin ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('catalogue.items.create')}
            </Button>
          ) : null}
          <ExcelImportExport exportPath={adminCataloguePaths.exportXlsx} exportFileName="service-items.xlsx" importPath={adminCataloguePaths.importXlsx} onImported={refresh} />
        </Space>
      </Space>
      <QueryState query={list} isEmpty={(d) => d.total === 0 && !q && !type && !audience} emptyText={t('catalogue.items.empty')}>
        {(data) => (
          <Table<ServiceItemView>
            rowKey="id"
            columns={columns}
            dataSource={data.items}
            loading={list.isFetching}
            scroll={{ x: 1000 }}
            pagination={{ current: page, pageSize: PAGE_SIZE, total: data.total, onChange: setPage, showSizeChanger: false, showTotal: (total) => t('common.states.total', { total }) }}
          />
        )}
      </QueryState>
      <ItemForm
        item={creating ? 'new' : undefined}
        onClose={() => setCreating(false)}
        onSaved={(saved) => {
          setCreating(false);
          refresh();
          void navigate(`/admin/catalogue/items/${saved.id}`);
        }}
      />
    </>
  );
}

/** Versions waiting for review (reviewers) or in any status: the longest-waiting first. */
function VersionsTab({ status }: { status: 'review' | 'draft' | undefined }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  const [page, setPage] = useState(1);
  const list = useVersionList({ status, page, pageSize: PAGE_SIZE });
  const columns: TableProps<ItemVersionListItem>['columns'] = [
    { title: t('services.guide.itemName'), dataIndex: 'serviceItemName', render: (name: string, r) => <Link to={`/admin/catalogue/versions/${r.id}`}>{t('catalogue.version.title', { name, version: r.version })}</Link> },
    { title: t('services.guide.department'), key: 'department', width: 200, render: (_v, r) => r.department.name },
    { title: t('services.guide.region'), key: 'region', width: 140, render: (_v, r) => r.region.name },
    { title: t('catalogue.version.status'), dataIndex: 'status', width: 100, render: (v: ItemVersionListItem['status']) => <Tag>{catalogueLabel.versionStatus(v, locale)}</Tag> },
    { title: t('catalogue.basics.changeNote'), dataIndex: 'changeNote', ellipsis: true },
    { title: t('catalogue.versions.submittedAt'), dataIndex: 'submittedAt', width: 160, render: (v: string | null) => (v ? formatDateTime(v) : '—') },
  ];
  return (
    <QueryState query={list} isEmpty={(d) => d.total === 0} emptyText={status === 'review' ? t('catalogue.versions.noneInReview') : t('common.states.empty')}>
      {(data) => (
        <Table<ItemVersionListItem>
          rowKey="id"
          columns={columns}
          dataSource={data.items}
          loading={list.isFetching}
          scroll={{ x: 1000 }}
          pagination={{ current: page, pageSize: PAGE_SIZE, total: data.total, onChange: setPage, showSizeChanger: false, showTotal: (total) => t('common.states.total', { total }) }}
        />
      )}
    </QueryState>
  );
}

/** 事项管理: the catalogue's items, the drafts being written and the versions waiting for review. */
export function CataloguePage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'items';
  const items = [
    { key: 'items', label: t('catalogue.tabs.items'), children: <ItemsTab /> },
    ...(can(me, 'service-item.review') ? [{ key: 'review', label: t('catalogue.tabs.review'), children: <VersionsTab status="review" /> }] : []),
    { key: 'drafts', label: t('catalogue.tabs.drafts'), children: <VersionsTab status="draft" /> },
  ];
  return (
    <>
      <PageHeader title={t('admin.sections.catalogue.title')} description={t('catalogue.intro')} />
      <Card>
        <Tabs activeKey={tab} onChange={(key) => setParams({ tab: key }, { replace: true })} items={items} destroyOnHidden />
      </Card>
    </>
  );
}
