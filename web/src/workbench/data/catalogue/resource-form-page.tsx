import { useMemo } from 'react';
import { Alert, App, Breadcrumb, Button, Card, Col, Divider, Form, Input, Row, Select, Space, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  catalogueTypes,
  dataCatalogueMessages,
  dataResourceCodeSchema,
  resourceFormats,
  resourceSourceKinds,
  shareMethods,
  openTypes,
  shareTypes,
  updateCycles,
  type DataResourceView,
  type DataSubLevel,
} from '@zhengtong/contracts';
import { useSignedInMe } from '../../../auth/require-session';
import { api, isApiError } from '../../../shared/api/client';
import { currentLocale, useRules } from '../../../shared/forms/rules';
import { useFormProblem } from '../../../shared/forms/use-form-problem';
import { can } from '../../../shared/permissions';
import { PageHeader } from '../../../shared/ui/page-header';
import { QueryState } from '../../../shared/ui/query-state';
import { useIdempotencyKey } from '../../../shared/use-idempotency-key';
import { DepartmentPicker } from '../../../admin/shared/department-picker';
import { catalogueKeys, cataloguePaths, useResource, useSubLevels } from './api';
import { FieldsEditor } from './fields-editor';
import { definitionErrors, formFieldNames, newDefinition, toDefinitionInput, toFormDefinition, type DefinitionEdit, type ResourceFormValues } from './form-values';
import { useLabels } from './labels';

type Mode = { kind: 'create' } | { kind: 'edit'; view: DataResourceView };

function KeyFieldSelect({ id, value, onChange }: { id?: string; value?: string; onChange?: (v: string) => void }) {
  const { t } = useTranslation();
  const fields = Form.useWatch<DefinitionEdit['fields'] | undefined>(['definition', 'fields']) ?? [];
  return (
    <Select<string>
      id={id}
      value={value || undefined}
      onChange={(v) => onChange?.(v)}
      options={fields.filter((f) => f.key).map((f) => ({ value: f.key, label: `${f.name || f.key}(${f.key})` }))}
      placeholder={t('dataCatalogue.form.chooseKey')}
      notFoundContent={t('dataCatalogue.form.noKeyYet')}
    />
  );
}

const tagsSelect = (placeholder: string) => <Select mode="tags" tokenSeparators={['、', ',', ',']} open={false} placeholder={placeholder} suffixIcon={null} />;

