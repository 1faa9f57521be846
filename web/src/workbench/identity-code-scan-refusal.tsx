import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { identityCodeAttributeNames, identityCodeAttributes, identityCodeScanResults, type IdentityCodeAttribute, type IdentityCodeRefusal as RefusalKind } from '@zhengtong/contracts';
import { isApiError } from '../shared/api/client';
import { currentLocale } from '../shared/forms/rules';

export type Refusal = { kind: RefusalKind; detail: string | undefined; missing: IdentityCodeAttribute[]; requestId: string | undefined };

const refusalKinds = identityCodeScanResults.filter((r): r is RefusalKind => r !== 'success');

function isRefusalKind(value: string): value is RefusalKind {
  return (refusalKinds as readonly string[]).includes(value);
}

function isAttribute(value: string): value is IdentityCodeAttribute {
  return (identityCodeAttributes as readonly string[]).includes(value);
}

/** A scan refusal (its code is `identityCode.<kind>` in errors[]), as opposed to a form mistake or an outage. */
export function refusalOf(error: unknown): Refusal | undefined {
  if (!isApiError(error)) return undefined;
  const errors = error.problem.errors ?? [];
  const kind = errors[0]?.code.replace(/^identityCode\./, '');
  if (!errors[0]?.code.startsWith('identityCode.') || !kind || !isRefusalKind(kind)) return undefined;
  const missing = errors.map((e) => e.field.replace(/^attributes\./, '')).filter(isAttribute);
  return { kind, detail: error.problem.detail, missing: kind === 'consentRequired' ? missing : [], requestId: error.problem.requestId };
}

/** The refusal in large type: what happened, what exactly was not consented, and what to ask the holder. */
export function IdentityCodeRefusal({ refusal }: { refusal: Refusal }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  const separator = locale === 'zh-CN' ? '、' : ', ';
  return (
    <Alert
      role="alert"
      type="error"
      showIcon
      title={<span style={{ fontSize: '1.3em', fontWeight: 600 }}>{t(`identityCodes.scan.refusals.${refusal.kind}`)}</span>}
      description={
        <div style={{ fontSize: '1.1em' }}>
          {refusal.missing.length > 0 ? (
            <Typography.Paragraph strong>{t('identityCodes.scan.missing', { attributes: refusal.missing.map((a) => identityCodeAttributeNames[a][locale]).join(separator) })}</Typography.Paragraph>
          ) : null}
          {/* The server's sentence, in the reader's language, says what to ask the holder for. */}
          {refusal.detail ? <Typography.Paragraph>{refusal.detail}</Typography.Paragraph> : null}
          {refusal.requestId ? <Typography.Text type="secondary">{t('common.states.requestId', { requestId: refusal.requestId })}</Typography.Text> : null}
        </div>
      }
    />
  );
}
