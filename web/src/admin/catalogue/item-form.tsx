import { useEffect } from 'react';
import { App, Button, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { createServiceItemInput, powerSources, serviceAudiences, serviceItemTypes, type LegalBasis, type ServiceItemView } from '@zhengtong/contracts';
import { api } from '../../shared/api/client';
import { currentLocale, schemaFieldErrors, useRules } from '../../shared/forms/rules';
import { useFormProblem } from '../../shared/forms/use-form-problem';
import { textIn } from '../../shared/schema-form/logic';
import { useIdempotencyKey } from '../../shared/use-idempotency-key';
import { useLifeEvents } from '../../portal/services/api';
import { catalogueLabel } from '../../portal/services/labels';
import { adminCataloguePaths } from './api';
import { FormDrawer } from '../shared/form-drawer';

type Values = {
  basicCode: string;
  name: string;
  type: ServiceItemView['type'];
  powerSource: ServiceItemView['powerSource'];
  basis: LegalBasis[];
  audience: ServiceItemView['audience'];
  lifeEvents: string[];
  keywords: string[];
  aliases: string[];
  departmentCategory: string;
  description: string;
  sort: number;
};
const formFields = [...Object.keys(createServiceItemInput.shape), 'basis.0.name'];

function blank(): Partial<Values> {
  return { basis: [{ name: '', article: '', excerpt: '' }], lifeEvents: [], keywords: [], aliases: [], description: '', sort: 0, audience: 'person', type: 'publicService', powerSource: 'statutory' };
}

/** 事项 (基本目录): the elements every implementer shares — 四级四同: name, 基本编码, type and basis. */
export function ItemForm({ item, onClose, onSaved }: { item: ServiceItemView | 'new' | undefined; onClose: () => void; onSaved: (saved: ServiceItemView) => void }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const rules = useRules();
  const problem = useFormProblem(form, formFields);
  const idempotency = useIdempotencyKey();
  const lifeEvents = useLifeEvents();
  const existing = item === 'new' ? undefined : item;

  useEffect(() => {
    if (!item) return;
    problem.clear();
    idempotency.renew();
    form.resetFields();
    form.setFieldsValue(existing ? { ...existing, basis: existing.basis.length > 0 ? existing.basis : blank().basis } : blank());
  }, [item]); // reset only when the drawer opens for another item

  const save = useMutation({
    mutationFn: async (v: Values) => {
      const body = { ...v, basis: v.basis.map((b) => ({ name: b.name, article: b.article ?? '', excerpt: b.excerpt ?? '' })) };
      const local = schemaFieldErrors(createServiceItemInput, body, locale);
      if (local.length > 0) {
        form.setFields(local.map((f) => ({ name: f.name as never, errors: f.errors })));
        throw new Error(t('catalogue.version.fixFirst'));
      }
      return existing ? api.patch<ServiceItemView>(adminCataloguePaths.item(existing.id), { ...body, version: existing.version }) : api.post<ServiceItemView>(adminCataloguePaths.items, body, idempotency.headers);
    },
    onMutate: () => problem.clear(),
    onSuccess: (saved) => {
      void message.success(t('common.states.saved'));
      onSaved(saved);
    },
    onError: problem.handle,
  });

  return (
    <FormDrawer open={item !== undefined} title={existing ? t('admin.common.editNamed', { name: existing.name }) : t('catalogue.items.create')} onClose={onClose} onSave={() => form.submit()} isSaving={save.isPending}>
      {problem.alert}
      <Form<Values> form={form} layout="vertical" onFinish={(v) => save.mutate(v)} scrollToFirstError={{ focus: true }}>
        <Row gutter={12}>
          <Col xs={24} md={16}>
            <Form.Item name="name" label={t('services.guide.itemName')} rules={[rules.required()]}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="basicCode" label={t('services.guide.basicCode')} rules={[rules.required()]} extra={existing && existing.implementationCount > 0 ? t('catalogue.items.basicCodeFixed') : t('catalogue.items.basicCodeHelp')}>
              <Input maxLength={20} spellCheck={false} disabled={Boolean(existing && existing.implementationCount > 0)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="type" label={t('services.guide.itemType')} rules={[rules.requiredChoice()]}>
              <Select options={serviceItemTypes.map((v) => ({ value: v, label: catalogueLabel.itemType(v, locale) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="powerSource" label={t('services.guide.powerSource')} rules={[rules.requiredChoice()]}>
              <Select options={powerSources.map((v) => ({ value: v, label: catalogueLabel.powerSource(v, locale) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="audience" label={t('services.guide.audience')} rules={[rules.requiredChoice()]}>
              <Select options={serviceAudiences.map((v) => ({ value: v, label: catalogueLabel.audience(v, locale) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="departmentCategory" label={t('services.guide.category')} rules={[rules.required()]} extra={t('catalogue.items.categoryHelp')}>
              <Input maxLength={30} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="lifeEvents" label={t('services.search.facets.lifeEvent')}>
              <Select mode="multiple" loading={lifeEvents.isPending} options={(lifeEvents.data?.items ?? []).map((e) => ({ value: e.code, label: textIn(e.name, locale) }))} showSearch={{ optionFilterProp: 'label' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="aliases" label={t('catalogue.items.aliases')} extra={t('catalogue.items.aliasesHelp')}>
              <Select mode="tags" open={false} tokenSeparators={[',', ',', '、']} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="keywords" label={t('catalogue.items.keywords')} extra={t('catalogue.items.keywordsHelp')}>
              <Select mode="tags" open={false} tokenSeparators={[',', ',', '、']} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="description" label={`${t('catalogue.items.description')} ${t('common.optional')}`}>
              <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 6 }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.List name="basis">
          {(entries, { add, remove }) => (
            <fieldset className="zt-subtle-box">
              <legend style={{ fontWeight: 600, fontSize: '1em', width: 'auto', border: 0, marginBottom: 4 }}>{t('services.guide.sections.basis')}</legend>
              {entries.map((entry, i) => (
                <Row key={entry.key} gutter={8} align="top">
                  <Col xs={24} md={10}>
                    <Form.Item name={[entry.name, 'name']} label={t('catalogue.items.basisName')} rules={[rules.required()]}>
                      <Input maxLength={200} placeholder="《中华人民共和国……法》" />
                    </Form.Item>
                  </Col>
                  <Col xs={20} md={6}>
                    <Form.Item name={[entry.name, 'article']} label={t('catalogue.items.basisArticle')}>
                      <Input maxLength={100} placeholder="第七条" />
                    </Form.Item>
                  </Col>
                  <Col xs={4} md={2} style={{ paddingTop: 30 }}>
                    <Button type="text" icon={<MinusCircleOutlined />} disabled={entries.length === 1} onClick={() => remove(entry.name)} aria-label={t('catalogue.list.removeNamed', { name: t('catalogue.items.basisN', { n: i + 1 }) })} />
                  </Col>
                  <Col xs={24} md={24}>
                    <Form.Item name={[entry.name, 'excerpt']} label={`${t('catalogue.items.basisExcerpt')} ${t('common.optional')}`}>
                      <Input.TextArea maxLength={4000} autoSize={{ minRows: 1, maxRows: 6 }} />
                    </Form.Item>
                  </Col>
                </Row>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', article: '', excerpt: '' })}>
                {t('catalogue.items.addBasis')}
              </Button>
            </fieldset>
          )}
        </Form.List>
        <Form.Item name="sort" label={`${t('admin.regions.sort')} ${t('common.optional')}`} style={{ marginTop: 16 }}>
          <InputNumber min={0} max={999999} precision={0} style={{ width: 160 }} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
