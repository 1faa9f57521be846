import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Modal, Popconfirm, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { KeyOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { createApiKeyInput, type ApiKeyView, type CreatedApiKey, type OpenApplicationView } from '@zhengtong/contracts';
import { useSignedInMe } from '../auth/require-session';
import { api } from '../shared/api/client';
import { currentLocale, useRules } from '../shared/forms/rules';
import { useFormProblem } from '../shared/forms/use-form-problem';
import { formatDate, formatDateTime } from '../shared/format';
import { PageHeader } from '../shared/ui/page-header';
import { ProblemAlert } from '../shared/ui/problem-alert';
import { QueryState } from '../shared/ui/query-state';
import { curlExample, openKeys, openPages, openPaths, useApiKeys, useMyApplications } from './api';
import { openLabel, statusColor } from './labels';

type NameValues = { name: string };

/** Names a new key; on success shows the key once, with a copy button and the warning that it will not be shown again. */
function CreateKey({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<NameValues>();
  const rules = useRules();
  const problem = useFormProblem(form, ['name']);
  const queryClient = useQueryClient();
  const [created, setCreated] = useState<CreatedApiKey | undefined>(undefined);
  const create = useMutation({
    mutationFn: (v: NameValues) => api.post<CreatedApiKey>(openPaths.keys, { name: v.name.trim() }),
    onMutate: () => problem.clear(),
    onSuccess: (key) => {
      setCreated(key);
      void queryClient.invalidateQueries({ queryKey: openKeys.keys });
    },
    onError: problem.handle,
  });
  const close = () => {
    setCreated(undefined);
    form.resetFields();
    problem.clear();
    onClose();
  };
  if (created) {
    return (
      <Modal open={open} title={t('openData.developer.keys.createdTitle')} onCancel={close} footer={<Button type="primary" onClick={close}>{t('openData.developer.keys.done')}</Button>} destroyOnHidden>
        <Alert type="warning" showIcon title={t('openData.developer.keys.createdWarning')} style={{ marginBottom: 16 }} />
        <Typography.Paragraph>
          <Typography.Text code copyable={{ text: created.secret, tooltips: [t('openData.developer.keys.copy'), t('openData.developer.keys.copied')] }} style={{ wordBreak: 'break-all', fontSize: '1.05em' }} data-testid="new-api-key">
            {created.secret}
          </Typography.Text>
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary">{t('openData.developer.keys.usage')}</Typography.Paragraph>
        <pre className="zt-pre" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
          {curlExample(window.location.origin, null, created.secret)}
        </pre>
      </Modal>
    );
  }
  return (
    <Modal
      open={open}
      title={t('openData.developer.keys.create')}
      okText={t('openData.developer.keys.create')}
      okButtonProps={{ loading: create.isPending }}
      cancelText={t('common.actions.cancel')}
      onOk={() => form.submit()}
      onCancel={close}
      destroyOnHidden
    >
      {problem.alert}
      <Form<NameValues> form={form} layout="vertical" onFinish={(v) => create.mutate(v)}>
        <Form.Item name="name" label={t('openData.developer.keys.name')} extra={t('openData.developer.keys.nameHelp')} rules={[rules.required(), rules.schema(createApiKeyInput.shape.name)]}>
          <Input maxLength={40} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function Keys() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const keys = useApiKeys();
  const queryClient = useQueryClient();
  const [isCreating, setCreating] = useState(false);
  const revoke = useMutation({
    mutationFn: (id: string) => api.post<ApiKeyView>(openPaths.revokeKey(id)),
    onSuccess: () => {
      void message.success(t('openData.developer.keys.revokedDone'));
      void queryClient.invalidateQueries({ queryKey: openKeys.keys });
    },
  });
  const columns: TableProps<ApiKeyView>['columns'] = [
    { title: t('openData.developer.keys.columns.name'), dataIndex: 'name' },
    { title: t('openData.developer.keys.columns.prefix'), dataIndex: 'prefix', render: (v: string) => <span className="zt-code">{v}…</span> },
    { title: t('openData.developer.keys.columns.status'), dataIndex: 'status', render: (v: ApiKeyView['status']) => <Tag color={v === 'active' ? 'green' : 'default'}>{t(`openData.developer.keys.${v}`)}</Tag> },
    { title: t('openData.developer.keys.columns.today'), key: 'today', render: (_v, k) => t('openData.developer.keys.todayValue', { used: k.usedToday, quota: k.dailyQuota }) },
    { title: t('openData.developer.keys.columns.total'), dataIndex: 'callCount' },
    { title: t('openData.developer.keys.columns.lastUsed'), dataIndex: 'lastUsedAt', render: (v: string | null) => formatDateTime(v) || t('common.none') },
    { title: t('openData.developer.keys.columns.created'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
    {
      title: t('common.columns.actions'),
      key: 'actions',
      render: (_v, k) =>
        k.status === 'active' ? (
          <Popconfirm title={t('openData.developer.keys.revokeConfirm', { name: k.name })} okText={t('openData.developer.keys.revoke')} okButtonProps={{ danger: true }} cancelText={t('common.actions.cancel')} onConfirm={() => revoke.mutateAsync(k.id)}>
            <Button size="small" danger aria-label={t('openData.developer.keys.revokeNamed', { name: k.name })}>
              {t('openData.developer.keys.revoke')}
            </Button>
          </Popconfirm>
        ) : null,
    },
  ];
  return (
    <Card
      title={<h2 style={{ fontSize: '1.1em', margin: 0 }}><KeyOutlined aria-hidden /> {t('openData.developer.keys.title')}</h2>}
      extra={
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
          {t('openData.developer.keys.create')}
        </Button>
      }
      style={{ marginBottom: 16 }}
    >
      {revoke.isError ? <ProblemAlert error={revoke.error} /> : null}
      <QueryState query={keys} isEmpty={(d) => d.items.length === 0} emptyText={t('openData.developer.keys.empty')}>
        {(data) => <Table<ApiKeyView> rowKey="id" size="small" pagination={false} dataSource={data.items} columns={columns} scroll={{ x: 'max-content' }} />}
      </QueryState>
      <CreateKey open={isCreating} onClose={() => setCreating(false)} />
    </Card>
  );
}

function Applications() {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const applications = useMyApplications({ page, pageSize: 10 });
  const queryClient = useQueryClient();
  const withdraw = useMutation({
    mutationFn: (a: OpenApplicationView) => api.post<OpenApplicationView>(openPaths.withdraw(a.id), { version: a.version }),
    onSuccess: () => {
      void message.success(t('openData.developer.applications.withdrawn'));
      void queryClient.invalidateQueries({ queryKey: openKeys.all });
    },
  });
  const columns: TableProps<OpenApplicationView>['columns'] = [
    { title: t('openData.developer.applications.columns.dataset'), key: 'dataset', render: (_v, a) => <Link to={openPages.dataset(a.datasetCode)}>{a.datasetName}</Link> },
    { title: t('openData.developer.applications.columns.status'), dataIndex: 'status', render: (v: OpenApplicationView['status']) => <Tag color={statusColor[v]}>{openLabel.status(v, locale)}</Tag> },
    { title: t('openData.developer.applications.columns.months'), dataIndex: 'months', render: (v: number) => t('openData.developer.applications.monthsValue', { count: v }) },
    { title: t('openData.developer.applications.columns.submitted'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
    { title: t('openData.developer.applications.columns.decided'), dataIndex: 'decidedAt', render: (v: string | null) => formatDateTime(v) },
    { title: t('openData.developer.applications.columns.validUntil'), dataIndex: 'validUntil', render: (v: string | null) => formatDate(v) },
    { title: t('openData.developer.applications.columns.note'), dataIndex: 'decisionNote' },
    {
      title: t('common.columns.actions'),
      key: 'actions',
      render: (_v, a) =>
        a.status === 'pending' ? (
          <Popconfirm title={t('openData.developer.applications.withdrawConfirm', { name: a.datasetName })} okText={t('openData.developer.applications.withdraw')} cancelText={t('common.actions.cancel')} onConfirm={() => withdraw.mutateAsync(a)}>
            <Button size="small">{t('openData.developer.applications.withdraw')}</Button>
          </Popconfirm>
        ) : null,
    },
  ];
  return (
    <Card title={<h2 style={{ fontSize: '1.1em', margin: 0 }}>{t('openData.developer.applications.title')}</h2>}>
      {withdraw.isError ? <ProblemAlert error={withdraw.error} /> : null}
      <QueryState query={applications} isEmpty={(d) => d.total === 0} emptyText={t('openData.developer.applications.empty')}>
        {(data) => (
          <Table<OpenApplicationView>
            rowKey="id"
            size="small"
            dataSource={data.items}
            columns={columns}
            scroll={{ x: 'max-content' }}
            pagination={data.total > 10 ? { current: page, pageSize: 10, total: data.total, onChange: setPage, showSizeChanger: false } : false}
          />
        )}
      </QueryState>
    </Card>
  );
}

/** 开发者中心: the developer's API keys and applications for restricted data. */
export function DeveloperPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  return (
    <div className="zt-content">
      <PageHeader title={t('openData.developer.title')} description={t('openData.developer.intro')} />
      {me.enterpriseId && me.accountType === 'citizen' ? <Alert type="info" showIcon title={t('openData.developer.acting')} style={{ marginBottom: 16 }} /> : null}
      <Keys />
      <Applications />
    </div>
  );
}
