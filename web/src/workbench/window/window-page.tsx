import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Form, Result, Space, Steps, Typography } from 'antd';
import { PrinterOutlined, ReloadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CaseView, Material, ServiceGuide, WindowLicenseMaterialsInput } from '@zhengtong/contracts';
import { api, isApiError } from '../../shared/api/client';
import { useFormProblem } from '../../shared/forms/use-form-problem';
import { SchemaFormFields, schemaErrorFields } from '../../shared/schema-form/schema-form';
import { toSubmission } from '../../shared/schema-form/logic';
import { ButtonLink } from '../../shared/ui/button-link';
import { PageHeader } from '../../shared/ui/page-header';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { QueryState } from '../../shared/ui/query-state';
import { useIdempotencyKey } from '../../shared/use-idempotency-key';
import { caseKeys, casePaths, useWindowLicenseMaterials, type StaffCase } from '../../portal/cases/api';
import { ApplicationMaterials, useApplicationMaterials } from '../../portal/cases/application-materials';
import { choicesToSend, unsatisfiedMaterials } from '../../portal/cases/material-choices';
import { useServiceGuide } from '../../portal/services/api';
import { ActionModal } from '../cases/action-modal';
import { ApplicantFields, toWalkIn, type ApplicantValues } from './applicant-form';
import { ItemPicker, type PickedItem } from './item-picker';
import { prefillFromApplicant } from './prefill';

type FormValues = ApplicantValues & { values?: Record<string, unknown> };

function asStaff(view: CaseView): StaffCase {
  if (view.perspective !== 'staff') throw new Error('expected the staff view');
  return view;
}

/** Opens the server's receipt (受理回执, with the case number and the tracking QR code) in a tab to print. */
function printReceipt(caseId: string) {
  window.open(casePaths.receipt(caseId), '_blank', 'noopener');
}

