import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Button, Card, Checkbox, Col, Form, Input, Row, Select, Space, Tag, Typography } from 'antd';
import type { InputRef } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  identityCodeAttributeNames,
  identityCodeAttributesOf,
  identityCodeKindNames,
  identityCodeKinds,
  identityCodePurposeNames,
  identityCodePurposes,
  identityCodesMessages,
  parseIdentityCode,
  type IdentityCodeAttribute,
  type IdentityCodePurpose,
  type IdentityCodeScanResultView,
} from '@zhengtong/contracts';
import { api } from '../shared/api/client';
import { formatDateTimeSeconds } from '../shared/format';
import { currentLocale, useRules } from '../shared/forms/rules';
import { useFormProblem } from '../shared/forms/use-form-problem';
import { PageHeader } from '../shared/ui/page-header';
import { useIdempotencyKey } from '../shared/use-idempotency-key';
import { IdentityCodeRefusal, refusalOf, type Refusal } from './identity-code-scan-refusal';
import { IdentityCodeScanResult } from './identity-code-scan-result';

type Values = { code: string; purpose: IdentityCodePurpose; purposeNote?: string; attributes: IdentityCodeAttribute[] };
const formFields = ['code', 'purpose', 'purposeNote', 'attributes'];

/**
 * 扫码核验: a clerk or inspector reads a holder's code (a barcode scanner types it and presses Enter, or the text is
 * pasted), says why and what they need, and gets only that — or a refusal that says what to ask the holder.
 */
export function IdentityCodeScanPage() {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  const [form] = Form.useForm<Values>();
  const rules = useRules();
  const problem = useFormProblem(form, formFields, identityCodesMessages[locale]);
  const idempotency = useIdempotencyKey();
  const codeInput = useRef<InputRef>(null);
  const outcome = useRef<HTMLDivElement>(null);
  const [refusal, setRefusal] = useState<Refusal | undefined>(undefined);
  const codeText = Form.useWatch('code', form) ?? '';
  const purpose = Form.useWatch('purpose', form);
  const separator = locale === 'zh-CN' ? '、' : ', ';
  // What the code itself says (kind, consent, expiry) — public, unsigned-checked here; the server decides.
  const parsed = useMemo(() => (codeText.trim() ? parseIdentityCode(codeText) : undefined), [codeText]);

  const scan = useMutation({
    mutationFn: (v: Values) => api.post<IdentityCodeScanResultView>('/api/identity-codes/scan', { ...v, purposeNote: v.purposeNote?.trim() || undefined }, idempotency.headers),
    onMutate: () => {
      problem.clear();
      setRefusal(undefined);
    },
    onSuccess: () => idempotency.renew(),
    onError: (error) => {
      idempotency.renew();
      const refused = refusalOf(error);
      if (refused) setRefusal(refused);
      else problem.handle(error);
    },
  });

  const next = () => {
    scan.reset();
    setRefusal(undefined);
    problem.clear();
    form.setFieldValue('code', '');
    codeInput.current?.focus();
  };

  // On a narrow screen the answer lands below the form: bring it into view.
  useEffect(() => {
    if (scan.data || refusal) outcome.current?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
  }, [scan.data, refusal]);

  const kinds = parsed ? [parsed.payload.kind] : identityCodeKinds;
  const consented = new Set(parsed?.payload.attributes ?? []);
  return (
    <>
      <PageHeader title={t('identityCodes.scan.title')} description={t('identityCodes.scan.intro')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card>
            {problem.alert}
            <Form<Values> form={form} layout="vertical" initialValues={{ purpose: 'counterService', attributes: [] }} onFinish={(v) => scan.mutate(v)}>
              <Form.Item name="code" label={t('identityCodes.scan.code')} extra={t('identityCodes.scan.codeHelp')} rules={[rules.required(), { max: 512 }]}>
                <Input ref={codeInput} className="zt-code" autoFocus allowClear autoComplete="off" spellCheck={false} style={{ fontSize: '1.05em' }} />
              </Form.Item>
              <CodeHint text={codeText} parsed={parsed} separator={separator} />
              <Form.Item name="purpose" label={t('identityCodes.scan.purpose')} rules={[rules.requiredChoice()]}>
                <Select options={identityCodePurposes.map((p) => ({ value: p, label: identityCodePurposeNames[p][locale] }))} style={{ maxWidth: 320 }} />
              </Form.Item>
              <Form.Item
                name="purposeNote"
                label={t('identityCodes.scan.purposeNote')}
                extra={t('identityCodes.scan.purposeNoteHelp')}
                rules={[...(purpose === 'other' ? [rules.required()] : []), { max: 200 }]}
              >
                <Input maxLength={200} />
              </Form.Item>
              <Form.Item name="attributes" label={t('identityCodes.scan.attributes')} extra={t('identityCodes.scan.attributesHelp')} rules={[rules.requiredChoice()]}>
                <Checkbox.Group style={{ display: 'block' }}>
                  {kinds.map((kind) => (
                    <fieldset key={kind} style={{ border: 0, padding: 0, margin: '0 0 8px' }}>
                      <legend style={{ fontSize: '1em', fontWeight: 600, marginBottom: 4, border: 0 }}>{t(`identityCodes.scan.groups.${kind}`)}</legend>
                      <Space wrap>
                        {identityCodeAttributesOf(kind).map((a) => (
                          <Checkbox key={a} value={a}>
                            {identityCodeAttributeNames[a][locale]}
                            {consented.has(a) ? <Tag color="green" style={{ marginInlineStart: 6 }}>{t('identityCodes.scan.consented')}</Tag> : null}
                          </Checkbox>
                        ))}
                      </Space>
                    </fieldset>
                  ))}
                </Checkbox.Group>
              </Form.Item>
              <Space>
                <Button type="primary" htmlType="submit" size="large" loading={scan.isPending}>
                  {t('identityCodes.scan.submit')}
                </Button>
                {scan.isSuccess || refusal ? (
                  <Button size="large" onClick={next}>
                    {t('identityCodes.scan.next')}
                  </Button>
                ) : null}
              </Space>
            </Form>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <div aria-live="polite" ref={outcome}>
            {scan.data && !refusal ? <IdentityCodeScanResult result={scan.data} /> : null}
            {refusal ? <IdentityCodeRefusal refusal={refusal} /> : null}
          </div>
        </Col>
      </Row>
    </>
  );
}

/** What the pasted text says before it is sent: kind, consent and expiry, or that it is not a code at all. */
function CodeHint({ text, parsed, separator }: { text: string; parsed: ReturnType<typeof parseIdentityCode>; separator: string }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  if (!text.trim()) return null;
  if (!parsed) return <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('identityCodes.scan.codeUnreadable')} />;
  const { payload } = parsed;
  const until = formatDateTimeSeconds(new Date(payload.expiresAt * 1000).toISOString());
  const info = t('identityCodes.scan.codeInfo', {
    kind: identityCodeKindNames[payload.kind][locale],
    attributes: payload.attributes.map((a) => identityCodeAttributeNames[a][locale]).join(separator),
  });
  const looksExpired = payload.expiresAt * 1000 <= Date.now();
  return (
    <Alert
      type={looksExpired ? 'warning' : 'info'}
      showIcon
      style={{ marginBottom: 16 }}
      title={info}
      description={
        <Typography.Text>{looksExpired ? t('identityCodes.scan.codeLooksExpired', { time: until }) : t('identityCodes.scan.codeValidUntil', { time: until })}</Typography.Text>
      }
    />
  );
}

