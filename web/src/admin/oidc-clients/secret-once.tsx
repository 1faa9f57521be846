import { Alert, Descriptions, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export type SecretToShow = { clientId: string; clientSecret: string; isNew: boolean };

/** The client secret is stored encrypted and never shown again: say so, and make copying easy. */
export function SecretOnce({ secret, onClose }: { secret: SecretToShow | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const issuer = `${window.location.origin}/oidc`;
  return (
    <Modal
      open={secret !== undefined}
      title={secret?.isNew ? t('admin.oidc.createdTitle') : t('admin.oidc.rotatedTitle')}
      onOk={onClose}
      onCancel={onClose}
      okText={t('admin.oidc.secretSaved')}
      cancelButtonProps={{ style: { display: 'none' } }}
      mask={{ closable: false }}
      width={640}
    >
      <Alert type="warning" showIcon role="alert" title={t('admin.oidc.secretOnce')} style={{ marginBottom: 16 }} />
      {secret ? (
        <Descriptions
          column={1}
          bordered
          size="small"
          items={[
            { key: 'clientId', label: t('admin.oidc.clientId'), children: <Typography.Text copyable>{secret.clientId}</Typography.Text> },
            {
              key: 'secret',
              label: t('admin.oidc.clientSecret'),
              children: (
                <Typography.Text className="zt-secret" copyable data-testid="oidc-client-secret">
                  {secret.clientSecret}
                </Typography.Text>
              ),
            },
            { key: 'issuer', label: t('admin.oidc.issuer'), children: <Typography.Text copyable>{issuer}</Typography.Text> },
            {
              key: 'discovery',
              label: t('admin.oidc.discovery'),
              children: <Typography.Text copyable>{`${issuer}/.well-known/openid-configuration`}</Typography.Text>,
            },
          ]}
        />
      ) : null}
    </Modal>
  );
}
