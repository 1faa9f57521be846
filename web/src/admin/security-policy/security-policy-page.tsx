import { useId } from 'react';
import { Alert, App, Card, Descriptions, Space, Switch, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { SecurityPolicyView } from '@zhengtong/contracts';
import { api } from '../../shared/api/client';
import { formatDateTime } from '../../shared/format';
import { PageHeader } from '../../shared/ui/page-header';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { QueryState } from '../../shared/ui/query-state';

const policyKey = ['security-policy'] as const;

/** 安全策略: the security admin decides whether every staff account needs a second factor (等保2.0 level 3). */
export function SecurityPolicyPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const switchId = useId();
  const policy = useQuery({ queryKey: policyKey, queryFn: () => api.get<SecurityPolicyView>('/api/security-policy') });
  const save = useMutation({
    mutationFn: (next: { requireStaffTotp: boolean; version: string }) => api.put<SecurityPolicyView>('/api/security-policy', next),
    onSuccess: (view) => {
      queryClient.setQueryData(policyKey, view);
      void message.success(t('common.states.saved'));
    },
  });
  return (
    <>
      <PageHeader title={t('admin.sections.securityPolicy.title')} description={t('admin.security.intro')} />
      <QueryState query={policy}>
        {(p) => (
          <Card>
            <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
              {save.isError ? <ProblemAlert error={save.error} /> : null}
              <Space align="start">
                <Switch
                  id={switchId}
                  checked={p.requireStaffTotp}
                  disabled={p.isEnforcedByConfig}
                  loading={save.isPending}
                  onChange={(checked) => {
                    const next = { requireStaffTotp: checked, version: p.version };
                    // Turning it on sends every staff member without TOTP to enrolment at their next sign-in.
                    if (!checked) save.mutate(next);
                    else void modal.confirm({ title: t('admin.security.confirmOn'), okText: t('common.actions.confirm'), cancelText: t('common.actions.cancel'), onOk: () => save.mutate(next) });
                  }}
                />
                <div>
                  <label htmlFor={switchId} style={{ fontWeight: 600, cursor: 'pointer' }}>
                    {t('admin.security.requireStaffTotp')}
                  </label>
                  <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
                    {t('admin.security.requireStaffTotpHelp')}
                  </Typography.Paragraph>
                </div>
              </Space>
              {p.isEnforcedByConfig ? <Alert type="info" showIcon title={t('admin.security.enforcedByConfig')} /> : null}
              <Descriptions
                size="small"
                column={1}
                items={[
                  { key: 'updatedAt', label: t('admin.common.updatedAt'), children: formatDateTime(p.updatedAt) || t('common.none') },
                  { key: 'updatedBy', label: t('admin.common.updatedBy'), children: p.updatedBy ?? t('common.none') },
                ]}
              />
            </Space>
          </Card>
        )}
      </QueryState>
    </>
  );
}
