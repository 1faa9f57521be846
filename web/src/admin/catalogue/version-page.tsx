import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Alert, App, Breadcrumb, Button, Card, Descriptions, Form, Tabs, Tag, Timeline, Typography } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { itemVersionActionNames, type FieldError, type ItemVersionDetail } from '@zhengtong/contracts';
import { api, isApiError } from '../../shared/api/client';
import { isMessageKey } from '../../shared/api/problem';
import { currentLocale, fieldMessage } from '../../shared/forms/rules';
import { formatDateTime } from '../../shared/format';
import { PageHeader } from '../../shared/ui/page-header';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { QueryState } from '../../shared/ui/query-state';
import { GuideDocument } from '../../portal/services/guide-document';
import { catalogueLabel } from '../../portal/services/labels';
import { adminCatalogueKeys, adminCataloguePaths, useVersionDetail } from './api';
import { BasicsEditor } from './basics-editor';
import { FieldListEditor } from './field-list-editor';
import { MaterialsEditor } from './materials-editor';
import { ResultEditor } from './result-editor';
import { VersionActions } from './version-actions';
import { WorkflowEditor } from './workflow-editor';
import { editorPath, elementIssues, elementsOf, fromEdit, tabOfPath, toEdit, type ElementsEdit } from './version-form-values';

type TabKey = 'basics' | 'materials' | 'form' | 'workflow' | 'result' | 'preview' | 'history';
type Located = { path: (string | number)[]; message: string };

const statusColors = { draft: 'default', review: 'gold', published: 'green', retired: 'red' } as const;

/** The words a person sees for a field: its own label on the page, with the list entry it belongs to. */
function fieldWords(path: readonly (string | number)[]): string {
  const label = document.querySelector(`label[for="${path.join('_')}"]`)?.textContent?.trim();
  const entry = path.find((p) => typeof p === 'number');
  const position = typeof entry === 'number' ? `#${entry + 1} ` : '';
  return label ? `${position}${label}` : path.map((p) => (typeof p === 'number' ? `#${p + 1}` : p)).join(' › ');
}

