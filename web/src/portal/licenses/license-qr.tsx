import { Button, QRCode, Space, Typography } from 'antd';
import { FilePdfOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { LicenseView } from '@zhengtong/contracts';
import { ButtonLink } from '../../shared/ui/button-link';
import { QueryState } from '../../shared/ui/query-state';
import { licensePaths, useLicenseQr } from './api';

/**
 * The licence's QR code: the verification URL with the signed compact payload after `#`, so a phone opens the
 * online check and an offline verifier can check the SM2 signature with the published keys. The payload text is
 * shown too, for pasting into the check page when no camera is at hand.
 */
export function LicenseQrCard({ view }: { view: LicenseView }) {
  const { t } = useTranslation();
  const qr = useLicenseQr(view.id);
  const isRevoked = view.status === 'revoked';
  // Once revoked, the holder no longer gets the file (the issuing department still does).
  const canDownload = !(isRevoked && view.perspective === 'holder');
  return (
    <div style={{ display: 'flex', flexDirection: 'column', alignItems: 'center', gap: 12, textAlign: 'center' }}>
      <QueryState query={qr} rows={6}>
        {(code) => (
          <>
            <div role="img" aria-label={t('licenses.qr.label', { name: view.typeName })}>
              <QRCode value={code.url} type="svg" size={264} errorLevel="M" bordered />
            </div>
            <Typography.Text type="secondary">{isRevoked ? t('licenses.qr.revoked') : view.perspective === 'holder' ? t('licenses.qr.help') : t('licenses.qr.staffHelp')}</Typography.Text>
            <details style={{ width: '100%', textAlign: 'start' }}>
              <summary style={{ cursor: 'pointer' }}>{t('licenses.qr.payload')}</summary>
              <Typography.Paragraph className="zt-code" copyable={{ text: code.payload }} style={{ wordBreak: 'break-all', marginTop: 8 }}>
                {code.payload}
              </Typography.Paragraph>
              <Typography.Text type="secondary">{t('licenses.qr.payloadHelp', { keyId: code.keyId })}</Typography.Text>
            </details>
          </>
        )}
      </QueryState>
      <Space wrap style={{ justifyContent: 'center' }}>
        {canDownload ? (
          <Button type="primary" icon={<FilePdfOutlined />} href={licensePaths.pdf(view.id)} target="_blank" rel="noopener">
            {t('licenses.qr.pdf')}
          </Button>
        ) : null}
        <ButtonLink icon={<SafetyCertificateOutlined />} to={`/verify/${view.id}`}>
          {t('licenses.qr.verifyPage')}
        </ButtonLink>
      </Space>
    </div>
  );
}
