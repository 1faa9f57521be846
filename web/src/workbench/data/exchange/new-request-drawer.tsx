import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Checkbox, DatePicker, Descriptions, Drawer, Form, Input, InputNumber, Select, Space, Tag, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { createShareRequestInput, dataExchangeMessages, maskingKindNames, shareTypeNames, type ShareableResourceView, type ShareRequestView } from '@zhengtong/contracts';
import { api } from '../../../shared/api/client';
import { currentLocale, useRules } from '../../../shared/forms/rules';
import { useFormProblem } from '../../../shared/forms/use-form-problem';
import { useIdempotencyKey } from '../../../shared/use-idempotency-key';
import { beijingToday } from '../../../portal/licenses/grant-dates';
import { exchangePaths, useCatalogueSearch, useShareableResource } from './api';

type Values = {
  resource: string;
  fields: string[];
  unmaskedFields: string[];
  purpose: string;
  legalBasis: string;
  period: [Dayjs, Dayjs];
  expectedDailyVolume: number;
};

const formFields = ['resource', 'fields', 'unmaskedFields', 'purpose', 'legalBasis', 'validFrom', 'validTo', 'expectedDailyVolume'];

/** Whether the provider must agree too: the resource, or any chosen field, is shared on conditions (as the server decides). */
export function isConditionalChoice(resource: ShareableResourceView | null | undefined, fields: readonly string[]): boolean {
  if (!resource) return false;
  return resource.shareType === 'conditional' || resource.fields.some((f) => fields.includes(f.key) && f.shareType === 'conditional');
}

