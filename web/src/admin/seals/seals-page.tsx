import { useState } from 'react';
import { App, Button, Card, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { LinkOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { sealKindNames, sealKinds, sealStatusNames, sealStatuses, type SealKind, type SealStatus, type SealView } from '@zhengtong/contracts';
import { api } from '../../shared/api/client';
import { formatDateTime } from '../../shared/format';
import { currentLocale } from '../../shared/forms/rules';
import { PageHeader } from '../../shared/ui/page-header';
import { QueryState } from '../../shared/ui/query-state';
import { DepartmentPicker } from '../shared/department-picker';
import { RevokeModal } from './revoke-modal';
import { SealForm } from './seal-form';

const PAGE_SIZE = 20;
const sealsKey = ['seals'] as const;
type Page = { items: SealView[]; total: number };

function StatusTag({ seal }: { seal: SealView }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  if (seal.status === 'revoked') {
    return (
      <>
        <Tag>{sealStatusNames.revoked[locale]}</Tag>
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: '0.9em' }}>
          {t('seals.revokedNote', { at: formatDateTime(seal.revokedAt), reason: seal.revokedReason ?? '' })}
        </Typography.Text>
      </>
    );
  }
  return seal.isInForce ? <Tag color="green">{sealStatusNames.active[locale]}</Tag> : <Tag color="orange">{t('seals.notInForce')}</Tag>;
}

/** 电子印章: the security admin makes each department's seals and revokes them (三员分立: not the system admin). */
export function SealsPage() {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const [departmentId, setDepartmentId] = useState<string | null>(null);
  const [kind, setKind] = useState<SealKind>();
  const [status, setStatus] = useState<SealStatus>();
  const [isCreating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<SealView>();
  const list = useQuery({
    queryKey: [...sealsKey, page, departmentId, kind, status],
    queryFn: () => api.get<Page>('/api/seals', { page, pageSize: PAGE_SIZE, departmentId, kind, status }),
    placeholderData: keepPreviousData,
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: sealsKey });
  const isFiltered = Boolean(departmentId || kind || status);
  const filterChanged = <T,>(set: (value: T) => void) => (value: T) => {
    set(value);
    setPage(1);
  };

  const columns: TableProps<SealView>['columns'] = [
    {
      title: t('seals.columns.image'),
      key: 'image',
      width: 96,
      render: (_v, s) => <img src={`/api/seals/${s.id}/image.svg`} alt={t('seals.imageAlt', { name: s.name })} width={72} height={72} loading="lazy" />,
    },
    { title: t('seals.columns.seal'), dataIndex: 'name', width: 280 },
    { title: t('seals.columns.department'), dataIndex: 'departmentName', width: 180 },
    { title: t('seals.columns.kind'), dataIndex: 'kind', width: 130, render: (k: SealKind) => sealKindNames[k][locale] },
    { title: t('seals.columns.status'), key: 'status', width: 170, render: (_v, s) => <StatusTag seal={s} /> },
    {
      title: t('seals.columns.keyId'),
      dataIndex: 'keyId',
      width: 190,
      render: (keyId: string) => (
        <Typography.Text code copyable>
          {keyId}
        </Typography.Text>
      ),
    },
    { title: t('seals.columns.validity'), key: 'validity', width: 200, render: (_v, s) => t('seals.validity', { from: s.validFrom, to: s.validTo }) },
    {
      title: t('common.columns.actions'),
      key: 'actions',
      width: 100,
      render: (_v, s) =>
        s.status === 'active' ? (
          <Button size="small" danger onClick={() => setRevoking(s)} aria-label={t('seals.revoke.actionNamed', { name: s.name })}>
            {t('seals.revoke.action')}
          </Button>
        ) : null,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('admin.sections.seals.title')}
        description={t('seals.intro')}
        extra={
          <Space wrap>
            <Button icon={<LinkOutlined />} href="/api/seals/public-keys" target="_blank" rel="noopener">
              {t('seals.publicKeys')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('seals.create')}
            </Button>
          </Space>
        }
      />
      <Card>
        <Space wrap style={{ marginBottom: 12 }}>
          <div style={{ width: 280 }}>
            <label htmlFor="seal-filter-department" className="zt-visually-hidden">
              {t('seals.filters.department')}
            </label>
            <DepartmentPicker id="seal-filter-department" value={departmentId} onChange={filterChanged(setDepartmentId)} allowClear />
          </div>
          <Select<SealKind>
            aria-label={t('seals.filters.kind')}
            placeholder={t('seals.filters.kind')}
            allowClear
            value={kind}
            onChange={filterChanged(setKind)}
            options={sealKinds.map((k) => ({ value: k, label: sealKindNames[k][locale] }))}
            style={{ width: 180 }}
          />
          <Select<SealStatus>
            aria-label={t('seals.filters.status')}
            placeholder={t('seals.filters.status')}
            allowClear
            value={status}
            onChange={filterChanged(setStatus)}
            options={sealStatuses.map((s) => ({ value: s, label: sealStatusNames[s][locale] }))}
            style={{ width: 140 }}
          />
        </Space>
        <QueryState
          query={list}
          isEmpty={(d) => d.total === 0 && !isFiltered}
          emptyText={t('seals.empty')}
          emptyAction={
            <Button type="primary" onClick={() => setCreating(true)}>
              {t('seals.create')}
            </Button>
          }
        >
          {(data) => (
            <Table<SealView>
              rowKey="id"
              columns={columns}
              dataSource={data.items}
              loading={list.isFetching}
              scroll={{ x: 1370 }}
              pagination={{ current: page, pageSize: PAGE_SIZE, total: data.total, onChange: setPage, showSizeChanger: false, showTotal: (total) => t('common.states.total', { total }) }}
            />
          )}
        </QueryState>
      </Card>
      <SealForm
        open={isCreating}
        onClose={() => setCreating(false)}
        onCreated={() => {
          setCreating(false);
          void message.success(t('seals.created'));
          refresh();
        }}
      />
      <RevokeModal
        seal={revoking}
        onClose={() => setRevoking(undefined)}
        onRevoked={() => {
          setRevoking(undefined);
          void message.success(t('seals.revoke.done'));
          refresh();
        }}
      />
    </>
  );
}
