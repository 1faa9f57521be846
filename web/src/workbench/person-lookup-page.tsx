import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Empty, Form, Input } from 'antd';
import { EyeOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { PersonView } from '@zhengtong/contracts';
import { api } from '../shared/api/client';
import { useFormProblem } from '../shared/forms/use-form-problem';
import { useRules } from '../shared/forms/rules';
import { can } from '../shared/permissions';
import { PageHeader } from '../shared/ui/page-header';
import { ProblemAlert } from '../shared/ui/problem-alert';
import { useSignedInMe } from '../auth/require-session';
import { IdNumberField } from '../auth/fields/id-number-field';

type Values = { idNumber: string; purpose: string };
const formFields = ['idNumber', 'purpose'];

/**
 * 实名信息查询: exact lookup by 身份证号. The purpose is required here because the citizen sees it in their
 * data-use record; a full (unmasked) view is a separate, audited read for those allowed to unmask.
 */
export function PersonLookupPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const [form] = Form.useForm<Values>();
  const rules = useRules();
  const problem = useFormProblem(form, formFields);
  const [purpose, setPurpose] = useState('');
  const lookup = useMutation({
    mutationFn: (v: Values) => api.post<{ person: PersonView | null }>('/api/persons/lookup', v),
    onMutate: (v) => {
      problem.clear();
      setPurpose(v.purpose);
      unmask.reset();
    },
    onError: problem.handle,
  });
  const unmask = useMutation({
    mutationFn: (accountId: string) => api.get<PersonView>(`/api/persons/${accountId}`, { unmask: true, purpose }),
  });
  const found = unmask.data ?? lookup.data?.person;
  return (
    <>
      <PageHeader title={t('workbench.persons.title')} description={t('workbench.persons.intro')} />
      <Card style={{ marginBottom: 16 }}>
        {problem.alert}
        <Form<Values> form={form} layout="vertical" onFinish={(v) => lookup.mutate(v)} style={{ maxWidth: 560 }}>
          <IdNumberField name="idNumber" label={t('auth.register.idNumber')} />
          <Form.Item name="purpose" label={t('workbench.persons.purpose')} extra={t('workbench.persons.purposeHelp')} rules={[rules.required(), { max: 200 }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={lookup.isPending}>
            {t('common.actions.search')}
          </Button>
        </Form>
      </Card>
      {lookup.isSuccess ? (
        <Card title={t('workbench.persons.result')} aria-live="polite">
          {found ? (
            <>
              <Descriptions
                column={1}
                bordered
                items={[
                  { key: 'name', label: t('auth.register.name'), children: found.name },
                  { key: 'idNumber', label: t('auth.register.idNumber'), children: found.idNumber },
                  { key: 'phone', label: t('auth.register.phone'), children: found.phone ?? t('common.none') },
                  { key: 'gender', label: t('portal.my.profile.gender'), children: found.gender ? t(`common.genders.${found.gender}`) : t('common.none') },
                  { key: 'birthDate', label: t('portal.my.profile.birthDate'), children: found.birthDate ?? t('common.none') },
                ]}
              />
              {can(me, 'person.unmask') && found.isMasked ? (
                <Button style={{ marginTop: 12 }} icon={<EyeOutlined />} onClick={() => unmask.mutate(found.accountId)} loading={unmask.isPending}>
                  {t('workbench.persons.unmask')}
                </Button>
              ) : null}
              {unmask.isError ? <ProblemAlert error={unmask.error} /> : null}
              {found.isMasked ? null : <Alert style={{ marginTop: 12 }} type="info" showIcon title={t('workbench.persons.unmaskedNote')} />}
            </>
          ) : (
            <Empty description={t('workbench.persons.notFound')} />
          )}
        </Card>
      ) : null}
    </>
  );
}
