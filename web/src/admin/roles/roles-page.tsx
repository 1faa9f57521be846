import { useState } from 'react';
import { Alert, Button, Card, Input, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { separatedRoles, type StaffView } from '@zhengtong/contracts';
import { currentLocale } from '../../shared/forms/rules';
import { PageHeader } from '../../shared/ui/page-header';
import { QueryState } from '../../shared/ui/query-state';
import { useSignedInMe } from '../../auth/require-session';
import { roleLabel } from '../../workbench/home-page';
import { staffKey, useStaffList } from '../staff/staff-page';
import { RoleAssignment } from './role-assignment';

const PAGE_SIZE = 20;

/** 角色授权: the security admin grants roles; 三员分立 keeps system admin, security admin and auditor apart. */
export function RolesPage() {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  const me = useSignedInMe();
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const [q, setQ] = useState('');
  const [assigning, setAssigning] = useState<StaffView>();
  const list = useStaffList(page, q);
  const columns: TableProps<StaffView>['columns'] = [
    {
      title: t('admin.staff.name'),
      dataIndex: 'name',
      render: (name: string, s) => (
        <span>
          {name} <Typography.Text type="secondary">{s.username}</Typography.Text>
        </span>
      ),
    },
    { title: t('admin.staff.department'), dataIndex: 'departmentName' },
    {
      title: t('admin.staff.roles'),
      dataIndex: 'roles',
      render: (roles: string[]) =>
        roles.length > 0 ? (
          roles.map((r) => (
            <Tag key={r} color={(separatedRoles as readonly string[]).includes(r) ? 'volcano' : 'blue'}>
              {roleLabel(r, locale)}
            </Tag>
          ))
        ) : (
          <Typography.Text type="secondary">{t('admin.staff.noRoles')}</Typography.Text>
        ),
    },
    {
      title: t('common.columns.actions'),
      key: 'actions',
      width: 140,
      render: (_v, s) =>
        s.accountId === me.accountId ? (
          <Typography.Text type="secondary">{t('admin.roles.notOwn')}</Typography.Text>
        ) : (
          <Button size="small" type="primary" onClick={() => setAssigning(s)} aria-label={t('admin.roles.assignFor', { name: s.name })}>
            {t('admin.roles.assign')}
          </Button>
        ),
    },
  ];
  return (
    <>
      <PageHeader title={t('admin.sections.roles.title')} description={t('admin.roles.intro')} />
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title={t('admin.roles.separationTitle')}
        description={t('admin.roles.separationRule', { roles: separatedRoles.map((r) => roleLabel(r, locale)).join('、') })}
      />
      <Card>
        <Input.Search
          aria-label={t('admin.staff.search')}
          placeholder={t('admin.staff.search')}
          allowClear
          onSearch={(v) => {
            setQ(v);
            setPage(1);
          }}
          style={{ width: 300, marginBottom: 12 }}
        />
        <QueryState query={list} isEmpty={(d) => d.total === 0 && !q} emptyText={t('admin.staff.empty')}>
          {(data) => (
            <Table<StaffView>
              rowKey="accountId"
              columns={columns}
              dataSource={data.items}
              loading={list.isFetching}
              scroll={{ x: 800 }}
              pagination={{ current: page, pageSize: PAGE_SIZE, total: data.total, onChange: setPage, showSizeChanger: false, showTotal: (total) => t('common.states.total', { total }) }}
            />
          )}
        </QueryState>
      </Card>
      <RoleAssignment
        staff={assigning}
        onClose={() => setAssigning(undefined)}
        onSaved={() => {
          setAssigning(undefined);
          void queryClient.invalidateQueries({ queryKey: staffKey });
        }}
      />
    </>
  );
}
