import { useEffect } from 'react';
import { App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  createRegionInput,
  regionCodeSchema,
  regionLevelNames,
  regionLevelOfCode,
  regionLevels,
  regionNameSchema,
  type RegionDetail,
  type RegionLevel,
} from '@zhengtong/contracts';
import { api } from '../../shared/api/client';
import { currentLocale, schemaFieldErrors, useRules } from '../../shared/forms/rules';
import { useFormProblem } from '../../shared/forms/use-form-problem';
import { useIdempotencyKey } from '../../shared/use-idempotency-key';

type Values = { code: string; name: string; level: RegionLevel; sort?: number };
const formFields = ['code', 'name', 'level', 'parentCode', 'sort'];

const nextLevel: Record<RegionLevel, RegionLevel | undefined> = { province: 'city', city: 'county', county: 'town', town: 'village', village: undefined };
// GB/T 2260: the digits a child region shares with its parent (province 2, city 4, county 6, town 9).
const parentDigits: Record<RegionLevel, number> = { province: 2, city: 4, county: 6, town: 9, village: 12 };

/** Add a region under `region`, or rename / re-sort `region` itself. */
export function RegionForm({ mode, region, onClose, onSaved }: { mode: 'create' | 'edit' | undefined; region: RegionDetail; onClose: () => void; onSaved: (saved: RegionDetail) => void }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const rules = useRules();
  const problem = useFormProblem(form, formFields);
  const idempotency = useIdempotencyKey();
  const isCreate = mode === 'create';

  useEffect(() => {
    if (!mode) return;
    problem.clear();
    idempotency.renew();
    form.resetFields();
    if (mode === 'edit') form.setFieldsValue({ code: region.code, name: region.name, level: region.level, sort: region.sort });
    else form.setFieldsValue({ code: region.code.slice(0, parentDigits[region.level]), level: nextLevel[region.level] });
  }, [mode]); // reset only when the dialog opens

  const save = useMutation({
    mutationFn: (v: Values) =>
      isCreate
        ? api.post<RegionDetail>('/api/regions', { code: v.code, name: v.name, level: v.level, parentCode: region.code, sort: v.sort }, idempotency.headers)
        : api.patch<RegionDetail>(`/api/regions/${region.code}`, { name: v.name, sort: v.sort, version: region.version }),
    onMutate: () => problem.clear(),
    onSuccess: (saved) => {
      void message.success(t('common.states.saved'));
      onSaved(saved);
    },
    onError: problem.handle,
  });

  const submit = (v: Values) => {
    if (isCreate) {
      // GB/T 2260: the code's shape must match the level and start with the parent's digits.
      const issues = schemaFieldErrors(createRegionInput, { code: v.code, name: v.name, level: v.level, parentCode: region.code, sort: v.sort }, locale);
      const shown = issues.map((i) => ({ ...i, name: i.name[0] === 'parentCode' ? ['code'] : i.name }));
      if (shown.length > 0) {
        form.setFields(shown.map((i) => ({ name: i.name as never, errors: i.errors })));
        return;
      }
    }
    save.mutate(v);
  };

  return (
    <Modal
      open={mode !== undefined}
      title={isCreate ? t('admin.regions.createTitle', { parent: region.name }) : t('admin.regions.editTitle', { name: region.name })}
      okText={t('common.actions.save')}
      cancelText={t('common.actions.cancel')}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      {problem.alert}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        onValuesChange={(changed: Partial<Values>) => {
          const level = changed.code ? regionLevelOfCode(changed.code) : undefined;
          if (isCreate && level) form.setFieldValue('level', level);
        }}
      >
        <Form.Item name="code" label={t('admin.regions.code')} extra={t('admin.regions.codeHelp')} rules={[rules.required(), rules.schema(regionCodeSchema)]}>
          <Input disabled={!isCreate} maxLength={12} inputMode="numeric" />
        </Form.Item>
        <Form.Item name="level" label={t('admin.regions.level')} rules={[rules.requiredChoice()]}>
          <Select disabled={!isCreate} options={regionLevels.map((l) => ({ value: l, label: regionLevelNames[l][locale] }))} />
        </Form.Item>
        <Form.Item name="name" label={t('admin.regions.name')} rules={[rules.required(), rules.schema(regionNameSchema)]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="sort" label={`${t('admin.regions.sort')} ${t('common.optional')}`}>
          <InputNumber min={0} max={999999} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
