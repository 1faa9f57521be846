import { useState } from 'react';
import { App, Button, Drawer, Form, Input, Popconfirm, Space, Table } from 'antd';
import type { TableProps } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { positionNameSchema, type DepartmentView, type PositionView } from '@zhengtong/contracts';
import { api } from '../../shared/api/client';
import { useRules } from '../../shared/forms/rules';
import { useFormProblem } from '../../shared/forms/use-form-problem';
import { QueryState } from '../../shared/ui/query-state';

type Values = { name: string };

export function positionsKey(departmentId: string) {
  return ['departments', departmentId, 'positions'] as const;
}

/** 岗位: the positions of one department; a position still held by staff cannot be deleted. */
export function PositionsDrawer({ department, onClose, onChanged }: { department: DepartmentView | undefined; onClose: () => void; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const rules = useRules();
  const problem = useFormProblem(form, ['name']);
  const [renaming, setRenaming] = useState<{ id: string; name: string }>();
  const base = department ? `/api/departments/${department.id}/positions` : '';
  const positions = useQuery({
    queryKey: positionsKey(department?.id ?? ''),
    queryFn: () => api.get<{ items: PositionView[] }>(base),
    enabled: department !== undefined,
  });
  const changed = () => {
    if (department) void queryClient.invalidateQueries({ queryKey: positionsKey(department.id) });
    onChanged();
  };
  const onFailure = (error: Error) => void modal.error({ title: t('admin.common.actionFailed'), content: error.message });
  const create = useMutation({
    mutationFn: (v: Values) => api.post<PositionView>(base, { name: v.name }),
    onMutate: () => problem.clear(),
    onSuccess: () => {
      form.resetFields();
      void message.success(t('common.states.saved'));
      changed();
    },
    onError: problem.handle,
  });
  const rename = useMutation({
    mutationFn: ({ position, name }: { position: PositionView; name: string }) => api.patch<PositionView>(`${base}/${position.id}`, { name, version: position.version }),
    onSuccess: () => {
      setRenaming(undefined);
      void message.success(t('common.states.saved'));
      changed();
    },
    onError: onFailure,
  });
  const remove = useMutation({
    mutationFn: (position: PositionView) => api.delete(`${base}/${position.id}`),
    onSuccess: () => {
      void message.success(t('common.states.deleted'));
      changed();
    },
    onError: onFailure,
  });
  const columns: TableProps<PositionView>['columns'] = [
    {
      title: t('admin.departments.positionName'),
      dataIndex: 'name',
      render: (name: string, p) =>
        renaming?.id === p.id ? (
          <Space.Compact>
            <Input
              aria-label={t('admin.departments.positionName')}
              value={renaming.name}
              onChange={(e) => setRenaming({ id: p.id, name: e.target.value })}
              onPressEnter={() => rename.mutate({ position: p, name: renaming.name })}
              maxLength={40}
              autoFocus
            />
            <Button type="primary" onClick={() => rename.mutate({ position: p, name: renaming.name })} loading={rename.isPending}>
              {t('common.actions.save')}
            </Button>
          </Space.Compact>
        ) : (
          name
        ),
    },
    {
      title: t('common.columns.actions'),
      key: 'actions',
      width: 180,
      render: (_v, p) => (
        <Space size="small">
          <Button size="small" onClick={() => setRenaming({ id: p.id, name: p.name })} aria-label={t('admin.common.editNamed', { name: p.name })}>
            {t('common.actions.edit')}
          </Button>
          <Popconfirm
            title={t('admin.departments.deletePositionConfirm', { name: p.name })}
            okText={t('common.actions.delete')}
            okButtonProps={{ danger: true }}
            cancelText={t('common.actions.cancel')}
            onConfirm={() => remove.mutate(p)}
          >
            <Button size="small" danger aria-label={t('admin.common.deleteNamed', { name: p.name })}>
              {t('common.actions.delete')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];
  return (
    <Drawer open={department !== undefined} title={department ? t('admin.departments.positionsOf', { name: department.name }) : ''} onClose={onClose} size="large" destroyOnHidden>
      <QueryState query={positions} isEmpty={(d) => d.items.length === 0} emptyText={t('admin.departments.positionsEmpty')}>
        {(data) => <Table<PositionView> rowKey="id" size="small" columns={columns} dataSource={data.items} pagination={false} />}
      </QueryState>
      <div style={{ marginTop: 16 }}>
        {problem.alert}
        <Form<Values> form={form} layout="inline" onFinish={(v) => create.mutate(v)}>
          <Form.Item name="name" label={t('admin.departments.newPosition')} rules={[rules.required(), rules.schema(positionNameSchema)]}>
            <Input maxLength={40} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            {t('common.actions.create')}
          </Button>
        </Form>
      </div>
    </Drawer>
  );
}
