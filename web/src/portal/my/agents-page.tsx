import { useState } from 'react';
import { App, Button, Card, DatePicker, Form, Input, Popconfirm, Table } from 'antd';
import type { TableProps } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { grantAgentInput, realNameSchema, type agentView } from '@zhengtong/contracts';
import { api } from '../../shared/api/client';
import { formatDate, formatDateTime } from '../../shared/format';
import { useFormProblem } from '../../shared/forms/use-form-problem';
import { useRules } from '../../shared/forms/rules';
import { PageHeader } from '../../shared/ui/page-header';
import { QueryState } from '../../shared/ui/query-state';
import { IdNumberField } from '../../auth/fields/id-number-field';

type Agent = z.infer<typeof agentView>;
type Values = { name: string; idNumber: string; validUntil?: Dayjs };
const agentsKey = ['enterprise-agents'] as const;
const formFields = Object.keys(grantAgentInput.shape);

function GrantForm() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const rules = useRules();
  const problem = useFormProblem(form, formFields);
  const queryClient = useQueryClient();
  const grant = useMutation({
    mutationFn: (v: Values) =>
      api.post<{ id: string }>('/api/enterprise-agents', { name: v.name, idNumber: v.idNumber, validUntil: v.validUntil?.format('YYYY-MM-DD') }),
    onMutate: () => problem.clear(),
    onSuccess: () => {
      form.resetFields();
      void message.success(t('portal.my.agents.granted'));
      void queryClient.invalidateQueries({ queryKey: agentsKey });
    },
    onError: problem.handle,
  });
  return (
    <Card title={t('portal.my.agents.grantTitle')}>
      {problem.alert}
      <Form<Values> form={form} layout="vertical" onFinish={(v) => grant.mutate(v)} style={{ maxWidth: 520 }}>
        <Form.Item name="name" label={t('portal.my.agents.name')} rules={[rules.required(), rules.schema(realNameSchema)]}>
          <Input autoComplete="off" />
        </Form.Item>
        <IdNumberField name="idNumber" label={t('portal.my.agents.idNumber')} />
        <Form.Item name="validUntil" label={`${t('portal.my.agents.validUntil')} ${t('common.optional')}`} extra={t('portal.my.agents.validUntilHelp')}>
          <DatePicker disabledDate={(d) => d.isBefore(new Date(), 'day')} style={{ width: '100%' }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={grant.isPending}>
          {t('portal.my.agents.grant')}
        </Button>
      </Form>
    </Card>
  );
}

/** 经办人管理: the enterprise (its legal representative's account) names who may act for it. */
export function AgentsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [revoking, setRevoking] = useState<string>();
  const agents = useQuery({ queryKey: agentsKey, queryFn: () => api.get<{ items: Agent[] }>('/api/enterprise-agents') });
  const revoke = useMutation({
    mutationFn: (id: string) => api.delete(`/api/enterprise-agents/${id}`),
    onMutate: (id) => setRevoking(id),
    onSettled: () => setRevoking(undefined),
    onSuccess: () => {
      void message.success(t('portal.my.agents.revoked'));
      void queryClient.invalidateQueries({ queryKey: agentsKey });
    },
    onError: (error) => void message.error(error.message),
  });
  const columns: TableProps<Agent>['columns'] = [
    { title: t('portal.my.agents.name'), dataIndex: 'personName' },
    { title: t('portal.my.agents.validUntil'), dataIndex: 'validUntil', render: (v: string | null) => (v ? formatDate(v) : t('portal.my.agents.noExpiry')) },
    { title: t('portal.my.agents.grantedAt'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
    {
      title: t('common.columns.actions'),
      key: 'actions',
      render: (_v, r) => (
        <Popconfirm
          title={t('portal.my.agents.revokeConfirm', { name: r.personName })}
          okText={t('common.actions.confirm')}
          cancelText={t('common.actions.cancel')}
          onConfirm={() => revoke.mutate(r.id)}
        >
          <Button danger size="small" loading={revoking === r.id} aria-label={t('portal.my.agents.revokeLabel', { name: r.personName })}>
            {t('portal.my.agents.revoke')}
          </Button>
        </Popconfirm>
      ),
    },
  ];
  return (
    <>
      <PageHeader title={t('portal.my.agents.title')} description={t('portal.my.agents.intro')} />
      <Card style={{ marginBottom: 16 }}>
        <QueryState query={agents} isEmpty={(d) => d.items.length === 0} emptyText={t('portal.my.agents.empty')}>
          {(data) => <Table<Agent> rowKey="id" columns={columns} dataSource={data.items} pagination={false} scroll={{ x: 560 }} />}
        </QueryState>
      </Card>
      <GrantForm />
    </>
  );
}
