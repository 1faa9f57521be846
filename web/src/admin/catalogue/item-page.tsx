import { useState } from 'react';
import { App, Breadcrumb, Button, Card, Descriptions, Popconfirm, Space, Table, Tabs, Tag } from 'antd';
import type { TableProps } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ImplementationView, ItemVersionDetail, ItemVersionListItem, ItemVersionSummary, ServiceItemView } from '@zhengtong/contracts';
import { api } from '../../shared/api/client';
import { currentLocale } from '../../shared/forms/rules';
import { formatDateTime } from '../../shared/format';
import { can } from '../../shared/permissions';
import { PageHeader } from '../../shared/ui/page-header';
import { QueryState } from '../../shared/ui/query-state';
import { useIdempotencyKey } from '../../shared/use-idempotency-key';
import { useSignedInMe } from '../../auth/require-session';
import { catalogueLabel } from '../../portal/services/labels';
import { adminCatalogueKeys, adminCataloguePaths, useImplementations, useServiceItem, useVersionList } from './api';
import { CreateImplementation } from './create-implementation';
import { DifferencesReport } from './differences-report';
import { ItemForm } from './item-form';

function VersionLink({ summary }: { summary: ItemVersionSummary | null }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  if (!summary) return <span className="zt-muted">—</span>;
  return (
    <Link to={`/admin/catalogue/versions/${summary.id}`}>
      {t('catalogue.version.short', { version: summary.version })} · {catalogueLabel.versionStatus(summary.status, locale)}
      {summary.effectiveFrom && summary.status === 'published' ? <span className="zt-muted"> · {formatDateTime(summary.effectiveFrom)}</span> : null}
    </Link>
  );
}

function VersionHistory({ implementationId }: { implementationId: string }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  const list = useVersionList({ implementationId, pageSize: 50 });
  const columns: TableProps<ItemVersionListItem>['columns'] = [
    { title: t('catalogue.version.version'), dataIndex: 'version', width: 100, render: (v: number, r) => <Link to={`/admin/catalogue/versions/${r.id}`}>{t('catalogue.version.short', { version: v })}</Link> },
    { title: t('catalogue.version.status'), dataIndex: 'status', width: 100, render: (v: ItemVersionListItem['status']) => catalogueLabel.versionStatus(v, locale) },
    { title: t('catalogue.version.effectiveFrom'), dataIndex: 'effectiveFrom', width: 160, render: (v: string | null) => (v ? formatDateTime(v) : '—') },
    { title: t('catalogue.version.effectiveTo'), dataIndex: 'effectiveTo', width: 160, render: (v: string | null) => (v ? formatDateTime(v) : '—') },
    { title: t('catalogue.basics.changeNote'), dataIndex: 'changeNote', ellipsis: true },
  ];
  return (
    <QueryState query={list} rows={2}>
      {(data) => <Table<ItemVersionListItem> size="small" rowKey="id" columns={columns} dataSource={data.items} pagination={false} scroll={{ x: 700 }} />}
    </QueryState>
  );
}

function Implementations({ item }: { item: ServiceItemView }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const me = useSignedInMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const idempotency = useIdempotencyKey();
  const [isCreating, setCreating] = useState(false);
  const list = useImplementations(item.id);
  const canManage = can(me, 'service-item.manage');
  const refresh = () => void queryClient.invalidateQueries({ queryKey: adminCatalogueKeys.all });
  const failed = (error: Error) => void modal.error({ title: t('admin.common.actionFailed'), content: error.message });
  const newDraft = useMutation({
    mutationFn: (impl: ImplementationView) => api.post<ItemVersionDetail>(adminCataloguePaths.newDraft(impl.id), {}, idempotency.headers),
    onSuccess: (draft) => {
      idempotency.renew();
      void navigate(`/admin/catalogue/versions/${draft.id}`);
    },
    onError: failed,
  });
  const setActive = useMutation({
    mutationFn: (impl: ImplementationView) => api.patch<ImplementationView>(adminCataloguePaths.implementation(impl.id), { isActive: !impl.isActive, version: impl.version }),
    onSuccess: () => {
      void message.success(t('common.states.saved'));
      refresh();
    },
    onError: failed,
  });
  const remove = useMutation({
    mutationFn: (impl: ImplementationView) => api.delete(adminCataloguePaths.implementation(impl.id)),
    onSuccess: () => {
      void message.success(t('common.states.deleted'));
      refresh();
    },
    onError: failed,
  });
  const columns: TableProps<ImplementationView>['columns'] = [
    { title: t('services.guide.department'), key: 'department', width: 200, render: (_v, r) => <strong>{r.department.name}</strong> },
    { title: t('services.guide.region'), key: 'region', width: 140, render: (_v, r) => r.region.name },
    { title: t('services.guide.implementationCode'), dataIndex: 'implementationCode', width: 230, render: (v: string) => <span className="zt-code">{v}</span> },
    { title: t('catalogue.implementations.current'), key: 'current', width: 200, render: (_v, r) => <VersionLink summary={r.current} /> },
    { title: t('catalogue.implementations.pending'), key: 'pending', width: 170, render: (_v, r) => <VersionLink summary={r.pending ?? r.scheduled} /> },
    { title: t('catalogue.implementations.state'), dataIndex: 'isActive', width: 90, render: (v: boolean) => <Tag color={v ? 'green' : 'default'}>{v ? t('admin.departments.active') : t('admin.departments.inactive')}</Tag> },
    {
      title: t('common.columns.actions'),
      key: 'actions',
      width: 260,
      fixed: 'right',
      render: (_v, r) =>
        canManage ? (
          <Space wrap size="small">
            {r.pending ? (
              <Button size="small" onClick={() => void navigate(`/admin/catalogue/versions/${r.pending?.id ?? ''}`)}>
                {t('catalogue.implementations.openDraft')}
              </Button>
            ) : (
              <Button size="small" onClick={() => newDraft.mutate(r)} loading={newDraft.isPending && newDraft.variables.id === r.id} aria-label={t('catalogue.implementations.newDraftOf', { name: r.department.name })}>
                {t('catalogue.actions.newDraft')}
              </Button>
            )}
            <Popconfirm title={r.isActive ? t('catalogue.implementations.deactivateConfirm') : t('catalogue.implementations.activateConfirm')} okText={t('common.actions.confirm')} cancelText={t('common.actions.cancel')} onConfirm={() => setActive.mutate(r)}>
              <Button size="small">{r.isActive ? t('admin.departments.deactivate') : t('admin.departments.reactivate')}</Button>
            </Popconfirm>
            <Popconfirm title={t('catalogue.implementations.deleteConfirm')} okText={t('common.actions.delete')} okButtonProps={{ danger: true }} cancelText={t('common.actions.cancel')} onConfirm={() => remove.mutate(r)}>
              <Button size="small" danger aria-label={t('admin.common.deleteNamed', { name: r.department.name })}>
                {t('common.actions.delete')}
              </Button>
            </Popconfirm>
          </Space>
        ) : null,
    },
  ];
  return (
    <>
      {canManage ? (
        <Button type="primary" icon={<PlusOutlined />} style={{ marginBottom: 12 }} onClick={() => setCreating(true)}>
          {t('catalogue.implementations.create')}
        </Button>
      ) : null}
      <QueryState query={list} isEmpty={(d) => d.items.length === 0} emptyText={t('catalogue.implementations.empty')}>
        {(data) => (
          <Table<ImplementationView>
            rowKey="id"
            columns={columns}
            dataSource={data.items}
            pagination={false}
            scroll={{ x: 1300 }}
            expandable={{ expandedRowRender: (r) => <VersionHistory implementationId={r.id} />, rowExpandable: () => true }}
          />
        )}
      </QueryState>
      <CreateImplementation
        itemId={item.id}
        isOpen={isCreating}
        onClose={() => setCreating(false)}
        onCreated={() => {
          setCreating(false);
          refresh();
        }}
      />
    </>
  );
}

