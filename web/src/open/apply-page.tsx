import { useState } from 'react';
import { Button, Card, Descriptions, Form, Input, Result, Select, Space } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { MAX_APPLICATION_MONTHS, openApplicationInput, type OpenApplicationView } from '@zhengtong/contracts';
import { api } from '../shared/api/client';
import { useRules } from '../shared/forms/rules';
import { useFormProblem } from '../shared/forms/use-form-problem';
import { useIdempotencyKey } from '../shared/use-idempotency-key';
import { ButtonLink } from '../shared/ui/button-link';
import { PageHeader } from '../shared/ui/page-header';
import { QueryState } from '../shared/ui/query-state';
import { openKeys, openPages, openPaths, useOpenDataset } from './api';

type Values = { purpose: string; scenario: string; months: number };
const formFields = ['purpose', 'scenario', 'months'];
const monthChoices = [1, 3, 6, 12, MAX_APPLICATION_MONTHS];

/** 受限开放申请: a signed-in person or enterprise says what for, where, and how long. */
export function ApplyPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const dataset = useOpenDataset(code);
  const [form] = Form.useForm<Values>();
  const rules = useRules();
  const problem = useFormProblem(form, formFields);
  const queryClient = useQueryClient();
  const idempotency = useIdempotencyKey();
  const [done, setDone] = useState<OpenApplicationView | undefined>(undefined);
  const submit = useMutation({
    mutationFn: (v: Values) => api.post<OpenApplicationView>(openPaths.applications, { dataset: code, purpose: v.purpose.trim(), scenario: v.scenario.trim(), months: v.months }, idempotency.headers),
    onMutate: () => problem.clear(),
    onSuccess: (created) => {
      setDone(created);
      void queryClient.invalidateQueries({ queryKey: openKeys.all });
    },
    onError: problem.handle,
  });

  if (done) {
    return (
      <div className="zt-content zt-content-narrow">
        <Result
          status="success"
          title={<h1 style={{ fontSize: '1.5em', margin: 0 }}>{t('openData.apply.submitted')}</h1>}
          subTitle={t('openData.apply.submittedText')}
          extra={
            <Space wrap>
              <ButtonLink type="primary" to={openPages.developer}>
                {t('openData.apply.toDeveloper')}
              </ButtonLink>
              <ButtonLink to={openPages.dataset(code)}>{t('openData.apply.backToDataset')}</ButtonLink>
            </Space>
          }
        />
      </div>
    );
  }

  return (
    <div className="zt-content zt-content-narrow">
      <PageHeader title={t('openData.apply.title')} description={t('openData.apply.intro')} />
      <QueryState query={dataset} rows={6}>
        {(d) =>
          d.restrictedFields.length === 0 ? (
            <Result status="info" title={t('openData.apply.notRestricted')} extra={<ButtonLink to={openPages.dataset(code)}>{t('openData.apply.backToDataset')}</ButtonLink>} />
          ) : (
            <Card>
              <Descriptions
                column={1}
                size="small"
                style={{ marginBottom: 16 }}
                items={[
                  { key: 'dataset', label: t('openData.apply.dataset'), children: `${d.name}(${d.providerName})` },
                  { key: 'fields', label: t('openData.apply.fields'), children: d.restrictedFields.map((f) => f.name).join('、') },
                ]}
              />
              {problem.alert}
              <Form<Values> form={form} layout="vertical" initialValues={{ months: 6 }} onFinish={(v) => submit.mutate(v)} requiredMark="optional">
                <Form.Item name="purpose" label={t('openData.apply.purpose')} extra={t('openData.apply.purposeHelp')} rules={[rules.required(), rules.schema(openApplicationInput.shape.purpose)]}>
                  <Input.TextArea maxLength={500} showCount autoSize={{ minRows: 2, maxRows: 6 }} />
                </Form.Item>
                <Form.Item name="scenario" label={t('openData.apply.scenario')} extra={t('openData.apply.scenarioHelp')} rules={[rules.required(), rules.schema(openApplicationInput.shape.scenario)]}>
                  <Input.TextArea maxLength={1000} showCount autoSize={{ minRows: 3, maxRows: 8 }} />
                </Form.Item>
                <Form.Item name="months" label={t('openData.apply.months')} rules={[rules.requiredChoice()]}>
                  <Select options={monthChoices.map((m) => ({ value: m, label: t('openData.apply.monthsOption', { count: m }) }))} style={{ maxWidth: 240 }} />
                </Form.Item>
                <Space wrap>
                  <Button type="primary" htmlType="submit" size="large" loading={submit.isPending}>
                    {t('openData.apply.submit')}
                  </Button>
                  <ButtonLink size="large" to={openPages.dataset(code)}>
                    {t('common.actions.cancel')}
                  </ButtonLink>
                </Space>
              </Form>
            </Card>
          )
        }
      </QueryState>
    </div>
  );
}