function ResourceForm({ mode, subLevels }: { mode: Mode; subLevels: readonly DataSubLevel[] }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  const me = useSignedInMe();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const rules = useRules();
  const { options } = useLabels();
  const [form] = Form.useForm<ResourceFormValues>();
  const fieldCount = (Form.useWatch<unknown[] | undefined>(['definition', 'fields'], form) ?? []).length;
  const problem = useFormProblem(form, useMemo(() => formFieldNames(Math.max(fieldCount, 1)), [fieldCount]), dataCatalogueMessages[locale]);
  const idempotency = useIdempotencyKey();
  const isRegionWide = can(me, 'data-resource.review');
  const initial: ResourceFormValues = useMemo(() => {
    if (mode.kind === 'edit') {
      const definition = mode.view.latest?.definition ?? mode.view.published;
      return { code: mode.view.code, providerDepartmentId: mode.view.providerDepartmentId, sourceKind: mode.view.sourceKind, note: '', definition: definition ? toFormDefinition(definition) : newDefinition() };
    }
    return { code: '', providerDepartmentId: me.departmentId, sourceKind: 'table', note: '', definition: newDefinition() };
  }, [mode, me.departmentId]);

  const save = useMutation({
    mutationFn: (values: ResourceFormValues) => {
      const definition = toDefinitionInput(values.definition);
      const note = (values.note ?? '').trim();
      if (mode.kind === 'edit') return api.put<DataResourceView>(cataloguePaths.draft(mode.view.id), { version: mode.view.version, definition, note });
      return api.post<DataResourceView>(cataloguePaths.list, { code: values.code.trim(), providerDepartmentId: values.providerDepartmentId, sourceKind: values.sourceKind, definition, note }, idempotency.headers);
    },
    onMutate: () => problem.clear(),
    onSuccess: (view) => {
      queryClient.setQueryData(catalogueKeys.one(view.id), view);
      void queryClient.invalidateQueries({ queryKey: catalogueKeys.all });
      void message.success(t('dataCatalogue.form.saved'));
      void navigate(`/workbench/data/resources/${view.id}`);
    },
    onError: (error) => {
      // A refused create may be corrected and sent again: that is a new attempt with a key of its own.
      idempotency.renew();
      problem.handle(error);
    },
  });

  const submit = (values: ResourceFormValues) => {
    const errors = definitionErrors(values.definition, subLevels, locale);
    if (errors.length > 0) {
      form.setFields(errors.map((e) => ({ name: e.name as never, errors: e.errors })));
      const first = errors[0];
      if (first) form.scrollToField(first.name as never, { focus: true, block: 'center' });
      return;
    }
    save.mutate(values);
  };
  const isStale = isApiError(problem.error, 'STALE_VERSION');

  return (
    <Form<ResourceFormValues> form={form} layout="vertical" initialValues={initial} onFinish={submit} scrollToFirstError={{ focus: true, block: 'center' }}>
      {isStale ? <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('dataCatalogue.form.stale')} /> : problem.alert}
      <Card title={t('dataCatalogue.form.basics')} style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="code" label={t('dataCatalogue.facts.code')} extra={mode.kind === 'create' ? t('dataCatalogue.form.codeHelp') : t('dataCatalogue.form.codeFixed')} rules={[rules.required(), rules.schema(dataResourceCodeSchema)]}>
              <Input maxLength={40} spellCheck={false} className="zt-code" disabled={mode.kind === 'edit'} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="providerDepartmentId" label={t('dataCatalogue.facts.provider')} extra={isRegionWide ? undefined : t('dataCatalogue.form.providerOwn')} rules={[rules.requiredChoice()]}>
              {isRegionWide && mode.kind === 'create' ? <DepartmentPicker /> : <Select disabled options={[{ value: initial.providerDepartmentId ?? '', label: mode.kind === 'edit' ? mode.view.providerName : (me.departmentName ?? '') }]} />}
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="sourceKind" label={t('dataCatalogue.form.sourceKind')} extra={t('dataCatalogue.form.sourceKindHelp')}>
              <Select options={options('sourceKind', resourceSourceKinds)} disabled={mode.kind === 'edit'} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name={['definition', 'name']} label={t('dataCatalogue.form.name')} rules={[rules.required()]}>
              <Input maxLength={80} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name={['definition', 'catalogueType']} label={t('dataCatalogue.facts.catalogueType')}>
              <Select options={options('catalogueType', catalogueTypes)} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name={['definition', 'format']} label={t('dataCatalogue.form.format')}>
              <Select options={options('format', resourceFormats)} />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Text strong>{t('dataCatalogue.facts.classification')}</Typography.Text>
        <Row gutter={16} style={{ marginTop: 8 }}>
          {(['category', 'item', 'directory', 'detail'] as const).map((part) => (
            <Col xs={12} md={6} key={part}>
              <Form.Item name={['definition', 'classification', part]} label={t(`dataCatalogue.form.classification.${part}`)} rules={part === 'category' ? [rules.required()] : []}>
                <Input maxLength={40} />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Form.Item name={['definition', 'summary']} label={t('dataCatalogue.facts.summary')} rules={[rules.required()]}>
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 6 }} showCount />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name={['definition', 'themes']} label={t('dataCatalogue.facts.themes')} extra={t('dataCatalogue.form.tagsHelp')}>
              {tagsSelect(t('dataCatalogue.form.themesPlaceholder'))}
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name={['definition', 'keywords']} label={t('dataCatalogue.facts.keywords')} extra={t('dataCatalogue.form.tagsHelp')}>
              {tagsSelect(t('dataCatalogue.form.keywordsPlaceholder'))}
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name={['definition', 'relatedCodes']} label={t('dataCatalogue.facts.related')} extra={t('dataCatalogue.form.tagsHelp')}>
              {tagsSelect('539900-SJ-0001')}
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name={['definition', 'updateCycle']} label={t('dataCatalogue.form.updateCycle')}>
              <Select options={options('updateCycle', updateCycles)} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name={['definition', 'releasedOn']} label={`${t('dataCatalogue.facts.releasedOn')} ${t('common.optional')}`} rules={[{ pattern: /^\d{4}-\d{2}-\d{2}$/, message: t('dataCatalogue.form.dateFormat') }]}>
              <Input placeholder="2026-11-01" maxLength={10} inputMode="numeric" />
            </Form.Item>
          </Col>
        </Row>
      </Card>
      <Card title={t('dataCatalogue.form.sharing')} style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col xs={12} md={6}>
            <Form.Item name={['definition', 'shareType']} label={t('dataCatalogue.fields.shareType')}>
              <Select options={options('shareType', shareTypes)} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name={['definition', 'shareMethods']} label={t('dataCatalogue.form.shareMethods')} rules={[rules.requiredChoice()]}>
              <Select mode="multiple" options={options('shareMethod', shareMethods)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name={['definition', 'shareCondition']} label={`${t('dataCatalogue.form.shareCondition')} ${t('common.optional')}`}>
              <Input maxLength={500} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name={['definition', 'legalBasis']} label={t('dataCatalogue.fields.legalBasis')} extra={t('dataCatalogue.form.legalBasisHelp')}>
              <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 4 }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name={['definition', 'openType']} label={t('dataCatalogue.fields.openType')}>
              <Select options={options('openType', openTypes)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={18}>
            <Form.Item name={['definition', 'openCondition']} label={`${t('dataCatalogue.form.openCondition')} ${t('common.optional')}`}>
              <Input maxLength={500} />
            </Form.Item>
          </Col>
        </Row>
      </Card>
      <Card title={t('dataCatalogue.form.fields')} style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary">{t('dataCatalogue.form.fieldsHelp')}</Typography.Paragraph>
        <FieldsEditor subLevels={subLevels} />
        <Divider />
        <Form.Item name={['definition', 'keyField']} label={t('dataCatalogue.form.keyField')} extra={t('dataCatalogue.form.keyFieldHelp')} rules={[rules.requiredChoice()]} style={{ maxWidth: 420 }}>
          <KeyFieldSelect />
        </Form.Item>
      </Card>
      <Card style={{ marginBottom: 16 }}>
        <Form.Item name="note" label={`${t('dataCatalogue.form.note')} ${t('common.optional')}`} extra={t('dataCatalogue.form.noteHelp')}>
          <Input maxLength={500} />
        </Form.Item>
        <Space wrap>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('dataCatalogue.form.save')}
          </Button>
          <Link to={mode.kind === 'edit' ? `/workbench/data/resources/${mode.view.id}` : '/workbench/data/resources'}>{t('common.actions.cancel')}</Link>
        </Space>
      </Card>
    </Form>
  );
}

