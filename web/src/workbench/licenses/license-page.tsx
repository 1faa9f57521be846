import { useState } from 'react';
import { App, Breadcrumb, Button, Card, Space, Table, Tabs, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { licenseStatusNames, type LicenseStaffAction, type LicenseStatus, type LicenseVerificationView, type LicenseView } from '@zhengtong/contracts';
import { currentLocale } from '../../shared/forms/rules';
import { useSignedInMe } from '../../auth/require-session';
import { formatDateTime } from '../../shared/format';
import { can } from '../../shared/permissions';
import { PageHeader } from '../../shared/ui/page-header';
import { QueryState } from '../../shared/ui/query-state';
import { licenseKeys, useLicense, useLicenseUses, useLicenseVerifications } from '../../portal/licenses/api';
import { LicenseHistory, LicenseOverview } from '../../portal/licenses/license-facts';
import { UsesTable } from '../../portal/licenses/uses-table';
import { StatusActionModal } from './status-action-modal';

const PAGE_SIZE = 10;

/** Which hand actions each status allows (the server's state machine decides; this only hides useless buttons). */
const actionsFor: Readonly<Record<LicenseStatus, readonly LicenseStaffAction[]>> = {
  valid: ['suspend', 'revoke'],
  suspended: ['restore', 'revoke'],
  revoked: [],
  expired: [],
};

const checkVerdicts = ['authentic', 'tampered', 'malformed', 'unknownKey', 'sealRevoked', 'unknownDocument', 'badSignature'] as const;
type CheckVerdict = (typeof checkVerdicts)[number];

/** A logged result — `valid` (online) or `authentic:valid` (QR, PDF) — in words; anything unknown as it was logged. */
function useResultWords() {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  const statusWord = (s: string) => (s === 'notFound' ? t('licenses.verifications.results.notFound') : s in licenseStatusNames ? licenseStatusNames[s as LicenseStatus][locale] : s);
  return (result: string) => {
    const [first = '', second] = result.split(':');
    if (second === undefined) return statusWord(first);
    const verdict = (checkVerdicts as readonly string[]).includes(first) ? t(`licenses.verifications.results.${first as CheckVerdict}`) : first;
    return `${verdict} · ${statusWord(second)}`;
  };
}

function Verifications({ id }: { id: string }) {
  const { t } = useTranslation();
  const resultWords = useResultWords();
  const [page, setPage] = useState(1);
  const list = useLicenseVerifications(id, page, PAGE_SIZE);
  const columns: TableProps<LicenseVerificationView>['columns'] = [
    { title: t('licenses.verifications.at'), dataIndex: 'at', width: 160, render: (v: string) => formatDateTime(v) },
    { title: t('licenses.verifications.channel'), dataIndex: 'channel', width: 120, render: (v: LicenseVerificationView['channel']) => t(`licenses.verifications.channels.${v}`) },
    { title: t('licenses.verifications.result'), dataIndex: 'result', width: 200, render: (v: string) => resultWords(v) },
    { title: t('licenses.verifications.who'), key: 'who', width: 200, render: (_v, r) => (r.verifierAccountId ? t('licenses.verifications.signedIn') : t('licenses.verifications.anonymous')) },
    { title: t('licenses.verifications.ip'), dataIndex: 'ip', width: 140, render: (v: string | null) => v ?? '—' },
    { title: t('licenses.verifications.userAgent'), dataIndex: 'userAgent', render: (v: string | null) => <span className="zt-muted">{v ?? '—'}</span> },
  ];
  return (
    <QueryState query={list} isEmpty={(d) => d.total === 0} emptyText={t('licenses.verifications.empty')} rows={3}>
      {(data) => (
        <Table<LicenseVerificationView>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={data.items}
          loading={list.isFetching}
          scroll={{ x: 1000 }}
          pagination={data.total > PAGE_SIZE ? { current: page, pageSize: PAGE_SIZE, total: data.total, onChange: setPage, showSizeChanger: false, showTotal: (total) => t('common.states.total', { total }) } : false}
        />
      )}
    </QueryState>
  );
}

function Uses({ id }: { id: string }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const uses = useLicenseUses(id, page, PAGE_SIZE);
  return <UsesTable query={uses} page={page} pageSize={PAGE_SIZE} onPage={setPage} emptyText={t('licenses.uses.emptyStaff')} />;
}

function StaffLicense({ view, onReload }: { view: LicenseView; onReload: () => void }) {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [action, setAction] = useState<LicenseStaffAction>();
  const actions = can(me, 'license.manage') ? actionsFor[view.status] : [];
  return (
    <>
      <PageHeader
        title={`${view.typeName} · ${view.holderName}`}
        extra={
          actions.length > 0 ? (
            <Space wrap>
              {actions.map((a) => (
                <Button key={a} danger={a !== 'restore'} type={a === 'restore' ? 'primary' : 'default'} onClick={() => setAction(a)}>
                  {t(`licenses.actions.${a}.action`)}
                </Button>
              ))}
            </Space>
          ) : null
        }
      />
      {view.status === 'revoked' || view.status === 'expired' ? (
        <Typography.Paragraph type="secondary">{t(view.status === 'revoked' ? 'licenses.actions.finalRevoked' : 'licenses.actions.finalExpired')}</Typography.Paragraph>
      ) : null}
      <LicenseOverview view={view} />
      <Card style={{ marginTop: 16 }}>
        <Tabs
          items={[
            { key: 'history', label: t('licenses.history.title'), children: <LicenseHistory history={view.history} /> },
            { key: 'uses', label: t('licenses.uses.title'), children: <Uses id={view.id} /> },
            { key: 'verifications', label: t('licenses.verifications.title'), children: <Verifications id={view.id} /> },
          ]}
        />
      </Card>
      <StatusActionModal
        action={action}
        view={view}
        onClose={() => setAction(undefined)}
        onReload={() => {
          setAction(undefined);
          onReload();
        }}
        onDone={(next) => {
          const done = action;
          setAction(undefined);
          queryClient.setQueryData(licenseKeys.one(next.id), next);
          void queryClient.invalidateQueries({ queryKey: licenseKeys.all });
          if (done) void message.success(t(`licenses.actions.${done}.done`));
        }}
      />
    </>
  );
}

/** 证照详情 (工作台): the issuing department's view, with 暂扣 / 恢复 / 注销 and who used or checked the licence. */
export function StaffLicensePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const license = useLicense(id);
  return (
    <>
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <Link to="/workbench/licenses">{t('licenses.staff.title')}</Link> }, { title: license.data?.identifier ?? t('licenses.detail.title') }]} />
      <QueryState query={license} rows={10}>
        {(view) => <StaffLicense view={view} onReload={() => void license.refetch()} />}
      </QueryState>
    </>
  );
}
