import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Col, Form, Input, Result, Row, Space, Steps, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { phoneSchema, type CaseView, type FieldError, type Material } from '@zhengtong/contracts';
import { api, isApiError } from '../../shared/api/client';
import { useFormProblem } from '../../shared/forms/use-form-problem';
import { useRules } from '../../shared/forms/rules';
import { SchemaFormFields, schemaErrorFields } from '../../shared/schema-form/schema-form';
import { toEditValues, toSubmission } from '../../shared/schema-form/logic';
import { ButtonLink } from '../../shared/ui/button-link';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { useIdempotencyKey } from '../../shared/use-idempotency-key';
import { caseKeys, casePaths, useLicenseMaterials, type ApplicantCase } from './api';
import { AnswersView } from './answers-view';
import { choicesToSend, unsatisfiedMaterials, type MaterialChoices } from './material-choices';
import { ApplicationMaterials, useApplicationMaterials } from './application-materials';
import { LicenseSource } from './license-source';
import type { VersionForm } from './version-form';

export type ApplyTarget = VersionForm & { versionId: string; itemName: string; departmentName: string };

type Values = { values?: Record<string, unknown>; contactPhone?: string; contactEmail?: string };

function asApplicant(view: CaseView): ApplicantCase {
  if (view.perspective !== 'applicant') throw new Error('expected the applicant view');
  return view;
}

function choicesOf(c: ApplicantCase | undefined): MaterialChoices {
  const out: MaterialChoices = {};
  for (const [key, mode] of Object.entries(c?.materialChoices ?? {})) out[key] = mode;
  return out;
}

/**
 * 在线办理 in three steps: fill in the form (saved as a draft on the server as soon as it is valid), hand in the
 * materials, check and submit. The submission carries an Idempotency-Key, so a retry after a dropped connection
 * returns the first answer instead of filing a second case.
 */
