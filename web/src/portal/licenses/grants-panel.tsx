import { useState } from 'react';
import { Alert, App, Button, Space, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { LicenseGrantView, LicenseView } from '@zhengtong/contracts';
import { api } from '../../shared/api/client';
import { formatDateTime } from '../../shared/format';
import { QueryState } from '../../shared/ui/query-state';
import { licenseKeys, licensePaths, useGrants } from './api';
import { GrantModal } from './grant-modal';
import { GrantStatusTag } from './license-status';

const PAGE_SIZE = 10;

function granteeText(g: LicenseGrantView, caseWord: (n: string) => string): string {
  return g.grantee.kind === 'department' ? (g.grantee.departmentName ?? '') : caseWord(g.grantee.caseNumber ?? g.grantee.caseId ?? '');
}

/** 授权: the holder's grants of this licence, a new one, and withdrawing one (after a confirmation). */
export function GrantsPanel({ license }: { license: LicenseView }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const [isGranting, setGranting] = useState(false);
  const grants = useGrants({ licenseId: license.id, page, pageSize: PAGE_SIZE });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: licenseKeys.all });
  const caseWord = (number: string) => t('licenses.grants.caseGrantee', { number });
  const revoke = useMutation({
    mutationFn: (g: LicenseGrantView) => api.post<LicenseGrantView>(licensePaths.revokeGrant(g.id)),
    onSuccess: () => {
      void message.success(t('licenses.grants.revoked'));
      refresh();
    },
    onError: (error) => void message.error(error.message),
  });
  const confirmRevoke = (g: LicenseGrantView) =>
    modal.confirm({
      title: t('licenses.grants.revokeTitle'),
      content: t('licenses.grants.revokeText', { grantee: granteeText(g, caseWord), name: g.typeName }),
      okText: t('licenses.grants.revokeConfirm'),
      okButtonProps: { danger: true },
      cancelText: t('common.actions.cancel'),
      onOk: () => revoke.mutateAsync(g),
    });

  const columns: TableProps<LicenseGrantView>['columns'] = [
    { title: t('licenses.grants.columns.grantee'), key: 'grantee', width: 220, render: (_v, g) => <strong>{granteeText(g, caseWord)}</strong> },
    { title: t('licenses.grants.columns.purpose'), dataIndex: 'purpose' },
    { title: t('licenses.grants.columns.until'), dataIndex: 'validUntil', width: 160, render: (v: string) => formatDateTime(v) },
    {
      title: t('licenses.grants.columns.status'),
      key: 'status',
      width: 170,
      render: (_v, g) => (
        <>
          <GrantStatusTag status={g.status} />
          {g.revokedAt ? <div className="zt-muted">{formatDateTime(g.revokedAt)}</div> : null}
        </>
      ),
    },
    { title: t('licenses.grants.columns.createdAt'), dataIndex: 'createdAt', width: 160, render: (v: string) => formatDateTime(v) },
    {
      title: t('common.columns.actions'),
      key: 'actions',
      width: 120,
      render: (_v, g) =>
        g.status === 'active' ? (
          <Button danger onClick={() => confirmRevoke(g)} aria-label={t('licenses.grants.revokeNamed', { grantee: granteeText(g, caseWord) })}>
            {t('licenses.grants.revoke')}
          </Button>
        ) : null,
    },
  ];
  const canGrant = license.status === 'valid';
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Text type="secondary">{t('licenses.grants.panelIntro')}</Typography.Text>
        {canGrant ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setGranting(true)}>
            {t('licenses.grants.create')}
          </Button>
        ) : null}
      </Space>
      {canGrant ? null : <Alert type="info" showIcon title={t('licenses.grants.notValid')} />}
      <QueryState query={grants} isEmpty={(d) => d.total === 0} emptyText={t('licenses.grants.empty')} rows={3}>
        {(data) => (
          <Table<LicenseGrantView>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={data.items}
            loading={grants.isFetching}
            scroll={{ x: 960 }}
            pagination={data.total > PAGE_SIZE ? { current: page, pageSize: PAGE_SIZE, total: data.total, onChange: setPage, showSizeChanger: false } : false}
          />
        )}
      </QueryState>
      <GrantModal
        license={license}
        open={isGranting}
        onClose={() => setGranting(false)}
        onGranted={() => {
          setGranting(false);
          void message.success(t('licenses.grants.created'));
          refresh();
        }}
      />
    </Space>
  );
}
