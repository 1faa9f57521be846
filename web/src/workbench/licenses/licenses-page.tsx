import { useState } from 'react';
import { App, Button, Card, Input, Select, Space, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { CloudUploadOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { licenseSourceNames, licenseSources, licenseStatuses, licenseStatusNames, type LicenseSource, type LicenseStatus, type LicenseSummary } from '@zhengtong/contracts';
import { useSignedInMe } from '../../auth/require-session';
import { api } from '../../shared/api/client';
import { currentLocale } from '../../shared/forms/rules';
import { formatDateTime } from '../../shared/format';
import { can } from '../../shared/permissions';
import { ButtonLink } from '../../shared/ui/button-link';
import { PageHeader } from '../../shared/ui/page-header';
import { QueryState } from '../../shared/ui/query-state';
import { licenseKeys, licensePaths, useLicenseTypes, type Page } from '../../portal/licenses/api';
import { LicenseStatusTag, useValidityText } from '../../portal/licenses/license-status';
import { IssueDrawer } from './issue-drawer';
import { licenseSearchOf, searchParamsOf } from './search';

const PAGE_SIZE = 20;

function IssueButton({ onClick }: { onClick: () => void }) {
  const { t } = useTranslation();
  return (
    <Button type="primary" icon={<PlusOutlined />} onClick={onClick}>
      {t('licenses.issue.action')}
    </Button>
  );
}

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return values.includes(value as T) ? (value as T) : undefined;
}

/** 电子证照 (工作台): the licences this department issued — search, filter, open; issue by hand; import old ones. */
export function LicensesPage() {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  const me = useSignedInMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const validity = useValidityText();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const status = oneOf(licenseStatuses, params.get('status'));
  const source = oneOf(licenseSources, params.get('source'));
  const typeId = params.get('typeId') ?? undefined;
  const page = Number(params.get('page') ?? '1') || 1;
  const [text, setText] = useState(q);
  const [isIssuing, setIssuing] = useState(false);
  const search = licenseSearchOf(q);
  const query = { status, source, typeId, ...searchParamsOf(search), page, pageSize: PAGE_SIZE };
  const list = useQuery({ queryKey: licenseKeys.staff(query), queryFn: () => api.get<Page<LicenseSummary>>(licensePaths.list, query), placeholderData: keepPreviousData });
  const types = useLicenseTypes({ departmentId: me.departmentId, pageSize: 200 }, me.departmentId !== null);
  const canIssue = can(me, 'license.issue');
  const set = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined || v === '') next.delete(k);
      else next.set(k, v);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next, { replace: true });
  };
  const isFiltered = Boolean(q || status || source || typeId);

  const columns: TableProps<LicenseSummary>['columns'] = [
    {
      title: t('licenses.staff.columns.licence'),
      key: 'licence',
      width: 300,
      render: (_v, l) => (
        <>
          <Link to={`/workbench/licenses/${l.id}`} style={{ fontWeight: 600 }}>
            {l.typeName}
          </Link>
          <div className="zt-code zt-muted" style={{ fontSize: '0.85em', wordBreak: 'break-all' }}>
            {l.identifier}
          </div>
        </>
      ),
    },
    {
      title: t('licenses.staff.columns.holder'),
      key: 'holder',
      width: 220,
      render: (_v, l) => (
        <>
          {l.holderName}
          <div className="zt-code zt-muted">{l.holderNumber}</div>
        </>
      ),
    },
    { title: t('licenses.facts.validity'), key: 'validity', width: 210, render: (_v, l) => validity(l.validFrom, l.validTo) },
    { title: t('licenses.facts.status'), dataIndex: 'status', width: 140, render: (v: LicenseStatus) => <LicenseStatusTag status={v} /> },
    { title: t('licenses.facts.source'), dataIndex: 'source', width: 150, render: (v: LicenseSource) => licenseSourceNames[v][locale] },
    { title: t('licenses.facts.issuedAt'), dataIndex: 'issuedAt', width: 150, render: (v: string) => formatDateTime(v) },
    {
      title: t('common.columns.actions'),
      key: 'actions',
      width: 90,
      render: (_v, l) => (
        <ButtonLink size="small" to={`/workbench/licenses/${l.id}`} aria-label={t('licenses.staff.openNamed', { name: `${l.typeName} ${l.holderName}` })}>
          {t('licenses.staff.open')}
        </ButtonLink>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('licenses.staff.title')}
        description={t('licenses.staff.intro')}
        extra={
          canIssue ? (
            <Space wrap>
              <ButtonLink icon={<CloudUploadOutlined />} to="/workbench/licenses/import">
                {t('licenses.import.title')}
              </ButtonLink>
              <IssueButton onClick={() => setIssuing(true)} />
            </Space>
          ) : null
        }
      />
      <Card>
        <Space wrap style={{ marginBottom: 12 }} align="start">
          <div>
            <Input.Search
              aria-label={t('licenses.staff.search')}
              placeholder={t('licenses.staff.searchPlaceholder')}
              value={text}
              onChange={(e) => setText(e.target.value)}
              onSearch={(v) => set({ q: v.trim() || undefined })}
              allowClear
              enterButton={t('common.actions.search')}
              style={{ width: 420, maxWidth: '100%' }}
            />
            {search ? (
              <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }}>
                {t(`licenses.staff.searchedBy.${search.by}`, { text: search.text })}
              </Typography.Text>
            ) : null}
          </div>
          <Select<LicenseStatus>
            aria-label={t('licenses.staff.filters.status')}
            placeholder={t('licenses.staff.filters.status')}
            allowClear
            value={status}
            onChange={(v) => set({ status: v })}
            options={licenseStatuses.map((s) => ({ value: s, label: licenseStatusNames[s][locale] }))}
            style={{ width: 160 }}
          />
          <Select<string>
            aria-label={t('licenses.staff.filters.type')}
            placeholder={t('licenses.staff.filters.type')}
            allowClear
            value={typeId}
            onChange={(v) => set({ typeId: v })}
            loading={types.isPending && me.departmentId !== null}
            options={(types.data?.items ?? []).map((ty) => ({ value: ty.id, label: ty.name }))}
            style={{ width: 220 }}
          />
          <Select<LicenseSource>
            aria-label={t('licenses.staff.filters.source')}
            placeholder={t('licenses.staff.filters.source')}
            allowClear
            value={source}
            onChange={(v) => set({ source: v })}
            options={licenseSources.map((s) => ({ value: s, label: licenseSourceNames[s][locale] }))}
            style={{ width: 200 }}
          />
        </Space>
        <QueryState
          query={list}
          isEmpty={(d) => d.total === 0}
          emptyText={isFiltered ? t('licenses.staff.emptyFiltered') : t('licenses.staff.empty')}
          emptyAction={!isFiltered && canIssue ? <IssueButton onClick={() => setIssuing(true)} /> : undefined}
        >
          {(data) => (
            <Table<LicenseSummary>
              rowKey="id"
              columns={columns}
              dataSource={data.items}
              loading={list.isFetching}
              scroll={{ x: 1260 }}
              pagination={{ current: page, pageSize: PAGE_SIZE, total: data.total, onChange: (p) => set({ page: String(p) }), showSizeChanger: false, showTotal: (total) => t('common.states.total', { total }) }}
            />
          )}
        </QueryState>
      </Card>
      {canIssue ? (
        <IssueDrawer
          open={isIssuing}
          onClose={() => setIssuing(false)}
          onIssued={(issued) => {
            setIssuing(false);
            void message.success(t('licenses.issue.done', { identifier: issued.identifier }));
            void queryClient.invalidateQueries({ queryKey: licenseKeys.all });
            void navigate(`/workbench/licenses/${issued.id}`);
          }}
        />
      ) : null}
    </>
  );
}
