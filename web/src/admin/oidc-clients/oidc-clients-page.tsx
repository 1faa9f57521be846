import { useState } from 'react';
import { App, Button, Card, Input, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { OidcClientView, RotatedOidcClientSecret } from '@zhengtong/contracts';
import { api } from '../../shared/api/client';
import { formatDateTime } from '../../shared/format';
import { PageHeader } from '../../shared/ui/page-header';
import { QueryState } from '../../shared/ui/query-state';
import { OidcClientForm } from './oidc-client-form';
import { SecretOnce, type SecretToShow } from './secret-once';

const PAGE_SIZE = 20;
const clientsKey = ['oidc-clients'] as const;
type Page = { items: OidcClientView[]; total: number };

/** 单点登录接入: other government systems that sign people in through Zhengtong (一次认证,全网通办). */
export function OidcClientsPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const [q, setQ] = useState('');
  const [editing, setEditing] = useState<OidcClientView | 'new'>();
  const [secret, setSecret] = useState<SecretToShow>();
  const list = useQuery({
    queryKey: [...clientsKey, page, q],
    queryFn: () => api.get<Page>('/api/oidc-clients', { page, pageSize: PAGE_SIZE, q }),
    placeholderData: keepPreviousData,
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: clientsKey });
  const rotate = useMutation({
    mutationFn: (c: OidcClientView) => api.post<RotatedOidcClientSecret>(`/api/oidc-clients/${encodeURIComponent(c.clientId)}/rotate-secret`, { version: c.version }),
    onSuccess: (r) => {
      setSecret({ clientId: r.clientId, clientSecret: r.clientSecret, isNew: false });
      refresh();
    },
    onError: (error) => void modal.error({ title: t('admin.common.actionFailed'), content: error.message }),
  });
  const setActive = useMutation({
    mutationFn: (c: OidcClientView) => api.patch<OidcClientView>(`/api/oidc-clients/${encodeURIComponent(c.clientId)}`, { isActive: !c.isActive, version: c.version }),
    onSuccess: () => {
      void message.success(t('common.states.saved'));
      refresh();
    },
    onError: (error) => void modal.error({ title: t('admin.common.actionFailed'), content: error.message }),
  });
  const columns: TableProps<OidcClientView>['columns'] = [
    {
      title: t('admin.oidc.name'),
      dataIndex: 'name',
      render: (name: string, c) => (
        <span>
          {name}
          <br />
          <Typography.Text type="secondary" copyable>
            {c.clientId}
          </Typography.Text>
        </span>
      ),
    },
    { title: t('admin.oidc.type'), dataIndex: 'isPublic', render: (v: boolean) => (v ? t('admin.oidc.public') : t('admin.oidc.confidential')) },
    { title: t('admin.oidc.redirectUris'), dataIndex: 'redirectUris', render: (uris: string[]) => uris.map((u) => <div key={u}>{u}</div>) },
    { title: t('admin.oidc.department'), dataIndex: 'departmentName', render: (v: string | null) => v ?? t('common.none') },
    { title: t('admin.oidc.status'), dataIndex: 'isActive', render: (v: boolean) => <Tag color={v ? 'green' : 'default'}>{v ? t('admin.oidc.active') : t('admin.oidc.inactive')}</Tag> },
    { title: t('admin.oidc.secretRotatedAt'), dataIndex: 'secretRotatedAt', render: (v: string | null) => formatDateTime(v) || t('common.none') },
    {
      title: t('common.columns.actions'),
      key: 'actions',
      width: 260,
      render: (_v, c) => (
        <Space size="small" wrap>
          <Button size="small" onClick={() => setEditing(c)} aria-label={t('admin.common.editNamed', { name: c.name })}>
            {t('common.actions.edit')}
          </Button>
          {c.isPublic ? null : (
            <Popconfirm
              title={t('admin.oidc.rotateConfirm', { name: c.name })}
              okText={t('common.actions.confirm')}
              cancelText={t('common.actions.cancel')}
              onConfirm={() => rotate.mutate(c)}
            >
              <Button size="small">{t('admin.oidc.rotate')}</Button>
            </Popconfirm>
          )}
          <Popconfirm
            title={c.isActive ? t('admin.oidc.deactivateConfirm', { name: c.name }) : t('admin.oidc.activateConfirm', { name: c.name })}
            okText={t('common.actions.confirm')}
            cancelText={t('common.actions.cancel')}
            onConfirm={() => setActive.mutate(c)}
          >
            <Button size="small" danger={c.isActive}>
              {c.isActive ? t('admin.oidc.deactivate') : t('admin.oidc.activate')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];
  return (
    <>
      <PageHeader
        title={t('admin.sections.oidcClients.title')}
        description={t('admin.oidc.intro', { issuer: `${window.location.origin}/oidc` })}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('admin.oidc.create')}
          </Button>
        }
      />
      <Card>
        <Input.Search
          aria-label={t('admin.oidc.search')}
          placeholder={t('admin.oidc.search')}
          allowClear
          onSearch={(v) => {
            setQ(v);
            setPage(1);
          }}
          style={{ width: 300, marginBottom: 12 }}
        />
        <QueryState query={list} isEmpty={(d) => d.total === 0 && !q} emptyText={t('admin.oidc.empty')}>
          {(data) => (
            <Table<OidcClientView>
              rowKey="clientId"
              columns={columns}
              dataSource={data.items}
              loading={list.isFetching}
              scroll={{ x: 1100 }}
              pagination={{ current: page, pageSize: PAGE_SIZE, total: data.total, onChange: setPage, showSizeChanger: false, showTotal: (total) => t('common.states.total', { total }) }}
            />
          )}
        </QueryState>
      </Card>
      <OidcClientForm
        client={editing}
        onClose={() => setEditing(undefined)}
        onSaved={(created) => {
          setEditing(undefined);
          refresh();
          if (created?.clientSecret) setSecret({ clientId: created.clientId, clientSecret: created.clientSecret, isNew: true });
          else void message.success(t('common.states.saved'));
        }}
      />
      <SecretOnce secret={secret} onClose={() => setSecret(undefined)} />
    </>
  );
}