function ResourcePicker({ value, onChange }: { value?: string; onChange?: (code: string) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const search = useCatalogueSearch(text);
  const options = (search.data?.items ?? []).map((r) => ({ value: r.code, label: `${r.name}(${r.code})· ${r.providerName}` }));
  return (
    <Select
      value={value}
      onChange={onChange}
      showSearch={{ filterOption: false, onSearch: setText }}
      loading={search.isFetching}
      placeholder={t('dataExchange.form.resourcePlaceholder')}
      notFoundContent={search.isFetching ? null : t('dataExchange.form.resourceNone')}
      options={options}
      aria-label={t('dataExchange.form.resource')}
    />
  );
}

/**
 * 申请共享资源: pick a published resource and some of its fields (never those 不予共享), say why, on what basis, for
 * how long (≤ 1 year) and how much a day. A conditional choice needs a legal basis and the provider's agreement too;
 * only then may personal fields be asked for unmasked.
 */
export function NewRequestDrawer({ open, onClose, onSubmitted }: { open: boolean; onClose: () => void; onSubmitted: (request: ShareRequestView) => void }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  const [form] = Form.useForm<Values>();
  const rules = useRules();
  const idempotency = useIdempotencyKey();
  const problem = useFormProblem(form, formFields, dataExchangeMessages[locale]);
  const code = Form.useWatch('resource', form);
  const chosen = Form.useWatch('fields', form) ?? [];
  const resource = useShareableResource(code);
  const detail = resource.data;
  const isConditional = isConditionalChoice(detail, chosen);
  const personal = useMemo(() => (detail?.fields ?? []).filter((f) => chosen.includes(f.key) && f.isPersonal && f.masking !== 'hidden'), [detail, chosen]);

  useEffect(() => {
    if (!open) return;
    problem.clear();
    idempotency.renew();
    form.resetFields();
    const today = dayjs(beijingToday());
    form.setFieldsValue({ period: [today, today.add(1, 'year').subtract(1, 'day')], expectedDailyVolume: 1000, fields: [], unmaskedFields: [] });
  }, [open]); // a fresh form and key each time the drawer opens

  const submit = useMutation({
    mutationFn: (v: Values) =>
      api.post<ShareRequestView>(
        exchangePaths.requests,
        {
          resource: v.resource,
          fields: v.fields,
          unmaskedFields: isConditional ? (v.unmaskedFields ?? []).filter((k) => v.fields.includes(k)) : [],
          purpose: v.purpose.trim(),
          legalBasis: (v.legalBasis ?? '').trim(),
          validFrom: v.period[0].format('YYYY-MM-DD'),
          validTo: v.period[1].format('YYYY-MM-DD'),
          expectedDailyVolume: v.expectedDailyVolume,
        },
        idempotency.headers,
      ),
    onMutate: () => problem.clear(),
    onSuccess: onSubmitted,
    onError: problem.handle,
  });

  const today = dayjs(beijingToday());
  return (
    <Drawer
      open={open}
      title={t('dataExchange.form.title')}
      onClose={onClose}
      size="large"
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.actions.cancel')}</Button>
          <Button type="primary" onClick={() => form.submit()} loading={submit.isPending}>
            {t('dataExchange.form.submit')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('dataExchange.form.intro')}</Typography.Paragraph>
      {problem.alert}
      <Form<Values> form={form} layout="vertical" onFinish={(v) => submit.mutate(v)} scrollToFirstError={{ focus: true }}>
        <Form.Item name="resource" label={t('dataExchange.form.resource')} extra={t('dataExchange.form.resourceHelp')} rules={[rules.requiredChoice()]}>
          <ResourcePicker onChange={() => form.setFieldsValue({ fields: [], unmaskedFields: [] })} />
        </Form.Item>
        {detail ? (
          <>
            <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }}>
              <Descriptions.Item label={t('dataExchange.facts.provider')}>{detail.providerName}</Descriptions.Item>
              <Descriptions.Item label={t('dataExchange.facts.shareType')}>{shareTypeNames[detail.shareType][locale]}</Descriptions.Item>
              {detail.shareCondition ? <Descriptions.Item label={t('dataExchange.facts.shareCondition')}>{detail.shareCondition}</Descriptions.Item> : null}
              {detail.legalBasis ? <Descriptions.Item label={t('dataExchange.facts.resourceBasis')}>{detail.legalBasis}</Descriptions.Item> : null}
            </Descriptions>
            {detail.status === 'retired' ? <Alert type="error" showIcon title={t('dataExchange.form.retired')} style={{ marginBottom: 16 }} /> : null}
            <Form.Item name="fields" label={t('dataExchange.form.fields')} extra={t('dataExchange.form.fieldsHelp')} rules={[rules.requiredChoice()]}>
              <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 6 }}>
                {detail.fields.map((f) => (
                  <Checkbox key={f.key} value={f.key} disabled={!f.isRequestable}>
                    {f.name} <span className="zt-code zt-muted">{f.key}</span>{' '}
                    <Tag color={f.shareType === 'unconditional' ? 'green' : f.shareType === 'conditional' ? 'orange' : 'default'}>{shareTypeNames[f.shareType][locale]}</Tag>
                    {f.isPersonal ? <Tag>{t('dataExchange.form.personal', { kind: maskingKindNames[f.masking][locale] })}</Tag> : null}
                  </Checkbox>
                ))}
              </Checkbox.Group>
            </Form.Item>
            {isConditional ? <Alert type="info" showIcon title={t('dataExchange.form.conditional')} style={{ marginBottom: 16 }} /> : null}
            {isConditional && personal.length > 0 ? (
              <Form.Item name="unmaskedFields" label={`${t('dataExchange.form.unmasked')} ${t('common.optional')}`} extra={t('dataExchange.form.unmaskedHelp')}>
                <Checkbox.Group options={personal.map((f) => ({ value: f.key, label: f.name }))} />
              </Form.Item>
            ) : null}
          </>
        ) : null}
        <Form.Item name="purpose" label={t('dataExchange.form.purpose')} extra={t('dataExchange.form.purposeHelp')} rules={[rules.required(), rules.schema(createShareRequestInput.shape.purpose)]}>
          <Input.TextArea maxLength={500} showCount autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
        <Form.Item
          name="legalBasis"
          label={isConditional ? t('dataExchange.form.legalBasis') : `${t('dataExchange.form.legalBasis')} ${t('common.optional')}`}
          extra={t('dataExchange.form.legalBasisHelp')}
          rules={isConditional ? [rules.required()] : []}
        >
          <Input.TextArea maxLength={500} showCount autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>
        <Form.Item
          name="period"
          label={t('dataExchange.form.period')}
          extra={t('dataExchange.form.periodHelp')}
          rules={[
            rules.requiredChoice(),
            {
              validator: async (_r, v: [Dayjs, Dayjs] | undefined) => {
                if (v && v[1].diff(v[0], 'day') >= 366) throw new Error(dataExchangeMessages[locale]['exchange.periodTooLong']);
              },
            },
          ]}
        >
          <DatePicker.RangePicker disabledDate={(d) => d.isBefore(today, 'day')} allowClear={false} />
        </Form.Item>
        <Form.Item name="expectedDailyVolume" label={t('dataExchange.form.volume')} extra={t('dataExchange.form.volumeHelp')} rules={[rules.requiredChoice()]}>
          <InputNumber min={1} max={10_000_000} precision={0} style={{ width: 220 }} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
