import { useEffect, useMemo, useState } from 'react';
import { AutoComplete, Col, Divider, Form, Input, InputNumber, Radio, Row, Select, Switch, Typography } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  createLicenseTypeInput,
  holderTypeNames,
  holderTypes,
  licenseTrustLevelNames,
  trustLevels,
  updateLicenseTypeInput,
  type LicenseTypeView,
  type ServiceSearchResult,
} from '@zhengtong/contracts';
import { api } from '../../shared/api/client';
import { currentLocale, useRules, schemaFieldErrors } from '../../shared/forms/rules';
import { useFormProblem } from '../../shared/forms/use-form-problem';
import { useIdempotencyKey } from '../../shared/use-idempotency-key';
import { licensePaths } from '../../portal/licenses/api';
import { useLicenseMessages } from '../../portal/licenses/license-messages';
import { DepartmentPicker } from '../shared/department-picker';
import { FormDrawer } from '../shared/form-drawer';
import { formPathFor, newTypeValues, toCreateInput, toFormValues, toUpdateInput, typeFormFields, type FieldEdit, type TypeFormValues } from './form-values';
import { TypeFieldsEditor } from './type-fields-editor';

/** Service items whose name or code matches what is typed, to pick the basic codes that issue this licence. */
function useItemSuggestions(text: string) {
  return useQuery({
    queryKey: ['service-items', 'license-type-suggestions', text],
    queryFn: async () => (await api.get<ServiceSearchResult>('/api/service-items/search', { q: text, pageSize: 10 })).items.map((i) => ({ value: i.basicCode, label: `${i.basicCode} ${i.name}` })),
    enabled: text.trim().length > 0,
    staleTime: 60_000,
  });
}

/** Items chosen from the catalogue search; a basic code typed in full may be added even if the search does not know it. */
function IssuingItems() {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  // Names of items seen in the search, so a chosen code keeps showing its item's name after the search is cleared.
  const [names, setNames] = useState<Record<string, string>>({});
  const suggestions = useItemSuggestions(text);
  const chosen = Form.useWatch<string[] | undefined>('issuingBasicCodes') ?? [];
  useEffect(() => {
    if (suggestions.data) setNames((known) => ({ ...known, ...Object.fromEntries(suggestions.data.map((o) => [o.value, o.label])) }));
  }, [suggestions.data]);
  const typed = text.trim().toUpperCase();
  const found = suggestions.data ?? [];
  const options = [
    ...found,
    ...(/^[0-9A-Z]{8,20}$/.test(typed) && !found.some((o) => o.value === typed) ? [{ value: typed, label: t('licenses.types.form.addCode', { code: typed }) }] : []),
    ...chosen.filter((c) => !found.some((o) => o.value === c) && c !== typed).map((c) => ({ value: c, label: names[c] ?? c })),
  ];
  return (
    <Form.Item name="issuingBasicCodes" label={`${t('licenses.types.form.issuingBasicCodes')} ${t('common.optional')}`} extra={t('licenses.types.form.issuingBasicCodesHelp')}>
      <Select
        mode="multiple"
        showSearch={{ filterOption: false, onSearch: setText, searchValue: text }}
        onChange={() => setText('')}
        options={options}
        loading={suggestions.isFetching}
        notFoundContent={text.trim() ? t('licenses.types.form.noItemFound') : null}
        placeholder={t('licenses.types.form.issuingBasicCodesPlaceholder')}
      />
    </Form.Item>
  );
}

function ValidityRule() {
  const { t } = useTranslation();
  const mode = Form.useWatch<string | undefined>(['validity', 'mode']);
  const fields = Form.useWatch<FieldEdit[] | undefined>('fields') ?? [];
  const dateFields = fields.filter((f) => f.kind === 'date' && f.key);
  return (
    <>
      <Form.Item name={['validity', 'mode']} label={t('licenses.types.form.validityMode')}>
        <Radio.Group
          options={[
            { value: 'permanent', label: t('licenses.types.validity.permanent') },
            { value: 'years', label: t('licenses.types.validity.yearsOption') },
            { value: 'field', label: t('licenses.types.validity.fieldOption') },
          ]}
        />
      </Form.Item>
      {mode === 'years' ? (
        <Form.Item name={['validity', 'years']} label={t('licenses.types.form.validityYears')} rules={[{ required: true, message: t('licenses.types.form.validityYearsRequired') }]}>
          <InputNumber min={1} max={50} precision={0} addonAfter={t('licenses.types.form.yearsUnit')} style={{ width: 180 }} />
        </Form.Item>
      ) : null}
      {mode === 'field' ? (
        <Form.Item name={['validity', 'field']} label={t('licenses.types.form.validityField')} extra={dateFields.length === 0 ? t('licenses.types.form.validityFieldNone') : undefined} rules={[{ required: true, message: t('licenses.types.form.validityFieldRequired') }]}>
          <Select options={dateFields.map((f) => ({ value: f.key, label: `${f.name ?? ''}(${f.key ?? ''})` }))} />
        </Form.Item>
      ) : null}
    </>
  );
}