function ItemScreen({ item }: { item: ServiceItemView }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  const { message, modal } = App.useApp();
  const me = useSignedInMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [isEditing, setEditing] = useState(false);
  const [tab, setTab] = useState('implementations');
  const isAdmin = can(me, 'service-item.manage') && can(me, 'service-item.review');
  const remove = useMutation({
    mutationFn: () => api.delete(adminCataloguePaths.item(item.id)),
    onSuccess: () => {
      void message.success(t('common.states.deleted'));
      void queryClient.invalidateQueries({ queryKey: adminCatalogueKeys.all });
      void navigate('/admin/catalogue');
    },
    onError: (error) => void modal.error({ title: t('admin.common.actionFailed'), content: error.message }),
  });
  return (
    <>
      <Breadcrumb style={{ marginBottom: 12 }} items={[{ title: <Link to="/admin/catalogue">{t('admin.sections.catalogue.title')}</Link> }, { title: item.name }]} />
      <PageHeader
        title={item.name}
        extra={
          isAdmin ? (
            <Space wrap>
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {t('catalogue.items.edit')}
              </Button>
              {item.implementationCount === 0 ? (
                <Popconfirm title={t('catalogue.items.deleteConfirm', { name: item.name })} okText={t('common.actions.delete')} okButtonProps={{ danger: true }} cancelText={t('common.actions.cancel')} onConfirm={() => remove.mutate()}>
                  <Button danger loading={remove.isPending}>
                    {t('common.actions.delete')}
                  </Button>
                </Popconfirm>
              ) : null}
            </Space>
          ) : null
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 'code', label: t('services.guide.basicCode'), children: <span className="zt-code">{item.basicCode}</span> },
            { key: 'type', label: t('services.guide.itemType'), children: catalogueLabel.itemType(item.type, locale) },
            { key: 'power', label: t('services.guide.powerSource'), children: catalogueLabel.powerSource(item.powerSource, locale) },
            { key: 'audience', label: t('services.guide.audience'), children: catalogueLabel.audience(item.audience, locale) },
            { key: 'category', label: t('services.guide.category'), children: item.departmentCategory },
            { key: 'aliases', label: t('catalogue.items.aliases'), children: item.aliases.join('、') || '—' },
            { key: 'basis', label: t('services.guide.sections.basis'), span: 'filled', children: item.basis.map((b) => `${b.name}${b.article}`).join(';') },
          ]}
        />
      </Card>
      <Card>
        <Tabs
          activeKey={tab}
          onChange={setTab}
          destroyOnHidden
          items={[
            { key: 'implementations', label: t('catalogue.tabs.implementations'), children: <Implementations item={item} /> },
            { key: 'differences', label: t('catalogue.tabs.differences'), children: <DifferencesReport itemId={item.id} /> },
          ]}
        />
      </Card>
      <ItemForm
        item={isEditing ? item : undefined}
        onClose={() => setEditing(false)}
        onSaved={(saved) => {
          setEditing(false);
          queryClient.setQueryData(adminCatalogueKeys.item(item.id), saved);
          void queryClient.invalidateQueries({ queryKey: adminCatalogueKeys.all });
        }}
      />
    </>
  );
}

/** One item of the catalogue: its shared definition, who implements it, and where the implementations differ. */
export function ItemPage() {
  const { id = '' } = useParams();
  const item = useServiceItem(id);
  return <QueryState query={item}>{(data) => <ItemScreen item={data} />}</QueryState>;
}
