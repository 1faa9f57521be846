import { useState } from 'react';
import { Alert, App, Breadcrumb, Button, Card, Descriptions, Space, Table, Tag, Timeline } from 'antd';
import type { TableProps } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { maskingKindNames, shareRequestActionNames, shareTypeNames, type ShareFieldView, type ShareRequestView } from '@zhengtong/contracts';
import { currentLocale } from '../../../shared/forms/rules';
import { formatDateTime } from '../../../shared/format';
import { ButtonLink } from '../../../shared/ui/button-link';
import { PageHeader } from '../../../shared/ui/page-header';
import { QueryState } from '../../../shared/ui/query-state';
import { exchangeKeys, useShareRequest } from './api';
import { DecisionModal, type DecisionKind } from './decision-modal';
import { Deadline, RequestStatusTag } from './tags';

function Fields({ request }: { request: ShareRequestView }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  const willBeMasked = (f: ShareFieldView) => {
    if (f.masking === 'none') return null;
    const isPlain = request.status === 'approved' ? request.unmaskedFields.includes(f.key) && f.masking !== 'hidden' : false;
    return isPlain ? <Tag color="orange">{t('dataExchange.fields.plain')}</Tag> : <Tag>{t('dataExchange.fields.masked', { kind: maskingKindNames[f.masking][locale] })}</Tag>;
  };
  const columns: TableProps<ShareFieldView>['columns'] = [
    { title: t('dataExchange.fields.name'), dataIndex: 'name', width: 180 },
    { title: t('dataExchange.fields.key'), dataIndex: 'key', width: 160, render: (v: string) => <span className="zt-code">{v}</span> },
    { title: t('dataExchange.fields.shareType'), dataIndex: 'shareType', width: 140, render: (v: ShareFieldView['shareType']) => shareTypeNames[v][locale] },
    {
      title: t('dataExchange.fields.delivery'),
      key: 'delivery',
      render: (_v, f) => (
        <Space size={4}>
          {willBeMasked(f) ?? <span className="zt-muted">{t('dataExchange.fields.asIs')}</span>}
          {request.unmaskedRequested.includes(f.key) ? <Tag color="gold">{t('dataExchange.fields.askedPlain')}</Tag> : null}
        </Space>
      ),
    },
  ];
  return <Table<ShareFieldView> rowKey="key" size="small" columns={columns} dataSource={request.fields} pagination={false} scroll={{ x: 700 }} />;
}