function HolderSource() {
  const { t } = useTranslation();
  const options = [
    { value: 'applicant', label: `applicant — ${t('licenses.types.form.sourceApplicant')}` },
    { value: 'result.', label: `result.<key> — ${t('licenses.types.fields.sources.result')}` },
  ];
  return (
    <Row gutter={12}>
      <Col xs={24} md={12}>
        <Form.Item name={['holderSource', 'name']} label={t('licenses.types.form.holderSourceName')}>
          <AutoComplete options={options}>
            <Input className="zt-code" spellCheck={false} maxLength={50} />
          </AutoComplete>
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name={['holderSource', 'number']} label={t('licenses.types.form.holderSourceNumber')}>
          <AutoComplete options={options}>
            <Input className="zt-code" spellCheck={false} maxLength={50} />
          </AutoComplete>
        </Form.Item>
      </Col>
      <Col span={24}>
        <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
          {t('licenses.types.form.holderSourceHelp')}
        </Typography.Paragraph>
      </Col>
    </Row>
  );
}

/** 新增 / 编辑证照类型. The type code and holder type are fixed once created (they are part of every identifier issued). */
export function LicenseTypeForm({ open, editing, onClose, onSaved }: { open: boolean; editing: LicenseTypeView | undefined; onClose: () => void; onSaved: (saved: LicenseTypeView) => void }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  const [form] = Form.useForm<TypeFormValues>();
  const rules = useRules();
  const idempotency = useIdempotencyKey();
  const fieldCount = (Form.useWatch<FieldEdit[] | undefined>('fields', form) ?? []).length;
  const formFields = useMemo(() => typeFormFields(fieldCount), [fieldCount]);
  const problem = useFormProblem(form, formFields, useLicenseMessages());
  const isEditing = editing !== undefined;

  useEffect(() => {
    if (!open) return;
    problem.clear();
    idempotency.renew();
    form.resetFields();
    form.setFieldsValue(editing ? toFormValues(editing) : newTypeValues());
  }, [open, editing]); // a fresh form and key each time the drawer opens

  const save = useMutation({
    mutationFn: (input: object) => (editing ? api.patch<LicenseTypeView>(licensePaths.type(editing.id), input) : api.post<LicenseTypeView>(licensePaths.types, input, idempotency.headers)),
    onMutate: () => problem.clear(),
    onSuccess: onSaved,
    onError: problem.handle,
  });

  const submit = (values: TypeFormValues) => {
    const all = { ...form.getFieldsValue(true), ...values } as TypeFormValues;
    const input = editing ? toUpdateInput(all, editing.version) : toCreateInput(all);
    // Cross-field rules (duplicate keys, the validity field) are checked here too, so they show where they apply.
    const count = all.fields?.length ?? 0;
    // An error on nothing the form shows is left to the server's answer (it lands in the alert above the form).
    const errors = schemaFieldErrors(editing ? updateLicenseTypeInput : createLicenseTypeInput, input, locale).flatMap((e) => {
      const name = formPathFor(e.name, count);
      return name ? [{ name, errors: e.errors }] : [];
    });
    if (errors.length > 0) {
      form.setFields(errors.map((e) => ({ name: e.name as never, errors: e.errors })));
      const first = errors[0];
      if (first) form.scrollToField(first.name as never, { focus: true, block: 'center' });
      return;
    }
    save.mutate(input);
  };

  return (
    <FormDrawer open={open} title={editing ? t('licenses.types.editTitle', { name: editing.name }) : t('licenses.types.create')} onClose={onClose} onSave={() => form.submit()} isSaving={save.isPending}>
      {problem.alert}
      <Form<TypeFormValues> form={form} layout="vertical" onFinish={submit} scrollToFirstError={{ focus: true }}>
        <Row gutter={12}>
          <Col xs={24} md={8}>
            <Form.Item name="code" label={t('licenses.types.form.code')} extra={isEditing ? t('licenses.types.form.codeFixed') : t('licenses.types.form.codeHelp')} rules={[rules.required(), rules.schema(createLicenseTypeInput.shape.code)]}>
              <Input maxLength={32} className="zt-code" spellCheck={false} disabled={isEditing} />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item name="name" label={t('licenses.types.form.name')} rules={[rules.required(), rules.schema(createLicenseTypeInput.shape.name)]}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="departmentId" label={t('licenses.types.form.department')} extra={t('licenses.types.form.departmentHelp')} rules={[rules.requiredChoice()]}>
          <DepartmentPicker />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item name="holderType" label={t('licenses.types.form.holderType')} extra={isEditing ? t('licenses.types.form.holderTypeFixed') : undefined}>
              <Radio.Group disabled={isEditing} options={holderTypes.map((h) => ({ value: h, label: holderTypeNames[h][locale] }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="trustLevel" label={t('licenses.types.form.trustLevel')}>
              <Select options={trustLevels.map((l) => ({ value: l, label: licenseTrustLevelNames[l][locale] }))} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="description" label={`${t('licenses.types.form.description')} ${t('common.optional')}`} rules={[rules.schema(createLicenseTypeInput.shape.description)]}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
        {isEditing ? (
          <Form.Item name="isActive" label={t('licenses.types.form.isActive')} valuePropName="checked" extra={t('licenses.types.form.isActiveHelp')}>
            <Switch checkedChildren={t('licenses.types.active')} unCheckedChildren={t('licenses.types.inactive')} />
          </Form.Item>
        ) : null}
        <Divider titlePlacement="start">{t('licenses.types.form.fieldsTitle')}</Divider>
        <TypeFieldsEditor />
        <Divider titlePlacement="start">{t('licenses.types.form.validityTitle')}</Divider>
        <ValidityRule />
        <Divider titlePlacement="start">{t('licenses.types.form.issuingTitle')}</Divider>
        <Typography.Paragraph type="secondary">{t('licenses.types.form.issuingIntro')}</Typography.Paragraph>
        <IssuingItems />
        <HolderSource />
      </Form>
    </FormDrawer>
  );
}
