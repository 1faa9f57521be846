import { useEffect, useMemo } from 'react';
import { Alert, DatePicker, Divider, Form, Input, InputNumber, Select, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { creditCodeSchema, holderTypeNames, idNumberSchema, licenseHolderInput, type LicenseTypeView, type LicenseView } from '@zhengtong/contracts';
import { useSignedInMe } from '../../auth/require-session';
import { api } from '../../shared/api/client';
import { currentLocale, useRules } from '../../shared/forms/rules';
import { useFormProblem } from '../../shared/forms/use-form-problem';
import { useIdempotencyKey } from '../../shared/use-idempotency-key';
import { FormDrawer } from '../../admin/shared/form-drawer';
import { licensePaths, useLicenseTypes } from '../../portal/licenses/api';
import { beijingToday } from '../../portal/licenses/grant-dates';
import { useLicenseMessages } from '../../portal/licenses/license-messages';
import { fieldInput, issueBody, ruleValidTo, type IssueValues } from './issue-values';

/** One input per licence field, by its kind; the keys are the server's error paths (fields.<key>). */
function TypeFields({ type }: { type: LicenseTypeView }) {
  const { t } = useTranslation();
  const rules = useRules();
  if (type.fields.length === 0) return null;
  return (
    <>
      <Divider titlePlacement="start">{t('licenses.issue.contents')}</Divider>
      {type.fields.map((f) => (
        <Form.Item key={f.key} name={['fields', f.key]} label={f.isRequired ? f.name : `${f.name} ${t('common.optional')}`} rules={f.isRequired ? [f.kind === 'text' ? rules.required() : rules.requiredChoice()] : []}>
          {f.kind === 'date' ? <DatePicker /> : f.kind === 'number' ? <InputNumber style={{ width: 220 }} /> : <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />}
        </Form.Item>
      ))}
    </>
  );
}

function ValidityFields({ type }: { type: LicenseTypeView }) {
  const { t } = useTranslation();
  const validFrom = Form.useWatch<Dayjs | undefined>('validFrom');
  const fieldValues = Form.useWatch<Record<string, unknown> | undefined>('fields');
  const from = validFrom ? validFrom.format('YYYY-MM-DD') : beijingToday();
  const mapped = Object.fromEntries(Object.entries(fieldValues ?? {}).map(([k, v]) => [k, fieldInput(v as never)]));
  const byRule = ruleValidTo(type.validity, from, mapped);
  const ruleText =
    type.validity.mode === 'permanent'
      ? t('licenses.issue.validity.permanent')
      : type.validity.mode === 'years'
        ? t('licenses.issue.validity.years', { years: type.validity.years, to: byRule ?? '' })
        : t('licenses.issue.validity.field', { field: type.fields.find((f) => type.validity.mode === 'field' && f.key === type.validity.field)?.name ?? '', to: byRule ?? t('licenses.issue.validity.notYet') });
  return (
    <>
      <Divider titlePlacement="start">{t('licenses.facts.validity')}</Divider>
      <Form.Item name="validFrom" label={t('licenses.issue.validFrom')} extra={t('licenses.issue.validFromHelp')}>
        <DatePicker allowClear={false} />
      </Form.Item>
      {type.validity.mode === 'years' ? (
        <Form.Item name="validTo" label={`${t('licenses.issue.validTo')} ${t('common.optional')}`} extra={ruleText}>
          <DatePicker disabledDate={(d) => Boolean(validFrom && d.isBefore(validFrom, 'day'))} />
        </Form.Item>
      ) : (
        <Typography.Paragraph>{ruleText}</Typography.Paragraph>
      )}
    </>
  );
}

/** 手工签发: a licence of one of this department's types, signed with its 证照专用章 on saving. */
export function IssueDrawer({ open, onClose, onIssued }: { open: boolean; onClose: () => void; onIssued: (license: LicenseView) => void }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  const me = useSignedInMe();
  const [form] = Form.useForm<IssueValues>();
  const rules = useRules();
  const idempotency = useIdempotencyKey();
  const types = useLicenseTypes({ departmentId: me.departmentId, isActive: true, pageSize: 200 }, open && me.departmentId !== null);
  const typeId = Form.useWatch('typeId', form);
  const type = types.data?.items.find((ty) => ty.id === typeId);
  const formFields = useMemo(() => ['typeId', 'holder.name', 'holder.idNumber', 'holder.creditCode', 'validFrom', 'validTo', ...(type?.fields ?? []).map((f) => `fields.${f.key}`)], [type]);
  const problem = useFormProblem(form, formFields, useLicenseMessages());

  useEffect(() => {
    if (!open) return;
    problem.clear();
    idempotency.renew();
    form.resetFields();
    form.setFieldsValue({ validFrom: dayjs(beijingToday()) });
  }, [open]); // a fresh form and key each time the drawer opens

  const issue = useMutation({
    mutationFn: (v: IssueValues) => {
      if (!type) throw new Error(t('licenses.issue.chooseType'));
      return api.post<LicenseView>(licensePaths.list, issueBody(type, v), idempotency.headers);
    },
    onMutate: () => problem.clear(),
    onSuccess: onIssued,
    onError: problem.handle,
  });
  const hasNoTypes = types.data !== undefined && types.data.items.length === 0;

  return (
    <FormDrawer open={open} title={t('licenses.issue.title')} onClose={onClose} onSave={() => form.submit()} isSaving={issue.isPending}>
      <Typography.Paragraph type="secondary">{t('licenses.issue.intro')}</Typography.Paragraph>
      {hasNoTypes ? <Alert type="warning" showIcon title={t('licenses.issue.noTypes')} style={{ marginBottom: 16 }} /> : null}
      {problem.alert}
      <Form<IssueValues>
        form={form}
        layout="vertical"
        onFinish={(v) => issue.mutate(v)}
        scrollToFirstError={{ focus: true }}
      >
        <Form.Item name="typeId" label={t('licenses.issue.type')} rules={[rules.requiredChoice()]}>
          <Select
            loading={types.isPending && open}
            placeholder={t('licenses.issue.chooseType')}
            showSearch={{ optionFilterProp: 'label' }}
            options={(types.data?.items ?? []).map((ty) => ({ value: ty.id, label: `${ty.name}(${ty.code})` }))}
            onChange={() => form.setFieldsValue({ fields: {}, validTo: null })}
          />
        </Form.Item>
        {type ? (
          <>
            <Divider titlePlacement="start">{t('licenses.issue.holder', { kind: holderTypeNames[type.holderType][locale] })}</Divider>
            <Form.Item name={['holder', 'name']} label={type.holderType === 'person' ? t('licenses.issue.personName') : t('licenses.issue.enterpriseName')} rules={[rules.required(), rules.schema(licenseHolderInput.options[type.holderType === 'person' ? 0 : 1].shape.name)]}>
              <Input maxLength={type.holderType === 'person' ? 60 : 100} />
            </Form.Item>
            {/* Named as the server names it (holder.idNumber / holder.creditCode), so its errors land here. */}
            <Form.Item
              key={type.holderType}
              name={['holder', type.holderType === 'person' ? 'idNumber' : 'creditCode']}
              label={type.holderType === 'person' ? t('licenses.facts.idNumber') : t('licenses.facts.creditCode')}
              rules={[rules.required(), rules.schema(type.holderType === 'person' ? idNumberSchema : creditCodeSchema)]}
            >
              <Input className="zt-code" maxLength={18} spellCheck={false} autoComplete="off" />
            </Form.Item>
            <TypeFields type={type} />
            <ValidityFields type={type} />
          </>
        ) : null}
      </Form>
    </FormDrawer>
  );
}
