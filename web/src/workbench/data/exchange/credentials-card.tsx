import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Modal, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { KeyOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { createExchangeClientInput, dataExchangeMessages, type ExchangeClientSecretView, type ExchangeClientView } from '@zhengtong/contracts';
import { api } from '../../../shared/api/client';
import { currentLocale, useRules } from '../../../shared/forms/rules';
import { useFormProblem } from '../../../shared/forms/use-form-problem';
import { formatDateTime } from '../../../shared/format';
import { ProblemAlert } from '../../../shared/ui/problem-alert';
import { QueryState } from '../../../shared/ui/query-state';
import { exchangeKeys, exchangePaths, useClients } from './api';

/** The secret, once: copyable, with a call example; closing the dialog forgets it. */
function SecretModal({ shown, onClose }: { shown: ExchangeClientSecretView | null; onClose: () => void }) {
  const { t } = useTranslation();
  const example = shown
    ? `curl -u '${shown.client.clientId}:${shown.secret}' -H 'Content-Type: application/json' \\\n  -d '{"resource":"539900-SJ-0001","keys":["…"],"purpose":"…"}' \\\n  ${window.location.origin}${exchangePaths.query}`
    : '';
  return (
    <Modal open={shown !== null} title={t('dataExchange.clients.secretTitle')} onCancel={onClose} footer={<Button type="primary" onClick={onClose}>{t('dataExchange.clients.saved')}</Button>} destroyOnHidden width={680}>
      {shown ? (
        <>
          <Alert type="warning" showIcon title={t('dataExchange.clients.secretWarning')} style={{ marginBottom: 16 }} />
          <Typography.Paragraph>
            {t('dataExchange.clients.clientId')}
            {t('common.colon')}
            <Typography.Text code copyable className="zt-code" data-testid="client-id">
              {shown.client.clientId}
            </Typography.Text>
          </Typography.Paragraph>
          <Typography.Paragraph>
            {t('dataExchange.clients.secret')}
            {t('common.colon')}
            <Typography.Text code copyable className="zt-code" data-testid="client-secret">
              {shown.secret}
            </Typography.Text>
          </Typography.Paragraph>
          <Typography.Paragraph type="secondary">{t('dataExchange.clients.example')}</Typography.Paragraph>
          <pre className="zt-code" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all', fontSize: '0.85em' }}>
            {example}
          </pre>
        </>
      ) : null}
    </Modal>
  );
}

function CreateModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (v: ExchangeClientSecretView) => void }) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<{ name: string }>();
  const rules = useRules();
  const problem = useFormProblem(form, ['name'], dataExchangeMessages[currentLocale(i18n.language)]);
  const create = useMutation({
    mutationFn: (v: { name: string }) => api.post<ExchangeClientSecretView>(exchangePaths.clients, { name: v.name.trim() }),
    onMutate: () => problem.clear(),
    onSuccess: (v) => {
      form.resetFields();
      onCreated(v);
    },
    onError: problem.handle,
  });
  return (
    <Modal open={open} title={t('dataExchange.clients.create')} okText={t('dataExchange.clients.createOk')} okButtonProps={{ loading: create.isPending }} cancelText={t('common.actions.cancel')} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      {problem.alert}
      <Form form={form} layout="vertical" onFinish={(v) => create.mutate(v)}>
        <Form.Item name="name" label={t('dataExchange.clients.name')} extra={t('dataExchange.clients.nameHelp')} rules={[rules.required(), rules.schema(createExchangeClientInput.shape.name)]}>
          <Input maxLength={60} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 接口凭证 of the consumer's department: create, rotate (new secret, the old one stops at once), revoke. */
export function CredentialsCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const clients = useClients();
  const [isCreating, setCreating] = useState(false);
  const [shown, setShown] = useState<ExchangeClientSecretView | null>(null);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: exchangeKeys.clients });
  const rotate = useMutation({
    mutationFn: (c: ExchangeClientView) => api.post<ExchangeClientSecretView>(exchangePaths.client(c.id, 'rotate'), { version: c.version }),
    onSuccess: (v) => {
      setShown(v);
      refresh();
    },
  });
  const revoke = useMutation({
    mutationFn: (c: ExchangeClientView) => api.post<ExchangeClientView>(exchangePaths.client(c.id, 'revoke'), { version: c.version }),
    onSuccess: () => {
      void message.success(t('dataExchange.clients.revoked'));
      refresh();
    },
  });
  const columns: TableProps<ExchangeClientView>['columns'] = [
    { title: t('dataExchange.clients.name'), dataIndex: 'name', width: 200 },
    { title: t('dataExchange.clients.clientId'), dataIndex: 'clientId', width: 320, render: (v: string) => <Typography.Text className="zt-code" copyable>{v}</Typography.Text> },
    { title: t('dataExchange.clients.hint'), dataIndex: 'secretHint', width: 120, render: (v: string) => <span className="zt-code">…{v}</span> },
    {
      title: t('dataExchange.clients.status'),
      dataIndex: 'status',
      width: 100,
      render: (v: ExchangeClientView['status']) => <Tag color={v === 'active' ? 'success' : 'default'}>{t(`dataExchange.clients.statuses.${v}`)}</Tag>,
    },
    { title: t('dataExchange.clients.createdAt'), key: 'created', width: 220, render: (_v, c) => `${formatDateTime(c.createdAt)}${c.createdBy ? ` · ${c.createdBy}` : ''}` },
    { title: t('dataExchange.clients.rotatedAt'), dataIndex: 'rotatedAt', width: 150, render: (v: string | null) => formatDateTime(v) || '—' },
    {
      title: t('common.columns.actions'),
      key: 'actions',
      width: 200,
      render: (_v, c) =>
        c.status === 'active' ? (
          <Space>
            <Popconfirm title={t('dataExchange.clients.rotateConfirm')} okText={t('dataExchange.clients.rotate')} cancelText={t('common.actions.cancel')} onConfirm={() => rotate.mutate(c)}>
              <Button size="small" icon={<KeyOutlined />} aria-label={t('dataExchange.clients.rotateNamed', { name: c.name })}>
                {t('dataExchange.clients.rotate')}
              </Button>
            </Popconfirm>
            <Popconfirm title={t('dataExchange.clients.revokeConfirm')} okText={t('dataExchange.clients.revoke')} okButtonProps={{ danger: true }} cancelText={t('common.actions.cancel')} onConfirm={() => revoke.mutate(c)}>
              <Button size="small" danger aria-label={t('dataExchange.clients.revokeNamed', { name: c.name })}>
                {t('dataExchange.clients.revoke')}
              </Button>
            </Popconfirm>
          </Space>
        ) : null,
    },
  ];
  const createButton = (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
      {t('dataExchange.clients.create')}
    </Button>
  );
  return (
    <Card title={t('dataExchange.clients.title')} extra={createButton} style={{ marginTop: 16 }}>
      <Typography.Paragraph type="secondary">{t('dataExchange.clients.intro', { path: exchangePaths.query })}</Typography.Paragraph>
      <ProblemAlert error={rotate.error ?? revoke.error} />
      <QueryState query={clients} isEmpty={(d) => d.total === 0} emptyText={t('dataExchange.clients.empty')} rows={2}>
        {(data) => <Table<ExchangeClientView> rowKey="id" size="small" columns={columns} dataSource={data.items} pagination={false} scroll={{ x: 1100 }} />}
      </QueryState>
      <CreateModal
        open={isCreating}
        onClose={() => setCreating(false)}
        onCreated={(v) => {
          setCreating(false);
          setShown(v);
          refresh();
        }}
      />
      <SecretModal shown={shown} onClose={() => setShown(null)} />
    </Card>
  );
}
