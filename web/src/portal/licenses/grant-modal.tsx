import { useEffect, useMemo } from 'react';
import { AutoComplete, DatePicker, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { createLicenseGrantInput, LICENSE_GRANT_MAX_DAYS, licenseGranteeInput, type LicenseGrantView, type LicenseGranteeKind, type LicenseView } from '@zhengtong/contracts';
import { api } from '../../shared/api/client';
import { formatDateTime } from '../../shared/format';
import { useFormProblem } from '../../shared/forms/use-form-problem';
import { useIdempotencyKey } from '../../shared/use-idempotency-key';
import { licensePaths } from './api';
import { beijingToday, defaultGrantEnd, grantDaysFor, grantEndsAt, isGrantEndAllowed } from './grant-dates';
import { useLicenseMessages } from './license-messages';
import { useGrantDepartments, useMyCaseNumbers } from './use-grant-choices';
import { useRules } from '../../shared/forms/rules';

type Values = { grantee: { kind: LicenseGranteeKind; departmentId?: string; caseNumber?: string }; purpose: string; until?: Dayjs };
const formFields = ['grantee.kind', 'grantee.departmentId', 'grantee.caseNumber', 'purpose'];

/** 自主授权: let one department, or whoever handles one case, use this licence until a date (at most 90 days). */
export function GrantModal({ license, open, onClose, onGranted }: { license: LicenseView; open: boolean; onClose: () => void; onGranted: (grant: LicenseGrantView) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const rules = useRules();
  const problem = useFormProblem(form, formFields, useLicenseMessages());
  const idempotency = useIdempotencyKey();
  const kind = Form.useWatch(['grantee', 'kind'], form) ?? 'department';
  const until = Form.useWatch('until', form);
  const departments = useGrantDepartments();
  const cases = useMyCaseNumbers(open && kind === 'case');
  const today = beijingToday();
  const days = until ? grantDaysFor(until.format('YYYY-MM-DD'), today) : undefined;

  useEffect(() => {
    if (!open) return;
    problem.clear();
    idempotency.renew();
    form.resetFields();
    form.setFieldsValue({ grantee: { kind: 'department' }, until: dayjs(defaultGrantEnd(today)) });
  }, [open]); // a fresh form and key each time it opens

  const grant = useMutation({
    mutationFn: (v: Values) => {
      const chosenDays = v.until ? grantDaysFor(v.until.format('YYYY-MM-DD'), beijingToday()) : undefined;
      const grantee = v.grantee.kind === 'department' ? { kind: 'department', departmentId: v.grantee.departmentId } : { kind: 'case', caseNumber: v.grantee.caseNumber?.trim() };
      return api.post<LicenseGrantView>(licensePaths.grants, { licenseId: license.id, grantee, purpose: v.purpose.trim(), days: chosenDays }, idempotency.headers);
    },
    onMutate: () => problem.clear(),
    onSuccess: onGranted,
    onError: problem.handle,
  });

  const caseOptions = useMemo(() => (cases.data ?? []).map((c) => ({ value: c.caseNumber, label: `${c.caseNumber} ${c.itemName}` })), [cases.data]);
  return (
    <Modal
      open={open}
      title={t('licenses.grants.createTitle', { name: license.typeName })}
      okText={t('licenses.grants.confirm')}
      okButtonProps={{ loading: grant.isPending }}
      cancelText={t('common.actions.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={640}
    >
      <Typography.Paragraph type="secondary">{t('licenses.grants.intro')}</Typography.Paragraph>
      {problem.alert}
      <Form<Values> form={form} layout="vertical" onFinish={(v) => grant.mutate(v)} scrollToFirstError={{ focus: true }}>
        <Form.Item name={['grantee', 'kind']} label={t('licenses.grants.to')}>
          <Radio.Group
            options={[
              { value: 'department', label: t('licenses.grants.kinds.department') },
              { value: 'case', label: t('licenses.grants.kinds.case') },
            ]}
          />
        </Form.Item>
        {kind === 'department' ? (
          <Form.Item name={['grantee', 'departmentId']} label={t('licenses.grants.department')} rules={[rules.requiredChoice()]} extra={t('licenses.grants.departmentHelp')}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              loading={departments.isPending}
              status={departments.isError ? 'error' : undefined}
              placeholder={departments.isError ? departments.error.message : t('licenses.grants.chooseDepartment')}
              options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
            />
          </Form.Item>
        ) : (
          <Form.Item
            name={['grantee', 'caseNumber']}
            label={t('licenses.grants.caseNumber')}
            extra={t('licenses.grants.caseNumberHelp')}
            rules={[rules.required(), { validator: async (_r, v: unknown) => { if (typeof v === 'string' && v.trim() !== '' && !licenseGranteeInput.safeParse({ kind: 'case', caseNumber: v }).success) throw new Error(t('licenses.grants.caseNumberInvalid')); } }]}
          >
            <AutoComplete options={caseOptions} filterOption={(input, option) => String(option?.label ?? '').includes(input)}>
              <Input className="zt-code" maxLength={21} spellCheck={false} />
            </AutoComplete>
          </Form.Item>
        )}
        <Form.Item name="purpose" label={t('licenses.grants.purpose')} extra={t('licenses.grants.purposeHelp')} rules={[rules.required(), rules.schema(createLicenseGrantInput.shape.purpose)]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="until"
          label={t('licenses.grants.until')}
          extra={days ? t('licenses.grants.untilHelp', { days, at: formatDateTime(grantEndsAt(new Date(), days).toISOString()), max: LICENSE_GRANT_MAX_DAYS }) : t('licenses.grants.untilMax', { max: LICENSE_GRANT_MAX_DAYS })}
          rules={[rules.requiredChoice(), { validator: async (_r, v: Dayjs | undefined) => { if (v && !isGrantEndAllowed(v.format('YYYY-MM-DD'), beijingToday())) throw new Error(t('licenses.grants.untilMax', { max: LICENSE_GRANT_MAX_DAYS })); } }]}
        >
          <DatePicker disabledDate={(d) => !isGrantEndAllowed(d.format('YYYY-MM-DD'), today)} allowClear={false} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
