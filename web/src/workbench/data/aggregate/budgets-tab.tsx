import { useEffect, useState } from 'react';
import { App, Button, Form, InputNumber, Modal, Progress, Select, Space, Table } from 'antd';
import type { TableProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { AGGREGATE_MAX_BUDGET, AGGREGATE_MIN_EPSILON, aggregateBudgetPeriods, type AggregateBudgetPeriod, type AggregateBudgetView, type DepartmentOption } from '@zhengtong/contracts';
import { api } from '../../../shared/api/client';
import { formatDateTime } from '../../../shared/format';
import { useRules } from '../../../shared/forms/rules';
import { useFormProblem } from '../../../shared/forms/use-form-problem';
import { QueryState } from '../../../shared/ui/query-state';
import { aggregateKeys, aggregatePaths, useBudgets } from './api';

type Values = { departmentId: string; period: AggregateBudgetPeriod; epsilonPerPeriod: number };

function useDepartments(enabled: boolean) {
  return useQuery({
    queryKey: ['departments', 'options'],
    queryFn: () => api.get<{ items: DepartmentOption[] }>('/api/departments/options'),
    staleTime: 60_000,
    enabled,
  });
}

/** Set a department's budget (new) or change one (with its version). */
function BudgetModal({ open, existing, taken, onClose, onSaved }: { open: boolean; existing: AggregateBudgetView | null; taken: readonly string[]; onClose: () => void; onSaved: (saved: AggregateBudgetView) => void }) {
  const { t } = useTranslation();
  const rules = useRules();
  const [form] = Form.useForm<Values>();
  const problem = useFormProblem(form, ['departmentId', 'period', 'epsilonPerPeriod']);
  const departments = useDepartments(open && existing === null);

  useEffect(() => {
    if (!open) return;
    problem.clear();
    form.setFieldsValue(existing ? { departmentId: existing.departmentId, period: existing.period, epsilonPerPeriod: existing.epsilonPerPeriod } : { departmentId: undefined, period: 'month', epsilonPerPeriod: 10 });
  }, [open, existing]); // a fresh form each time the modal opens

  const save = useMutation({
    mutationFn: (v: Values) => api.put<AggregateBudgetView>(aggregatePaths.budget(existing?.departmentId ?? v.departmentId), { period: v.period, epsilonPerPeriod: v.epsilonPerPeriod, version: existing?.version ?? null }),
    onMutate: () => problem.clear(),
    onSuccess: onSaved,
    onError: problem.handle,
  });

  return (
    <Modal
      open={open}
      title={existing ? t('dataAggregate.budgets.modalEdit', { name: existing.departmentName }) : t('dataAggregate.budgets.modalCreate')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.actions.save')}
      cancelText={t('common.actions.cancel')}
      confirmLoading={save.isPending}
      forceRender
    >
      {problem.alert}
      <Form<Values> form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        {existing ? null : (
          <Form.Item name="departmentId" label={t('dataAggregate.budgets.department')} rules={[rules.requiredChoice()]}>
            <Select
              placeholder={t('dataAggregate.budgets.chooseDepartment')}
              showSearch={{ optionFilterProp: 'label' }}
              loading={departments.isPending}
              options={(departments.data?.items ?? []).filter((d) => d.isActive && !taken.includes(d.id)).map((d) => ({ value: d.id, label: d.name }))}
            />
          </Form.Item>
        )}
        <Form.Item name="period" label={t('dataAggregate.budgets.period')} rules={[rules.requiredChoice()]}>
          <Select options={aggregateBudgetPeriods.map((p) => ({ value: p, label: t(`dataAggregate.period.${p}`) }))} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="epsilonPerPeriod" label={t('dataAggregate.budgets.epsilonPerPeriod')} extra={t('dataAggregate.budgets.epsilonPerPeriodHelp')} rules={[rules.requiredChoice()]}>
          <InputNumber min={AGGREGATE_MIN_EPSILON} max={AGGREGATE_MAX_BUDGET} step={1} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 隐私预算 (the platform): each consuming department's ε per period and what it has spent in the current one. */
export function BudgetsTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const budgets = useBudgets();
  const [editing, setEditing] = useState<AggregateBudgetView | null>(null);
  const [isOpen, setOpen] = useState(false);
  const open = (budget: AggregateBudgetView | null) => {
    setEditing(budget);
    setOpen(true);
  };
  const setButton = (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => open(null)}>
      {t('dataAggregate.budgets.set')}
    </Button>
  );

  const columns: TableProps<AggregateBudgetView>['columns'] = [
    { title: t('dataAggregate.budgets.columns.department'), dataIndex: 'departmentName', width: 220 },
    { title: t('dataAggregate.budgets.columns.period'), dataIndex: 'period', width: 100, render: (v: AggregateBudgetPeriod) => t(`dataAggregate.period.${v}`) },
    { title: t('dataAggregate.budgets.columns.limit'), dataIndex: 'epsilonPerPeriod', width: 120, align: 'right' },
    { title: t('dataAggregate.budgets.columns.spent'), dataIndex: 'spent', width: 110, align: 'right' },
    {
      title: t('dataAggregate.budgets.columns.remaining'),
      key: 'remaining',
      width: 200,
      render: (_v, b) => (
        <Progress
          percent={b.epsilonPerPeriod > 0 ? Math.round((b.remaining / b.epsilonPerPeriod) * 100) : 0}
          format={() => `ε ${b.remaining}`}
          status={b.remaining > 0 ? 'normal' : 'exception'}
          aria-label={t('dataAggregate.budget.remaining', { remaining: b.remaining, limit: b.epsilonPerPeriod })}
        />
      ),
    },
    { title: t('dataAggregate.budgets.columns.queries'), dataIndex: 'queryCount', width: 120, align: 'right' },
    { title: t('dataAggregate.budgets.columns.periodRange'), key: 'range', width: 220, render: (_v, b) => t('dataAggregate.budgets.periodRange', { start: b.periodStart, end: b.periodEnd }) },
    {
      title: t('dataAggregate.budgets.columns.updated'),
      key: 'updated',
      width: 170,
      render: (_v, b) => (
        <>
          {formatDateTime(b.updatedAt)}
          <div className="zt-muted">{b.updatedByName}</div>
        </>
      ),
    },
    {
      title: t('common.columns.actions'),
      key: 'actions',
      width: 90,
      render: (_v, b) => (
        <Button size="small" onClick={() => open(b)} aria-label={t('dataAggregate.budgets.editNamed', { name: b.departmentName })}>
          {t('dataAggregate.budgets.edit')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <Space style={{ marginBottom: 12 }}>{setButton}</Space>
      <QueryState query={budgets} isEmpty={(d) => d.items.length === 0} emptyText={t('dataAggregate.budgets.empty')} emptyAction={setButton}>
        {(data) => <Table<AggregateBudgetView> rowKey="departmentId" columns={columns} dataSource={data.items} loading={budgets.isFetching} scroll={{ x: 1350 }} pagination={false} />}
      </QueryState>
      <BudgetModal
        open={isOpen}
        existing={editing}
        taken={(budgets.data?.items ?? []).map((b) => b.departmentId)}
        onClose={() => setOpen(false)}
        onSaved={(saved) => {
          setOpen(false);
          void message.success(t('dataAggregate.budgets.saved', { name: saved.departmentName }));
          void queryClient.invalidateQueries({ queryKey: aggregateKeys.budgets });
        }}
      />
    </>
  );
}
