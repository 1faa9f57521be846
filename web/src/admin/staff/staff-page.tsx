import { useState } from 'react';
import { App, Button, Card, Dropdown, Input, Space, Table, Tag, Typography } from 'antd';
import type { MenuProps, TableProps } from 'antd';
import { DownOutlined, LockOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { StaffView } from '@zhengtong/contracts';
import { api } from '../../shared/api/client';
import { currentLocale } from '../../shared/forms/rules';
import { can } from '../../shared/permissions';
import { PageHeader } from '../../shared/ui/page-header';
import { QueryState } from '../../shared/ui/query-state';
import { useSignedInMe } from '../../auth/require-session';
import { roleLabel } from '../../workbench/home-page';
import { StaffForm } from './staff-form';

const PAGE_SIZE = 20;
export const staffKey = ['staff'] as const;
type Page = { items: StaffView[]; total: number };
type SecurityAction = 'unlock' | 'reset-totp' | 'logout-everywhere';

export function useStaffList(page: number, q: string) {
  return useQuery({
    queryKey: [...staffKey, 'list', page, q],
    queryFn: () => api.get<Page>('/api/staff', { page, pageSize: PAGE_SIZE, q }),
    placeholderData: keepPreviousData,
  });
}

/** 人员管理: the system admin keeps staff accounts; the security admin unlocks, resets TOTP and signs people out. */
export function StaffPage() {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  const { message, modal } = App.useApp();
  const me = useSignedInMe();
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const [q, setQ] = useState('');
  const [editing, setEditing] = useState<StaffView | 'new'>();
  const list = useStaffList(page, q);
  const canManage = can(me, 'staff.manage');
  const canSecure = can(me, 'account.unlock');
  const refresh = () => void queryClient.invalidateQueries({ queryKey: staffKey });
  const onFailure = (error: Error) => void modal.error({ title: t('admin.common.actionFailed'), content: error.message });

  const secure = useMutation({
    mutationFn: ({ staff, action }: { staff: StaffView; action: SecurityAction }) => api.post(`/api/staff/${staff.accountId}/${action}`),
    onSuccess: (_r, { action }) => {
      void message.success(t(`admin.staff.done.${action}`));
      refresh();
    },
    onError: onFailure,
  });
  const setStatus = useMutation({
    mutationFn: (staff: StaffView) => api.patch(`/api/staff/${staff.accountId}`, { status: staff.status === 'active' ? 'disabled' : 'active', version: staff.version }),
    onSuccess: () => {
      void message.success(t('common.states.saved'));
      refresh();
    },
    onError: onFailure,
  });

  const confirmThen = (title: string, run: () => void) =>
    void modal.confirm({ title, okText: t('common.actions.confirm'), cancelText: t('common.actions.cancel'), onOk: run });

  const actionsFor = (s: StaffView): MenuProps['items'] => [
    ...(canManage
      ? [
          { key: 'edit', label: t('common.actions.edit') },
          { key: 'status', label: s.status === 'active' ? t('admin.staff.disable') : t('admin.staff.enable'), danger: s.status === 'active' },
        ]
      : []),
    ...(canSecure
      ? [
          { key: 'unlock', label: t('admin.staff.unlock'), disabled: !s.isLocked },
          { key: 'reset-totp', label: t('admin.staff.resetTotp'), disabled: !s.totpEnabled },
          { key: 'logout-everywhere', label: t('admin.staff.forceLogout') },
        ]
      : []),
  ];
  const onAction = (s: StaffView, key: string) => {
    switch (key) {
      case 'edit':
        setEditing(s);
        return;
      case 'status':
        confirmThen(s.status === 'active' ? t('admin.staff.disableConfirm', { name: s.name }) : t('admin.staff.enableConfirm', { name: s.name }), () => setStatus.mutate(s));
        return;
      case 'unlock':
      case 'reset-totp':
      case 'logout-everywhere':
        confirmThen(t(`admin.staff.confirm.${key}`, { name: s.name }), () => secure.mutate({ staff: s, action: key }));
        return;
      default:
        return;
    }
  };

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
    { title: t('admin.staff.department'), dataIndex: 'departmentName', render: (v: string, s) => (s.positionName ? `${v} · ${s.positionName}` : v) },
    { title: t('admin.staff.region'), dataIndex: 'regionName' },
    { title: t('admin.staff.phone'), dataIndex: 'phone', render: (v: string | null) => v ?? t('common.none') },
    {
      title: t('admin.staff.roles'),
      dataIndex: 'roles',
      render: (roles: string[]) => (roles.length > 0 ? roles.map((r) => <Tag key={r}>{roleLabel(r, locale)}</Tag>) : <Typography.Text type="secondary">{t('admin.staff.noRoles')}</Typography.Text>),
    },
    {
      title: t('admin.staff.status'),
      key: 'status',
      render: (_v, s) => (
        <Space size={4} wrap>
          <Tag color={s.status === 'active' ? 'green' : 'default'}>{t(`admin.staff.statuses.${s.status}`)}</Tag>
          {s.isLocked ? (
            <Tag color="red" icon={<LockOutlined />}>
              {t('admin.staff.locked')}
            </Tag>
          ) : null}
          <Tag color={s.totpEnabled ? 'blue' : s.totpRequired ? 'orange' : 'default'}>
            {s.totpEnabled ? t('admin.staff.totpOn') : s.totpRequired ? t('admin.staff.totpPending') : t('admin.staff.totpOff')}
          </Tag>
        </Space>
      ),
    },
    {
      title: t('common.columns.actions'),
      key: 'actions',
      width: 120,
      render: (_v, s) => {
        const items = actionsFor(s);
        if (!items || items.length === 0 || s.accountId === me.accountId) return null;
        return (
          <Dropdown menu={{ items, onClick: ({ key }) => onAction(s, key) }} trigger={['click']}>
            <Button size="small" aria-label={t('admin.staff.actionsFor', { name: s.name })}>
              {t('common.actions.more')} <DownOutlined />
            </Button>
          </Dropdown>
        );
      },
    },
  ];

  return (
    <>
      <PageHeader
        title={t('admin.sections.staff.title')}
        description={canManage ? t('admin.staff.introManage') : t('admin.staff.introSecure')}
        extra={
          canManage ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              {t('admin.staff.create')}
            </Button>
          ) : null
        }
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
              scroll={{ x: 1100 }}
              pagination={{ current: page, pageSize: PAGE_SIZE, total: data.total, onChange: setPage, showSizeChanger: false, showTotal: (total) => t('common.states.total', { total }) }}
            />
          )}
        </QueryState>
      </Card>
      <StaffForm staff={editing} onClose={() => setEditing(undefined)} onSaved={() => {
        setEditing(undefined);
        refresh();
      }} />
    </>
  );
}
