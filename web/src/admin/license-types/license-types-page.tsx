import { useState } from 'react';
import { App, Button, Card, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { holderTypeNames, holderTypes, type HolderType, type LicenseTypeView } from '@zhengtong/contracts';
import { currentLocale } from '../../shared/forms/rules';
import { formatDateTime } from '../../shared/format';
import { PageHeader } from '../../shared/ui/page-header';
import { QueryState } from '../../shared/ui/query-state';
import { useLicenseTypes } from '../../portal/licenses/api';
import { DepartmentPicker } from '../shared/department-picker';
import { LicenseTypeForm } from './license-type-form';

const PAGE_SIZE = 20;
type ActiveFilter = 'active' | 'inactive';

function useValidityRuleText() {
  const { t } = useTranslation();
  return (type: LicenseTypeView) => {
    switch (type.validity.mode) {
      case 'permanent':
        return t('licenses.types.validity.permanent');
      case 'years':
        return t('licenses.types.validity.years', { years: type.validity.years });
      case 'field': {
        const field = type.validity.field;
        return t('licenses.types.validity.field', { field: type.fields.find((f) => f.key === field)?.name ?? field });
      }
    }
  };
}

/** 证照目录: each licence type, who issues it, what it prints, how long it lasts, and which items issue it. */
export function LicenseTypesPage() {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const ruleText = useValidityRuleText();
  const [page, setPage] = useState(1);
  const [q, setQ] = useState('');
  const [departmentId, setDepartmentId] = useState<string | null>(null);
  const [holderType, setHolderType] = useState<HolderType>();
  const [active, setActive] = useState<ActiveFilter>();
  const [editing, setEditing] = useState<LicenseTypeView>();
  const [isFormOpen, setFormOpen] = useState(false);
  const list = useLicenseTypes({ q: q || undefined, departmentId, holderType, isActive: active === undefined ? undefined : active === 'active', page, pageSize: PAGE_SIZE });
  const isFiltered = Boolean(q || departmentId || holderType || active);
  const filterChanged = <T,>(set: (value: T) => void) => (value: T) => {
    set(value);
    setPage(1);
  };
  const open = (type: LicenseTypeView | undefined) => {
    setEditing(type);
    setFormOpen(true);
  };

  const columns: TableProps<LicenseTypeView>['columns'] = [
    { title: t('licenses.types.columns.code'), dataIndex: 'code', width: 90, render: (v: string) => <span className="zt-code">{v}</span> },
    {
      title: t('licenses.types.columns.name'),
      key: 'name',
      width: 220,
      render: (_v, ty) => (
        <>
          <strong>{ty.name}</strong>
          {ty.isActive ? null : (
            <Tag style={{ marginInlineStart: 8 }}>{t('licenses.types.inactive')}</Tag>
          )}
          {ty.description ? <div className="zt-muted">{ty.description}</div> : null}
        </>
      ),
    },
    { title: t('licenses.types.columns.department'), dataIndex: 'departmentName', width: 200 },
    { title: t('licenses.types.columns.holderType'), dataIndex: 'holderType', width: 130, render: (v: HolderType) => holderTypeNames[v][locale] },
    { title: t('licenses.types.columns.fields'), key: 'fields', width: 220, render: (_v, ty) => (ty.fields.length === 0 ? '—' : ty.fields.map((f) => f.name).join('、')) },
    { title: t('licenses.types.columns.validity'), key: 'validity', width: 150, render: (_v, ty) => ruleText(ty) },
    { title: t('licenses.types.columns.trustLevel'), dataIndex: 'trustLevel', width: 80 },
    {
      title: t('licenses.types.columns.items'),
      key: 'items',
      width: 170,
      render: (_v, ty) =>
        ty.issuingBasicCodes.length === 0 ? (
          <Typography.Text type="secondary">{t('licenses.types.noItems')}</Typography.Text>
        ) : (
          ty.issuingBasicCodes.map((c) => (
            <div key={c} className="zt-code">
              {c}
            </div>
          ))
        ),
    },
    { title: t('admin.common.updatedAt'), dataIndex: 'updatedAt', width: 150, render: (v: string) => formatDateTime(v) },
    {
      title: t('common.columns.actions'),
      key: 'actions',
      width: 90,
      render: (_v, ty) => (
        <Button size="small" onClick={() => open(ty)} aria-label={t('admin.common.editNamed', { name: ty.name })}>
          {t('common.actions.edit')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('licenses.types.title')}
        description={t('licenses.types.intro')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => open(undefined)}>
            {t('licenses.types.create')}
          </Button>
        }
      />
      <Card>
        <Space wrap style={{ marginBottom: 12 }}>
          <Input.Search aria-label={t('licenses.types.filters.q')} placeholder={t('licenses.types.filters.q')} allowClear onSearch={(v) => filterChanged(setQ)(v.trim())} style={{ width: 240 }} />
          <div style={{ width: 260 }}>
            <label htmlFor="license-type-filter-department" className="zt-visually-hidden">
              {t('licenses.types.filters.department')}
            </label>
            <DepartmentPicker id="license-type-filter-department" value={departmentId} onChange={filterChanged(setDepartmentId)} allowClear />
          </div>
          <Select<HolderType>
            aria-label={t('licenses.types.filters.holderType')}
            placeholder={t('licenses.types.filters.holderType')}
            allowClear
            value={holderType}
            onChange={filterChanged(setHolderType)}
            options={holderTypes.map((h) => ({ value: h, label: holderTypeNames[h][locale] }))}
            style={{ width: 180 }}
          />
          <Select<ActiveFilter>
            aria-label={t('licenses.types.filters.status')}
            placeholder={t('licenses.types.filters.status')}
            allowClear
            value={active}
            onChange={filterChanged(setActive)}
            options={[
              { value: 'active', label: t('licenses.types.active') },
              { value: 'inactive', label: t('licenses.types.inactive') },
            ]}
            style={{ width: 140 }}
          />
        </Space>
        <QueryState
          query={list}
          isEmpty={(d) => d.total === 0 && !isFiltered}
          emptyText={t('licenses.types.empty')}
          emptyAction={
            <Button type="primary" onClick={() => open(undefined)}>
              {t('licenses.types.create')}
            </Button>
          }
        >
          {(data) => (
            <Table<LicenseTypeView>
              rowKey="id"
              columns={columns}
              dataSource={data.items}
              loading={list.isFetching}
              scroll={{ x: 1500 }}
              pagination={{ current: page, pageSize: PAGE_SIZE, total: data.total, onChange: setPage, showSizeChanger: false, showTotal: (total) => t('common.states.total', { total }) }}
            />
          )}
        </QueryState>
      </Card>
      <LicenseTypeForm
        open={isFormOpen}
        editing={editing}
        onClose={() => setFormOpen(false)}
        onSaved={() => {
          setFormOpen(false);
          void message.success(editing ? t('common.states.saved') : t('licenses.types.created'));
          void queryClient.invalidateQueries({ queryKey: ['license-types'] });
        }}
      />
    </>
  );
}
