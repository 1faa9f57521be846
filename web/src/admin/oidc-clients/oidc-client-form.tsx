import { useEffect } from 'react';
import { Form, Input, Select, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  createOidcClientInput,
  oidcClientIdSchema,
  redirectUriProblem,
  tokenEndpointAuthMethods,
  type CreatedOidcClientView,
  type OidcClientView,
  type TokenEndpointAuthMethod,
} from '@zhengtong/contracts';
import { api } from '../../shared/api/client';
import { currentLocale, fieldMessage, useRules } from '../../shared/forms/rules';
import { useFormProblem } from '../../shared/forms/use-form-problem';
import { useIdempotencyKey } from '../../shared/use-idempotency-key';
import { DepartmentPicker } from '../shared/department-picker';
import { FormDrawer } from '../shared/form-drawer';

type Values = {
  clientId: string;
  name: string;
  tokenEndpointAuthMethod: TokenEndpointAuthMethod;
  redirectUris: string;
  postLogoutRedirectUris?: string;
  departmentId?: string | null;
};
const formFields = Object.keys(createOidcClientInput.shape);

function lines(text: string | undefined): string[] {
  return (text ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

export function OidcClientForm({ client, onClose, onSaved }: { client: OidcClientView | 'new' | undefined; onClose: () => void; onSaved: (created?: CreatedOidcClientView) => void }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  const [form] = Form.useForm<Values>();
  const rules = useRules();
  const problem = useFormProblem(form, formFields);
  const idempotency = useIdempotencyKey();
  const existing = client === 'new' ? undefined : client;

  useEffect(() => {
    if (!client) return;
    problem.clear();
    idempotency.renew();
    form.resetFields();
    if (existing) {
      form.setFieldsValue({
        clientId: existing.clientId,
        name: existing.name,
        tokenEndpointAuthMethod: existing.tokenEndpointAuthMethod,
        redirectUris: existing.redirectUris.join('\n'),
        postLogoutRedirectUris: existing.postLogoutRedirectUris.join('\n'),
        departmentId: existing.departmentId,
      });
    } else form.setFieldsValue({ tokenEndpointAuthMethod: 'client_secret_basic' });
  }, [client]); // reset only when the drawer opens for another client

  const save = useMutation({
    mutationFn: (v: Values) => {
      const common = { name: v.name, redirectUris: lines(v.redirectUris), postLogoutRedirectUris: lines(v.postLogoutRedirectUris), departmentId: v.departmentId ?? null };
      if (existing) {
        const method = existing.isPublic ? {} : { tokenEndpointAuthMethod: v.tokenEndpointAuthMethod };
        return api.patch<OidcClientView>(`/api/oidc-clients/${encodeURIComponent(existing.clientId)}`, { ...common, ...method, version: existing.version }).then(() => undefined);
      }
      return api.post<CreatedOidcClientView>('/api/oidc-clients', { ...common, clientId: v.clientId, tokenEndpointAuthMethod: v.tokenEndpointAuthMethod }, idempotency.headers);
    },
    onMutate: () => problem.clear(),
    onSuccess: (created) => onSaved(created),
    onError: problem.handle,
  });

  // RFC 9700: exact URIs, https except loopback; checked here line by line with the contracts' rule.
  const uriRule = (required: boolean) => ({
    validator: async (_rule: unknown, value: unknown) => {
      const uris = lines(typeof value === 'string' ? value : '');
      if (required && uris.length === 0) throw new Error(fieldMessage('oidcClient.redirectUrisRequired', locale));
      for (const uri of uris) {
        const problemKey = redirectUriProblem(uri);
        if (problemKey) throw new Error(`${uri}: ${fieldMessage(problemKey, locale)}`);
      }
      if (new Set(uris).size !== uris.length) throw new Error(fieldMessage('oidcClient.redirectUriRepeated', locale));
    },
  });

  return (
    <FormDrawer open={client !== undefined} title={existing ? t('admin.common.editNamed', { name: existing.name }) : t('admin.oidc.create')} onClose={onClose} onSave={() => form.submit()} isSaving={save.isPending}>
      {problem.alert}
      <Form<Values> form={form} layout="vertical" onFinish={(v) => save.mutate(v)} scrollToFirstError={{ focus: true }}>
        <Form.Item name="clientId" label={t('admin.oidc.clientId')} extra={t('admin.oidc.clientIdHelp')} rules={[rules.required(), rules.schema(oidcClientIdSchema)]}>
          <Input disabled={Boolean(existing)} spellCheck={false} />
        </Form.Item>
        <Form.Item name="name" label={t('admin.oidc.name')} rules={[rules.required(), rules.schema(createOidcClientInput.shape.name)]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="tokenEndpointAuthMethod" label={t('admin.oidc.authMethod')} rules={[rules.requiredChoice()]}>
          <Select
            disabled={existing?.isPublic}
            options={tokenEndpointAuthMethods
              .filter((m) => !existing || m !== 'none')
              .map((m) => ({ value: m, label: t(`admin.oidc.authMethods.${m}`) }))}
          />
        </Form.Item>
        <Form.Item name="redirectUris" label={t('admin.oidc.redirectUris')} extra={t('admin.oidc.urisHelp')} rules={[uriRule(true)]}>
          <Input.TextArea rows={3} spellCheck={false} placeholder="https://system.example.gov.cn/callback" />
        </Form.Item>
        <Form.Item name="postLogoutRedirectUris" label={`${t('admin.oidc.postLogoutUris')} ${t('common.optional')}`} rules={[uriRule(false)]}>
          <Input.TextArea rows={2} spellCheck={false} />
        </Form.Item>
        <Form.Item name="departmentId" label={`${t('admin.oidc.department')} ${t('common.optional')}`}>
          <DepartmentPicker allowClear />
        </Form.Item>
        <Typography.Paragraph type="secondary">{t('admin.oidc.claimsNote')}</Typography.Paragraph>
      </Form>
    </FormDrawer>
  );
}