function WindowFiling({ guide, onRestart }: { guide: ServiceGuide; onRestart: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const [step, setStep] = useState(0);
  const [current, setCurrent] = useState<StaffCase>();
  const [isAccepting, setAccepting] = useState(false);
  // 免证办: once the applicant is identified, which materials their valid electronic licences satisfy (audited look-up).
  const [holder, setHolder] = useState<WindowLicenseMaterialsInput['applicant']>();
  // The clerk may decline a licence for the walk-in (not the one this application is about) and scan the paper instead.
  const materials = useApplicationMaterials(useWindowLicenseMaterials(holder ? { itemVersionId: guide.id, applicant: holder } : undefined));
  const { choices, signed, fetched, fetchable, fetchedKeys } = materials;
  const fileKey = useIdempotencyKey();
  const submitKey = useIdempotencyKey();
  const fields = useMemo(() => ['idNumber', 'name', 'phone', 'creditCode', 'enterpriseName', 'agentName', 'agentIdNumber', ...schemaErrorFields(guide.form)], [guide.form]);
  const problem = useFormProblem(form, fields);
  const specs = useMemo(() => new Map<string, Material>(guide.materials.map((m) => [m.key, m])), [guide.materials]);

  const refresh = async (id: string) => {
    const next = asStaff(await api.get<CaseView>(casePaths.one(id)));
    setCurrent(next);
    return next;
  };

  const file = useMutation({
    mutationFn: async () => {
      const v = form.getFieldsValue(true) as FormValues;
      const body = { itemVersionId: guide.id, applicant: toWalkIn(v), values: toSubmission(guide.form, v.values), materialChoices: {}, submit: false };
      return asStaff(await api.post<CaseView>(casePaths.window, body, fileKey.headers));
    },
    onMutate: () => problem.clear(),
    onSuccess: (created) => {
      fileKey.renew();
      setCurrent(created);
      setStep(2);
    },
    onError: (error) => {
      // Answers wrong on the server's check go back to the step that shows them.
      if (isApiError(error, 'VALIDATION_FAILED') && (error.problem.errors ?? []).some((e) => e.field.startsWith('applicant'))) setStep(0);
      problem.handle(error);
    },
  });

  const submit = useMutation({
    mutationFn: async () => {
      if (!current) throw new Error('no case');
      const chosen = choicesToSend(choices, fetchable);
      let version = current.version;
      if (Object.keys(chosen).length > 0) version = asStaff(await api.patch<CaseView>(casePaths.one(current.id), { materialChoices: chosen, version })).version;
      return asStaff(await api.post<CaseView>(casePaths.submit(current.id), { version }, submitKey.headers));
    },
    onSuccess: (submitted) => {
      submitKey.renew();
      setCurrent(submitted);
      setStep(3);
      void queryClient.invalidateQueries({ queryKey: caseKeys.all });
    },
    onError: (error) => {
      // A licence that stopped being valid since the look-up makes its material missing: ask again, show the uploader.
      if (isApiError(error, 'VALIDATION_FAILED') && (error.problem.errors ?? []).some((e) => e.field.startsWith('materials.') && fetched.has(e.field.slice('materials.'.length)))) void materials.preview.refetch();
    },
  });

  const applicantFields = ['type', 'idNumber', 'name', 'phone', 'creditCode', 'enterpriseName', 'agentName', 'agentIdNumber'];
  const next = async (to: number) => {
    try {
      // The applicant step checks only its own fields; the form's fields are checked when leaving the form step.
      if (to === 1) await form.validateFields(applicantFields);
      else await form.validateFields();
    } catch (error) {
      const first = (error as { errorFields?: { name: (string | number)[] }[] }).errorFields?.[0];
      if (first) form.scrollToField(first.name as never, { focus: true, block: 'center' });
      return;
    }
    if (to === 1) {
      const v = form.getFieldsValue(true) as FormValues;
      form.setFieldsValue({ values: { ...v.values, ...prefillFromApplicant(guide.form, v, v.values) } });
      const walkIn = toWalkIn(v);
      setHolder(walkIn.type === 'enterprise' ? { type: 'enterprise', creditCode: walkIn.creditCode } : { type: 'person', idNumber: walkIn.idNumber });
    }
    if (to === 2 && !current) file.mutate();
    else setStep(to);
  };

  const unsatisfied = current ? unsatisfiedMaterials(current.materials, choices, signed, fetchedKeys) : [];

  return (
    <>
      <Card style={{ marginBottom: 16 }}>
        <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
          <div>
            <Typography.Text type="secondary">{t('workbench.window.item')}</Typography.Text>
            <Typography.Title level={2} style={{ fontSize: '1.3em', margin: 0 }}>
              {guide.serviceItem.name}
            </Typography.Title>
            <Typography.Text>
              {guide.implementation.region.name} · {guide.implementation.department.name}
            </Typography.Text>
          </div>
          <Button icon={<ReloadOutlined />} onClick={onRestart}>
            {t('workbench.window.otherItem')}
          </Button>
        </Space>
      </Card>
      <Steps current={step} style={{ marginBottom: 16 }} responsive items={[{ title: t('workbench.window.steps.applicant') }, { title: t('workbench.window.steps.form') }, { title: t('workbench.window.steps.materials') }, { title: t('workbench.window.steps.done') }]} />
      {problem.alert}
      <Form<FormValues> form={form} layout="vertical" initialValues={{ type: guide.serviceItem.audience === 'enterprise' ? 'enterprise' : 'person' }} style={{ maxWidth: 760 }} disabled={step > 1}>
        <div hidden={step !== 0}>
          <Card title={t('workbench.window.steps.applicant')}>
            <ApplicantFields />
            <Button type="primary" size="large" onClick={() => void next(1)}>
              {t('cases.apply.next')}
            </Button>
          </Card>
        </div>
        <div hidden={step !== 1}>
          <Card title={t('workbench.window.steps.form')}>
            {guide.form.fields.length === 0 ? <Typography.Paragraph>{t('cases.apply.noForm')}</Typography.Paragraph> : <SchemaFormFields schema={guide.form} />}
            <Space wrap>
              <Button size="large" onClick={() => setStep(0)}>
                {t('cases.apply.back')}
              </Button>
              <Button type="primary" size="large" onClick={() => void next(2)} loading={file.isPending}>
                {t('workbench.window.createDraft')}
              </Button>
            </Space>
          </Card>
        </div>
      </Form>
      {step === 2 && current ? (
        <Card title={t('workbench.window.steps.materials')}>
          <Typography.Paragraph>{t('workbench.window.materialsIntro')}</Typography.Paragraph>
          <ApplicationMaterials caseId={current.id} materials={current.materials} specs={specs} state={materials} audience="window" onChanged={() => void refresh(current.id)} />
          {unsatisfied.length > 0 ? <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('cases.apply.missing')} description={unsatisfied.map((m) => m.name).join('、')} /> : null}
          <ProblemAlert error={submit.error} unmatched={isApiError(submit.error) ? (submit.error.problem.errors ?? []) : []} />
          <Button type="primary" size="large" onClick={() => submit.mutate()} loading={submit.isPending} disabled={unsatisfied.length > 0} data-testid="window-submit">
            {t('workbench.window.submit')}
          </Button>
        </Card>
      ) : null}
      {step === 3 && current ? (
        <Card>
          <Result
            status="success"
            title={current.status === 'submitted' ? t('workbench.window.filed') : t('workbench.window.acceptedTitle')}
            subTitle={
              <span style={{ fontSize: '1.2em' }}>
                {t('cases.apply.caseNumber')} <strong className="zt-code" data-testid="window-case-number">{current.caseNumber}</strong>
              </span>
            }
            extra={
              <Space wrap style={{ justifyContent: 'center' }}>
                {current.allowedActions.includes('accept') ? (
                  <Button type="primary" size="large" onClick={() => setAccepting(true)} data-testid="window-accept">
                    {t('workbench.cases.actions.accept.button')}
                  </Button>
                ) : null}
                <Button size="large" icon={<PrinterOutlined />} onClick={() => printReceipt(current.id)} data-testid="window-receipt">
                  {current.status === 'submitted' ? t('workbench.window.printIntake') : t('workbench.window.printReceipt')}
                </Button>
                <ButtonLink size="large" to={`/workbench/cases/${current.id}`}>
                  {t('workbench.window.openCase')}
                </ButtonLink>
                <Button size="large" onClick={onRestart}>
                  {t('workbench.window.nextPerson')}
                </Button>
              </Space>
            }
          />
          <Descriptions
            size="small"
            bordered
            column={1}
            items={[{ key: 'applicant', label: t('cases.detail.applicant'), children: current.applicant.name }]}
          />
          <ActionModal
            action={isAccepting ? 'accept' : undefined}
            view={current}
            versionForm={{ form: guide.form, materials: guide.materials, resultFields: guide.resultFields, allowsPledge: guide.allowsPledge, allowsGaps: guide.allowsGaps, serviceItemId: guide.serviceItem.id }}
            onClose={() => setAccepting(false)}
            onDone={(next) => {
              setAccepting(false);
              setCurrent(asStaff(next));
              void message.success(t('workbench.window.accepted'));
              printReceipt(next.id);
            }}
            onStale={() => void refresh(current.id)}
          />
        </Card>
      ) : null}
    </>
  );
}

/** 综合窗口 (一窗受理): file a case for a walk-in person for any item, attach the scans, accept and print the receipt. */
export function WindowPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const itemId = params.get('itemId');
  const implementationId = params.get('implementationId') ?? undefined;
  const [round, setRound] = useState(0);
  const pick = (picked: PickedItem) => setParams({ itemId: picked.itemId, implementationId: picked.implementationId });
  const restart = () => {
    setParams({});
    setRound((r) => r + 1);
  };
  return (
    <>
      <PageHeader title={t('workbench.window.title')} description={t('workbench.window.intro')} />
      {itemId ? <GuideLoader key={`${itemId}-${implementationId ?? ''}-${round}`} itemId={itemId} implementationId={implementationId} onRestart={restart} /> : <Card title={t('workbench.window.steps.item')}><ItemPicker onPick={pick} /></Card>}
    </>
  );
}

function GuideLoader({ itemId, implementationId, onRestart }: { itemId: string; implementationId: string | undefined; onRestart: () => void }) {
  const guide = useServiceGuide(itemId, implementationId);
  return <QueryState query={guide}>{(g) => <WindowFiling guide={g} onRestart={onRestart} />}</QueryState>;
}
