import { useEffect } from 'react';
import { App, Form, Modal, Select } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ImplementationView } from '@zhengtong/contracts';
import { api } from '../../shared/api/client';
import { useRules } from '../../shared/forms/rules';
import { useFormProblem } from '../../shared/forms/use-form-problem';
import { useIdempotencyKey } from '../../shared/use-idempotency-key';
import { useSignedInMe } from '../../auth/require-session';
import { RegionPicker } from '../shared/region-picker';
import { adminCataloguePaths, useDepartmentChoices } from './api';

type Values = { departmentId: string; regionCode?: string };

/** 新增实施清单: a department takes the item on; its 实施编码 is made by the server from the credit code. */
export function CreateImplementation({ itemId, isOpen, onClose, onCreated }: { itemId: string; isOpen: boolean; onClose: () => void; onCreated: (created: ImplementationView) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useSignedInMe();
  const [form] = Form.useForm<Values>();
  const rules = useRules();
  const problem = useFormProblem(form, ['departmentId', 'regionCode']);
  const idempotency = useIdempotencyKey();
  const departments = useDepartmentChoices();
  useEffect(() => {
    if (!isOpen) return;
    form.resetFields();
    problem.clear();
    idempotency.renew();
  }, [isOpen]); // a fresh form and key each time it opens
  const create = useMutation({
    mutationFn: (v: Values) => api.post<ImplementationView>(adminCataloguePaths.implementations(itemId), { departmentId: v.departmentId, regionCode: v.regionCode || undefined }, idempotency.headers),
    onMutate: () => problem.clear(),
    onSuccess: (created) => {
      void message.success(t('common.states.saved'));
      onCreated(created);
    },
    onError: problem.handle,
  });
  return (
    <Modal open={isOpen} title={t('catalogue.implementations.create')} onCancel={onClose} onOk={() => form.submit()} okButtonProps={{ loading: create.isPending }} okText={t('common.actions.create')} cancelText={t('common.actions.cancel')} destroyOnHidden>
      {problem.alert}
      <Form<Values> form={form} layout="vertical" onFinish={(v) => create.mutate(v)}>
        <Form.Item name="departmentId" label={t('services.guide.department')} rules={[rules.requiredChoice()]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={departments.isPending}
            options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
            status={departments.isError ? 'error' : undefined}
            placeholder={departments.isError ? departments.error.message : t('admin.common.chooseDepartment')}
          />
        </Form.Item>
        <Form.Item name="regionCode" label={`${t('services.guide.region')} ${t('common.optional')}`} extra={t('catalogue.implementations.regionHelp')}>
          <RegionPicker rootCode={me.regionCode} allowClear />
        </Form.Item>
      </Form>
    </Modal>
  );
}