/** 新建数据资源: the provider's data admin (or the chief data officer for any department) drafts an entry. */
export function CreateResourcePage() {
  const { t } = useTranslation();
  const subLevels = useSubLevels();
  return (
    <>
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <Link to="/workbench/data/resources">{t('dataCatalogue.list.title')}</Link> }, { title: t('dataCatalogue.form.createTitle') }]} />
      <PageHeader title={t('dataCatalogue.form.createTitle')} description={t('dataCatalogue.form.createIntro')} />
      <QueryState query={subLevels}>{(s) => <ResourceForm mode={{ kind: 'create' }} subLevels={s.items} />}</QueryState>
    </>
  );
}

/** 编辑草稿 / 新建版本: saving a published entry starts a new draft version; the published one keeps serving. */
export function EditResourcePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const resource = useResource(id);
  const subLevels = useSubLevels();
  const title = resource.data?.pending?.status === 'draft' ? t('dataCatalogue.detail.editDraft') : t('dataCatalogue.detail.newVersion');
  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[
          { title: <Link to="/workbench/data/resources">{t('dataCatalogue.list.title')}</Link> },
          { title: <Link to={`/workbench/data/resources/${id}`}>{resource.data?.name ?? t('dataCatalogue.detail.title')}</Link> },
          { title },
        ]}
      />
      <PageHeader title={`${title} · ${resource.data?.name ?? ''}`} />
      <QueryState query={resource} rows={10}>
        {(view) => (
          <QueryState query={subLevels}>
            {(s) => (view.can.edit ? <ResourceForm key={view.version} mode={{ kind: 'edit', view }} subLevels={s.items} /> : <Alert type="info" showIcon title={t('dataCatalogue.form.cannotEdit')} />)}
          </QueryState>
        )}
      </QueryState>
    </>
  );
}