export function ApplyFlow({ target, initial }: { target: ApplyTarget; initial?: ApplicantCase }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const rules = useRules();
  const [form] = Form.useForm<Values>();
  const [current, setCurrent] = useState<ApplicantCase | undefined>(initial);
  const [step, setStep] = useState(0);
  const [missing, setMissing] = useState<string[]>([]);
  const [submitError, setSubmitError] = useState<unknown>();
  const errorFields = useMemo(() => [...schemaErrorFields(target.form), 'contactPhone', 'contactEmail'], [target.form]);
  const problem = useFormProblem(form, errorFields);
  const createKey = useIdempotencyKey();
  const submitKey = useIdempotencyKey();
  const specs = useMemo(() => new Map<string, Material>(target.materials.map((m) => [m.key, m])), [target.materials]);
  // 免证办: materials the applicant's valid electronic licences satisfy are not asked for (the server fetches them on submission).
  const materials = useApplicationMaterials(useLicenseMaterials(target.versionId), choicesOf(initial));
  const { choices, signed, fetched, fetchable, fetchedKeys } = materials;

  useEffect(() => {
    form.setFieldsValue({ values: toEditValues(target.form, initial?.values), contactPhone: initial?.contactPhone ?? undefined, contactEmail: initial?.contactEmail ?? undefined });
  }, []); // the initial draft fills the form once

  const refresh = async (id: string) => {
    const next = asApplicant(await api.get<CaseView>(casePaths.one(id)));
    setCurrent(next);
    return next;
  };

  const save = useMutation({
    mutationFn: async (): Promise<ApplicantCase> => {
      const raw = form.getFieldsValue(true) as Values;
      const body = {
        values: toSubmission(target.form, raw.values),
        materialChoices: choicesToSend(choices, fetchable),
        contactPhone: raw.contactPhone?.trim() || null,
        contactEmail: raw.contactEmail?.trim() || null,
      };
      if (!current) {
        const created = asApplicant(await api.post<CaseView>(casePaths.create, { itemVersionId: target.versionId, ...body, submit: false }, createKey.headers));
        createKey.renew();
        return created;
      }
      return asApplicant(await api.patch<CaseView>(casePaths.one(current.id), { ...body, version: current.version }));
    },
    onMutate: () => problem.clear(),
    onSuccess: (saved) => {
      setCurrent(saved);
      void queryClient.invalidateQueries({ queryKey: caseKeys.all });
    },
    onError: problem.handle,
  });

  const submit = useMutation({
    mutationFn: async () => {
      if (!current) throw new Error('no draft');
      return asApplicant(await api.post<CaseView>(casePaths.submit(current.id), { version: current.version }, submitKey.headers));
    },
    onMutate: () => setSubmitError(undefined),
    onSuccess: (submitted) => {
      submitKey.renew();
      setCurrent(submitted);
      setStep(3);
      void queryClient.invalidateQueries({ queryKey: caseKeys.all });
      window.scrollTo({ top: 0 });
    },
    onError: (error) => {
      setSubmitError(error);
      // A field the server still finds wrong sends the person back to the form, to the field itself.
      const fieldErrors = isApiError(error, 'VALIDATION_FAILED') ? (error.problem.errors ?? []).filter((e: FieldError) => e.field.startsWith('values.') || e.field.startsWith('contact')) : [];
      if (fieldErrors.length > 0) {
        setStep(0);
        window.setTimeout(() => problem.handle(error), 0);
      }
      // A licence that stopped being valid since the preview makes its material missing: show the uploader again.
      if (isApiError(error, 'VALIDATION_FAILED') && (error.problem.errors ?? []).some((e: FieldError) => e.field.startsWith('materials.') && fetched.has(e.field.slice('materials.'.length)))) void materials.preview.refetch();
    },
  });

  const toMaterials = async () => {
    try {
      await form.validateFields();
    } catch (error) {
      // Take the person to the first field that needs attention, not just paint it red somewhere below.
      const first = (error as { errorFields?: { name: (string | number)[] }[] }).errorFields?.[0];
      if (first) form.scrollToField(first.name as never, { focus: true, block: 'center' });
      return;
    }
    await save.mutateAsync().then(() => setStep(1)).catch(() => undefined);
  };

  const toConfirm = async () => {
    if (!current) return;
    const fresh = await refresh(current.id);
    const gaps = unsatisfiedMaterials(fresh.materials, choices, signed, fetchedKeys).map((m) => m.name);
    setMissing(gaps);
    if (gaps.length > 0) return;
    await save.mutateAsync().then(() => setStep(2)).catch(() => undefined);
  };

  if (step === 3 && current) {
    return (
      <Card>
        <Result
          status="success"
          title={<h1 style={{ fontSize: '1.5em', margin: 0 }}>{t('cases.apply.doneTitle')}</h1>}
          subTitle={
            <>
              <div style={{ fontSize: '1.2em', margin: '8px 0' }}>
                {t('cases.apply.caseNumber')} <strong className="zt-code" data-testid="case-number">{current.caseNumber}</strong>
              </div>
              <div>{current.nextStep.text}</div>
            </>
          }
          extra={
            <Space wrap style={{ justifyContent: 'center' }}>
              <ButtonLink type="primary" to={`/my/cases/${current.id}`}>
                {t('cases.apply.viewCase')}
              </ButtonLink>
              {current.allowedActions.includes('downloadReceipt') ? (
                <Button href={casePaths.receipt(current.id)} target="_blank" rel="noreferrer">
                  {t('cases.detail.receipt')}
                </Button>
              ) : null}
              <ButtonLink to="/">{t('common.actions.home')}</ButtonLink>
            </Space>
          }
        />
      </Card>
    );
  }

  return (
    <>
      <Steps
        current={step}
        style={{ marginBottom: 16 }}
        items={[{ title: t('cases.apply.steps.form') }, { title: t('cases.apply.steps.materials') }, { title: t('cases.apply.steps.confirm') }]}
        responsive
      />
      {current ? (
        <Typography.Paragraph type="secondary" aria-live="polite">
          {t('cases.apply.draftSaved')}
        </Typography.Paragraph>
      ) : null}
      <div hidden={step !== 0}>
        <Card title={t('cases.apply.steps.form')}>
          {problem.alert}
          <Form<Values> form={form} layout="vertical" scrollToFirstError={{ focus: true }} style={{ maxWidth: 720 }}>
            {target.form.fields.length === 0 ? <Typography.Paragraph>{t('cases.apply.noForm')}</Typography.Paragraph> : <SchemaFormFields schema={target.form} />}
            <Typography.Title level={2} style={{ fontSize: '1.1em' }}>
              {t('cases.apply.contactTitle')}
            </Typography.Title>
            <Row gutter={12}>
              <Col xs={24} md={12}>
                <Form.Item name="contactPhone" label={`${t('cases.apply.contactPhone')} ${t('common.optional')}`} extra={t('cases.apply.contactHelp')} rules={[rules.schema(phoneSchema)]} validateTrigger="onBlur">
                  <Input type="tel" inputMode="tel" autoComplete="tel" maxLength={11} />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="contactEmail" label={`${t('cases.apply.contactEmail')} ${t('common.optional')}`} rules={[{ type: 'email', message: t('cases.apply.emailInvalid') }]} validateTrigger="onBlur">
                  <Input type="email" autoComplete="email" maxLength={100} />
                </Form.Item>
              </Col>
            </Row>
          </Form>
          <Space wrap>
            <Button type="primary" size="large" onClick={() => void toMaterials()} loading={save.isPending}>
              {t('cases.apply.next')}
            </Button>
          </Space>
        </Card>
      </div>
      {step === 1 && current ? (
        <Card title={t('cases.apply.steps.materials')}>
          <Typography.Paragraph>{t('cases.apply.materialsIntro')}</Typography.Paragraph>
          {current.materials.length === 0 ? <Typography.Paragraph>{t('services.guide.materials.none')}</Typography.Paragraph> : null}
          <ApplicationMaterials caseId={current.id} materials={current.materials} specs={specs} state={materials} audience="applicant" onChanged={() => void refresh(current.id)} />
          {missing.length > 0 ? <Alert type="error" showIcon role="alert" style={{ marginBottom: 12 }} title={t('cases.apply.missing')} description={missing.join('、')} /> : null}
          <ProblemAlert error={save.error} />
          <Space wrap>
            <Button size="large" onClick={() => setStep(0)}>
              {t('cases.apply.back')}
            </Button>
            <Button type="primary" size="large" onClick={() => void toConfirm()} loading={save.isPending}>
              {t('cases.apply.next')}
            </Button>
          </Space>
        </Card>
      ) : null}
      {step === 2 && current ? (
        <Card title={t('cases.apply.steps.confirm')}>
          <Typography.Paragraph>{t('cases.apply.confirmIntro', { item: target.itemName, department: target.departmentName })}</Typography.Paragraph>
          <Typography.Title level={2} style={{ fontSize: '1.1em' }}>
            {t('cases.apply.answers')}
          </Typography.Title>
          <AnswersView form={target.form} values={current.values} />
          <Typography.Title level={2} style={{ fontSize: '1.1em', marginTop: 16 }}>
            {t('cases.apply.steps.materials')}
          </Typography.Title>
          <ul>
            {current.materials.map((m) => {
              const license = fetchedKeys.has(m.key) ? fetched.get(m.key) : undefined;
              return (
                <li key={m.key}>
                  {m.name}
                  {t('common.colon')}
                  {license ? t('cases.materials.summary.license') : t(`cases.materials.summary.${choices[m.key] ?? 'upload'}`, { count: m.files.length })}
                  {license ? <LicenseSource license={license} /> : null}
                </li>
              );
            })}
          </ul>
          {current.materials.some((m) => fetchedKeys.has(m.key)) ? <Typography.Paragraph type="secondary">{t('cases.licenses.consent')}</Typography.Paragraph> : null}
          <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('cases.apply.truthful')} />
          <ProblemAlert error={submitError} unmatched={isApiError(submitError) ? (submitError.problem.errors ?? []) : []} />
          <Space wrap>
            <Button size="large" onClick={() => setStep(1)}>
              {t('cases.apply.back')}
            </Button>
            <Button type="primary" size="large" onClick={() => submit.mutate()} loading={submit.isPending} data-testid="submit-application">
              {t('cases.apply.submit')}
            </Button>
          </Space>
        </Card>
      ) : null}
      {step > 0 && current ? (
        <Button
          type="link"
          style={{ marginTop: 8 }}
          onClick={() =>
            void save.mutateAsync().then(() => {
              void message.success(t('cases.apply.savedDraft'));
            })
          }
        >
          {t('cases.apply.saveDraft')}
        </Button>
      ) : null}
    </>
  );
}
