import { useEffect, useState } from 'react';
import { App, Button, Form, Input, Modal, Popconfirm, Radio, Segmented, Select, Space, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { createShareDemandInput, dataExchangeMessages, type DepartmentOption, type ShareDemandStatus, type ShareDemandView } from '@zhengtong/contracts';
import { useSignedInMe } from '../../../auth/require-session';
import { api } from '../../../shared/api/client';
import { currentLocale, useRules } from '../../../shared/forms/rules';
import { useFormProblem } from '../../../shared/forms/use-form-problem';
import { formatDateTime } from '../../../shared/format';
import { ProblemAlert } from '../../../shared/ui/problem-alert';
import { QueryState } from '../../../shared/ui/query-state';
import { exchangeKeys, exchangePaths, useShareDemands } from './api';
import { Deadline, DemandStatusTag } from './tags';

const PAGE_SIZE = 20;
export type DemandView = 'mine' | 'addressed' | 'all';

type FileValues = { providerDepartmentId: string; title: string; description: string; fieldsWanted?: string; purpose: string };
type AnswerValues = { decision: 'approve' | 'refuse'; resourceCode?: string; reason?: string };

function FileModal({ open, onClose, onFiled }: { open: boolean; onClose: () => void; onFiled: () => void }) {
  const { t, i18n } = useTranslation();
  const me = useSignedInMe();
  const [form] = Form.useForm<FileValues>();
  const rules = useRules();
  const problem = useFormProblem(form, ['providerDepartmentId', 'title', 'description', 'fieldsWanted', 'purpose'], dataExchangeMessages[currentLocale(i18n.language)]);
  const departments = useQuery({ queryKey: ['departments', 'options'], queryFn: () => api.get<{ items: DepartmentOption[] }>('/api/departments/options'), enabled: open });
  useEffect(() => {
    if (!open) return;
    problem.clear();
    form.resetFields();
  }, [open]); // a fresh form each time
  const file = useMutation({
    mutationFn: (v: FileValues) => api.post(exchangePaths.demands, { ...v, fieldsWanted: v.fieldsWanted ?? '' }),
    onMutate: () => problem.clear(),
    onSuccess: onFiled,
    onError: problem.handle,
  });
  const shape = createShareDemandInput.shape;
  return (
    <Modal open={open} title={t('dataExchange.demands.new')} okText={t('dataExchange.demands.submit')} okButtonProps={{ loading: file.isPending }} cancelText={t('common.actions.cancel')} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden width={640}>
      <Typography.Paragraph type="secondary">{t('dataExchange.demands.intro')}</Typography.Paragraph>
      {problem.alert}
      <Form<FileValues> form={form} layout="vertical" onFinish={(v) => file.mutate(v)}>
        <Form.Item name="providerDepartmentId" label={t('dataExchange.demands.provider')} rules={[rules.requiredChoice()]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={departments.isPending}
            options={(departments.data?.items ?? []).filter((d) => d.isActive && d.id !== me.departmentId).map((d) => ({ value: d.id, label: d.name }))}
          />
        </Form.Item>
        <Form.Item name="title" label={t('dataExchange.demands.titleField')} rules={[rules.required(), rules.schema(shape.title)]}>
          <Input maxLength={80} />
        </Form.Item>
        <Form.Item name="description" label={t('dataExchange.demands.description')} rules={[rules.required(), rules.schema(shape.description)]}>
          <Input.TextArea maxLength={2000} showCount autoSize={{ minRows: 3, maxRows: 6 }} />
        </Form.Item>
        <Form.Item name="fieldsWanted" label={`${t('dataExchange.demands.fieldsWanted')} ${t('common.optional')}`}>
          <Input.TextArea maxLength={1000} autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>
        <Form.Item name="purpose" label={t('dataExchange.demands.purpose')} rules={[rules.required(), rules.schema(shape.purpose)]}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function AnswerModal({ demand, onClose, onDone }: { demand: ShareDemandView | undefined; onClose: () => void; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<AnswerValues>();
  const rules = useRules();
  const problem = useFormProblem(form, ['decision', 'resourceCode', 'reason'], dataExchangeMessages[currentLocale(i18n.language)]);
  const decision = Form.useWatch('decision', form);
  useEffect(() => {
    if (!demand) return;
    problem.clear();
    form.resetFields();
    form.setFieldsValue({ decision: 'approve' });
  }, [demand]); // a fresh form per demand
  const answer = useMutation({
    mutationFn: (v: AnswerValues) => {
      if (!demand) throw new Error('no demand');
      return api.post(exchangePaths.demand(demand.id, 'answer'), { version: demand.version, decision: v.decision, resourceCode: (v.resourceCode ?? '').trim(), reason: (v.reason ?? '').trim() });
    },
    onMutate: () => problem.clear(),
    onSuccess: onDone,
    onError: problem.handle,
  });
  return (
    <Modal open={demand !== undefined} title={t('dataExchange.demands.answerTitle', { title: demand?.title ?? '' })} okText={t('dataExchange.decision.submit')} okButtonProps={{ loading: answer.isPending }} cancelText={t('common.actions.cancel')} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      {demand ? <Typography.Paragraph type="secondary">{demand.description}</Typography.Paragraph> : null}
      {problem.alert}
      <Form<AnswerValues> form={form} layout="vertical" onFinish={(v) => answer.mutate(v)}>
        <Form.Item name="decision" label={t('dataExchange.decision.decision')} rules={[rules.requiredChoice()]}>
          <Radio.Group>
            <Radio value="approve">{t('dataExchange.demands.satisfy')}</Radio>
            <Radio value="refuse">{t('dataExchange.demands.refuse')}</Radio>
          </Radio.Group>
        </Form.Item>
        {decision === 'approve' ? (
          <Form.Item name="resourceCode" label={t('dataExchange.demands.resourceCode')} extra={t('dataExchange.demands.resourceCodeHelp')} rules={[rules.required()]}>
            <Input className="zt-code" maxLength={60} />
          </Form.Item>
        ) : null}
        <Form.Item name="reason" label={decision === 'refuse' ? t('dataExchange.decision.reason') : `${t('dataExchange.decision.remark')} ${t('common.optional')}`} rules={decision === 'refuse' ? [rules.required()] : []}>
          <Input.TextArea maxLength={1000} autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 需求清单: demands for data not yet catalogued — filed by consumers, answered by the addressed provider in 10 working days. */
export function DemandsTab({ views, canFile }: { views: readonly DemandView[]; canFile: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [view, setView] = useState<DemandView>(views[0] ?? 'mine');
  const [page, setPage] = useState(1);
  const [isFiling, setFiling] = useState(false);
  const [answering, setAnswering] = useState<ShareDemandView | undefined>(undefined);
  const list = useShareDemands({ view, page, pageSize: PAGE_SIZE });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: exchangeKeys.all });
  const withdraw = useMutation({ mutationFn: (d: ShareDemandView) => api.post(exchangePaths.demand(d.id, 'withdraw'), { version: d.version }), onSuccess: refresh });
  const columns: TableProps<ShareDemandView>['columns'] = [
    {
      title: t('dataExchange.demands.columns.demand'),
      key: 'demand',
      width: 280,
      render: (_v, d) => (
        <>
          <strong>{d.title}</strong>
          <div className="zt-code zt-muted" style={{ fontSize: '0.85em' }}>
            {d.number}
          </div>
          <Typography.Paragraph type="secondary" ellipsis={{ rows: 2, expandable: true, symbol: t('common.actions.more') }} style={{ marginBottom: 0 }}>
            {d.description}
            {d.fieldsWanted ? `(${d.fieldsWanted})` : ''}
          </Typography.Paragraph>
        </>
      ),
    },
    view === 'mine' ? { title: t('dataExchange.demands.columns.provider'), dataIndex: 'providerName', width: 180 } : { title: t('dataExchange.demands.columns.consumer'), dataIndex: 'consumerName', width: 180 },
    { title: t('dataExchange.demands.columns.status'), dataIndex: 'status', width: 110, render: (v: ShareDemandStatus) => <DemandStatusTag status={v} /> },
    { title: t('dataExchange.demands.columns.deadline'), key: 'deadline', width: 230, render: (_v, d) => (d.status === 'open' ? <Deadline dueAt={d.dueAt} isOverdue={d.isOverdue} /> : <span className="zt-muted">—</span>) },
    {
      title: t('dataExchange.demands.columns.answer'),
      key: 'answer',
      width: 240,
      render: (_v, d) =>
        d.answeredAt ? (
          <>
            {d.resourceCode ? <span className="zt-code">{d.resourceCode}</span> : null}
            {d.reason ? <div>{d.reason}</div> : null}
            <div className="zt-muted">{[formatDateTime(d.answeredAt), d.answeredBy].filter(Boolean).join(' · ')}</div>
          </>
        ) : (
          <span className="zt-muted">—</span>
        ),
    },
    { title: t('dataExchange.demands.columns.createdAt'), key: 'created', width: 180, render: (_v, d) => `${formatDateTime(d.createdAt)}${d.createdBy ? ` · ${d.createdBy}` : ''}` },
    {
      title: t('common.columns.actions'),
      key: 'actions',
      width: 150,
      render: (_v, d) => (
        <Space>
          {d.allowed.answer ? (
            <Button size="small" type="primary" onClick={() => setAnswering(d)} aria-label={t('dataExchange.demands.answerNamed', { title: d.title })}>
              {t('dataExchange.demands.answer')}
            </Button>
          ) : null}
          {d.allowed.withdraw ? (
            <Popconfirm title={t('dataExchange.demands.withdrawConfirm')} okText={t('dataExchange.demands.withdraw')} cancelText={t('common.actions.cancel')} onConfirm={() => withdraw.mutate(d)}>
              <Button size="small" aria-label={t('dataExchange.demands.withdrawNamed', { title: d.title })}>
                {t('dataExchange.demands.withdraw')}
              </Button>
            </Popconfirm>
          ) : null}
        </Space>
      ),
    },
  ];
  const fileButton = canFile ? (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setFiling(true)}>
      {t('dataExchange.demands.new')}
    </Button>
  ) : null;
  return (
    <>
      <Space wrap style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
        {views.length > 1 ? (
          <Segmented<DemandView>
            value={view}
            onChange={(v) => {
              setView(v);
              setPage(1);
            }}
            options={views.map((v) => ({ value: v, label: t(`dataExchange.demands.views.${v}`) }))}
          />
        ) : (
          <span />
        )}
        {fileButton}
      </Space>
      <ProblemAlert error={withdraw.error} />
      <QueryState query={list} isEmpty={(d) => d.total === 0} emptyText={t(`dataExchange.demands.empty.${view}`)}>
        {(data) => (
          <Table<ShareDemandView>
            rowKey="id"
            columns={columns}
            dataSource={data.items}
            loading={list.isFetching}
            scroll={{ x: 1400 }}
            pagination={{ current: page, pageSize: PAGE_SIZE, total: data.total, onChange: setPage, showSizeChanger: false, showTotal: (total) => t('common.states.total', { total }) }}
          />
        )}
      </QueryState>
      <FileModal
        open={isFiling}
        onClose={() => setFiling(false)}
        onFiled={() => {
          setFiling(false);
          void message.success(t('dataExchange.demands.filed'));
          refresh();
        }}
      />
      <AnswerModal
        demand={answering}
        onClose={() => setAnswering(undefined)}
        onDone={() => {
          setAnswering(undefined);
          void message.success(t('dataExchange.decision.done'));
          refresh();
        }}
      />
    </>
  );
}
