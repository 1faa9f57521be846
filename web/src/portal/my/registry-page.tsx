import { useState } from 'react';
import { Alert, App, Button, Card, List, Space, Switch, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { MyRegistryField, MyRegistryView, RegistryDisputeView } from '@zhengtong/contracts';
import { formatDate, formatDateTime } from '../../shared/format';
import { PageHeader } from '../../shared/ui/page-header';
import { QueryState } from '../../shared/ui/query-state';
import { registryKeys, registryPaths, useMyRegistry } from './registry-api';
import { RaiseDisputeModal, type DisputedField } from './registry-dispute-modal';
import { DisputeStatusTag, ValueText } from './registry-labels';

function MyDisputes({ disputes }: { disputes: RegistryDisputeView[] }) {
  const { t } = useTranslation();
  return (
    <Card title={t('dataRegistries.my.disputesTitle')} style={{ marginTop: 16 }}>
      <List
        dataSource={disputes}
        locale={{ emptyText: t('dataRegistries.my.disputesEmpty') }}
        renderItem={(d) => (
          <List.Item key={d.id} data-testid={`dispute-${d.fieldKey}`}>
            <List.Item.Meta
              title={
                <Space wrap>
                  <span>{d.fieldName}</span>
                  <DisputeStatusTag status={d.status} />
                  <span className="zt-code zt-muted">{d.number}</span>
                </Space>
              }
              description={
                <Space direction="vertical" size={2}>
                  <span>
                    {t('dataRegistries.dispute.facts.claimed')}
                    {t('common.colon')}
                    {d.claimedValue}
                  </span>
                  <span className="zt-muted">
                    {t('dataRegistries.dispute.facts.reason')}
                    {t('common.colon')}
                    {d.reason}
                  </span>
                  {d.status === 'open' ? (
                    <Space size={4} wrap>
                      <span>{t('dataRegistries.my.dueBy', { date: formatDate(d.dueAt) })}</span>
                      {d.isOverdue ? <Tag color="error">{t('dataRegistries.disputes.overdue')}</Tag> : null}
                    </Space>
                  ) : null}
                  {d.status === 'corrected' && d.correctedValue !== null ? <span>{t('dataRegistries.my.correctedTo', { value: d.correctedValue })}</span> : null}
                  {d.decisionNote ? <span>{t('dataRegistries.my.decision', { note: d.decisionNote })}</span> : null}
                  {d.decidedAt ? <span className="zt-muted">{formatDateTime(d.decidedAt)}</span> : null}
                </Space>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}

function Record({ view, onDispute }: { view: MyRegistryView; onDispute: (f: MyRegistryField) => void }) {
  const { t } = useTranslation();
  const columns: TableProps<MyRegistryField>['columns'] = [
    { title: t('dataRegistries.my.columns.field'), dataIndex: 'name', width: 160 },
    {
      title: t('dataRegistries.my.columns.value'),
      key: 'value',
      render: (_v, f) => (
        <Space size={4} wrap>
          <ValueText value={f.value} />
          {f.isMasked ? <Tag>{t('dataRegistries.subject.masked')}</Tag> : null}
        </Space>
      ),
    },
    { title: t('dataRegistries.my.columns.source'), dataIndex: 'sourceName', width: 150, render: (v: string | null) => v ?? '—' },
    { title: t('dataRegistries.my.columns.updated'), dataIndex: 'observedAt', width: 130, render: (v: string | null) => formatDate(v) || '—' },
    {
      title: t('dataRegistries.my.columns.actions'),
      key: 'actions',
      width: 200,
      render: (_v, f) =>
        f.openDispute ? (
          <Space size={4} wrap>
            <Tag color="processing">{t('dataRegistries.my.disputeOpen')}</Tag>
            <span className="zt-muted">{t('dataRegistries.my.dueBy', { date: formatDate(f.openDispute.dueAt) })}</span>
          </Space>
        ) : f.canDispute ? (
          <Button size="small" onClick={() => onDispute(f)} aria-label={t('dataRegistries.my.disputeNamed', { field: f.name })}>
            {t('dataRegistries.my.dispute')}
          </Button>
        ) : null,
    },
  ];
  return (
    <>
      {view.isCatalogued ? null : <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('dataRegistries.my.notCatalogued')} />}
      <Card
        title={
          <Space wrap>
            <span>{t(`dataRegistries.keyLabel.${view.registry}`)}</span>
            <span className="zt-code">{view.key}</span>
          </Space>
        }
      >
        <Table<MyRegistryField> rowKey="key" columns={columns} dataSource={view.fields} pagination={false} scroll={{ x: 760 }} />
      </Card>
      <MyDisputes disputes={view.disputes} />
    </>
  );
}

/** 我的基础信息: the person or entity registry's record about the signed-in citizen or enterprise, with 有异议. */
export function MyRegistryPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [reveal, setReveal] = useState(false);
  const [disputing, setDisputing] = useState<DisputedField>();
  const record = useMyRegistry(reveal);
  const isEntity = record.data?.registry === 'entity';
  return (
    <>
      <PageHeader
        title={isEntity ? t('dataRegistries.my.enterpriseTitle') : t('dataRegistries.my.title')}
        description={isEntity ? t('dataRegistries.my.enterpriseIntro') : t('dataRegistries.my.intro')}
        extra={
          <Space>
            <Switch checked={reveal} onChange={setReveal} aria-label={t('dataRegistries.my.reveal')} />
            <span>{t('dataRegistries.my.reveal')}</span>
          </Space>
        }
      />
      <Typography.Paragraph type="secondary">{t('dataRegistries.my.revealHint')}</Typography.Paragraph>
      <QueryState query={record} isEmpty={(d) => !d.isFound} emptyText={t('dataRegistries.my.notFound')} rows={8}>
        {(view) => (
          <Record
            view={view}
            onDispute={(f) => setDisputing({ key: f.key, name: f.name, value: f.value, departmentName: f.authorityName })}
          />
        )}
      </QueryState>
      <RaiseDisputeModal
        field={disputing}
        path={registryPaths.myDisputes}
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
