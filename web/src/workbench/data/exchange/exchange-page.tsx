import { useState } from 'react';
import { App, Button, Card, Tabs } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSignedInMe } from '../../../auth/require-session';
import { can } from '../../../shared/permissions';
import { PageHeader } from '../../../shared/ui/page-header';
import { exchangeKeys } from './api';
import { CallsTab, type CallView } from './calls-tab';
import { CredentialsCard } from './credentials-card';
import { DemandsTab, type DemandView } from './demands-tab';
import { GrantsTab, type GrantView } from './grants-tab';
import { NewRequestDrawer } from './new-request-drawer';
import { RequestsTab } from './requests-tab';
import { StatisticsTab } from './statistics-tab';

/**
 * 共享交换 (/workbench/data/share-requests): one screen, a tab per job — the consumer's requests, grants and
 * credentials; the platform's and the provider's queues; demands; the call log; statistics. Each reader sees the tabs
 * their permissions open, and the server checks every one of them again.
 */
export function ExchangePage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const [isRequesting, setRequesting] = useState(false);
  const isConsumer = can(me, 'share-request.create');
  const isPlatform = can(me, 'share-request.review');
  const isProvider = can(me, 'share-request.answer');
  const seesStatistics = can(me, 'data.metrics') || isPlatform;

  const grantViews: GrantView[] = [...(isConsumer ? (['mine'] as const) : []), ...(isProvider ? (['provided'] as const) : []), ...(isPlatform ? (['all'] as const) : [])];
  const demandViews: DemandView[] = [...(isConsumer ? (['mine'] as const) : []), ...(isProvider ? (['addressed'] as const) : []), ...(isPlatform ? (['all'] as const) : [])];
  const callViews: CallView[] = [...(isConsumer ? (['consumer'] as const) : []), ...(isProvider ? (['provider'] as const) : []), ...(isPlatform ? (['all'] as const) : [])];

  const newButton = isConsumer ? (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setRequesting(true)}>
      {t('dataExchange.requests.new')}
    </Button>
  ) : null;
  const items = [
    isConsumer ? { key: 'requests', label: t('dataExchange.tabs.requests'), children: <RequestsTab view="mine" emptyText={t('dataExchange.requests.empty.mine')} emptyAction={newButton} /> } : null,
    isPlatform ? { key: 'review', label: t('dataExchange.tabs.review'), children: <RequestsTab view="review" emptyText={t('dataExchange.requests.empty.review')} /> } : null,
    isProvider ? { key: 'answer', label: t('dataExchange.tabs.answer'), children: <RequestsTab view="answer" emptyText={t('dataExchange.requests.empty.answer')} /> } : null,
    grantViews.length > 0
      ? {
          key: 'grants',
          label: isConsumer ? t('dataExchange.tabs.grantsAndCredentials') : t('dataExchange.tabs.grants'),
          children: (
            <>
              <GrantsTab views={grantViews} />
              {isConsumer ? <CredentialsCard /> : null}
            </>
          ),
        }
      : null,
    demandViews.length > 0 ? { key: 'demands', label: t('dataExchange.tabs.demands'), children: <DemandsTab views={demandViews} canFile={isConsumer} /> } : null,
    callViews.length > 0 ? { key: 'calls', label: t('dataExchange.tabs.calls'), children: <CallsTab views={callViews} canVerify={isPlatform} /> } : null,
    seesStatistics ? { key: 'statistics', label: t('dataExchange.tabs.statistics'), children: <StatisticsTab /> } : null,
  ].filter((i): i is NonNullable<typeof i> => i !== null);
  const asked = params.get('tab');
  const active = items.find((i) => i.key === asked)?.key ?? items[0]?.key;

  return (
    <>
      <PageHeader title={t('dataExchange.title')} description={t('dataExchange.intro')} extra={newButton} />
      <Card>
        <Tabs
          activeKey={active}
          onChange={(key) => setParams({ tab: key }, { replace: true })}
          items={items}
          destroyOnHidden
        />
      </Card>
      {isConsumer ? (
        <NewRequestDrawer
          open={isRequesting}
          onClose={() => setRequesting(false)}
          onSubmitted={(request) => {
            setRequesting(false);
            void message.success(t('dataExchange.form.submitted'));
            void queryClient.invalidateQueries({ queryKey: exchangeKeys.all });
            void navigate(`/workbench/data/share-requests/${request.id}`);
          }}
        />
      ) : null}
    </>
  );
}
