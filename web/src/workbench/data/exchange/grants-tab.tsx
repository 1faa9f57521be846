import { useEffect, useState } from 'react';
import { App, Button, Form, Input, InputNumber, Modal, Segmented, Space, Table, Tag } from 'antd';
import type { TableProps } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { dataExchangeMessages, type ExchangeGrantStatus, type ExchangeGrantView } from '@zhengtong/contracts';
import { api } from '../../../shared/api/client';
import { currentLocale, useRules } from '../../../shared/forms/rules';
import { useFormProblem } from '../../../shared/forms/use-form-problem';
import { QueryState } from '../../../shared/ui/query-state';
import { exchangeKeys, exchangePaths, useGrants } from './api';
import { GrantStatusTag } from './tags';

const PAGE_SIZE = 20;
export type GrantView = 'mine' | 'provided' | 'all';

type Change = { kind: 'revoke' | 'limits'; grant: ExchangeGrantView };
type Values = { reason?: string; rateLimitPerSecond?: number; dailyQuota?: number };

/** 撤销 (platform or provider, with a reason) or 调整限额 (platform) of one grant. */
function ChangeModal({ change, onClose, onDone }: { change: Change | undefined; onClose: () => void; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<Values>();
  const rules = useRules();
  const problem = useFormProblem(form, ['reason', 'rateLimitPerSecond', 'dailyQuota'], dataExchangeMessages[currentLocale(i18n.language)]);
  useEffect(() => {
    if (!change) return;
    problem.clear();
    form.resetFields();
    form.setFieldsValue({ rateLimitPerSecond: change.grant.rateLimitPerSecond, dailyQuota: change.grant.dailyQuota });
  }, [change]); // a fresh form per change
  const save = useMutation({
    mutationFn: (v: Values) => {
      if (!change) throw new Error('no grant');
      const { grant } = change;
      return change.kind === 'revoke'
        ? api.post(exchangePaths.revokeGrant(grant.id), { version: grant.version, reason: (v.reason ?? '').trim() })
        : api.put(exchangePaths.grantLimits(grant.id), { version: grant.version, rateLimitPerSecond: v.rateLimitPerSecond, dailyQuota: v.dailyQuota });
    },
    onMutate: () => problem.clear(),
    onSuccess: onDone,
    onError: problem.handle,
  });
  return (
    <Modal
      open={change !== undefined}
      title={change ? t(`dataExchange.grants.${change.kind}Title`, { name: change.grant.resourceName, consumer: change.grant.consumerName }) : ''}
      okText={change?.kind === 'revoke' ? t('dataExchange.grants.revoke') : t('common.actions.save')}
      okButtonProps={{ danger: change?.kind === 'revoke', loading: save.isPending }}
      cancelText={t('common.actions.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {problem.alert}
      <Form<Values> form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        {change?.kind === 'revoke' ? (
          <Form.Item name="reason" label={t('dataExchange.grants.reason')} extra={t('dataExchange.grants.revokeHelp')} rules={[rules.required()]}>
            <Input.TextArea maxLength={500} showCount autoSize={{ minRows: 2, maxRows: 5 }} autoFocus />
          </Form.Item>
        ) : (
          <Space wrap size="large">
            <Form.Item name="rateLimitPerSecond" label={t('dataExchange.decision.rateLimit')} rules={[rules.requiredChoice()]}>
              <InputNumber min={1} max={10_000} precision={0} style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name="dailyQuota" label={t('dataExchange.decision.dailyQuota')} rules={[rules.requiredChoice()]}>
              <InputNumber min={1} max={100_000_000} precision={0} style={{ width: 200 }} />
            </Form.Item>
          </Space>
        )}
      </Form>
    </Modal>
  );
}

/** 共享授权: what each grant lets read (fields, masked or not), until when, within which limits. */
export function GrantsTab({ views }: { views: readonly GrantView[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [view, setView] = useState<GrantView>(views[0] ?? 'mine');
  const [page, setPage] = useState(1);
  const [change, setChange] = useState<Change | undefined>(undefined);
  const list = useGrants({ view, page, pageSize: PAGE_SIZE });
  const columns: TableProps<ExchangeGrantView>['columns'] = [
    {
      title: t('dataExchange.grants.columns.resource'),
      key: 'resource',
      width: 240,
      render: (_v, g) => (
        <>
          <strong>{g.resourceName}</strong>
          <div className="zt-code zt-muted" style={{ fontSize: '0.85em' }}>
            {g.resourceCode} · <Link to={`/workbench/data/share-requests/${g.requestId}`}>{g.requestNumber}</Link>
          </div>
        </>
      ),
    },
    view === 'mine' ? { title: t('dataExchange.grants.columns.provider'), dataIndex: 'providerName', width: 180 } : { title: t('dataExchange.grants.columns.consumer'), dataIndex: 'consumerName', width: 180 },
    {
      title: t('dataExchange.grants.columns.fields'),
      key: 'fields',
      width: 320,
      render: (_v, g) => (
        <Space size={[4, 4]} wrap>
          {g.fields.map((f) => (
            <Tag key={f.key} color={f.masking === 'none' ? undefined : f.isMasked ? 'blue' : 'orange'}>
              {f.name}
              {f.masking === 'none' ? '' : f.isMasked ? t('dataExchange.grants.maskedSuffix') : t('dataExchange.grants.plainSuffix')}
            </Tag>
          ))}
        </Space>
      ),
    },
    { title: t('dataExchange.grants.columns.period'), key: 'period', width: 210, render: (_v, g) => `${g.validFrom} ~ ${g.validTo}` },
    { title: t('dataExchange.grants.columns.limits'), key: 'limits', width: 200, render: (_v, g) => t('dataExchange.facts.limitsText', { rate: g.rateLimitPerSecond, quota: g.dailyQuota }) },
    { title: t('dataExchange.grants.columns.status'), dataIndex: 'status', width: 100, render: (v: ExchangeGrantStatus) => <GrantStatusTag status={v} /> },
    {
      title: t('common.columns.actions'),
      key: 'actions',
      width: 180,
      render: (_v, g) => (
        <Space>
          {g.allowed.changeLimits ? (
            <Button size="small" onClick={() => setChange({ kind: 'limits', grant: g })} aria-label={t('dataExchange.grants.limitsNamed', { name: g.resourceName, consumer: g.consumerName })}>
              {t('dataExchange.grants.limits')}
            </Button>
          ) : null}
          {g.allowed.revoke ? (
            <Button size="small" danger onClick={() => setChange({ kind: 'revoke', grant: g })} aria-label={t('dataExchange.grants.revokeNamed', { name: g.resourceName, consumer: g.consumerName })}>
              {t('dataExchange.grants.revoke')}
            </Button>
          ) : null}
        </Space>
      ),
    },
  ];
  return (
    <>
      {views.length > 1 ? (
        <Segmented<GrantView>
          value={view}
          onChange={(v) => {
            setView(v);
            setPage(1);
          }}
          options={views.map((v) => ({ value: v, label: t(`dataExchange.grants.views.${v}`) }))}
          style={{ marginBottom: 12 }}
        />
      ) : null}
      <QueryState query={list} isEmpty={(d) => d.total === 0} emptyText={t(`dataExchange.grants.empty.${view}`)}>
        {(data) => (
          <Table<ExchangeGrantView>
            rowKey="id"
            columns={columns}
            dataSource={data.items}
            loading={list.isFetching}
            scroll={{ x: 1400 }}
            pagination={{ current: page, pageSize: PAGE_SIZE, total: data.total, onChange: setPage, showSizeChanger: false, showTotal: (total) => t('common.states.total', { total }) }}
          />
        )}
      </QueryState>
      <ChangeModal
        change={change}
        onClose={() => setChange(undefined)}
        onDone={() => {
          setChange(undefined);
          void message.success(t('common.states.saved'));
          void queryClient.invalidateQueries({ queryKey: exchangeKeys.all });
        }}
      />
    </>
  );
}
