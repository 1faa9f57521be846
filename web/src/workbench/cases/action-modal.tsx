import { useEffect, useMemo } from 'react';
import { Alert, App, Button, DatePicker, Form, Input, Modal, Radio, Select, Space, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { specialProcedureKinds, specialProcedureNames, staffActionRoutes, type CaseView, type StaffAction, type SupplementItem } from '@zhengtong/contracts';
import { api, isApiError } from '../../shared/api/client';
import { currentLocale, useRules } from '../../shared/forms/rules';
import { useFormProblem } from '../../shared/forms/use-form-problem';
import { SchemaFormFields, schemaErrorFields } from '../../shared/schema-form/schema-form';
import { textIn, toSubmission } from '../../shared/schema-form/logic';
import { useIdempotencyKey } from '../../shared/use-idempotency-key';
import { casePaths, type StaffCase } from '../../portal/cases/api';
import type { VersionForm } from '../../portal/cases/version-form';
import { useDepartmentChoices } from '../../admin/catalogue/api';

type Values = {
  note?: string;
  reason?: string;
  gapDueDate?: Dayjs;
  result?: Record<string, unknown>;
  items?: SupplementItem[];
  departmentId?: string;
  scheduledAt?: Dayjs;
  opinion?: 'agree' | 'disagree';
  kind?: string;
};

const routeOf = Object.fromEntries(Object.entries(staffActionRoutes).map(([route, action]) => [action, route])) as Record<StaffAction, string>;

/** Actions that record the result: 即办件 at acceptance, otherwise the approval at the decision step. */
function needsResult(action: StaffAction, view: StaffCase): boolean {
  if (view.result !== null) return false;
  if (action === 'accept') return view.caseKind === 'immediate';
  return action === 'approve' && view.step === 'decide';
}

function SupplementItems({ view, versionForm }: { view: StaffCase; versionForm: VersionForm | undefined }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  const rules = useRules();
  const items = Form.useWatch<SupplementItem[] | undefined>('items') ?? [];
  const materialOptions = view.materials.map((m) => ({ value: m.key, label: m.name }));
  const fieldOptions = (versionForm?.form.fields ?? []).map((f) => ({ value: f.key, label: textIn(f.label, locale) }));
  return (
    <Form.List name="items" rules={[{ validator: async (_r, v: unknown[] | undefined) => { if (!v || v.length === 0) throw new Error(t('workbench.cases.actions.itemsRequired')); } }]}>
      {(fields, { add, remove }, { errors }) => (
        <div className="zt-subtle-box">
          <Typography.Text strong>{t('workbench.cases.actions.items')}</Typography.Text>
          {fields.map((f, i) => {
            const target = items[i]?.target ?? 'material';
            return (
              // Named 第 n 项, so a screen reader tells which item's 材料 / 需要怎样补正 it is in.
              <div key={f.key} role="group" aria-label={t('workbench.cases.actions.itemN', { n: i + 1 })} style={{ borderBottom: '1px dashed #d9d9d9', padding: '8px 0' }}>
                <Space wrap align="start">
                  <Form.Item name={[f.name, 'target']} label={t('workbench.cases.actions.target')} style={{ marginBottom: 4 }}>
                    <Radio.Group
                      options={[
                        { value: 'material', label: t('workbench.cases.actions.targets.material') },
                        { value: 'field', label: t('workbench.cases.actions.targets.field') },
                        { value: 'other', label: t('workbench.cases.actions.targets.other') },
                      ]}
                    />
                  </Form.Item>
                  {target !== 'other' ? (
                    <Form.Item name={[f.name, 'key']} label={target === 'material' ? t('workbench.cases.actions.whichMaterial') : t('workbench.cases.actions.whichField')} rules={[rules.requiredChoice()]} style={{ marginBottom: 4, minWidth: 240 }}>
                      <Select options={target === 'material' ? materialOptions : fieldOptions} showSearch={{ optionFilterProp: 'label' }} />
                    </Form.Item>
                  ) : null}
                  <Button type="text" icon={<MinusCircleOutlined />} onClick={() => remove(f.name)} aria-label={t('catalogue.list.removeNamed', { name: t('workbench.cases.actions.itemN', { n: i + 1 }) })} style={{ marginTop: 30 }} />
                </Space>
                <Form.Item name={[f.name, 'reason']} label={t('workbench.cases.actions.whatToFix')} rules={[rules.required()]} extra={t('workbench.cases.actions.whatToFixHelp')} style={{ marginBottom: 4 }}>
                  <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 4 }} />
                </Form.Item>
              </div>
            );
          })}
          <Form.ErrorList errors={errors} />
          <Button type="dashed" icon={<PlusOutlined />} style={{ marginTop: 8 }} onClick={() => add({ target: 'material', key: '', reason: '' })}>
            {t('workbench.cases.actions.addItem')}
          </Button>
        </div>
      )}
    </Form.List>
  );
}

