import { Alert, Button, Col, Form, Input, Radio, Row } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { parseIdNumber, phoneSchema, realNameSchema, type PersonView } from '@zhengtong/contracts';
import { api } from '../../shared/api/client';
import { useRules } from '../../shared/forms/rules';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { CreditCodeField } from '../../auth/fields/credit-code-field';
import { IdNumberField } from '../../auth/fields/id-number-field';

export type ApplicantValues = {
  type: 'person' | 'enterprise';
  idNumber?: string;
  name?: string;
  phone?: string;
  creditCode?: string;
  enterpriseName?: string;
  agentName?: string;
  agentIdNumber?: string;
};

/**
 * The walk-in applicant: a person by ID number (the registry says whether they have an account, so the case also
 * appears in their 我的办件), or an enterprise through the agent standing at the window.
 */
export function ApplicantFields() {
  const { t } = useTranslation();
  const rules = useRules();
  const type = Form.useWatch<ApplicantValues['type'] | undefined>('type');
  const idNumber = Form.useWatch<string | undefined>('idNumber');
  const lookup = useMutation({
    mutationFn: (id: string) => api.post<{ person: PersonView | null }>('/api/persons/lookup', { idNumber: id, purpose: t('workbench.window.lookupPurpose') }),
  });
  const canLookup = Boolean(idNumber && parseIdNumber(idNumber).ok);
  return (
    <>
      <Form.Item name="type" label={t('workbench.window.applicantType')}>
        <Radio.Group
          options={[
            { value: 'person', label: t('services.audiences.person') },
            { value: 'enterprise', label: t('services.audiences.enterprise') },
          ]}
          onChange={() => lookup.reset()}
        />
      </Form.Item>
      {type === 'enterprise' ? (
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <CreditCodeField name="creditCode" label={t('workbench.window.creditCode')} />
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="enterpriseName" label={t('workbench.window.enterpriseName')} rules={[rules.required()]}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="agentName" label={t('workbench.window.agentName')} rules={[rules.required(), rules.schema(realNameSchema)]}>
              <Input maxLength={30} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <IdNumberField name="agentIdNumber" label={t('workbench.window.agentIdNumber')} />
          </Col>
        </Row>
      ) : (
        <>
          <Row gutter={12} align="bottom">
            <Col xs={24} md={14}>
              <IdNumberField name="idNumber" label={t('auth.register.idNumber')} />
            </Col>
            <Col xs={24} md={10}>
              <Form.Item label=" " colon={false}>
                <Button onClick={() => idNumber && lookup.mutate(idNumber)} disabled={!canLookup} loading={lookup.isPending} data-testid="window-lookup">
                  {t('workbench.window.lookup')}
                </Button>
              </Form.Item>
            </Col>
          </Row>
          <div aria-live="polite">
            {lookup.isError ? <ProblemAlert error={lookup.error} /> : null}
            {lookup.data ? (
              lookup.data.person ? (
                <Alert
                  type="success"
                  showIcon
                  style={{ marginBottom: 12 }}
                  title={t('workbench.window.registered', { name: lookup.data.person.name })}
                  description={t('workbench.window.registeredHelp')}
                />
              ) : (
                <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('workbench.window.unregistered')} description={t('workbench.window.unregisteredHelp')} />
              )
            ) : null}
          </div>
          <Form.Item name="name" label={t('workbench.window.name')} rules={[rules.required(), rules.schema(realNameSchema)]} extra={t('workbench.window.nameHelp')}>
            <Input maxLength={30} style={{ maxWidth: 360 }} />
          </Form.Item>
        </>
      )}
      <Form.Item name="phone" label={`${t('auth.register.phone')} ${t('common.optional')}`} rules={[rules.schema(phoneSchema)]} extra={t('workbench.window.phoneHelp')}>
        <Input type="tel" inputMode="tel" maxLength={11} style={{ maxWidth: 360 }} />
      </Form.Item>
    </>
  );
}

/** The applicant as the API takes it. */
export function toWalkIn(v: ApplicantValues) {
  const phone = v.phone?.trim() || null;
  return v.type === 'enterprise'
    ? { type: 'enterprise' as const, creditCode: v.creditCode ?? '', name: v.enterpriseName?.trim() ?? '', agentName: v.agentName?.trim() ?? '', agentIdNumber: v.agentIdNumber ?? '', phone }
    : { type: 'person' as const, idNumber: v.idNumber ?? '', name: v.name?.trim() ?? '', phone };
}