function toNamePath(field: string): (string | number)[] {
  return field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

function History({ version }: { version: ItemVersionDetail }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  if (version.history.length === 0) return <Typography.Paragraph type="secondary">{t('common.states.empty')}</Typography.Paragraph>;
  return (
    <Timeline
      items={version.history.map((h, i) => ({
        key: `${h.at}-${i}`,
        children: (
          <>
            <strong>{itemVersionActionNames[h.action][locale]}</strong> · {h.actorName} · <span className="zt-muted">{formatDateTime(h.at)}</span>
            {h.note ? <div className="zt-pre">{h.note}</div> : null}
          </>
        ),
      }))}
    />
  );
}

function VersionScreen({ version }: { version: ItemVersionDetail }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ElementsEdit>();
  const [tab, setTab] = useState<TabKey>('basics');
  const [issues, setIssues] = useState<Located[]>([]);
  const [failure, setFailure] = useState<unknown>();
  const [preview, setPreview] = useState<ItemVersionDetail>(version);
  const revision = useRef(version.revision);
  const canEdit = version.allowedActions.includes('edit');

  useEffect(() => {
    revision.current = version.revision;
    form.resetFields();
    form.setFieldsValue(toEdit(elementsOf(version)));
    setIssues([]);
    setFailure(undefined);
  }, [version.id, version.revision]); // a new revision from the server replaces what is shown

  const showIssues = (located: Located[]) => {
    setIssues(located);
    form.setFields(located.map((l) => ({ name: l.path as never, errors: [l.message] })));
    const first = located[0];
    if (first) {
      setTab(tabOfPath(first.path));
      window.setTimeout(() => form.scrollToField(first.path as never, { focus: true, block: 'center' }), 50);
    }
  };

  const reload = async () => {
    await queryClient.invalidateQueries({ queryKey: adminCatalogueKeys.version(version.id) });
  };

  const save = useMutation({
    mutationFn: async () => {
      const values = form.getFieldsValue(true) as ElementsEdit;
      const local = elementIssues(values);
      if (local.length > 0) {
        showIssues(local.map((i) => ({ path: i.path, message: fieldMessage(i.code, locale) })));
        return undefined;
      }
      return api.put<ItemVersionDetail>(adminCataloguePaths.version(version.id), { elements: fromEdit(values), revision: revision.current });
    },
    onMutate: () => {
      setFailure(undefined);
      setIssues([]);
    },
    onSuccess: (saved) => {
      if (!saved) return;
      revision.current = saved.revision;
      queryClient.setQueryData(adminCatalogueKeys.version(version.id), saved);
      void message.success(t('common.states.saved'));
    },
    onError: (error) => {
      if (isApiError(error, 'STALE_VERSION')) {
        modal.confirm({
          title: t('catalogue.version.staleTitle'),
          content: t('catalogue.version.staleText'),
          okText: t('catalogue.version.reload'),
          cancelText: t('common.actions.cancel'),
          onOk: reload,
        });
        return;
      }
      if (isApiError(error, 'VALIDATION_FAILED') && error.problem.errors?.length) {
        showIssues(error.problem.errors.map((e: FieldError) => ({ path: editorPath(toNamePath(e.field)), message: isMessageKey(e.message) ? fieldMessage(e.code, locale) : e.message })));
      }
      setFailure(error);
    },
  });

  /** Actions on a draft with unsaved edits save them first, so what is reviewed is what is on screen. */
  const beforeAction = async (): Promise<number | undefined> => {
    if (!canEdit || !form.isFieldsTouched()) return revision.current;
    const saved = await save.mutateAsync();
    if (!saved) throw new Error(t('catalogue.version.fixFirst'));
    return saved.revision;
  };

  const item = version.serviceItem;
  const title = t('catalogue.version.title', { name: item.name, version: version.version });
  const tabs: { key: TabKey; label: string; children: ReactNode }[] = [
    { key: 'basics', label: t('catalogue.version.tabs.basics'), children: <BasicsEditor /> },
    { key: 'materials', label: t('catalogue.version.tabs.materials'), children: <MaterialsEditor /> },
    {
      key: 'form',
      label: t('catalogue.version.tabs.form'),
      children: (
        <>
          <Typography.Paragraph type="secondary">{t('catalogue.version.formHelp')}</Typography.Paragraph>
          <FieldListEditor listPath={['form', 'fields']} addLabel={t('catalogue.fields.add')} emptyText={t('catalogue.fields.empty')} isReadOnly={!canEdit} />
        </>
      ),
    },
    { key: 'workflow', label: t('catalogue.version.tabs.workflow'), children: <WorkflowEditor /> },
    { key: 'result', label: t('catalogue.version.tabs.result'), children: <ResultEditor isReadOnly={!canEdit} /> },
    { key: 'preview', label: t('catalogue.version.tabs.preview'), children: <GuideDocument guide={preview} /> },
    { key: 'history', label: t('catalogue.version.tabs.history'), children: <History version={version} /> },
  ];
  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[{ title: <Link to="/admin/catalogue">{t('admin.sections.catalogue.title')}</Link> }, { title: <Link to={`/admin/catalogue/items/${item.id}`}>{item.name}</Link> }, { title: t('catalogue.version.short', { version: version.version }) }]}
      />
      <PageHeader title={title} extra={<VersionActions version={version} beforeAction={beforeAction} onChanged={(next) => (next ? queryClient.setQueryData(adminCatalogueKeys.version(version.id), next) : void reload())} />} />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 'status', label: t('catalogue.version.status'), children: <Tag color={statusColors[version.status]}>{catalogueLabel.versionStatus(version.status, locale)}</Tag> },
            { key: 'department', label: t('services.guide.department'), children: version.implementation.department.name },
            { key: 'region', label: t('services.guide.region'), children: version.implementation.region.fullName },
            { key: 'code', label: t('services.guide.implementationCode'), children: <span className="zt-code">{version.implementation.implementationCode}</span> },
            { key: 'from', label: t('catalogue.version.effectiveFrom'), children: version.effectiveFrom ? formatDateTime(version.effectiveFrom) : '—' },
            { key: 'to', label: t('catalogue.version.effectiveTo'), children: version.effectiveTo ? formatDateTime(version.effectiveTo) : '—' },
          ]}
        />
        {version.status === 'draft' && version.rejectReason ? <Alert type="warning" showIcon style={{ marginTop: 12 }} title={t('catalogue.version.rejected')} description={version.rejectReason} /> : null}
        {version.status === 'review' ? <Alert type="info" showIcon style={{ marginTop: 12 }} title={t('catalogue.version.inReview', { name: version.submittedBy ?? '' })} /> : null}
        {!canEdit && version.status === 'draft' ? <Alert type="info" showIcon style={{ marginTop: 12 }} title={t('catalogue.version.readOnly')} /> : null}
      </Card>
      <ProblemAlert error={failure} />
      {issues.length > 0 ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          title={t('catalogue.version.issues', { count: issues.length })}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {issues.slice(0, 12).map((i) => (
                <li key={`${i.path.join('.')}-${i.message}`}>
                  <Button
                    type="link"
                    size="small"
                    style={{ padding: 0, height: 'auto' }}
                    onClick={() => {
                      setTab(tabOfPath(i.path));
                      window.setTimeout(() => form.scrollToField(i.path as never, { focus: true, block: 'center' }), 50);
                    }}
                  >
                    {t(`catalogue.version.tabs.${tabOfPath(i.path)}`)} · {fieldWords(i.path)}
                  </Button>
                  : {i.message}
                </li>
              ))}
            </ul>
          }
        />
      ) : null}
      <Form<ElementsEdit> form={form} layout="vertical" disabled={!canEdit} onValuesChange={() => setIssues([])}>
        <Card>
          <Tabs
            activeKey={tab}
            onChange={(key) => {
              if (key === 'preview') {
                try {
                  setPreview({ ...version, ...fromEdit(form.getFieldsValue(true) as ElementsEdit) });
                } catch {
                  setPreview(version);
                }
              }
              setTab(key as TabKey);
            }}
            items={tabs.map((tb) => ({ ...tb, forceRender: tb.key !== 'preview' && tb.key !== 'history' }))}
          />
        </Card>
      </Form>
      {canEdit ? (
        <div className="zt-sticky-bar">
          <Button type="primary" size="large" icon={<SaveOutlined />} loading={save.isPending} onClick={() => save.mutate()}>
            {t('catalogue.version.save')}
          </Button>
        </div>
      ) : null}
    </>
  );
}

/** 事项版本: edit a draft's elements, move it through review to publication, read any version's history. */
export function VersionPage() {
  const { id = '' } = useParams();
  const detail = useVersionDetail(id);
  return (
    <QueryState query={detail} rows={12}>
      {(version) => <VersionScreen version={version} />}
    </QueryState>
  );
}