/**
 * One staff action on a case, with exactly the fields it needs. The case's `version` goes with it: when someone
 * else acted first the server answers STALE_VERSION and the page says so and reloads the case.
 */
export function ActionModal({ action, view, versionForm, onClose, onDone, onStale }: { action: StaffAction | undefined; view: StaffCase; versionForm: VersionForm | undefined; onClose: () => void; onDone: (next: CaseView) => void; onStale: () => void }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  const { modal } = App.useApp();
  const rules = useRules();
  const [form] = Form.useForm<Values>();
  const idempotency = useIdempotencyKey();
  const departments = useDepartmentChoices();
  const resultSchema = useMemo(() => ({ fields: versionForm?.resultFields ?? [] }), [versionForm]);
  const problem = useFormProblem(form, ['note', 'reason', 'gapDueDate', 'items', 'departmentId', 'scheduledAt', 'opinion', 'kind', ...schemaErrorFields(resultSchema, 'result')]);
  const hasGaps = view.materials.some((m) => m.mode === 'gap');

  useEffect(() => {
    if (!action) return;
    form.resetFields();
    problem.clear();
    idempotency.renew();
    if (action === 'requestSupplement') form.setFieldsValue({ items: [{ target: 'material', key: '', reason: '' }] });
    if (action === 'countersign') form.setFieldsValue({ opinion: 'agree' });
  }, [action]); // a fresh form and key for each action opened

  const act = useMutation({
    mutationFn: (v: Values) => {
      if (!action) throw new Error('no action');
      const base = { version: view.version, note: v.note?.trim() ?? '' };
      const body: Record<string, unknown> = { ...base };
      switch (action) {
        case 'accept':
          if (v.gapDueDate) body.gapDueDate = v.gapDueDate.format('YYYY-MM-DD');
          if (needsResult(action, view)) body.result = toSubmission(resultSchema, v.result);
          break;
        case 'approve':
          if (needsResult(action, view)) body.result = toSubmission(resultSchema, v.result);
          break;
        case 'refuse':
        case 'deny':
          body.reason = v.reason ?? '';
          break;
        case 'requestSupplement':
          body.items = (v.items ?? []).map((i) => ({ target: i.target, key: i.target === 'other' ? '' : i.key, reason: i.reason }));
          break;
        case 'transfer':
          body.departmentId = v.departmentId;
          body.reason = v.reason ?? '';
          break;
        case 'startInspection':
          if (v.scheduledAt) body.scheduledAt = v.scheduledAt.toISOString();
          break;
        case 'countersign':
          body.opinion = v.opinion;
          break;
        case 'startSpecial':
          body.kind = v.kind;
          break;
        case 'complete':
        case 'endSpecial':
          break;
      }
      return api.post<CaseView>(casePaths.action(view.id, routeOf[action]), body, idempotency.headers);
    },
    onMutate: () => problem.clear(),
    onSuccess: (next) => {
      idempotency.renew();
      onDone(next);
    },
    onError: (error) => {
      if (isApiError(error, 'STALE_VERSION')) {
        onClose();
        modal.warning({
          title: error.problem.title,
          content: error.problem.detail ?? t('workbench.cases.staleText'),
          okText: t('workbench.cases.reload'),
        });
        onStale();
        return;
      }
      problem.handle(error);
    },
  });

  const isDanger = action === 'refuse' || action === 'deny';
  const noteRequired = action === 'countersign';
  return (
    <Modal
      open={action !== undefined}
      title={action ? t(`workbench.cases.actions.${action}.title`) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={action ? t(`workbench.cases.actions.${action}.button`) : ''}
      okButtonProps={{ danger: isDanger, loading: act.isPending }}
      cancelText={t('common.actions.cancel')}
      width={action === 'requestSupplement' || (action && needsResult(action, view)) ? 760 : 560}
      destroyOnHidden
    >
      {action ? <Typography.Paragraph type="secondary">{t(`workbench.cases.actions.${action}.text`)}</Typography.Paragraph> : null}
      {problem.alert}
      <Form<Values> form={form} layout="vertical" onFinish={(v) => act.mutate(v)} scrollToFirstError={{ focus: true }}>
        {action === 'accept' && hasGaps ? (
          <Form.Item name="gapDueDate" label={t('workbench.cases.actions.gapDueDate')} extra={t('workbench.cases.actions.gapDueDateHelp')}>
            <DatePicker disabledDate={(d) => d.isBefore(new Date(), 'day')} style={{ width: 220 }} />
          </Form.Item>
        ) : null}
        {action && needsResult(action, view) ? (
          resultSchema.fields.length > 0 ? (
            <>
              <Typography.Title level={3} style={{ fontSize: '1.05em' }}>
                {t('workbench.cases.actions.result')}
              </Typography.Title>
              <SchemaFormFields schema={resultSchema} name="result" />
            </>
          ) : !versionForm ? (
            <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('workbench.cases.actions.noResultForm')} />
          ) : null
        ) : null}
        {action === 'refuse' || action === 'deny' ? (
          <Form.Item name="reason" label={t('workbench.cases.actions.reason')} rules={[rules.required()]} extra={t(`workbench.cases.actions.${action}.reasonHelp`)}>
            <Input.TextArea maxLength={action === 'deny' ? 2000 : 1000} autoSize={{ minRows: 3, maxRows: 8 }} />
          </Form.Item>
        ) : null}
        {action === 'requestSupplement' ? <SupplementItems view={view} versionForm={versionForm} /> : null}
        {action === 'transfer' ? (
          <>
            <Form.Item name="departmentId" label={t('workbench.cases.actions.toDepartment')} rules={[rules.requiredChoice()]}>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                loading={departments.isPending}
                options={(departments.data ?? []).filter((d) => d.id !== view.departmentId).map((d) => ({ value: d.id, label: d.name }))}
              />
            </Form.Item>
            <Form.Item name="reason" label={t('workbench.cases.actions.reason')} rules={[rules.required()]}>
              <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} />
            </Form.Item>
          </>
        ) : null}
        {action === 'startInspection' ? (
          <Form.Item name="scheduledAt" label={`${t('workbench.cases.actions.scheduledAt')} ${t('common.optional')}`}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: 240 }} />
          </Form.Item>
        ) : null}
        {action === 'countersign' ? (
          <Form.Item name="opinion" label={t('workbench.cases.actions.opinion')} rules={[rules.requiredChoice()]}>
            <Radio.Group options={[{ value: 'agree', label: t('workbench.cases.actions.agree') }, { value: 'disagree', label: t('workbench.cases.actions.disagree') }]} />
          </Form.Item>
        ) : null}
        {action === 'startSpecial' ? (
          <Form.Item name="kind" label={t('workbench.cases.actions.specialKind')} rules={[rules.requiredChoice()]}>
            <Select options={specialProcedureKinds.map((k) => ({ value: k, label: specialProcedureNames[k][locale] }))} />
          </Form.Item>
        ) : null}
        <Form.Item name="note" label={noteRequired ? t('workbench.cases.actions.opinionText') : `${t('workbench.cases.actions.note')} ${t('common.optional')}`} rules={noteRequired ? [rules.required()] : []}>
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
