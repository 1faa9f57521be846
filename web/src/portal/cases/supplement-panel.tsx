import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CaseView, FormSchema } from '@zhengtong/contracts';
import { api } from '../../shared/api/client';
import { currentLocale } from '../../shared/forms/rules';
import { useFormProblem } from '../../shared/forms/use-form-problem';
import { SchemaFormFields, schemaErrorFields } from '../../shared/schema-form/schema-form';
import { toEditValues, toSubmission } from '../../shared/schema-form/logic';
import { useIdempotencyKey } from '../../shared/use-idempotency-key';
import { casePaths, type ApplicantCase } from './api';
import { MaterialUploader } from './material-uploader';
import { dateWords, supplementLines } from './plain-words';
import type { VersionForm } from './version-form';

type Values = { values?: Record<string, unknown>; note?: string };

/**
 * 补正: the one-time list of what to correct (一次性告知), each material to replace right here, the named form
 * fields to answer again, then one button that hands it all back and restarts the clock.
 */
export function SupplementPanel({ view, versionForm, onDone }: { view: ApplicantCase; versionForm: VersionForm | undefined; onDone: (next: ApplicantCase) => void }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const idempotency = useIdempotencyKey();
  const [current, setCurrent] = useState(view);
  const request = current.supplementRequest;
  const fieldKeys = useMemo(() => new Set((request?.items ?? []).filter((i) => i.target === 'field').map((i) => i.key)), [request]);
  // Only the fields the reviewer named are asked again; conditions are left out so each named field shows.
  const subForm: FormSchema = useMemo(() => ({ fields: (versionForm?.form.fields ?? []).filter((f) => fieldKeys.has(f.key)).map((f) => ({ ...f, visibleWhen: undefined })) }), [versionForm, fieldKeys]);
  const problem = useFormProblem(form, [...schemaErrorFields(subForm), 'note']);
  const lines = supplementLines(request?.items ?? [], { materials: current.materials, fields: versionForm?.form.fields ?? [] }, locale);
  const correctionOf = (key: string) => lines.filter((l) => l.target === 'material' && l.key === key).map((l) => l.reason).join(';');
  const named = current.materials.filter((m) => lines.some((l) => l.target === 'material' && l.key === m.key));

  const refresh = async () => {
    const next = await api.get<CaseView>(casePaths.one(current.id));
    if (next.perspective === 'applicant') setCurrent(next);
  };

  const resubmit = useMutation({
    mutationFn: async (v: Values) => {
      const corrected = versionForm && subForm.fields.length > 0 ? { ...current.values, ...toSubmission(subForm, v.values) } : undefined;
      const full = versionForm && corrected ? toSubmission(versionForm.form, corrected) : undefined;
      return api.post<CaseView>(casePaths.supplement(current.id), { version: current.version, note: v.note ?? '', ...(full ? { values: full } : {}) }, idempotency.headers);
    },
    onMutate: () => problem.clear(),
    onSuccess: (next) => {
      idempotency.renew();
      void message.success(t('cases.supplement.sent'));
      if (next.perspective === 'applicant') onDone(next);
    },
    onError: problem.handle,
  });

  if (!request) return null;
  return (
    <Card title={<h2 style={{ fontSize: '1.15em', margin: 0 }}>{t('cases.supplement.title')}</h2>} style={{ marginBottom: 16, borderColor: '#d48806' }}>
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 12 }}
        title={current.nextStep.dueAt ? t('cases.supplement.due', { date: dateWords(current.nextStep.dueAt, locale) }) : t('cases.supplement.asked', { date: dateWords(request.requestedAt, locale) })}
        description={
          <ol style={{ margin: 0, paddingInlineStart: 20 }}>
            {lines.map((l, i) => (
              <li key={`${l.key}-${i}`}>
                {l.what ? <strong>
                    {l.what}
                    {t('common.colon')}
                  </strong> : null}
                {l.reason}
              </li>
            ))}
          </ol>
        }
      />
      {request.note ? <Typography.Paragraph className="zt-pre">{request.note}</Typography.Paragraph> : null}
      {named.map((m) => (
        <MaterialUploader
          key={m.key}
          caseId={current.id}
          material={m}
          spec={versionForm?.materials.find((s) => s.key === m.key)}
          choice="upload"
          canPledge={false}
          canGap={false}
          isPledgeSigned={false}
          onPledgeSigned={() => undefined}
          canUpload={current.allowedActions.includes('upload')}
          correction={correctionOf(m.key)}
          onChanged={() => void refresh()}
        />
      ))}
      {problem.alert}
      <Form<Values> form={form} layout="vertical" initialValues={{ values: toEditValues(subForm, current.values) }} onFinish={(v) => resubmit.mutate(v)} style={{ maxWidth: 720 }}>
        {subForm.fields.length > 0 ? (
          <>
            <Typography.Title level={3} style={{ fontSize: '1.05em' }}>
              {t('cases.supplement.fields')}
            </Typography.Title>
            <SchemaFormFields schema={subForm} />
          </>
        ) : null}
        {fieldKeys.size > 0 && !versionForm ? <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('cases.supplement.noForm')} /> : null}
        <Form.Item name="note" label={`${t('cases.supplement.note')} ${t('common.optional')}`}>
          <Input.TextArea maxLength={1000} autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
        <Button type="primary" size="large" htmlType="submit" loading={resubmit.isPending} disabled={!current.allowedActions.includes('supplement')} data-testid="resubmit">
          {t('cases.supplement.submit')}
        </Button>
      </Form>
    </Card>
  );
}
