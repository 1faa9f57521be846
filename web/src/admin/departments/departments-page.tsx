import { useState } from 'react';
import { App, Button, Card, Input, Popconfirm, Select, Space, Table, Tag } from 'antd';
import type { TableProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { DepartmentView } from '@zhengtong/contracts';
import { api } from '../../shared/api/client';
import { PageHeader } from '../../shared/ui/page-header';
import { QueryState } from '../../shared/ui/query-state';
import { useSignedInMe } from '../../auth/require-session';
import { ExcelImportExport } from '../shared/excel-import-export';
import { departmentOptionsKey } from '../shared/department-picker';
import { DepartmentForm } from './department-form';
import { PositionsDrawer } from './positions-drawer';

const PAGE_SIZE = 20;
export const departmentsKey = ['departments'] as const;
type Page = { items: DepartmentView[]; total: number };
type ActiveFilter = 'all' | 'active' | 'inactive';

/** 部门管理: departments with their 统一社会信用代码 and positions, within the admin's region. */
export function DepartmentsPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const me = useSignedInMe();
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const [q, setQ] = useState('');
  const [active, setActive] = useState<ActiveFilter>('all');
  const [editing, setEditing] = useState<DepartmentView | 'new'>();
  const [positionsOf, setPositionsOf] = useState<DepartmentView>();
  const list = useQuery({
    queryKey: [...departmentsKey, 'list', page, q, active],
    queryFn: () => api.get<Page>('/api/departments', { page, pageSize: PAGE_SIZE, q, isActive: active === 'all' ? undefined : active === 'active' }),
    placeholderData: keepPreviousData,
  });
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: departmentsKey });
    void queryClient.invalidateQueries({ queryKey: departmentOptionsKey });
  };
  const onFailure = (error: Error) => void modal.error({ title: t('admin.common.actionFailed'), content: error.message });
  const setActiveState = useMutation({
    mutationFn: (d: DepartmentView) => api.post(`/api/departments/${d.id}/${d.isActive ? 'deactivate' : 'reactivate'}`, { version: d.version }),
    onSuccess: () => {
      void message.success(t('common.states.saved'));
      refresh();
    },
    onError: onFailure,
  });
  const remove = useMutation({
    mutationFn: (d: DepartmentView) => api.delete(`/api/departments/${d.id}`),
    onSuccess: () => {
      void message.success(t('common.states.deleted'));
      refresh();
    },
    onError: onFailure,
  });

  const columns: TableProps<DepartmentView>['columns'] = [
    { title: t('admin.departments.name'), dataIndex: 'name', render: (v: string, d) => (d.shortName ? `${v}(${d.shortName})` : v) },
    { title: t('admin.departments.creditCode'), dataIndex: 'creditCode', width: 200 },
    { title: t('admin.departments.region'), dataIndex: 'regionName', width: 120 },
    { title: t('admin.departments.parent'), dataIndex: 'parentName', width: 160, render: (v: string | null) => v ?? t('common.none') },
    { title: t('admin.departments.positions'), dataIndex: 'positionCount', width: 80 },
    {
      title: t('admin.departments.status'),
      dataIndex: 'isActive',
      width: 90,
      render: (v: boolean) => <Tag color={v ? 'green' : 'default'}>{v ? t('admin.departments.active') : t('admin.departments.inactive')}</Tag>,
    },
    {
      title: t('common.columns.actions'),
      key: 'actions',
      width: 280,
      render: (_v, d) => (
        <Space wrap size="small">
          <Button size="small" onClick={() => setEditing(d)} aria-label={t('admin.common.editNamed', { name: d.name })}>
            {t('common.actions.edit')}
          </Button>
          <Button size="small" onClick={() => setPositionsOf(d)} aria-label={t('admin.departments.positionsOf', { name: d.name })}>
            {t('admin.departments.positions')}
          </Button>
          <Popconfirm
            title={d.isActive ? t('admin.departments.deactivateConfirm', { name: d.name }) : t('admin.departments.reactivateConfirm', { name: d.name })}
            okText={t('common.actions.confirm')}
            cancelText={t('common.actions.cancel')}
            onConfirm={() => setActiveState.mutate(d)}
          >
            <Button size="small">{d.isActive ? t('admin.departments.deactivate') : t('admin.departments.reactivate')}</Button>
          </Popconfirm>
          <Popconfirm
            title={t('admin.departments.deleteConfirm', { name: d.name })}
            okText={t('common.actions.delete')}
            okButtonProps={{ danger: true }}
            cancelText={t('common.actions.cancel')}
            onConfirm={() => remove.mutate(d)}
          >
            <Button size="small" danger aria-label={t('admin.common.deleteNamed', { name: d.name })}>
              {t('common.actions.delete')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('admin.sections.departments.title')}
        description={t('admin.departments.intro')}
        extra={
          <Space wrap>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              {t('admin.departments.create')}
            </Button>
            <ExcelImportExport
              exportPath="/api/departments/export.xlsx"
              exportQuery={me.regionCode ? { regionCode: me.regionCode } : undefined}
              exportFileName="departments.xlsx"
              importPath="/api/departments/import"
              onImported={refresh}
            />
          </Space>
        }
      />
      <Card>
        <Space wrap style={{ marginBottom: 12 }}>
          <Input.Search
            aria-label={t('admin.departments.search')}
            placeholder={t('admin.departments.search')}
            allowClear
            onSearch={(v) => {
              setQ(v);
              setPage(1);
            }}
            style={{ width: 280 }}
          />
          <Select<ActiveFilter>
            aria-label={t('admin.departments.status')}
            value={active}
            onChange={(v) => {
              setActive(v);
              setPage(1);
            }}
            style={{ width: 140 }}
            options={[
              { value: 'all', label: t('common.all') },
              { value: 'active', label: t('admin.departments.active') },
              { value: 'inactive', label: t('admin.departments.inactive') },
            ]}
          />
        </Space>
        <QueryState query={list} isEmpty={(d) => d.total === 0 && !q && active === 'all'} emptyText={t('admin.departments.empty')}>
          {(data) => (
            <Table<DepartmentView>
              rowKey="id"
              columns={columns}
              dataSource={data.items}
              loading={list.isFetching}
              scroll={{ x: 1200 }}
              pagination={{ current: page, pageSize: PAGE_SIZE, total: data.total, onChange: setPage, showSizeChanger: false, showTotal: (total) => t('common.states.total', { total }) }}
            />
          )}
        </QueryState>
      </Card>
      <DepartmentForm
        department={editing}
        onClose={() => setEditing(undefined)}
        onSaved={() => {
          setEditing(undefined);
          refresh();
        }}
      />
      <PositionsDrawer department={positionsOf} onClose={() => setPositionsOf(undefined)} onChanged={refresh} />
    </>
  );
}