function History({ request }: { request: ShareRequestView }) {
  const { i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  return (
    <Timeline
      items={request.history.map((h) => ({
        color: h.action.endsWith('Refuse') ? 'red' : h.action === 'withdraw' ? 'gray' : 'blue',
        content: (
          <>
            <strong>{shareRequestActionNames[h.action][locale]}</strong> · {formatDateTime(h.at)}
            <div className="zt-muted">{[h.departmentName, h.actorName].filter(Boolean).join(' · ')}</div>
            {h.note ? <div>{h.note}</div> : null}
          </>
        ),
      }))}
    />
  );
}

/** 共享申请详情: what was asked for and on what terms, whose turn it is and until when, the history, the decisions. */
export function RequestPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const request = useShareRequest(id);
  const [decision, setDecision] = useState<DecisionKind | undefined>(undefined);
  const reload = () => void queryClient.invalidateQueries({ queryKey: exchangeKeys.all });
  return (
    <QueryState query={request} rows={8}>
      {(r) => (
        <>
          <Breadcrumb items={[{ title: <Link to="/workbench/data/share-requests">{t('dataExchange.title')}</Link> }, { title: r.number }]} style={{ marginBottom: 8 }} />
          <PageHeader
            title={t('dataExchange.detail.title', { name: r.resourceName })}
            description={
              <Space wrap>
                <RequestStatusTag status={r.status} />
                <span className="zt-code">{r.number}</span>
                <Deadline dueAt={r.dueAt} isOverdue={r.isOverdue} />
              </Space>
            }
            extra={
              <Space wrap>
                {r.allowed.review ? (
                  <Button type="primary" onClick={() => setDecision('review')}>
                    {t('dataExchange.detail.review')}
                  </Button>
                ) : null}
                {r.allowed.answer ? (
                  <Button type="primary" onClick={() => setDecision('answer')}>
                    {t('dataExchange.detail.answer')}
                  </Button>
                ) : null}
                {r.allowed.withdraw ? <Button onClick={() => setDecision('withdraw')}>{t('dataExchange.detail.withdraw')}</Button> : null}
                {r.grantId ? <ButtonLink to={`/workbench/data/share-requests?tab=grants`}>{t('dataExchange.detail.grant')}</ButtonLink> : null}
              </Space>
            }
          />
          {r.refusalReason ? <Alert type="error" showIcon title={t('dataExchange.detail.refused')} description={r.refusalReason} style={{ marginBottom: 16 }} /> : null}
          <Card title={t('dataExchange.detail.facts')} style={{ marginBottom: 16 }}>
            <Descriptions column={{ xs: 1, md: 2 }} size="small">
              <Descriptions.Item label={t('dataExchange.facts.resource')}>
                {r.resourceName} <span className="zt-code zt-muted">{r.resourceCode}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('dataExchange.facts.kind')}>{r.isConditional ? t('dataExchange.requests.conditional') : t('dataExchange.requests.unconditional')}</Descriptions.Item>
              <Descriptions.Item label={t('dataExchange.facts.provider')}>{r.providerName}</Descriptions.Item>
              <Descriptions.Item label={t('dataExchange.facts.consumer')}>
                {r.consumerName}
                {r.requestedBy ? ` · ${r.requestedBy}` : ''}
              </Descriptions.Item>
              <Descriptions.Item label={t('dataExchange.facts.purpose')} span={2}>
                {r.purpose}
              </Descriptions.Item>
              <Descriptions.Item label={t('dataExchange.facts.legalBasis')} span={2}>
                {r.legalBasis || t('common.none')}
              </Descriptions.Item>
              {r.resourceLegalBasis ? (
                <Descriptions.Item label={t('dataExchange.facts.resourceBasis')} span={2}>
                  {r.resourceLegalBasis}
                </Descriptions.Item>
              ) : null}
              <Descriptions.Item label={t('dataExchange.facts.period')}>{`${r.validFrom} ~ ${r.validTo}`}</Descriptions.Item>
              <Descriptions.Item label={t('dataExchange.facts.volume')}>{t('dataExchange.facts.perDay', { n: r.expectedDailyVolume })}</Descriptions.Item>
              <Descriptions.Item label={t('dataExchange.facts.platformDue')}>{formatDateTime(r.platformDueAt)}</Descriptions.Item>
              {r.providerDueAt ? <Descriptions.Item label={t('dataExchange.facts.providerDue')}>{formatDateTime(r.providerDueAt)}</Descriptions.Item> : null}
              {r.rateLimitPerSecond !== null ? (
                <Descriptions.Item label={t('dataExchange.facts.limits')}>{t('dataExchange.facts.limitsText', { rate: r.rateLimitPerSecond, quota: r.dailyQuota ?? 0 })}</Descriptions.Item>
              ) : null}
              <Descriptions.Item label={t('dataExchange.facts.submittedAt')}>{formatDateTime(r.createdAt)}</Descriptions.Item>
            </Descriptions>
          </Card>
          <Card title={t('dataExchange.detail.fields', { n: r.fields.length })} style={{ marginBottom: 16 }}>
            <Fields request={r} />
          </Card>
          <Card title={t('dataExchange.detail.history')}>
            <History request={r} />
          </Card>
          <DecisionModal
            kind={decision}
            request={r}
            onClose={() => setDecision(undefined)}
            onReload={() => {
              setDecision(undefined);
              reload();
            }}
            onDone={(next) => {
              setDecision(undefined);
              queryClient.setQueryData(exchangeKeys.request(next.id), next);
              reload();
              void message.success(next.status === 'approved' ? t('dataExchange.decision.approvedNow') : t('dataExchange.decision.done'));
            }}
          />
        </>
      )}
    </QueryState>
  );
}
