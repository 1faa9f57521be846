import { Button, Card, QRCode, Space, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { identityCodeAttributeNames, identityCodeKindNames, type IdentityCodePreset } from '@zhengtong/contracts';
import { currentLocale } from '../../shared/forms/rules';
import { QueryState } from '../../shared/ui/query-state';
import { useIdentityCode, useSecondsLeft } from './use-identity-code';

/** The live code: QR, countdown, what the scanner may read, and the code's text for staff-assisted entry. */
export function IdentityCodeCard({ preset }: { preset: IdentityCodePreset }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  const query = useIdentityCode(preset);
  const secondsLeft = useSecondsLeft(query.data);
  return (
    <Card>
      <QueryState query={query} rows={8}>
        {(code) => {
          const isExpired = secondsLeft === 0;
          const kind = identityCodeKindNames[code.kind][locale];
          const separator = locale === 'zh-CN' ? '、' : ', ';
          return (
            <Space orientation="vertical" align="center" size="middle" style={{ width: '100%', textAlign: 'center' }}>
              <Typography.Text strong style={{ fontSize: '1.25em' }}>
                {t('identityCodes.my.holder', { kind, name: code.holderLabel })}
              </Typography.Text>
              <div role="img" aria-label={t('identityCodes.my.qrLabel', { kind, seconds: secondsLeft })}>
                <QRCode
                  value={code.code}
                  type="svg"
                  size={264}
                  errorLevel="M"
                  bordered
                  status={isExpired ? (query.isFetching ? 'loading' : 'expired') : 'active'}
                  onRefresh={() => void query.refetch()}
                />
              </div>
              {/* role=timer is polite-off by default: screen readers are not told every second. */}
              <div role="timer" style={{ fontSize: '1.2em' }}>
                {isExpired ? t(query.isFetching ? 'identityCodes.my.refreshing' : 'identityCodes.my.expired') : t('identityCodes.my.countdown', { seconds: secondsLeft })}
              </div>
              <Button icon={<ReloadOutlined />} onClick={() => void query.refetch()} loading={query.isFetching}>
                {t('identityCodes.my.refresh')}
              </Button>
              <Typography.Paragraph style={{ marginBottom: 0 }}>
                {t('identityCodes.my.consent.willRead', { attributes: code.attributes.map((a) => identityCodeAttributeNames[a][locale]).join(separator) })}
              </Typography.Paragraph>
              {isExpired ? null : (
                <div style={{ width: '100%', textAlign: 'start' }}>
                  <Typography.Text strong>{t('identityCodes.my.codeText')}</Typography.Text>
                  <Typography.Paragraph className="zt-code" copyable={{ text: code.code }} style={{ marginBottom: 4 }}>
                    {code.code}
                  </Typography.Paragraph>
                  <Typography.Text type="secondary">{t('identityCodes.my.codeTextHelp')}</Typography.Text>
                </div>
              )}
            </Space>
          );
        }}
      </QueryState>
    </Card>
  );
}
