import { useState } from 'react';
import { App, Button, Card, Col, Radio, Row, Space, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { identityCodePresetsOf, type IdentityCodeKind, type IdentityCodePreset, type IdentityCodeResetView } from '@zhengtong/contracts';
import { api } from '../../shared/api/client';
import { PageHeader } from '../../shared/ui/page-header';
import { useSignedInMe } from '../../auth/require-session';
import { IdentityCodeCard } from './identity-code-card';
import { IdentityCodeHistory } from './identity-code-history';
import { identityCodeQueryKey, identityCodeScansQueryKey } from './use-identity-code';

/**
 * 我的码 (一人一码 / 一企一码): the holder's live code, the choice of what a scanner may read, reset, and the scan
 * history. A citizen acting for an enterprise, or the enterprise itself, shows the enterprise's code.
 */
export function IdentityCodePage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const kind: IdentityCodeKind = me.accountType === 'enterprise' || me.enterpriseId ? 'enterprise' : 'person';
  const presets = identityCodePresetsOf(kind);
  const [chosen, setChosen] = useState<IdentityCodePreset | undefined>(undefined);
  // Starting or stopping acting for an enterprise changes which uses apply.
  const preset = chosen && presets.includes(chosen) ? chosen : (presets[0] ?? 'realName');
  return (
    <>
      <PageHeader
        title={t('identityCodes.my.title')}
        description={kind === 'person' ? t('identityCodes.my.personIntro') : t('identityCodes.my.enterpriseIntro', { enterprise: me.enterpriseName ?? me.displayName })}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <IdentityCodeCard preset={preset} />
        </Col>
        <Col xs={24} lg={12}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <ConsentCard presets={presets} value={preset} onChange={setChosen} />
            <ResetCard />
          </Space>
        </Col>
      </Row>
      <IdentityCodeHistory />
    </>
  );
}

function ConsentCard({ presets, value, onChange }: { presets: IdentityCodePreset[]; value: IdentityCodePreset; onChange: (preset: IdentityCodePreset) => void }) {
  const { t } = useTranslation();
  return (
    <Card title={<h2 id="zt-consent-legend" style={{ fontSize: '1.1em', margin: 0 }}>{t('identityCodes.my.consent.legend')}</h2>}>
      <Radio.Group value={value} onChange={(e) => onChange(e.target.value as IdentityCodePreset)} aria-labelledby="zt-consent-legend">
        <Space orientation="vertical" size="middle">
          {presets.map((p) => (
            <Radio key={p} value={p}>
              <strong>{t(`identityCodes.my.presets.${p}.title`)}</strong>
              <div className="zt-muted">{t(`identityCodes.my.presets.${p}.text`)}</div>
            </Radio>
          ))}
        </Space>
      </Radio.Group>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        {t('identityCodes.my.consent.help')}
      </Typography.Paragraph>
    </Card>
  );
}

function ResetCard() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const reset = useMutation({
    mutationFn: () => api.post<IdentityCodeResetView>('/api/me/identity-code/reset'),
    onSuccess: async () => {
      void message.success(t('identityCodes.my.reset.done'));
      await Promise.all([queryClient.invalidateQueries({ queryKey: identityCodeQueryKey }), queryClient.invalidateQueries({ queryKey: identityCodeScansQueryKey })]);
    },
    onError: (error) => void message.error(error.message),
  });
  const confirm = () =>
    modal.confirm({
      title: t('identityCodes.my.reset.title'),
      content: t('identityCodes.my.reset.warning'),
      okText: t('identityCodes.my.reset.confirm'),
      okButtonProps: { danger: true },
      cancelText: t('common.actions.cancel'),
      onOk: () => reset.mutateAsync(),
    });
  return (
    <Card>
      <Space orientation="vertical">
        <Button danger onClick={confirm} loading={reset.isPending}>
          {t('identityCodes.my.reset.action')}
        </Button>
        <Typography.Text type="secondary">{t('identityCodes.my.reset.help')}</Typography.Text>
      </Space>
    </Card>
  );
}
