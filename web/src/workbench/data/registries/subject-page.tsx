import { useState } from 'react';
import { Alert, App, Breadcrumb, Button, Card, List, Space, Switch, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { registryKinds, type RegistryFieldView, type RegistryKind, type RegistrySourceValue, type RegistrySubjectView } from '@zhengtong/contracts';
import { useSignedInMe } from '../../../auth/require-session';
import { formatDate, formatDateTime } from '../../../shared/format';
import { can } from '../../../shared/permissions';
import { PageHeader } from '../../../shared/ui/page-header';
import { QueryState } from '../../../shared/ui/query-state';
import { registryKeys, registryPaths, useSubject } from '../../../portal/my/registry-api';
import { RaiseDisputeModal, type DisputedField } from '../../../portal/my/registry-dispute-modal';
import { DisputeStatusTag, ValueText } from '../../../portal/my/registry-labels';
import { disputePath } from './disputes-panel';

function SourceLine({ s }: { s: RegistrySourceValue }) {
  const { t } = useTranslation();
  const name = s.heldByName ? t('dataRegistries.subject.heldBy', { system: s.sourceName, department: s.heldByName }) : s.sourceName;
  return (
    <Space size={4} wrap>
      <Tag color={s.isAuthoritative ? 'blue' : undefined}>{name}</Tag>
      <ValueText value={s.value} />
      {s.isAuthoritative ? <Tag color="blue">{t('dataRegistries.subject.authoritative')}</Tag> : s.agrees === true ? <Tag color="success">{t('dataRegistries.subject.agrees')}</Tag> : s.agrees === false ? <Tag color="warning">{t('dataRegistries.subject.differs')}</Tag> : null}
      <span className="zt-muted">{t('dataRegistries.subject.observedAt', { at: formatDate(s.observedAt) })}</span>
    </Space>
  );
}

function Fields({ view, onDispute }: { view: RegistrySubjectView; onDispute?: (f: RegistryFieldView) => void }) {
  const { t } = useTranslation();
  const columns: TableProps<RegistryFieldView>['columns'] = [
    { title: t('dataRegistries.subject.columns.field'), dataIndex: 'name', width: 140 },
    {
      title: t('dataRegistries.subject.columns.value'),
      key: 'value',
      width: 240,
      render: (_v, f) => (f.hasAuthoritativeValue ? <ValueText value={f.value} /> : <span className="zt-muted">{t('dataRegistries.subject.noAuthoritativeValue')}</span>),
    },
    { title: t('dataRegistries.subject.columns.authority'), dataIndex: 'authoritativeDepartmentName', width: 120, render: (v: string | null) => v ?? t('dataRegistries.subject.noAuthority') },
    {
      title: t('dataRegistries.subject.columns.sources'),
      key: 'sources',
      render: (_v, f) => (
        <List size="small" split={false} dataSource={f.sources} renderItem={(s) => <List.Item style={{ padding: '2px 0' }}><SourceLine s={s} /></List.Item>} locale={{ emptyText: '—' }} />
      ),
    },
    {
      title: t('dataRegistries.subject.columns.status'),
      key: 'status',
      width: 170,
      render: (_v, f) => (
        <Space direction="vertical" size={2}>
          {f.openConflicts > 0 ? <Tag color="warning">{t('dataRegistries.subject.conflicts', { count: f.openConflicts })}</Tag> : null}
          {f.openDispute ? (
            <Link to={disputePath(f.openDispute.id)}>
              <Space size={4}>
                <span>{t('dataRegistries.subject.dispute', { number: f.openDispute.number })}</span>
                <DisputeStatusTag status={f.openDispute.status} />
              </Space>
            </Link>
          ) : null}
        </Space>
      ),
    },
    ...(onDispute
      ? [
          {
            title: t('dataRegistries.subject.columns.actions'),
            key: 'actions',
            width: 110,
            render: (_v: unknown, f: RegistryFieldView) =>
              view.resource && f.authoritativeDepartmentId && !f.openDispute ? (
                <Button size="small" onClick={() => onDispute(f)} aria-label={t('dataRegistries.subject.raiseNamed', { field: f.name })}>
                  {t('dataRegistries.subject.raise')}
                </Button>
              ) : null,
          },
        ]
      : []),
  ];
  return <Table<RegistryFieldView> rowKey="key" columns={columns} dataSource={view.fields} pagination={false} scroll={{ x: 1100 }} />;
}

/** One subject of a registry (工作台): every field's authoritative value and source beside every other source's. */
export function SubjectPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const params = useParams();
  const registry: RegistryKind = registryKinds.includes(params.registry as RegistryKind) ? (params.registry as RegistryKind) : 'person';
  const id = params.id ?? '';
  const [unmask, setUnmask] = useState(false);
  const [disputing, setDisputing] = useState<DisputedField>();
  const subject = useSubject(registry, id, unmask);
  const mayUnmask = can(me, 'person.unmask');
  const mayDispute = can(me, 'registry.read') || can(me, 'share-request.create');
  const registryName = t(`dataRegistries.registries.${registry}`);
  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[{ title: <Link to={`/workbench/data/registries?registry=${registry}`}>{t('dataRegistries.page.title')}</Link> }, { title: subject.data?.key ?? t('dataRegistries.subject.title', { registry: registryName }) }]}
      />
      <PageHeader
        title={subject.data ? `${registryName} · ${subject.data.key}` : t('dataRegistries.subject.title', { registry: registryName })}
        extra={
          mayUnmask ? (
            <Space>
              <Switch checked={unmask} onChange={setUnmask} aria-label={t('dataRegistries.subject.unmask')} />
              <span>{t('dataRegistries.subject.unmask')}</span>
            </Space>
          ) : null
        }
      />
      {mayUnmask ? <Typography.Paragraph type="secondary">{t('dataRegistries.subject.unmaskHint')}</Typography.Paragraph> : null}
      <QueryState query={subject} rows={8}>
        {(view) => (
          <>
            {view.resource ? null : <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('dataRegistries.subject.notCatalogued')} />}
            <Card
              size="small"
              style={{ marginBottom: 16 }}
              title={view.resource ? t('dataRegistries.subject.resource', { code: view.resource.code, name: view.resource.name }) : undefined}
            >
              <Space wrap split="·">
                <span>{view.recordWrittenAt ? t('dataRegistries.subject.recordWrittenAt', { at: formatDateTime(view.recordWrittenAt) }) : t('dataRegistries.subject.notRecorded')}</span>
                <span>{view.checkedAt ? t('dataRegistries.subject.checkedAt', { at: formatDateTime(view.checkedAt) }) : t('dataRegistries.subject.notChecked')}</span>
                {view.isMasked ? <Tag>{t('dataRegistries.subject.masked')}</Tag> : null}
              </Space>
            </Card>
            <Card>
              <Fields
                view={view}
                onDispute={mayDispute ? (f) => setDisputing({ key: f.key, name: f.name, value: f.value, departmentName: f.authoritativeDepartmentName }) : undefined}
              />
            </Card>
          </>
        )}
      </QueryState>
      <RaiseDisputeModal
        field={disputing}
        path={registryPaths.subjectDisputes(registry, id)}
        onClose={() => setDisputing(undefined)}
        onDone={(d) => {
          setDisputing(undefined);
          void message.success(t('dataRegistries.raise.done', { number: d.number, date: formatDate(d.dueAt) }));
          void queryClient.invalidateQueries({ queryKey: registryKeys.all });
        }}
      />
    </>
  );
}
