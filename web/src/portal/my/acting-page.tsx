import { Button, Card, Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { agentView } from '@zhengtong/contracts';
import { api } from '../../shared/api/client';
import { formatDate } from '../../shared/format';
import { PageHeader } from '../../shared/ui/page-header';
import { QueryState } from '../../shared/ui/query-state';
import { useSignedInMe } from '../../auth/require-session';
import { useActAs } from './use-act-as';

type Agent = z.infer<typeof agentView>;

/** 代办企业: a citizen whom an enterprise made its 经办人 switches to acting for it, and back. */
export function ActingPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const actAs = useActAs();
  const grants = useQuery({ queryKey: ['enterprise-agents'], queryFn: () => api.get<{ items: Agent[] }>('/api/enterprise-agents') });
  return (
    <>
      <PageHeader title={t('portal.my.acting.title')} description={t('portal.my.acting.intro')} />
      <QueryState query={grants} isEmpty={(d) => d.items.length === 0} emptyText={t('portal.my.acting.empty')}>
        {(data) => (
          <ul className="zt-card-grid" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {data.items.map((g) => {
              const isCurrent = me.enterpriseId === g.enterpriseId;
              return (
                <li key={g.id}>
                  <Card>
                    <Typography.Title level={2} style={{ fontSize: '1.15em', marginTop: 0 }}>
                      {g.enterpriseName} {isCurrent ? <Tag color="gold">{t('portal.my.acting.currentTag')}</Tag> : null}
                    </Typography.Title>
                    <Typography.Paragraph type="secondary">
                      {g.validUntil ? t('portal.my.acting.validUntil', { date: formatDate(g.validUntil) }) : t('portal.my.agents.noExpiry')}
                    </Typography.Paragraph>
                    <Space>
                      {isCurrent ? (
                        <Button onClick={() => actAs.mutate(null)} loading={actAs.isPending}>
                          {t('portal.my.acting.stop')}
                        </Button>
                      ) : (
                        <Button
                          type="primary"
                          onClick={() => actAs.mutate(g.enterpriseId)}
                          loading={actAs.isPending && actAs.variables === g.enterpriseId}
                          aria-label={t('portal.my.acting.startLabel', { enterprise: g.enterpriseName })}
                        >
                          {t('portal.my.acting.start')}
                        </Button>
                      )}
                    </Space>
                  </Card>
                </li>
              );
            })}
          </ul>
        )}
      </QueryState>
    </>
  );
}
